package printed

import (
	"testing"

	"nianbao/data/report"
)

func TestSignOff(t *testing.T) {
	tests := []struct {
		closing, rest, sig, date string
	}{
		{"平潭综合实验区财政金融局\n\n2025年1月23日", "", "平潭综合实验区财政金融局", "2025年1月23日"},
		{"联系电话：0591—1234。\n示例市民政局\n2025年1月20日\n", "联系电话：0591—1234。", "示例市民政局", "2025年1月20日"},
		{"示例市民政局\n二〇二五年一月二十日", "", "示例市民政局", "二〇二五年一月二十日"},
		{"如有疑问，请联系本局。\n2025年1月20日", "如有疑问，请联系本局。", "", "2025年1月20日"},
		// not a sign-off: no date of its own line, or a sentence ending in a date
		{"如对本报告有任何疑问，请与示例市人民政府办公室联系（电话：0000—1234567）。", "如对本报告有任何疑问，请与示例市人民政府办公室联系（电话：0000—1234567）。", "", ""},
		{"示例市民政局", "示例市民政局", "", ""},
		{"本报告于2025年1月20日发布", "本报告于2025年1月20日发布", "", ""},
		{"", "", "", ""},
	}
	for _, tc := range tests {
		rest, sig, date := SignOff(tc.closing)
		if report.Paragraphs(rest) == nil && tc.rest == "" {
			rest = ""
		}
		if (rest != tc.rest && report.Paragraphs(rest)[0] != tc.rest) || sig != tc.sig || date != tc.date {
			t.Errorf("SignOff(%q) = %q, %q, %q; want %q, %q, %q", tc.closing, rest, sig, date, tc.rest, tc.sig, tc.date)
		}
	}
	// In the document: the name and the date are paragraphs of their own roles, last.
	r := report.New("示例市民政局", 2024)
	r.Closing = "联系电话：0591—1234。\n\n示例市民政局\n\n2025年1月20日"
	d := Build(r)
	n := len(d.Blocks)
	if p := d.Blocks[n-2].Paragraph; p == nil || p.Role != RoleSignature || p.Text != "示例市民政局" {
		t.Errorf("second last block %+v, want the signature", p)
	}
	if p := d.Blocks[n-1].Paragraph; p == nil || p.Role != RoleDate || p.Text != "2025年1月20日" {
		t.Errorf("last block %+v, want the date", p)
	}
	if p := d.Blocks[n-3].Paragraph; p == nil || p.Role != RoleClosing || p.Text != "联系电话：0591—1234。" {
		t.Errorf("third last block %+v, want the contact sentence", p)
	}
}
