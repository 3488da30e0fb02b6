package printed

import (
	"fmt"
	"strings"

	"nianbao/data/report"
)

// Role is what a paragraph is in the report.
type Role int

const (
	RoleTitle          Role = iota // the report's title
	RolePreamble                   // a paragraph of the preamble (引言)
	RolePartHeading                // 一、总体情况 … 六、其他需要报告的事项
	RoleSectionHeading             // a section heading such as （一）主动公开政府信息情况
	RoleBody                       // a paragraph of a part's prose
	RoleClosing                    // a paragraph after part 六
	// The sign-off at the end of the closing, as GB/T 9704-2012 §7.3.5 places
	// it: the date (成文日期) four characters in from the right margin, the
	// agency's name (署名) centred over it. Recognised in the closing's last
	// lines (see SignOff); the file keeps them as lines of the closing.
	RoleSignature // the agency's name over the date
	RoleDate      // the date the report was made (成文日期)
)

// Run is a piece of a paragraph's text, bold where the user marked it **…**.
type Run struct {
	Text string
	Bold bool
}

// Paragraph is one paragraph of the report.
type Paragraph struct {
	Role Role
	Text string // the text without bold marks; headings and the title trimmed
	Runs []Run  // Text cut where bold starts and ends; headings and the title are one plain run
	Part int    // 0…5 for the part a heading or body belongs to (1…3: text around the table); -1 for the title, preamble and closing
	// Section counts the sections of part 一, 五 or 六 from 1: the section a
	// section heading or body paragraph is in; 0 for none.
	Section int
	// Where names the paragraph in a message: "标题", "引言第2段",
	// "一、总体情况", "一、总体情况（一）小标题", "一、总体情况（一）第1段",
	// "二、主动公开政府信息情况表格前的文字第1段", "结尾第1段".
	Where string
}

// Block is one item of the document in print order: a paragraph or a table.
type Block struct {
	Paragraph *Paragraph
	Table     *Table
}

// Document is the report as printed, in order: the title, the preamble, the
// six parts (parts 二 to 四 a heading, the paragraphs before the table, the
// table, the paragraphs after it), the closing.
type Document struct {
	Report *report.Report // the figures the tables' cells show
	Agency string         // the agency's name, where a long title breaks
	Blocks []Block
}

// Build makes the document of r. It reads r when it is built; the tables'
// figures are read from Report on demand.
func Build(r *report.Report) *Document {
	d := &Document{Report: r, Agency: r.Agency}
	d.add(&Paragraph{Role: RoleTitle, Text: r.DisplayTitle(), Part: -1, Where: "标题"})
	d.prose(r.Preamble, RolePreamble, -1, "引言")
	d.part(0, r.Overview)
	tables := Tables()
	for i, t := range tables {
		d.heading(t.Part, RolePartHeading, report.PartHeadings[t.Part], report.PartHeadings[t.Part])
		text := r.TableText(t.Part)
		d.prose(text.Before, RoleBody, t.Part, report.TableTextWhere(t.Part, false))
		d.Blocks = append(d.Blocks, Block{Table: tables[i]})
		d.prose(text.After, RoleBody, t.Part, report.TableTextWhere(t.Part, true))
	}
	d.part(4, r.Problems)
	d.part(5, r.OtherMatters)
	rest, sig, date := SignOff(r.Closing)
	d.prose(rest, RoleClosing, -1, "结尾")
	if sig != "" {
		d.add(&Paragraph{Role: RoleSignature, Text: sig, Part: -1, Where: "结尾署名"})
	}
	if date != "" {
		d.add(&Paragraph{Role: RoleDate, Text: date, Part: -1, Where: "结尾成文日期"})
	}
	return d
}

func (d *Document) add(p *Paragraph) {
	if len(p.Runs) == 0 && p.Text != "" {
		p.Runs = []Run{{Text: p.Text}}
	}
	d.Blocks = append(d.Blocks, Block{Paragraph: p})
}

func (d *Document) heading(part int, role Role, text, where string) {
	d.add(&Paragraph{Role: role, Text: strings.TrimSpace(strings.ReplaceAll(text, "**", "")), Part: part, Where: where})
}

// prose adds the paragraphs of a body.
func (d *Document) prose(body string, role Role, part int, where string) {
	for i, p := range report.Paragraphs(body) {
		runs := Runs(p)
		var b strings.Builder
		for _, r := range runs {
			b.WriteString(r.Text)
		}
		d.add(&Paragraph{Role: role, Text: b.String(), Runs: runs, Part: part, Where: fmt.Sprintf("%s第%d段", where, i+1)})
	}
}

// part adds one of the prose parts 一, 五, 六: its heading, then each
// section's heading (when it has one) and paragraphs.
func (d *Document) part(n int, sections []report.Section) {
	name := report.PartHeadings[n]
	d.heading(n, RolePartHeading, name, name)
	for k, s := range sections {
		start := len(d.Blocks)
		where := name + sectionName(s.Heading, k)
		if h := strings.TrimSpace(s.Heading); h != "" {
			d.heading(n, RoleSectionHeading, h, where+"小标题")
		}
		d.prose(s.Body, RoleBody, n, where)
		for _, b := range d.Blocks[start:] {
			b.Paragraph.Section = k + 1
		}
	}
}

// Runs cuts a paragraph at its bold marks: text between two ** is bold; an
// odd last mark is literal text.
func Runs(text string) []Run {
	parts := strings.Split(text, "**")
	if len(parts)%2 == 0 {
		last := parts[len(parts)-2] + "**" + parts[len(parts)-1]
		parts = append(parts[:len(parts)-2], last)
	}
	var runs []Run
	for i, p := range parts {
		if p != "" {
			runs = append(runs, Run{Text: p, Bold: i%2 == 1})
		}
	}
	return runs
}

// sectionName names a section in a message by its number, "（一）", or by
// its position when its heading has none.
func sectionName(heading string, k int) string {
	h := []rune(strings.TrimSpace(heading))
	if len(h) > 0 && h[0] == '（' {
		for i := 1; i < len(h) && i < 6; i++ {
			if h[i] == '）' {
				return string(h[:i+1])
			}
		}
	}
	if len(h) == 0 {
		return ""
	}
	return fmt.Sprintf("第%d节", k+1)
}

// Tables returns the document's three tables in print order.
func (d *Document) Tables() []*Table {
	var ts []*Table
	for _, b := range d.Blocks {
		if b.Table != nil {
			ts = append(ts, b.Table)
		}
	}
	return ts
}
