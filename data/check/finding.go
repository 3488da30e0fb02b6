package check

// Severity of a finding.
type Severity string

const (
	Error   Severity = "error"   // the report is wrong: figures do not add up
	Warning Severity = "warning" // worth a look: maybe right, maybe not
)

// Finding is one failed rule at one place of a report.
type Finding struct {
	Rule     string   `json:"rule"`     // R1…R6 for the file format's rules; W… for the program's own warnings
	Severity Severity `json:"severity"` // error or warning
	Part     string   `json:"part"`     // 一…六, or "" for the report's basic information (title)
	Row      string   `json:"row"`      // JSON key of the row: new, granted, review, rules, title, …; "" for a whole part
	Column   string   `json:"column"`   // printed column label: 自然人 … 总计, 结果维持 … 尚未审结, 现行有效件数; "" for a whole row
	Expected *int64   `json:"expected"` // the figure the rule expects, nil where the rule is not about a figure
	Actual   *int64   `json:"actual"`   // the figure the report has, nil likewise
	Message  string   `json:"message"`  // Chinese, naming the row and column as printed

	// Difference is Actual − Expected where both are set: the "差 35" of the message.
	Difference *int64 `json:"difference,omitempty"`
	// Slip is the one cell (or, with Column "", the one row) whose correction
	// would make every failing sum of the table add up, when exactly one does.
	Slip *Cell `json:"slip,omitempty"`
	// Text is the sentence of the prose the finding is about (W8, W9).
	Text *TextSpan `json:"text,omitempty"`
}

// Cell names one cell of a table as a Finding does: Part, Row key and printed Column.
type Cell struct {
	Part   string `json:"part"`
	Row    string `json:"row"`
	Column string `json:"column"`
}

// TextSpan is a sentence in one text box of the report.
type TextSpan struct {
	Part    string `json:"part"`    // 一, 五 or 六; 二, 三 or 四 for the text around a table
	Section int    `json:"section"` // index of the section in its part; 0 around a table
	Field   string `json:"field"`   // "heading" or "body"; "before" or "after" the table
	Start   int    `json:"start"`   // offset of the sentence in the field, in runes
	End     int    `json:"end"`     // offset just after it, in runes
	Quote   string `json:"quote"`   // the sentence as written
}

// Counts returns the number of errors and of warnings among findings.
func Counts(findings []Finding) (errors, warnings int) {
	for _, f := range findings {
		if f.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}
