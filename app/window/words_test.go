package window

import (
	"nianbao/data/combine"
	"strings"
	"testing"
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
