package window

import (
	"strings"
	"testing"

	"nianbao/data/report"
)

// The report list has one name everywhere the window shows it: 年报列表 (the
// editor's toolbar and the 汇总 view's both lead back to it).
func TestOneNameForTheReportList(t *testing.T) {
	h := newHarness(t, nil)
	h.idle()
	id := h.put(report.New("某县财政局", 2024))
	h.u.OpenReport(id)
	h.idle()
	editor := strings.Join(texts(h.win.Content()), "\n")
	h.u.showCombine()
	h.idle()
	view := strings.Join(texts(h.win.Content()), "\n")
	for name, shown := range map[string]string{"editor": editor, "汇总": view} {
		if strings.Contains(shown, "报表列表") || !strings.Contains(shown, "年报列表") {
			t.Errorf("%s: the list is not called 年报列表 alone", name)
		}
	}
}
