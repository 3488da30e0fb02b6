// Package job is what every writer of a report is given (the PDF of
// app/paper, the Word document of app/word, the web page of app/web): one
// Input holding the report, its printed model, the earlier years its trend
// charts show, the font choice and whether the 图解 follow the report. The
// command line and the window build it the same way and hand it to the
// format's writer, so that a new format reads what the others read.
package job

import (
	"nianbao/app/charts"
	"nianbao/data/outfile"
	"nianbao/data/printed"
	"nianbao/data/report"
)

// FontChoice says which fonts a writer uses or names.
type FontChoice int

const (
	// FontsAuto uses the official faces (仿宋_GB2312 or 仿宋, 黑体, 楷体,
	// 方正小标宋) for their roles when they are installed on this machine: the
	// PDF embeds them, the Word document names them. Faces not found are the
	// bundled ones in the PDF and those every Chinese Windows has in Word.
	FontsAuto FontChoice = iota
	// FontsBundled does not look at this machine's fonts: the PDF uses only
	// the fonts the program carries, the Word document names only the faces
	// every Chinese Windows has (宋体, 仿宋, 黑体, 楷体).
	FontsBundled
)

// Input is one report to write, and how.
type Input struct {
	Report *report.Report
	// History holds the agency's other stored years, for the trend charts
	// (nil when there are none or the report is not from the database).
	History []*report.Report
	Fonts   FontChoice
	// FontDirs are searched for the official faces before the system's font
	// folders (a file found here wins); tests point them at a temporary folder.
	FontDirs []string
	// Charts puts the 图解 after the report.
	Charts bool

	printed *printed.Document
}

// New is the input of r with its printed model built once for every writer;
// the caller sets the rest.
func New(r *report.Report) *Input {
	in := &Input{Report: r}
	if r != nil {
		in.printed = printed.Build(r)
	}
	return in
}

// FileName is the default name of what a writer makes of the report, in
// both front doors: "<机关名称><年度>年政府信息公开工作年度报告" with the
// format's extension ("" for a folder), made safe by outfile.FileName.
func (in *Input) FileName(ext string) string {
	return outfile.FileName(in.Report.DefaultTitle(), ext)
}

// Printed is the printed model of the report (labels, merged cells and
// figures): the one New built, or, for an Input made otherwise, a new one.
func (in *Input) Printed() *printed.Document {
	if in.printed != nil && in.printed.Report == in.Report {
		return in.printed
	}
	return printed.Build(in.Report)
}

// DrawCharts draws the 图解 of the report (app/charts) when Charts asks for
// them, nil otherwise: the charts of its figures, and the trend over History.
// Each writer draws them in its own way (PNG, SVG) from these.
func (in *Input) DrawCharts() ([]charts.Chart, error) {
	if !in.Charts {
		return nil, nil
	}
	return charts.Charts(in.Report, in.History)
}
