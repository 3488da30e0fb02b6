package window

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// 示例 opens the example as a report that is not saved: typing into it
// writes nothing into the office's database; 保存 asks for a name and then
// stores it as the office's report, which saves itself from then on.
func TestExampleSavedOnlyUnderAName(t *testing.T) {
	h := newHarness(t, nil)
	h.u.saver.SetDelay(10 * time.Millisecond)
	h.u.openExample()
	h.waitFor("the example", func() bool { return h.u.id != 0 })
	if !strings.Contains(h.u.win.Title(), "未保存") || !strings.Contains(h.u.statusText.Text, "不会自动保存") {
		t.Errorf("the window says %q / %q, want it named a sample not saved", h.u.win.Title(), h.u.statusText.Text)
	}
	test.Type(h.entryWithText(h.u.editor.Report().Closing), "示例的修改")
	time.Sleep(50 * time.Millisecond) // past the pause after which an edit is saved
	h.idle()
	if list, err := h.st.List(); err != nil || len(list) != 0 {
		t.Fatalf("typing into the example stored %+v (%v)", list, err)
	}
	// Closing the window over the edited example asks first.
	h.u.close()
	if !strings.Contains(h.overlayText(), "示例年报没有保存") {
		t.Fatalf("closing did not ask: %q", h.overlayText())
	}
	h.tapOverlayButton("保存为年报")
	h.waitFor("the name dialog", func() bool { return strings.Contains(h.overlayText(), "保存示例年报") })
	h.overlayEntry().SetText("某某县民政局")
	h.tapOverlayButton("保存")
	h.waitFor("the example stored", func() bool { return h.u.id > 0 })
	list, err := h.st.List()
	if err != nil || len(list) != 1 || list[0].Agency != "某某县民政局" || list[0].Year != 2023 {
		t.Fatalf("the store lists %+v (%v), want 某某县民政局 2023", list, err)
	}
	r := h.get(list[0].ID)
	if !strings.Contains(r.Closing, "示例的修改") || strings.Contains(r.Title, "中卫市民政局") {
		t.Errorf("stored closing %q, title %q: want the edit, and the title under the new name", r.Closing, r.Title)
	}
	// From now on it is the office's report: edits save themselves.
	test.Type(h.entryWithText(r.Closing), "再改")
	h.waitFor("the autosave", func() bool { return strings.Contains(h.get(list[0].ID).Closing, "再改") })
	if h.u.closeSample() != true {
		t.Error("the saved report is still taken for the example")
	}
}
