package window

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"nianbao/data/check"
	"nianbao/data/combine"
)

// Plain words (issue 19 point 11): what the window says names things as a
// clerk knows them, without codes, paths or English.

func TestAboutSaysNoUnknownCommit(t *testing.T) {
	h := newHarness(t, nil)
	h.u.about()
	h.loop.run()
	msg := h.overlayText()
	if !strings.Contains(msg, "年报（Nianbao）") {
		t.Fatalf("关于 says %q", msg)
	}
	// A test binary is built without a commit, as a build outside git is.
	if strings.Contains(msg, "unknown") || strings.Contains(msg, "提交") {
		t.Errorf("关于 names a commit it does not have: %q", msg)
	}
}

// TestSheetFolderDialogSaysWhatItIsFor: the folder dialog of 导出汇总表格 is
// titled for what it does and its button says 导出到此处, not Fyne's 打开 文件夹
// and 打开.
func TestSheetFolderDialogSaysWhatItIsFor(t *testing.T) {
	h := newHarness(t, nil)
	h.u.ExportSheet(&combine.Result{Agency: "某县人民政府", Year: 2024})
	h.waitFor("the folder dialog", func() bool { return strings.Contains(h.overlayText(), "导出到此处") })
	msg := h.overlayText()
	if !strings.Contains(msg, "选择保存汇总表格的位置") {
		t.Errorf("the folder dialog says %q", msg)
	}
	for _, w := range strings.Split(msg, "\n") {
		if w == "打开" || strings.Contains(w, "打开 文件夹") {
			t.Errorf("the folder dialog says %q:\n%s", w, msg)
		}
	}
}

// TestGuide: 帮助 has 使用说明, which tells the season in ten steps, every
// check, where this window's data and backups are, and that the text boxes
// break lines anyhow while the preview shows them as printed.
func TestGuide(t *testing.T) {
	h := newHarness(t, nil)
	var guide *fyne.MenuItem
	for _, m := range h.u.win.MainMenu().Items {
		for _, it := range m.Items {
			if m.Label == "帮助" && it.Label == "使用说明" {
				guide = it
			}
		}
	}
	if guide == nil {
		t.Fatal("no 使用说明 in 帮助")
	}
	h.u.dbPath = h.st.Path()
	guide.Action()
	h.loop.run()
	msg := h.overlayText()
	errs, warns := check.RuleNames()
	want := append([]string{"使用说明", "10. ", h.st.Path(), h.st.BackupDir(), "禁则", "预览", "〔2021〕"}, errs...)
	for _, w := range append(want, warns...) {
		if !strings.Contains(msg, w) {
			t.Errorf("使用说明 lacks %q", w)
		}
	}
}
