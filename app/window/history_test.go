package window

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"nianbao/assets"
	"nianbao/data/report"
	"nianbao/data/store"
)

// 历史版本 as a clerk expects it: a report made with 新建 says so; after
// typing and 保存, the list shows the content just saved at its head (当前内容,
// 手动保存, its time) at once; closing the window labels the content as
// saved at closing, and the next session's edit keeps it as a version
// labelled 关闭时保存.
func TestHistoryShowsEachSaveAndClosing(t *testing.T) {
	h := newHarness(t, nil)
	h.u.saver.SetDelay(10 * time.Millisecond)
	r := report.New("某某市民政局", 2023)
	r.Title = "旧标题"
	id, err := h.st.Put(r, store.SaveCreate) // as 新建 stores it
	if err != nil {
		t.Fatal(err)
	}
	h.startOn(id)
	test.Type(h.entryWithText("旧标题"), "新")
	h.waitFor("the autosave", func() bool { return h.get(id).Title == "新旧标题" })
	h.u.save()
	h.idle()

	h.u.history.ShowVersions(id)
	h.waitFor("the versions", func() bool { return strings.Contains(h.overlayText(), "历史版本") })
	text := h.overlayText()
	at := time.Now().Format("2006-01-02 15:04")
	for _, want := range []string{"当前内容", "手动保存", "新建", at} {
		if !strings.Contains(text, want) {
			t.Errorf("历史版本 lacks %q:\n%s", want, text)
		}
	}
	if i, j := strings.Index(text, "当前内容"), strings.Index(text, "新建"); i < 0 || j < 0 || i > j {
		t.Errorf("the current content is not at the head of the list:\n%s", text)
	}
	h.win.Canvas().Overlays().Top().Hide()

	// Closing the window with nothing new to save labels the content.
	h.u.close()
	l, err := h.st.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if l.Kind != store.SaveManual {
		t.Errorf("after 保存 and closing, the content is labelled %s; a 保存 stays a 保存", l.Kind.Label())
	}
}

// Closing the window right after typing saves as 关闭时保存, and that
// content is the version the next session's first save keeps.
func TestClosingMakesAVersion(t *testing.T) {
	h := newHarness(t, nil)
	r := report.New("某某市民政局", 2023)
	r.Title = "旧标题"
	id := h.put(r)
	h.startOn(id)
	test.Type(h.entryWithText("旧标题"), "新")
	h.u.close()
	l, err := h.st.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if l.Kind != store.SaveClose || l.Report.Title != "新旧标题" {
		t.Fatalf("after closing: %q labelled %s, want the edit labelled 关闭时保存", l.Report.Title, l.Kind.Label())
	}
	// The next session types on: the content saved at closing becomes a version.
	l.Report.Title = "再改"
	if _, err := h.st.Update(id, l.Revision, l.Report, store.SaveAuto, nil); err != nil {
		t.Fatal(err)
	}
	vs, err := h.st.Versions("某某市民政局", 2023)
	if err != nil || len(vs) == 0 || vs[0].Kind != store.SaveClose {
		t.Fatalf("versions %+v (%v): want the content saved at closing first", vs, err)
	}
}

// The head of 历史版本 counted the current content's findings without the
// previous year's report: 警告 2 beside a status line and list of 警告 12.
func TestHistoryCountsAgainstThePreviousYear(t *testing.T) {
	h := newHarness(t, nil)
	last, err := report.Parse(assets.BusyExampleReport)
	if err != nil {
		t.Fatal(err)
	}
	h.put(last)
	id := h.put(report.New(last.Agency, last.Year+1))
	list, err := h.st.List()
	if err != nil {
		t.Fatal(err)
	}
	want := ""
	for _, s := range list {
		if s.ID == id {
			want = fmt.Sprintf("错误 %d，警告 %d", s.Errors, s.Warnings)
		}
	}
	if plain := fmt.Sprintf("错误 %d，警告 %d", 0, 0); want == "" || want == plain {
		t.Fatalf("the list counts %q: nothing to tell apart", want)
	}
	h.startOn(id)
	h.u.history.ShowVersions(id)
	h.waitFor("the versions", func() bool { return strings.Contains(h.overlayText(), "当前内容") })
	if text := h.overlayText(); !strings.Contains(text, want) {
		t.Errorf("历史版本 does not count %q as the list does:\n%s", want, text)
	}
}
