package window

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"nianbao/app/window/export"
	"nianbao/data/check"
	"nianbao/data/report"
	"nianbao/data/store"
	"nianbao/data/store/sqlite"
	"nianbao/forms/apptheme"
)

// second opens another window, with its own store, on h's database: a second
// copy of the program on the same file.
func (h *harness) second() *harness {
	h.t.Helper()
	st, err := sqlite.Open(h.st.Path())
	if err != nil {
		h.t.Fatal(err)
	}
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1280, 800))
	loop := &uiLoop{}
	u := newUI(h.u.app, w, st, loop.post)
	h2 := &harness{t: h.t, u: u, st: st, win: w, loop: loop}
	h.t.Cleanup(func() {
		if !u.saver.Stopped() {
			w.Close()
		}
		u.saver.Stop()
		u.stopWatch()
		st.Close()
	})
	return h2
}

// Two programs on one report: type in A, then in B, then in A. Each save over
// the other's is told in the window, and every figure typed is the report or
// one of its versions.
func TestTwoWindowsOnOneReport(t *testing.T) {
	a := newHarness(t, nil)
	r := report.New("某某市民政局", 2023)
	r.Title = "标题"
	id := a.put(r)
	a.startOn(id)
	b := a.second()
	b.startOn(id)

	test.Type(a.entryWithText("标题"), "甲")
	titleA := a.u.editor.Report().Title
	a.u.saver.SaveManual()
	a.waitFor("A's save", func() bool { return a.get(id).Title == titleA })
	a.idle()

	test.Type(b.entryWithText("标题"), "乙")
	titleB := b.u.editor.Report().Title
	b.u.saver.SaveManual()
	b.waitFor("B's save", func() bool { return b.get(id).Title == titleB })
	b.idle()
	msg := b.overlayText()
	if !strings.Contains(msg, "两边的修改都没有丢失") || !strings.Contains(msg, "历史版本") {
		t.Errorf("B was not told of A's save: dialog %q, status %q", msg, b.u.statusText.Text)
	}

	test.Type(a.entryWithText(titleA), "丙")
	titleA2 := a.u.editor.Report().Title
	a.u.saver.SaveManual()
	a.waitFor("A's second save", func() bool { return a.get(id).Title == titleA2 })
	a.idle()
	if !strings.Contains(a.overlayText(), "两边的修改都没有丢失") {
		t.Errorf("A was not told of B's save: %q", a.overlayText())
	}
	vs, err := a.st.Versions("某某市民政局", 2023)
	if err != nil {
		t.Fatal(err)
	}
	titles := map[string]bool{}
	for _, v := range vs {
		old, _ := a.st.Version(v.ID)
		titles[old.Title] = true
	}
	for _, want := range []string{titleA, titleB} {
		if !titles[want] {
			t.Errorf("%q is neither the report nor a version (versions: %v)", want, titles)
		}
	}
	// 查看历史版本 shows the other's content marked, with 比较.
	a.tapOverlayButton("查看历史版本")
	a.waitFor("the history", func() bool { return strings.Contains(a.overlayText(), "另一处的修改") })
	a.tapOverlayButton("比较")
	a.waitFor("the comparison", func() bool { return strings.Contains(a.overlayText(), titleB) })
}

// 12345678 typed into a cell: the store never holds 1234567; the text, red,
// survives a restart; export, print and closing warn first.
func TestInvalidCellKeptAcrossRestart(t *testing.T) {
	h := newHarness(t, nil)
	r := report.New("某某市民政局", 2023)
	r.Applications[report.RowNew][report.ColNaturalPerson] = 5
	r.Applications[report.RowGranted][report.ColNaturalPerson] = 5
	r.FillTotals()
	id := h.put(r)
	h.startOn(id)
	h.u.editor.Focus(check.Finding{Part: "三", Row: "new", Column: "自然人"}) // selects the text: typing replaces it
	cell := h.win.Canvas().Focused()
	if cell == nil {
		t.Fatal("no cell has the focus")
	}
	test.Type(cell, "12345678")
	h.u.saver.SaveManual()
	h.idle()
	l, err := h.st.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := mustJSON(t, l.Report), mustJSON(t, r); got != want {
		t.Errorf("the store changed a figure for the cell typed 12345678 (a prefix?):\n%s\nwant\n%s", got, want)
	}
	if len(l.Invalid) != 1 {
		t.Errorf("stored invalid texts %v", l.Invalid)
	}
	for _, action := range []func(){h.u.exporter(export.PDF), h.u.exporter(export.Printer), func() { h.u.exportReport(id) }, h.u.close} {
		action()
		if !strings.Contains(h.overlayText(), "不是有效数字") {
			t.Errorf("no warning before the action: %q", h.overlayText())
		}
		h.tapOverlayButton("取消")
	}
	if h.u.saver.Stopped() {
		t.Fatal("closed although cancelled")
	}

	// A restart: a new window on the database, the first one gone.
	h.u.stopWatch()
	h2 := h.second()
	h2.startOn(id)
	if h2.u.editor.InvalidCount() != 1 {
		t.Errorf("after a restart %d invalid cells, want 1", h2.u.editor.InvalidCount())
	}
	h2.u.editor.Focus(check.Finding{Part: "三", Row: "new", Column: "自然人"})
	if f := h2.win.Canvas().Focused(); f == nil || reflect.ValueOf(f).Elem().FieldByName("Text").String() != "12345678" {
		t.Errorf("after a restart the cell does not show the text typed: %v", f)
	}
	if !h2.u.invalid.Visible() {
		t.Error("the status line does not show the invalid cell")
	}
}

// The same version restored twice: the second time says nothing was kept.
func TestRestoreSaysWhatHappened(t *testing.T) {
	h := newHarness(t, nil)
	r := report.New("某某市民政局", 2023)
	r.Title = "旧"
	id := h.put(r)
	r.Title = "新"
	h.put(r)
	h.startOn(id)
	vs, _ := h.st.Versions("某某市民政局", 2023)
	h.u.history.Restore(vs[0].ID)
	h.waitFor("the restore", func() bool {
		return strings.Contains(h.u.statusText.Text, "恢复前的内容已保存为历史版本")
	})
	h.u.history.Restore(vs[0].ID)
	h.waitFor("the second restore", func() bool { return strings.Contains(h.u.statusText.Text, "没有改动") })
}

// Backups: made now, listed in the window, restored from there.
func TestBackupsInWindow(t *testing.T) {
	h := newHarness(t, nil)
	r := report.New("某某市民政局", 2023)
	id := h.put(r)
	h.startOn(id)
	h.idle()
	h.u.backups.Now()
	h.waitFor("the backup", func() bool { return strings.HasPrefix(h.u.statusText.Text, "已备份") })
	h.put(report.New("另一局", 2023))
	h.u.backups.Show()
	h.waitFor("the list of backups", func() bool { return strings.Contains(h.overlayText(), "手动备份") })
	if !strings.Contains(h.overlayText(), sqlite.BackupDir(h.st.Path())) {
		t.Errorf("the dialog does not say where the backups are: %q", h.overlayText())
	}
	h.tapOverlayButton("恢复")
	h.tapOverlayButton("恢复")
	h.waitFor("the restore", func() bool { return strings.Contains(h.overlayText(), "已从备份恢复") })
	list, _ := h.st.List()
	if len(list) != 1 {
		t.Errorf("%d reports after restoring the backup, want 1", len(list))
	}
}

// A database that cannot be written opens, says so, and shows its reports.
func TestReadOnlyDatabaseSaysSo(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(apptheme.New())
	path := filepath.Join(t.TempDir(), "nianbao.db")
	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st.Put(report.New("某某市民政局", 2023), store.SaveManual)
	st.Close()
	ro, err := sqlite.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	w := test.NewWindow(nil)
	loop := &uiLoop{}
	u := newUI(a, w, ro, loop.post)
	h := &harness{t: t, u: u, st: ro, win: w, loop: loop}
	defer u.saver.Stop()
	u.start()
	h.waitFor("the list", func() bool { return u.showing == u.list.Content() })
	if !strings.Contains(h.overlayText(), "只读方式打开") {
		t.Errorf("no word about read-only: %q", h.overlayText())
	}
}

func mustJSON(t *testing.T, r *report.Report) string {
	t.Helper()
	b, err := report.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Every way out of the window asks about a cell whose text is not a figure
// before it goes on: each item of the 输出 menu that exports, prints or
// opens the PDF, 导出… in the 文件 menu, and the list's 导出 (the PDF with
// 图解, both Word exports and the web page once skipped the question).
func TestEveryExportAsksAboutInvalidCells(t *testing.T) {
	h := newHarness(t, nil)
	id := h.put(report.New("某某市民政局", 2023))
	h.startOn(id)
	h.u.editor.Focus(check.Finding{Part: "三", Row: "new", Column: "自然人"})
	test.Type(h.win.Canvas().Focused(), "五")
	if h.u.editor.InvalidCount() != 1 {
		t.Fatalf("%d invalid cells, want 1", h.u.editor.InvalidCount())
	}
	actions := map[string]func(){"年报列表的“导出”": func() { h.u.exportReport(id) }}
	for _, m := range h.win.MainMenu().Items {
		for _, it := range m.Items {
			if strings.HasPrefix(it.Label, "导出") || strings.HasPrefix(it.Label, "打印") || strings.HasPrefix(it.Label, "用 PDF 阅读器") {
				actions[m.Label+" → "+it.Label] = it.Action
			}
		}
	}
	for _, want := range []string{"输出 → 导出 PDF…", "输出 → 导出 PDF（附图解）…", "输出 → 导出 Word…", "输出 → 导出 Word（附图解）…",
		"输出 → 导出网页…", "输出 → 用 PDF 阅读器打开", "输出 → 打印…", "文件 → 导出…"} {
		if actions[want] == nil {
			t.Errorf("no menu item %s", want)
		}
	}
	for name, action := range actions {
		action()
		if text := h.overlayText(); !strings.Contains(text, "有 1 格填写的不是有效数字") {
			t.Errorf("%s: no question about the invalid cell (dialog %q, status %q)", name, text, h.u.statusText.Text)
			continue
		}
		h.tapOverlayButton("取消")
		if h.win.Canvas().Overlays().Top() != nil || strings.HasPrefix(h.u.statusText.Text, "正在生成") {
			t.Errorf("%s: went on although cancelled", name)
		}
	}
}
