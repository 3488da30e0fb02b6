package window

import (
	"bytes"
	"testing"

	"fyne.io/fyne/v2"

	"nianbao/assets"
	"nianbao/data/report"
	"nianbao/data/store"
)

// TestRareCharacterSwitchesToFullFonts: a report whose name has a character
// beyond GB2312 turns the window's fonts to the full faces, in the list and
// when opened; the common case keeps the small faces.
func TestRareCharacterSwitchesToFullFonts(t *testing.T) {
	font := func(h *harness) []byte { return h.u.app.Settings().Theme().Font(fyne.TextStyle{}).Content() }

	h := newHarness(t, nil)
	h.u.openExample()
	h.waitFor("the example", func() bool { return h.u.id != 0 })
	if !bytes.Equal(font(h), assets.NotoSansSCRegularUI) {
		t.Error("a report in GB2312 characters switched to the full fonts")
	}

	for _, where := range []string{"list", "report"} {
		t.Run(where, func(t *testing.T) {
			var id int64
			h := newHarness(t, func(st store.Local) {
				r, err := report.Parse(assets.ExampleReport)
				if err != nil {
					t.Fatal(err)
				}
				r.Agency = "𠮷县堃镇人民政府"
				if id, err = st.Put(r, store.SaveManual); err != nil {
					t.Fatal(err)
				}
			})
			if where == "list" {
				h.u.start()
				h.waitFor("the list", func() bool { return len(h.u.list.Reports()) == 1 })
			} else {
				h.startOn(id)
			}
			if !bytes.Equal(font(h), assets.NotoSansSCRegular) {
				t.Errorf("the %s shows 𠮷 and 堃 with the cut-down face", where)
			}
		})
	}
}

func TestReportTextsReachesEveryField(t *testing.T) {
	r, err := report.Parse(assets.BusyExampleReport)
	if err != nil {
		t.Fatal(err)
	}
	all := ""
	for _, s := range reportTexts(r) {
		all += s
	}
	for _, want := range []string{r.Agency, r.Preamble, r.Overview[1].Heading, r.Overview[1].Body} {
		if !bytes.Contains([]byte(all), []byte(want)) {
			t.Errorf("reportTexts misses %q", want)
		}
	}
}
