// Package printed is the one model of the printed report: what every output
// (the PDF layout, the window's tables, Word, the web page, the spreadsheet)
// shows, in print order, before any format decides how it looks.
//
// A Document (Build) is the title and the paragraphs of a report with their
// roles, and the three tables of parts 二, 三 and 四 in their places. A Table is
// a grid of Cells with row and column spans, labels exactly as the national
// format (国办公开办函〔2021〕30号) prints them, and, for every figure cell, the
// Field of the report it shows. Every label and merged cell of the three tables
// is written here (tables.go) and nowhere else: data/report holds the JSON keys
// of the rows (report.AppRowKeys, report.CaseGroupKeys) and the part headings
// (report.PartHeadings, which its messages name), and every other package reads
// the labels from here.
//
// # API (stable: additions only)
//
//	Build(r) *Document               title, paragraphs and tables in print order
//	Document{Report, Agency, Blocks}; Document.Tables()
//	Block{Paragraph, Table}          exactly one is set
//	Paragraph{Role, Text, Runs, Part, Where}; Role: RoleTitle … RoleClosing, RoleSignature, RoleDate; Runs(text) []Run{Text, Bold}
//	SignOff(closing) (rest, sig, date) the closing's last lines when they are an agency's name over a date (GB/T 9704 署名, 成文日期)
//	Tables() []*Table                the three tables: Proactive(), Applications(), Cases(), fresh copies
//	Table{ID, Part, Heading, Cols, Rows, Header, Blocks, Cells}; Table.PartName() 二/三/四
//	Table.At(row, col) *Cell         the cell covering a grid position
//	Table.Headers(c) (rows, cols)    the row and column head cells of a figure cell
//	Table.Figures() []*Cell          the figure cells in reading order
//	Cell{Row, Col, RowSpan, ColSpan, Kind, Text, Align, Field}; Kind: KindCaption, KindHead, KindRowHead, KindFigure
//	Field{Part, Row, Index, Column, RowLabel, Computed, Fee}
//	Field.Text(r) string             the figure as printed; Field.Count(r); Field.Pointer(r) (*int, *string)
//	DocColumnLabels, ContentLabel, DecisionsLabel, FeeLabel, …Label   part 二's labels
//	AppRowInfos, AppColumnLabels, AppTableNote, ApplicantsLabel, OrganisationsLabel   part 三's
//	CaseGroupInfos, CaseColumnLabels, ReviewLabel, LitigationLabel    part 四's
//
// The part headings are report.PartHeadings. Table IDs are the JSON keys of
// the parts: proactive, applications, review_litigation.
//
// Cells are listed in reading order (row by row, left to right), except that
// a head cell comes before the heads under it where a format draws them so
// (part 四: 未经复议直接起诉 before its five heads). Every grid position is
// covered by exactly one cell.
//
// Figures are not copied into the model: a figure cell names its Field and a
// writer asks the report for it (Field.Text), so one Table serves every
// report.
package printed
