package window

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/job"
	"nianbao/app/paper"
	"nianbao/app/printing"
	"nianbao/app/window/export"
	"nianbao/app/window/kit/kittest"
	"nianbao/assets"
	"nianbao/data/check"
	"nianbao/data/report"
	"nianbao/data/store"
	"nianbao/data/store/sqlite"
	"nianbao/forms/apptheme"
)

// uiLoop stands in for the driver's event loop: post queues, run drains on
// the test goroutine, which is the UI goroutine of these tests.
type uiLoop struct {
	mu sync.Mutex
	q  []func()
}

func (l *uiLoop) post(f func()) {
	l.mu.Lock()
	l.q = append(l.q, f)
	l.mu.Unlock()
}

func (l *uiLoop) run() {
	for {
		l.mu.Lock()
		q := l.q
		l.q = nil
		l.mu.Unlock()
		if len(q) == 0 {
			return
		}
		for _, f := range q {
			f()
		}
	}
}

type harness struct {
	t    *testing.T
	u    *ui
	st   store.Local
	win  fyne.Window
	loop *uiLoop
}

// newHarness builds the window logic on the test app and a new store in
// t.TempDir(); setup, when given, fills the store first.
func newHarness(t *testing.T, setup func(st store.Local)) *harness {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(apptheme.New())
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "nianbao.db"))
	if err != nil {
		t.Fatal(err)
	}
	if setup != nil {
		setup(st)
	}
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1280, 800))
	loop := &uiLoop{}
	u := newUI(a, w, st, loop.post)
	h := &harness{t: t, u: u, st: st, win: w, loop: loop}
	t.Cleanup(func() {
		if !u.saver.Stopped() { // u.close closes the window itself
			w.Close()
		}
		u.saver.Stop()
		u.stopWatch()
		st.Close()
	})
	return h
}

// waitFor runs the UI loop until cond holds.
func (h *harness) waitFor(what string, cond func() bool) {
	h.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		h.loop.run()
		if cond() {
			return
		}
		if time.Now().After(deadline) {
			h.t.Fatalf("timed out waiting for %s (status %q)", what, h.u.statusText.Text)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// idle waits until no store job or save is pending.
func (h *harness) idle() {
	h.t.Helper()
	h.waitFor("the store to be idle", func() bool {
		done := make(chan struct{})
		h.u.Background(func() error { close(done); return nil }, nil)
		<-done
		h.loop.run()
		return !h.u.saver.Saving() && h.u.saver.Pending() == 0
	})
}

func (h *harness) put(r *report.Report) int64 {
	h.t.Helper()
	id, err := h.st.Put(r, store.SaveManual)
	if err != nil {
		h.t.Fatal(err)
	}
	return id
}

func (h *harness) get(id int64) *report.Report {
	h.t.Helper()
	r, err := h.st.Get(id)
	if err != nil {
		h.t.Fatal(err)
	}
	return r
}

// texts collects every text shown in o and below, the status line's counts too.
func texts(o fyne.CanvasObject) []string {
	out := kittest.Texts(o)
	kittest.Walk(o, func(o fyne.CanvasObject) {
		if l, ok := o.(*tapLabel); ok {
			out = append(out, l.Text)
		}
	})
	return out
}

// overlayText is the text of the dialog on top, "" when there is none.
func (h *harness) overlayText() string {
	top := h.win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	return strings.Join(texts(top), "\n")
}

// tapOverlayButton taps the button labelled label in the dialog on top.
func (h *harness) tapOverlayButton(label string) {
	h.t.Helper()
	top := h.win.Canvas().Overlays().Top()
	if top == nil {
		h.t.Fatalf("no dialog to tap %q in", label)
	}
	var found *widget.Button
	kittest.Walk(top, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == label && found == nil {
			found = b
		}
	})
	if found == nil {
		h.t.Fatalf("no button %q in dialog: %q", label, h.overlayText())
	}
	test.Tap(found)
}

// entryWithText finds the editor's entry that shows text.
func (h *harness) entryWithText(text string) fyne.Focusable {
	h.t.Helper()
	var found fyne.Focusable
	kittest.Walk(h.u.editor.Content(), func(o fyne.CanvasObject) {
		f, ok := o.(fyne.Focusable)
		if !ok || found != nil {
			return
		}
		v := reflect.ValueOf(o)
		if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
			return
		}
		if t := v.Elem().FieldByName("Text"); t.IsValid() && t.Kind() == reflect.String && t.String() == text {
			if _, isEntry := o.(interface{ SetPlaceHolder(string) }); isEntry {
				found = f
			}
		}
	})
	if found == nil {
		h.t.Fatalf("no entry showing %q", text)
	}
	return found
}

func (h *harness) startOn(id int64) {
	h.t.Helper()
	if err := h.st.SetSetting(settingLastReport, strconv.FormatInt(id, 10)); err != nil {
		h.t.Fatal(err)
	}
	h.u.start()
	h.waitFor("the report to open", func() bool { return h.u.id == id })
}

func TestStartOpensLastReport(t *testing.T) {
	var id int64
	h := newHarness(t, func(st store.Local) {
		var err error
		if id, err = st.Put(report.New("某某市民政局", 2023), store.SaveManual); err != nil {
			t.Fatal(err)
		}
		if err := st.SetSetting(settingLastReport, strconv.FormatInt(id, 10)); err != nil {
			t.Fatal(err)
		}
	})
	h.u.start()
	h.waitFor("the last report to open", func() bool { return h.u.id == id })
	if got := h.u.editor.Report().Agency; got != "某某市民政局" {
		t.Errorf("editor shows agency %q", got)
	}
	if h.u.showing != h.u.editorView {
		t.Error("the editor is not shown")
	}
	if got := h.win.Title(); got != "年报 — 某某市民政局2023年度" {
		t.Errorf("title %q", got)
	}
}

func TestFirstStartShowsList(t *testing.T) {
	h := newHarness(t, func(st store.Local) {
		for _, r := range []*report.Report{report.New("甲县人民政府", 2023), report.New("乙市教育局", 2024)} {
			if _, err := st.Put(r, store.SaveManual); err != nil {
				t.Fatal(err)
			}
		}
	})
	h.u.start()
	h.waitFor("the list", func() bool { return h.u.showing == h.u.list.Content() && len(h.u.list.Reports()) == 2 })
	shown := strings.Join(texts(h.win.Content()), "|")
	for _, want := range []string{"甲县人民政府", "乙市教育局", "2023", "2024", "共 2 份年报", "机关名称", "最后保存"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the list does not show %q; it shows %s", want, shown)
		}
	}
	if h.u.list.Empty().Visible() {
		t.Error("the empty-list note shows beside two reports")
	}
}

func TestEmptyListSaysWhatToDo(t *testing.T) {
	h := newHarness(t, nil)
	h.u.start()
	h.waitFor("the list", func() bool { return h.u.showing == h.u.list.Content() && h.u.statusText.Text != "" })
	if !h.u.list.Empty().Visible() || !strings.Contains(h.u.list.Empty().Text, "示例") {
		t.Errorf("empty list note: visible %v, %q", h.u.list.Empty().Visible(), h.u.list.Empty().Text)
	}
}

func TestAutosaveWritesDatabase(t *testing.T) {
	h := newHarness(t, nil)
	id := h.put(report.New("某某市民政局", 2023))
	h.startOn(id)

	test.Type(h.entryWithText("某某市民政局"), "办公室")
	if !h.u.saver.Dirty() {
		t.Fatal("typing did not mark the report unsaved")
	}
	edited := h.u.editor.Report().Agency
	if edited == "某某市民政局" || !strings.Contains(edited, "办公室") {
		t.Fatalf("typing did not change the agency: %q", edited)
	}
	if got := h.get(id).Agency; got != "某某市民政局" {
		t.Fatalf("saved at once, before the pause: %q", got)
	}
	start := time.Now()
	h.waitFor("the autosave", func() bool { return h.get(id).Agency == edited })
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("autosave took %v", d)
	}
	h.idle()
	if !strings.HasPrefix(h.u.statusText.Text, "已保存 ") {
		t.Errorf("status %q, want 已保存 hh:mm:ss", h.u.statusText.Text)
	}
	if h.u.saver.Dirty() {
		t.Error("still marked unsaved after the save")
	}
	if got := h.win.Title(); got != "年报 — "+edited+"2023年度" {
		t.Errorf("title after renaming: %q", got)
	}
}

func TestManualSaveKeepsVersion(t *testing.T) {
	h := newHarness(t, nil)
	r := report.New("某某市民政局", 2023)
	r.Title = "旧标题"
	id := h.put(r)
	h.startOn(id)
	test.Type(h.entryWithText("旧标题"), "新")
	edited := h.u.editor.Report().Title
	h.u.saver.SaveManual()
	h.waitFor("the manual save", func() bool { return h.get(id).Title == edited })
	h.idle()
	vs, err := h.st.Versions("某某市民政局", 2023)
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) == 0 {
		t.Fatal("no version kept by the manual save")
	}
	old, err := h.st.Version(vs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if old.Title != "旧标题" {
		t.Errorf("the version kept has title %q, want the content before the save", old.Title)
	}
}

func TestCloseSaves(t *testing.T) {
	h := newHarness(t, nil)
	id := h.put(report.New("某某市民政局", 2023))
	h.startOn(id)
	test.Type(h.entryWithText("某某市民政局"), "乙")
	edited := h.u.editor.Report().Agency
	h.u.close() // before the autosave delay is up
	if got := h.get(id).Agency; got != edited || got == "某某市民政局" {
		t.Errorf("after closing, the store has %q", got)
	}
}

func TestSaveConflictKeepsEdit(t *testing.T) {
	h := newHarness(t, nil)
	h.put(report.New("甲局", 2023))
	id := h.put(report.New("乙局", 2023))
	h.startOn(id)
	e := h.entryWithText("乙局").(interface{ SetText(string) })
	e.SetText("甲局")
	h.waitFor("the failed save", func() bool { return strings.HasPrefix(h.u.statusText.Text, "未保存") })
	if !strings.Contains(h.overlayText(), "已有另一份“甲局2023年度”的年报") {
		t.Errorf("conflict dialog: %q", h.overlayText())
	}
	if got := h.u.editor.Report().Agency; got != "甲局" {
		t.Errorf("the editor lost the edit: %q", got)
	}
	if got := h.get(id).Agency; got != "乙局" {
		t.Errorf("the store has %q", got)
	}
	if !h.u.saver.Dirty() {
		t.Error("the edit is not marked unsaved")
	}
	// Fixing the name saves.
	e.SetText("丙局")
	h.waitFor("the save after the fix", func() bool { return h.get(id).Agency == "丙局" })
}

func TestExampleOpensWithoutErrors(t *testing.T) {
	h := newHarness(t, nil)
	h.u.openExample()
	h.waitFor("the example", func() bool { return h.u.id != 0 })
	r := h.u.editor.Report()
	if r.Agency != "中卫市民政局" || r.Year != 2023 {
		t.Fatalf("example is %s %d", r.Agency, r.Year)
	}
	if errs, _ := check.Counts(h.u.editor.Findings()); errs != 0 {
		t.Errorf("the example has %d errors: %+v", errs, h.u.editor.Findings())
	}
	if n := h.u.editor.InvalidCount(); n != 0 {
		t.Errorf("the example has %d invalid cells", n)
	}
	if got := h.u.counts.Text; !strings.Contains(got, "错误 0") && !strings.Contains(got, "无错误") {
		t.Errorf("status counts %q", got)
	}
	h.idle()
	// The example is not written into the office's database (issue 19 point 10).
	list, err := h.st.List()
	if err != nil || len(list) != 0 {
		t.Errorf("the store lists %+v, %v", list, err)
	}
}

// TestImportBrokenFileShowsPlace: the message names the file and the figure in
// the report's printed words, never the JSON path (issue 19 point 11).
func TestImportBrokenFileShowsPlace(t *testing.T) {
	h := newHarness(t, nil)
	data := strings.Replace(string(assets.ExampleReport), `"new": [0,0,0,0,0,0,0]`, `"new": [0,0,0,-1,0,0,0]`, 1)
	if data == string(assets.ExampleReport) {
		t.Fatal("the example changed: the test cannot break it")
	}
	h.u.importData("坏的.nianbao.json", []byte(data))
	h.loop.run()
	msg := h.overlayText()
	for _, want := range []string{"坏的.nianbao.json", "三、收到和处理政府信息公开申请情况 · 一、本年新收政府信息公开申请数量 · 社会公益组织"} {
		if !strings.Contains(msg, want) {
			t.Errorf("import message %q does not name %q", msg, want)
		}
	}
	if strings.Contains(msg, "applications") {
		t.Errorf("import message %q names the JSON path", msg)
	}
	h.idle()
	if list, _ := h.st.List(); len(list) != 0 {
		t.Errorf("a broken file was stored: %+v", list)
	}
}

func TestImportReplacesAfterAsking(t *testing.T) {
	h := newHarness(t, nil)
	old := report.New("中卫市民政局", 2023)
	id := h.put(old)
	h.u.importData("示例.nianbao.json", assets.ExampleReport)
	h.waitFor("the question", func() bool {
		return strings.Contains(h.overlayText(), "用文件“示例.nianbao.json”的内容替换吗")
	})
	h.tapOverlayButton("替换")
	h.waitFor("the import", func() bool { return h.u.id != 0 })
	if got := h.get(h.u.id).Preamble; got == "" {
		t.Error("the imported content was not stored")
	}
	h.idle()
	vs, err := h.st.Versions("中卫市民政局", 2023)
	if err != nil || len(vs) == 0 {
		t.Errorf("the replaced content was not kept: %v, %v (id %d)", vs, err, id)
	}
}

func TestDeleteAndRestore(t *testing.T) {
	h := newHarness(t, nil)
	id := h.put(report.New("某某市民政局", 2023))
	h.startOn(id)
	test.Type(h.entryWithText("某某市民政局"), "丁")
	edited := h.u.editor.Report().Agency
	h.u.deleteReport(id)
	h.tapOverlayButton("删除")
	h.waitFor("the deletion", func() bool { return h.u.id == 0 && h.u.showing == h.u.list.Content() })
	h.idle()
	if _, err := h.st.Get(id); err == nil {
		t.Fatal("the report is still stored")
	}
	h.u.history.ShowDeleted()
	h.waitFor("the deleted list", func() bool { return strings.Contains(h.overlayText(), edited+"2023年度") })
	h.tapOverlayButton("恢复")
	// The question speaks of the deleted report, not of a version (issue 19 point 11).
	if q := h.overlayText(); !strings.Contains(q, "恢复已删除的年报") || strings.Contains(q, "历史版本") {
		t.Errorf("the question before restoring a deleted report: %q", q)
	}
	h.tapOverlayButton("恢复") // the confirmation
	h.waitFor("the restored report", func() bool { return h.u.id != 0 })
	if got := h.u.editor.Report().Agency; got != edited {
		t.Errorf("restored %q, want the last edit", got)
	}
}

func TestNewReportFromPreviousYear(t *testing.T) {
	h := newHarness(t, nil)
	prev := report.New("某某市民政局", 2023)
	prev.Preamble = "去年的引言"
	h.put(prev)
	h.u.CreateReport("某某市民政局", 2024, true)
	h.waitFor("the new report", func() bool { return h.u.id != 0 })
	r := h.u.editor.Report()
	if r.Year != 2024 || r.Agency != "某某市民政局" {
		t.Errorf("new report is %s %d", r.Agency, r.Year)
	}
	if _, _, err := h.st.Find("某某市民政局", 2024); err != nil {
		t.Errorf("the new report is not stored: %v", err)
	}
}

func TestPrintDialogOffersDefaultPrinter(t *testing.T) {
	h := newHarness(t, nil)
	id := h.put(report.New("某某市民政局", 2023))
	h.startOn(id)
	ps := []printing.Printer{{Name: "HP_LaserJet"}, {Name: "Office_Color", Default: true}, {Name: "PDF"}}
	h.u.printout.ShowDialog(h.u.editor.Report(), &paper.Result{Pages: 3}, ps)
	top := h.win.Canvas().Overlays().Top()
	var sel *widget.Select
	kittest.Walk(top, func(o fyne.CanvasObject) {
		if s, ok := o.(*widget.Select); ok {
			sel = s
		}
	})
	if sel == nil {
		t.Fatalf("no printer choice in %q", h.overlayText())
	}
	if sel.Selected != "Office_Color（默认）" {
		t.Errorf("selected %q, want the default printer", sel.Selected)
	}
	if want := []string{"HP_LaserJet", "Office_Color（默认）", "PDF"}; !reflect.DeepEqual(sel.Options, want) {
		t.Errorf("options %q, want %q", sel.Options, want)
	}
	for _, want := range []string{"份数", "双面打印（长边翻页）", "共 3 页"} {
		if !strings.Contains(h.overlayText(), want) {
			t.Errorf("print dialog lacks %q: %q", want, h.overlayText())
		}
	}
}

func TestSignalSavesLastEdit(t *testing.T) {
	h := newHarness(t, nil)
	id := h.put(report.New("某某市民政局", 2023))
	h.startOn(id)
	test.Type(h.entryWithText("某某市民政局"), "戊")
	edited := h.u.editor.Report().Agency

	// The signal arrives on its own goroutine while the UI loop is not running.
	errc := make(chan error)
	go func() { errc <- h.u.saver.SaveOnSignal() }()
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
	if got := h.get(id).Agency; got != edited {
		t.Fatalf("after the signal, the store has %q, want %q", got, edited)
	}
	// Queued saves, older than the signal's, are dropped: the worker takes
	// the job and never reports back.
	test.Type(h.entryWithText(edited), "己")
	h.u.saver.SaveManual()
	h.waitFor("the worker to take the job", func() bool { return h.u.saver.Pending() == 0 })
	time.Sleep(200 * time.Millisecond)
	h.loop.run()
	if !h.u.saver.Saving() {
		t.Error("a save queued after the signal's save reported back")
	}
	// But keys the loop handled after the signal came (typed before it) are
	// saved when the loop ends: nothing typed is lost.
	later := h.u.editor.Report().Agency
	if err := h.u.saver.Shutdown(); err != nil {
		t.Fatal(err)
	}
	if got := h.get(id).Agency; got != later {
		t.Errorf("after the signal and the end of the loop, the store has %q, want %q", got, later)
	}
}

func TestShutdownSavesWhenLoopEndsOnItsOwn(t *testing.T) {
	h := newHarness(t, nil)
	id := h.put(report.New("某某市民政局", 2023))
	h.startOn(id)
	test.Type(h.entryWithText("某某市民政局"), "庚")
	edited := h.u.editor.Report().Agency
	if err := h.u.saver.Shutdown(); err != nil {
		t.Fatal(err)
	}
	if got := h.get(id).Agency; got != edited {
		t.Errorf("after shutdown, the store has %q, want %q", got, edited)
	}
}

func TestFontSettingIsKeptAndUsed(t *testing.T) {
	h := newHarness(t, nil)
	if got := h.u.export.FontChoice(); got != job.FontsAuto {
		t.Fatalf("first start: font choice %v, want FontsAuto", got)
	}
	var item *fyne.MenuItem
	for _, m := range h.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == "PDF 只用程序自带的字体" {
				item = it
			}
		}
	}
	if item == nil || item.Checked {
		t.Fatalf("menu item %+v", item)
	}
	item.Action()
	h.idle()
	if !item.Checked || h.u.export.FontChoice() != job.FontsBundled {
		t.Fatalf("after ticking: checked %v, choice %v", item.Checked, h.u.export.FontChoice())
	}
	// The renderer follows the setting, and the status names the body font.
	rd, err := h.u.export.Renderer()
	if err != nil {
		t.Fatal(err)
	}
	res, err := rd.Render(job.New(report.New("某某市民政局", 2023)))
	if err != nil {
		t.Fatal(err)
	}
	if got := export.BodyFont(res); !strings.Contains(got, "程序自带") {
		t.Errorf("body font %q is not a bundled one (fonts used: %q)", got, res.FontsUsed)
	}
	item.Action()
	h.idle()
	if item.Checked || h.u.export.FontChoice() != job.FontsAuto {
		t.Errorf("after unticking: checked %v, choice %v", item.Checked, h.u.export.FontChoice())
	}
}

// TestChangedYearComparesWithItsPreviousYear: after the year is edited, the
// checks R5/R6 compare against the previous year of the new year.
func TestChangedYearComparesWithItsPreviousYear(t *testing.T) {
	h := newHarness(t, nil)
	last := report.New("某某市民政局", 2023)
	last.Applications[report.RowNew] = report.AppRow{2, 0, 0, 0, 0, 0, 2}
	last.Applications[report.RowCarriedForward] = report.AppRow{2, 0, 0, 0, 0, 0, 2}
	h.put(last)
	id := h.put(report.New("某某市民政局", 2025))
	h.startOn(id)
	hasR6 := func() bool {
		for _, f := range h.u.editor.Findings() {
			if f.Rule == "R6" {
				return true
			}
		}
		return false
	}
	if hasR6() {
		t.Fatal("R6 before there is a previous year")
	}

	year := h.entryWithText("2025").(interface{ SetText(string) })
	year.SetText("2024")
	if got := h.u.editor.Report().Year; got != 2024 {
		t.Fatalf("year is %d after the edit", got)
	}
	h.waitFor("the checks against 2023", hasR6)
}

// TestFyneDoHasOneOwner: run.go is the only file of the window and its rooms
// that calls fyne.Do; every room comes back through its host's Post.
func TestFyneDoHasOneOwner(t *testing.T) {
	call := regexp.MustCompile(`fyne\.Do(AndWait)?\(`)
	var owners []string
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err == nil && call.Match(src) {
			owners = append(owners, filepath.ToSlash(path))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(owners, []string{"run.go"}) {
		t.Errorf("fyne.Do is called in %v, want run.go alone", owners)
	}
}
