package window

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"nianbao/data/report"
)

// Two windows on one report: the one that opens it second says at once that
// the other has it open, the first learns it at its next look, and a save in
// one shows in the other, which has no edits of its own, without a collision.
func TestOtherWindowOnTheSameReport(t *testing.T) {
	a := newHarness(t, nil)
	r := report.New("某某市民政局", 2023)
	r.Title = "旧标题"
	id := a.put(r)
	a.startOn(id)
	a.idle()
	if text := a.overlayText(); strings.Contains(text, openElsewhereTitle) {
		t.Fatalf("alone with the report, the window says %q", text)
	}

	b := a.second()
	b.u.OpenReport(id)
	b.waitFor("the report in the second window", func() bool { return b.u.id == id })
	b.waitFor("the word that it is open elsewhere", func() bool { return strings.Contains(b.overlayText(), openElsewhereTitle) })
	if !strings.Contains(b.u.statusText.Text, openElsewhereTitle) {
		t.Errorf("the second window's status line says %q", b.u.statusText.Text)
	}
	b.win.Canvas().Overlays().Top().Hide()

	a.u.watchTick()
	a.waitFor("the first window to see the second", func() bool { return strings.Contains(a.u.statusText.Text, "另一窗口中打开") })

	// The second window types and saves; the first shows it.
	b.u.saver.SetDelay(10 * time.Millisecond)
	test.Type(b.entryWithText("旧标题"), "新")
	b.waitFor("the second window's save", func() bool { return a.get(id).Title == "新旧标题" })
	a.u.watchTick()
	a.waitFor("the other's save shown", func() bool { return a.u.editor.Report().Title == "新旧标题" })
	if !strings.Contains(a.u.statusText.Text, "另一窗口") {
		t.Errorf("the first window's status says %q", a.u.statusText.Text)
	}
	// The first window edits on from the other's content: no collision, nothing lost.
	a.u.saver.SetDelay(10 * time.Millisecond)
	test.Type(a.entryWithText("新旧标题"), "再")
	a.waitFor("the first window's save", func() bool { return a.get(id).Title == "再新旧标题" })
	a.idle()
	vs, err := a.st.Versions("某某市民政局", 2023)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		if v.ReplacedBy == "conflict" {
			t.Errorf("a save collided: %+v", v)
		}
	}

	// Once the second window closes, the first is alone again.
	b.u.close()
	a.u.watchTick()
	a.idle()
	if a.u.presence.others != 0 {
		t.Errorf("after the other closed, %d others are seen", a.u.presence.others)
	}
}
