package intakeview

import (
	"fmt"
	"strings"

	"nianbao/data/figure"
	"nianbao/data/intake"
	"nianbao/data/printed"
	"nianbao/data/report"
)

// Item is one thing of a reading a person must look at: a doubt (a figure
// not found, found twice, not a number; a title, year or part not found) or
// a figure read as 0 because the file prints none.
type Item struct {
	Doubt intake.Doubt
	Zero  bool   // read as 0: nothing printed (blank, /, —, 无, a row left out)
	Value string // the figure as read, "" when none could be read; for the entry
	// Printed is what the file prints in the cell, "" for none.
	Printed string
}

// Field is the figure the item is about, nil for the text.
func (it Item) Field() *printed.Field { return it.Doubt.Field }

// Items are what a reading leaves for a person: the doubts first, in the
// reader's order, then the figures read as 0.
func Items(rd *intake.Reading) []Item {
	if rd == nil {
		return nil
	}
	byField := map[[3]any]intake.Figure{}
	for _, f := range rd.Figures {
		byField[key(&f.Field)] = f
	}
	out := make([]Item, 0, len(rd.Doubts)+len(rd.Zeros))
	for _, d := range rd.Doubts {
		it := Item{Doubt: d}
		if d.Field != nil {
			f := byField[key(d.Field)]
			it.Printed = strings.TrimSpace(f.Printed)
			if f.How != intake.NotFound && f.How != intake.NotNumber {
				it.Value = f.Value
			}
		}
		out = append(out, it)
	}
	for _, z := range rd.Zeros {
		it := Item{Doubt: z, Zero: true, Value: "0"}
		if z.Field != nil {
			it.Printed = strings.TrimSpace(byField[key(z.Field)].Printed)
		}
		out = append(out, it)
	}
	return out
}

func key(f *printed.Field) [3]any { return [3]any{f.Part, f.Row, f.Index} }

// FieldName names a figure in the report's printed words: the part's
// heading, the row and the column.
func FieldName(f *printed.Field) string {
	heading := ""
	for _, t := range printed.Tables() {
		if strings.HasPrefix(t.Heading, f.Part+"、") {
			heading = t.Heading + " "
		}
	}
	name := heading + f.RowLabel
	if f.Column != "" {
		name += "“" + f.Column + "”"
	}
	return name
}

// Apply puts what the person typed for each item (texts, by item; "" for an
// item without a figure) into r. A figure the reader could not settle must be
// filled in; every text must be a figure. The error names the cell.
func Apply(r *report.Report, items []Item, texts []string) error {
	for i, it := range items {
		f := it.Field()
		if f == nil {
			continue
		}
		text := strings.TrimSpace(texts[i])
		if text == "" && !it.Zero {
			return fmt.Errorf("%s：请对照原件填写这个数字（文件中%s）", FieldName(f), printedWords(it.Printed))
		}
		n, fee := f.Pointer(r)
		switch {
		case fee != nil:
			v, err := figure.ParseFeeOf(text, r)
			if err != nil {
				return fmt.Errorf("%s：%v", FieldName(f), err)
			}
			*fee = v
		case n != nil:
			v, err := figure.ParseCountOf(text, r)
			if err != nil {
				return fmt.Errorf("%s：%v", FieldName(f), err)
			}
			*n = v
		}
	}
	return nil
}

// printedWords says what a cell prints.
func printedWords(p string) string {
	if p == "" {
		return "没有印出数字"
	}
	return "印的是“" + p + "”"
}
