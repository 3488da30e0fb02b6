package apptheme

import (
	"bytes"
	"testing"

	"fyne.io/fyne/v2"

	"nianbao/assets"
)

func TestSwitchToFullFonts(t *testing.T) {
	th := New()
	sw := th.(FontSwitcher)
	tests := []struct {
		text string
		want bool
	}{
		{"中卫市民政局2023年度政府信息公开工作年度报告（一）", true},
		{"第一行\n\t第二行 ①②③ “引号” 100%", true},
		{"", true},
		{"张堃", false},  // 堃: 通用规范汉字 but not GB2312
		{"陶喆", false},  // 喆
		{"𠮷野家", false}, // beyond the BMP
	}
	for _, tt := range tests {
		if got := sw.Covers(tt.text); got != tt.want {
			t.Errorf("Covers(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	if got := th.Font(fyne.TextStyle{}).Content(); !bytes.Equal(got, assets.NotoSansSCRegularUI) {
		t.Error("the theme does not start with the cut-down face")
	}
	if !sw.UseFullFonts() || sw.UseFullFonts() {
		t.Error("UseFullFonts should report a change once")
	}
	if !sw.Covers("张堃") {
		t.Error("the full fonts do not cover 堃")
	}
	if got := th.Font(fyne.TextStyle{Bold: true}).Content(); !bytes.Equal(got, assets.NotoSansSCBold) {
		t.Error("after the switch bold is not the full face")
	}
}
