// Package word writes a report as a Word document (.docx, WordprocessingML)
// laid out as an official document after GB/T 9704-2012, for the leader's
// 审核 in WPS or Word and for publishing: A4 with margins 37/35/28/26 mm, a
// document grid of 22 lines of 28 characters at an exact line pitch, the
// title in 二号 小标宋, the body in 三号 仿宋, headings in 黑体 and 楷体, page
// numbers "— 1 —" outside on odd and even pages, and the three tables of the
// national format with the merged cells of the printed-report model
// (data/printed).
//
// No Go library writes what this needs under a permissive licence (vertical
// merges, East Asian fonts, odd/even footers), so the parts are written here
// with the standard library.
package word

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"nianbao/app/buildinfo"
	"nianbao/app/charts"
	"nianbao/app/job"
	"nianbao/app/paper/fonts"
)

// image is a picture put after the report, on pages of its own: a chart.
type image struct {
	Title string // the caption under the picture
	Alt   string // the text alternative: Word's 替代文字, and printed under the caption
	PNG   []byte
	// Width and Height are the picture's size in pixels; it is printed the
	// width of the type area, at this aspect ratio.
	Width, Height int
}

// Result is a written document.
type Result struct {
	DOCX      []byte
	FontsUsed []string // "正文：仿宋_GB2312（本机已安装）", one line a role
	Figures   int      // the 图解 after the report
}

// Write writes the report of in as a .docx file, naming the fonts of
// in.Fonts, with the 图解 after it under the heading 附：图解 when in.Charts
// asks.
func Write(in *job.Input) (*Result, error) {
	if in == nil || in.Report == nil {
		return nil, errors.New("没有要生成 Word 文件的年报")
	}
	cs, err := in.DrawCharts()
	if err != nil {
		return nil, fmt.Errorf("无法绘制图解：%w", err)
	}
	images, err := chartImages(cs)
	if err != nil {
		return nil, fmt.Errorf("无法绘制图解：%w", err)
	}
	return writeImages(in, images)
}

// writeImages writes in with images after the report.
func writeImages(in *job.Input, images []image) (*Result, error) {
	ff := chooseFonts(in)
	w := &writer{r: in.Report, fonts: ff, images: images}
	doc := w.document(in.Printed())
	b, err := w.zip(doc)
	if err != nil {
		return nil, fmt.Errorf("生成 Word 文件失败：%w", err)
	}
	return &Result{DOCX: b, FontsUsed: ff.used(), Figures: len(images)}, nil
}

// Faces every Chinese edition of Windows has, by role; WPS on Linux (统信UOS,
// 银河麒麟) installs the same names.
const (
	windowsSong     = "宋体"
	windowsFangSong = "仿宋"
	windowsHei      = "黑体"
	windowsKai      = "楷体"
)

// fontNames are the names the document gives each role's font, and whether
// the name is a face found on this machine.
type fontNames struct {
	title, body, heading, section, pageNumber string
	found                                     map[fonts.Role]bool
}

func chooseFonts(in *job.Input) fontNames {
	ff := fontNames{
		title: windowsSong, body: windowsFangSong, heading: windowsHei, section: windowsKai,
		pageNumber: windowsSong, found: map[fonts.Role]bool{},
	}
	if in.Fonts != job.FontsAuto {
		return ff
	}
	found := fonts.Discover(append(slices.Clone(in.FontDirs), fonts.SystemDirs()...))
	for role, dst := range map[fonts.Role]*string{
		fonts.RoleTitle: &ff.title, fonts.RoleBody: &ff.body, fonts.RoleHeading: &ff.heading, fonts.RoleSection: &ff.section,
	} {
		if f := found.Faces[role]; f != nil {
			*dst = family(f)
			ff.found[role] = true
		}
	}
	return ff
}

// family is the name under which Word and WPS know a discovered face: its
// label without the path, "仿宋_GB2312（C:\…）" → "仿宋_GB2312".
func family(f *fonts.Face) string {
	name, _, _ := strings.Cut(f.Label, "（")
	return strings.TrimSpace(name)
}

// titleIsSong tells whether the title falls back to 宋体, which is then set
// bold to stand in for 小标宋.
func (ff fontNames) titleIsSong() bool { return !ff.found[fonts.RoleTitle] }

func (ff fontNames) used() []string {
	line := func(role fonts.Role, what, name string) string {
		if ff.found[role] {
			return what + "：" + name + "（本机已安装）"
		}
		return what + "：" + name + "（中文 Windows 自带）"
	}
	title := line(fonts.RoleTitle, "标题", ff.title)
	if ff.titleIsSong() {
		title = "标题：宋体 加粗（未找到方正小标宋；中文 Windows 自带）"
	}
	return []string{
		title,
		line(fonts.RoleBody, "正文", ff.body),
		line(fonts.RoleHeading, "一级标题", ff.heading),
		line(fonts.RoleSection, "二级标题", ff.section),
		"页码：" + ff.pageNumber + "（中文 Windows 自带）",
	}
}

// zip packs the parts. The same report gives the same bytes: every part is
// dated 31 December of the report's year, like the PDF.
func (w *writer) zip(document string) ([]byte, error) {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	date := time.Date(max(w.r.Year, 1980), 12, 31, 12, 0, 0, 0, time.UTC)
	add := func(name string, data []byte) error {
		f, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: date})
		if err != nil {
			return err
		}
		_, err = f.Write(data)
		return err
	}
	parts := []struct {
		name string
		data string
	}{
		{"[Content_Types].xml", contentTypes(len(w.images) > 0)},
		{"_rels/.rels", rootRels},
		{"docProps/core.xml", w.core(date)},
		{"docProps/app.xml", appXML(buildinfo.Creator())},
		{"word/document.xml", document},
		{"word/_rels/document.xml.rels", w.documentRels()},
		{"word/styles.xml", w.styles()},
		{"word/settings.xml", settingsXML},
		{"word/fontTable.xml", w.fontTable()},
		{"word/footer1.xml", footer(false)},
		{"word/footer2.xml", footer(true)},
	}
	for _, p := range parts {
		if err := add(p.name, []byte(p.data)); err != nil {
			return nil, err
		}
	}
	for i, im := range w.images {
		if err := add(fmt.Sprintf("word/media/chart%d.png", i+1), im.PNG); err != nil {
			return nil, err
		}
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// chartImages draws the charts as the pictures of a document.
func chartImages(cs []charts.Chart) ([]image, error) {
	out := make([]image, 0, len(cs))
	for i := range cs {
		png, err := cs[i].PNG()
		if err != nil {
			return nil, err
		}
		out = append(out, image{Title: cs[i].Title, Alt: cs[i].Alt, PNG: png,
			Width: charts.Width * charts.PNGScale, Height: charts.Height * charts.PNGScale})
	}
	return out, nil
}
