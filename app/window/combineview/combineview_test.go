package combineview

import (
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/window/kit/kittest"
	"nianbao/data/combine"
	"nianbao/data/intake"
	"nianbao/data/intake/anyfile"
	"nianbao/data/intake/pdf"
	"nianbao/data/report"
	"nianbao/data/store"
	"nianbao/data/store/sqlite"
)

// host is the window the room is tested in: a real store in a temporary
// folder; opening or creating a report is recorded, as the window's editor
// would open it (a report created is stored as the window's 新建 stores it).
type host struct {
	*kittest.Host
	st     store.Store
	view   *View
	opened int64 // the report the window was asked to open, 0 for none
	// confirming is the reading the window was asked to show for a person
	// to confirm, nil for none; its then is what the view's 确认 calls.
	confirming *confirming
}

type confirming struct {
	path    string
	report  *report.Report
	reading *intake.Reading
	then    func(*report.Report)
}

// The tests' one reader of units' files, PDFium compiled once; it is not for
// two goroutines at once (the window's is behind a lock too).
var (
	readerMu sync.Mutex
	reader   = anyfile.New(pdf.DefaultCacheDir())
)

func (h *host) ReadReport(ctx context.Context, path string) (*report.Report, *intake.Reading, error) {
	readerMu.Lock()
	defer readerMu.Unlock()
	return reader.Read(ctx, path)
}

func (h *host) ConfirmReading(path string, r *report.Report, rd *intake.Reading, then func(*report.Report)) {
	h.confirming = &confirming{path, r, rd, then}
}

func newHost(t *testing.T, setup func(st store.Store)) *host {
	t.Helper()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "nianbao.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if setup != nil {
		setup(st)
	}
	return &host{Host: kittest.New(t, st.Path()), st: st}
}

func (h *host) ShowList()                       {}
func (h *host) OpenReport(id int64)             { h.opened = id }
func (h *host) ExportSheet(res *combine.Result) {}
func (h *host) Now() time.Time                  { return time.Now() }

func (h *host) CreateReport(agency string, year int, fromPrevious bool) {
	var id int64
	h.Background(func() (err error) {
		id, err = h.st.Put(report.New(agency, year), store.SaveManual)
		return err
	}, func(err error) {
		if err != nil {
			h.T.Errorf("creating %s %d: %v", agency, year, err)
			return
		}
		h.opened = id
	})
}

// showCombine opens the 汇总 view, as the window's 汇总 button does: made
// the first time, started every time.
func (h *host) showCombine() {
	if h.view == nil {
		h.view = New(h, h.st)
	}
	h.Win.SetContent(h.view.Content())
	h.view.Start()
}

func combineUnit(name string, n int, fee string) *report.Report {
	r := report.New(name, 2024)
	r.Overview = []report.Section{{Body: "总体情况。"}}
	r.Problems = []report.Section{{Body: "问题。"}}
	r.OtherMatters = []report.Section{{Body: "未收取信息处理费。"}}
	r.Proactive.Fees = fee
	r.Applications[report.RowNew][report.ColNaturalPerson] = n
	r.Applications[report.RowGranted][report.ColNaturalPerson] = n
	r.FillTotals()
	return r
}

// TestCombineView drives the 汇总 view as the office does: the roster and the
// reports in the database, one unit sent as a file from a folder, the status
// list, a cell's contributions, a unit left out, and the sum saved as the
// county's own report.
func TestCombineView(t *testing.T) {
	h := newHost(t, func(st store.Store) {
		roster := []combine.Unit{
			{Name: "某县财政局", Type: report.AgencyDepartment, Group: "县直部门"},
			{Name: "某县教育局", Type: report.AgencyDepartment, Group: "县直部门"},
			{Name: "城关镇", Type: report.AgencyTownship, Group: "乡镇/街道"},
		}
		if err := st.SetRoster("某县人民政府", 2024, roster); err != nil {
			t.Fatal(err)
		}
		bad := combineUnit("某县教育局", 4, "0.2")
		bad.Applications[report.RowNew][report.ColTotal] = 9
		for _, r := range []*report.Report{combineUnit("某县财政局", 3, "0.1"), bad} {
			if _, err := st.Put(r, store.SaveImport); err != nil {
				t.Fatal(err)
			}
		}
	})
	h.showCombine()
	h.Idle()
	v := h.view
	v.agency.SetText("某县人民政府")
	v.year.SetText("2024")
	v.refresh()
	h.WaitFor("the round", func() bool { return v.res != nil && v.res.Agency == "某县人民政府" })
	if len(v.res.Units) != 3 {
		t.Fatalf("result: %+v", v.res)
	}
	if !strings.Contains(v.summary.Text, "共 3 个单位，计入合计 2 个") {
		t.Errorf("summary: %q", v.summary.Text)
	}
	statuses := []string{}
	for _, u := range v.res.Units {
		statuses = append(statuses, u.Name+":"+u.Status.Label())
	}
	if got := strings.Join(statuses, ","); got != "某县财政局:通过,某县教育局:有错误,城关镇:已逾期" {
		t.Errorf("statuses = %s", got)
	}

	combineImport(t, h, v)
	cell := combineContributions(t, v)
	v = combineLeaveOut(t, h, v, cell)
	combineSaveOwn(t, h, v)
	combineTypeIn(t, h, v)
}

// combineImport imports a folder: 城关镇 arrives, a file of another year is named.
func combineImport(t *testing.T, h *host, v *View) {
	dir := t.TempDir()
	if err := report.WriteFile(filepath.Join(dir, "城关镇.nianbao.json"), combineUnit("城关镇", 5, "0.000001")); err != nil {
		t.Fatal(err)
	}
	if err := report.WriteFile(filepath.Join(dir, "旧.nianbao.json"), func() *report.Report { r := combineUnit("城关镇", 1, "0"); r.Year = 2023; return r }()); err != nil {
		t.Fatal(err)
	}
	v.importPaths([]string{dir})
	h.WaitFor("the import result", func() bool { return strings.Contains(h.OverlayText(), "导入") })
	h.WaitFor("城关镇 to be received", func() bool { return v.res.Units[2].Status == combine.Passed })
	text := h.OverlayText()
	for _, want := range []string{"城关镇.nianbao.json：已导入“城关镇”", "旧.nianbao.json：是“城关镇”2023 年的报告，不是本次汇总的 2024 年，未导入"} {
		if !strings.Contains(text, want) {
			t.Errorf("import result lacks %q:\n%s", want, text)
		}
	}
	h.TapOverlayButton("关闭")

}

// combineContributions shows the contributions of 一、本年新收 自然人.
func combineContributions(t *testing.T, v *View) combine.Cell {
	cell, _ := cellByPath("applications.new[0]")
	b := v.buttons[cell.Index]
	if b == nil || b.Text != "12" {
		t.Fatalf("figure button = %+v", b)
	}
	test.Tap(b)
	if !strings.Contains(v.contribTitle.Text, "“一、本年新收政府信息公开申请数量 自然人”合计 12，来自 3 个单位") {
		t.Errorf("contributions title: %q", v.contribTitle.Text)
	}
	if len(v.contribs) != 3 || v.contribs[0].Unit != "城关镇" || v.contribs[0].Value != 5 {
		t.Errorf("contributions: %+v", v.contribs)
	}
	fee, _ := cellByPath("proactive.fees")
	if got := v.buttons[fee.Index].Text; got != "0.300001" {
		t.Errorf("fee sum shown %s", got)
	}

	return cell
}

// combineLeaveOut leaves 某县教育局 out; a new view remembers it.
func combineLeaveOut(t *testing.T, h *host, v *View, cell combine.Cell) *View {
	v.selectUnit(1)
	test.Tap(v.includeBtn)
	h.WaitFor("the unit to be left out", func() bool { return !v.res.Units[1].Included })
	if v.res.Sum[cell.Index] != 8 {
		t.Errorf("left out unit still counted: %d", v.res.Sum[cell.Index])
	}
	// The choice is kept: a new view (the next start of the program) leaves it out too.
	h.view = nil
	h.showCombine()
	h.WaitFor("the new view to combine", func() bool { return h.view.res != nil })
	v = h.view
	if v.res.Units[1].Included {
		t.Fatalf("left-out unit not remembered")
	}

	return v
}

// combineSaveOwn saves the sum as the county's own report, then updates it after showing the changes.
func combineSaveOwn(t *testing.T, h *host, v *View) {
	v.saveOwn()
	h.WaitFor("the question", func() bool { return strings.Contains(h.OverlayText(), "新建") })
	if !strings.Contains(h.OverlayText(), "新建一份，数字为 2 个单位的合计") {
		t.Fatalf("dialog: %q", h.OverlayText())
	}
	h.TapOverlayButton("新建")
	h.WaitFor("the own report", func() bool { _, _, err := h.st.Find("某县人民政府", 2024); return err == nil })
	h.Idle()
	_, own, err := h.st.Find("某县人民政府", 2024)
	if err != nil || own.Applications[report.RowNew][report.ColNaturalPerson] != 8 {
		t.Fatalf("own report: %v %+v", err, own)
	}
	if m, _ := h.st.Members("某县人民政府", 2024); strings.Join(m, ",") != "城关镇,某县财政局" {
		t.Errorf("members = %v", m)
	}

	// Counting 某县教育局 again, saving shows the changes cell by cell.
	v.selectUnit(1)
	test.Tap(v.includeBtn)
	h.WaitFor("the unit to be counted again", func() bool { return v.res.Units[1].Included })
	if len(v.res.Hierarchy) == 0 {
		t.Errorf("no hierarchy warnings against the saved own report")
	}
	combineWords(t, v)
	v.saveOwn()
	h.WaitFor("the changes", func() bool { return strings.Contains(h.OverlayText(), "更新") })
	text := h.OverlayText()
	if !strings.Contains(text, "一、本年新收政府信息公开申请数量 自然人：8 → 12") {
		t.Fatalf("changes dialog: %q", text)
	}
	h.TapOverlayButton("更新")
	h.WaitFor("the own report to be updated", func() bool {
		_, own, _ := h.st.Find("某县人民政府", 2024)
		return own.Applications[report.RowNew][report.ColNaturalPerson] == 12
	})

}

// combineTypeIn types a missing unit in, and opens a received one.
func combineTypeIn(t *testing.T, h *host, v *View) {
	roster := []combine.Unit{{Name: "某县财政局", Type: report.AgencyDepartment}, {Name: "东乡", Type: report.AgencyTownship}}
	if err := h.st.SetRoster("某县人民政府", 2024, roster); err != nil {
		t.Fatal(err)
	}
	v.refresh()
	h.WaitFor("the new roster", func() bool { return len(v.res.Units) == 2 && v.res.Units[1].Name == "东乡" })
	v.selectUnit(1)
	if v.res.Units[1].Name != "东乡" || v.openBtn.Text != "录入报告" {
		t.Fatalf("missing unit: %s %q", v.res.Units[1].Name, v.openBtn.Text)
	}
	test.Tap(v.openBtn)
	h.WaitFor("the new report", func() bool { return h.opened != 0 })
	if r, err := h.st.Get(h.opened); err != nil || r.Agency != "东乡" || r.Year != 2024 {
		t.Fatalf("editor has %+v (%v)", r, err)
	}
	h.showCombine()
	h.WaitFor("东乡 to be received", func() bool { return v.res.Units[1].Source != "" })

	// Opening a unit opens it in the editor.
	v.selectUnit(0)
	test.Tap(v.openBtn)
	h.WaitFor("the unit's report to open", func() bool { return h.opened == v.res.Units[0].ID })
}

// cellByPath finds a cell of combine.Cells by its JSON path.
func cellByPath(path string) (combine.Cell, bool) {
	for _, c := range combine.Cells() {
		if c.Path == path {
			return c, true
		}
	}
	return combine.Cell{}, false
}

// combineWords: the notes and the selected unit's findings say what each
// check is, never its code (W4, H1; issue 19 point 11).
func combineWords(t *testing.T, v *View) {
	var notes []string
	for _, o := range v.notes.Objects {
		if l, ok := o.(*widget.Label); ok {
			notes = append(notes, l.Text)
		}
	}
	text := strings.Join(notes, "\n") + "\n" + v.unitInfo.Text
	if !strings.Contains(text, "本级报告（本级报告的数字与各单位合计核对）：") {
		t.Errorf("the notes do not say what the hierarchy check is:\n%s", text)
	}
	if code := regexp.MustCompile(`\b[RWH][0-9]+\b`).FindString(text); code != "" {
		t.Errorf("the notes name the rule %s:\n%s", code, text)
	}
}
