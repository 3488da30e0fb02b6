package connect

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/window/kit/kittest"
	"nianbao/data/linebreak"
	"nianbao/forms/apptheme"
)

// The form's explanation of the connection's kinds ended with a line of one
// "。" at 1366×768 (Fyne wraps where the next character no longer fits): its
// lines are broken by the PDF's rules, none beginning with a closing mark.
func TestConnectNoteBreaksByThePrintRules(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(apptheme.New())
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1280, 728))
	t.Cleanup(w.Close)
	Show(w, Choice{}, func(Choice, string, bool) {})
	var note *widget.Label
	kittest.Walk(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, "加密连接") {
			note = l
		}
	})
	if note == nil {
		t.Fatal("no explanation in the form")
	}
	lines := strings.Split(note.Text, "\n")
	if len(lines) < 3 {
		t.Fatalf("the explanation is not broken into lines: %q", note.Text)
	}
	for _, l := range lines {
		if r := []rune(l); len(r) == 0 || linebreak.NoStart(r[0]) {
			t.Errorf("a line begins with %q:\n%s", l, note.Text)
		}
	}
}
