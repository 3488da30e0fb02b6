package registerview

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"nianbao/data/register"
	"nianbao/data/report"
	"nianbao/data/workdays"
)

func TestApply(t *testing.T) {
	cal := workdays.Shipped()
	base := register.Application{Number: "C1", Received: day("2025-03-05"), Type: register.TypeNaturalPerson}
	asked := base
	asked.Corrections = []register.Correction{{Asked: day("2025-03-07")}}
	consulting := base
	consulting.Consultations = []register.Consultation{{Party: "某公司", Sent: day("2025-03-10")}}
	fee := base
	fee.Fee = &register.Fee{Notified: day("2025-03-10"), Amount: "100"}
	answered := base
	answered.Answered, answered.Outcome = day("2025-03-20"), register.OutcomeOfRow(report.RowGranted)
	granted := register.OutcomeOfRow(report.RowGranted)
	for _, c := range []struct {
		name  string
		a     register.Application
		s     Step
		state register.State
		due   string // the answer deadline after the step ("" none): 清明 4-4 to 4-6 off, 4-27 a make-up working day
		err   string
	}{
		{"补正 asked stops the clock", base, Step{Kind: KindCorrectionAsked, Date: day("2025-03-07"), Text: "写明文号"}, register.StateCorrection, "", ""},
		{"补正 received restarts it", asked, Step{Kind: KindCorrectionGot, Date: day("2025-03-12")}, register.StateOpen, "2025-04-10", ""},
		{"补正 received without one asked", base, Step{Kind: KindCorrectionGot, Date: day("2025-03-12")}, "", "", "没有等待中的补正"},
		{"second 补正 while one is awaited", asked, Step{Kind: KindCorrectionAsked, Date: day("2025-03-10")}, "", "", "还没有收到"},
		{"consultation pauses", base, Step{Kind: KindConsultSent, Date: day("2025-03-10"), Text: "某公司"}, register.StateConsultation, "2025-04-24", ""},
		{"consultation without a party", base, Step{Kind: KindConsultSent, Date: day("2025-03-10")}, "", "", "征求谁的意见"},
		{"consultation answered", consulting, Step{Kind: KindConsultReplied, Date: day("2025-03-12")}, register.StateOpen, "2025-04-07", ""},
		{"extension", base, Step{Kind: KindExtension, Date: day("2025-03-28"), Days: 20}, register.StateExtended, "2025-04-30", ""},
		{"extension over 20 days", base, Step{Kind: KindExtension, Date: day("2025-03-28"), Days: 21}, "", "", "最长不得超过 20 个工作日"},
		{"fee notice", base, Step{Kind: KindFeeNotice, Date: day("2025-03-10"), Text: "100.50"}, register.StateFee, "2025-04-02", ""},
		{"fee not an amount", base, Step{Kind: KindFeeNotice, Date: day("2025-03-10"), Text: "一百"}, "", "", "不是金额"},
		{"fee paid", fee, Step{Kind: KindFeePaid, Date: day("2025-03-12")}, register.StateOpen, "2025-04-02", ""},
		{"answer", base, Step{Kind: KindAnswer, Date: day("2025-03-20"), Text: "某信公开〔2025〕3号", Outcome: granted}, register.StateAnswered, "2025-04-02", ""},
		{"answer without an outcome", base, Step{Kind: KindAnswer, Date: day("2025-03-20")}, "", "", "请选择办理结果"},
		{"answer before receipt", base, Step{Kind: KindAnswer, Date: day("2025-03-01"), Outcome: granted}, "", "", "早于收到申请日期"},
		{"duplicate without the earlier one", base, Step{Kind: KindAnswer, Date: day("2025-03-20"), Outcome: register.OutcomeOfRow(report.RowRejectedDuplicate)}, "", "", "没有写明与哪件申请重复"},
		{"duplicate", base, Step{Kind: KindAnswer, Date: day("2025-03-20"), Outcome: register.OutcomeOfRow(report.RowRejectedDuplicate), Link: "B7"}, register.StateAnswered, "2025-04-02", ""},
		{"a step after the answer", answered, Step{Kind: KindExtension, Date: day("2025-03-28"), Days: 5}, "", "", "已于 2025-03-20 办结"},
		{"no date", base, Step{Kind: KindFeePaid}, "", "", "请填写日期"},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := len(c.a.Corrections)
			got, err := Apply(c.a, c.s, cal)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("error %v, want %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if st := got.State(cal, day("2025-03-13")); st != c.state && c.s.Kind != KindConsultReplied {
				t.Errorf("state %s, want %s", st, c.state)
			}
			if due := got.Clock(cal).Due; c.due == "" && !due.IsZero() || c.due != "" && due.Format("2006-01-02") != c.due {
				t.Errorf("deadline %v, want %q", due, c.due)
			}
			if len(c.a.Corrections) != before || c.a.Fee != nil && !c.a.Fee.Paid.IsZero() {
				t.Error("the application given was changed")
			}
		})
	}
}

func TestParseDay(t *testing.T) {
	for in, want := range map[string]string{"2025-03-05": "2025-03-05", "2025.3.5": "2025-03-05", "2025/3/5": "2025-03-05",
		"2025年3月5日": "2025-03-05", " 2025-3-5 ": "2025-03-05", "3月5日": "", "45722": "", "1999-01-01": ""} {
		d, ok := ParseDay(in)
		if got := d.Format("2006-01-02"); ok != (want != "") || ok && got != want {
			t.Errorf("%q: %s %v, want %q", in, got, ok, want)
		}
	}
}

// A new application typed into the form, then a 补正 asked and received and
// the answer, each through the form: the list's state and deadline change at
// once, the history grows, the store holds each step.
func TestRecordByHand(t *testing.T) {
	h, v := newView(t)
	h.today = day("2025-12-01")
	v.newApplication()
	f := v.newForm
	if f.number.Text != "2025-001" || f.received.Text != "2025-12-01" {
		t.Errorf("proposed number %q, date %q", f.number.Text, f.received.Text)
	}
	f.number.SetText("A1")
	h.TapOverlayButton("登记")
	h.Idle()
	if text := h.OverlayText(); !strings.Contains(text, "登记编号“A1”已在台账中") {
		t.Fatalf("a number in use: %s", text)
	}
	h.TapOverlayButton("确定")
	v.newApplication()
	f = v.newForm
	f.received.SetText("2025.12.1")
	f.channel.SetSelected(string(register.ChannelPostSigned))
	f.typ.SetSelected(register.TypeResearch.String())
	f.summary.SetText("科研经费")
	f.office.SetText("办公室")
	f.applicant.SetText("李四")
	if !strings.Contains(h.OverlayText(), "以签收之日为收到申请之日") {
		t.Errorf("the channel's receipt rule is not shown:\n%s", h.OverlayText())
	}
	h.TapOverlayButton("登记")
	h.Idle()
	if v.chosen < 0 || v.rows[v.chosen].App.Number != "2025-001" {
		t.Fatalf("the new application is not chosen: %d", v.chosen)
	}
	if got := v.line(v.chosen); got != "2025-001  2025-12-01  科研机构  办理中  答复期限 2025-12-29  还有 20 个工作日" {
		t.Errorf("new: %q", got)
	}

	step := func(k Kind, date string, set func(f *stepForm)) {
		t.Helper()
		v.recordStep()
		v.stepForm.kind.SetSelected(string(k))
		v.stepForm.date.SetText(date)
		if set != nil {
			set(v.stepForm)
		}
		h.TapOverlayButton("记录")
		h.Idle()
	}
	step(KindCorrectionAsked, "2025-12-03", func(f *stepForm) { f.text.SetText("写明年份") })
	if got := v.line(v.chosen); got != "2025-001  2025-12-01  科研机构  待补正" {
		t.Errorf("after 补正 asked: %q", got)
	}
	step(KindCorrectionGot, "2025-12-08", nil)
	if got := v.line(v.chosen); got != "2025-001  2025-12-01  科研机构  办理中  答复期限 2026-01-06  还有 25 个工作日" {
		t.Errorf("after 补正 received: %q", got)
	}
	v.recordStep()
	v.stepForm.kind.SetSelected(string(KindAnswer))
	if !strings.Contains(h.OverlayText(), articleUnchosen) { // not 依据 beside nothing
		t.Errorf("before an outcome is chosen, 依据 reads:\n%s", h.OverlayText())
	}
	v.stepForm.outcome.SetSelected(register.OutcomeOfRow(report.RowUnableNotHeld).Label())
	if !strings.Contains(h.OverlayText(), "条例第三十六条第（四）项、第（五）项") {
		t.Errorf("the outcome's article is not shown:\n%s", h.OverlayText())
	}
	v.stepForm.date.SetText("2025-12-20")
	v.stepForm.text.SetText("某信公开〔2025〕9号")
	h.TapOverlayButton("记录")
	h.Idle()
	for _, want := range []string{"2025-12-03  告知补正（需补正：写明年份）", "2025-12-08  收到补正，答复期限重新计算", "2025-12-20", "办理结果：（四）无法提供 1.本机关不掌握相关政府信息（条例第三十六条第（四）项、第（五）项）"} {
		if !strings.Contains(v.detail.Text, want) {
			t.Errorf("history lacks %q:\n%s", want, v.detail.Text)
		}
	}
	apps, err := h.st.Applications(agency, 2025)
	if err != nil {
		t.Fatal(err)
	}
	var a register.Application
	for _, x := range apps {
		if x.Number == "2025-001" {
			a = x
		}
	}
	if a.Applicant != "李四" || a.Channel != register.ChannelPostSigned || len(a.Corrections) != 1 || a.DocNumber != "某信公开〔2025〕9号" ||
		a.Outcome != register.OutcomeOfRow(report.RowUnableNotHeld) || a.Office != "办公室" {
		t.Errorf("stored: %+v", a)
	}
	if !strings.Contains(h.Status(), "已记录第 2025-001 号申请：答复 2025-12-20") {
		t.Errorf("status: %s", h.Status())
	}
}

func TestCountText(t *testing.T) {
	for _, c := range []struct {
		c    Count
		want string
	}{{Count{}, ""}, {Count{Soon: 2}, "2 件申请 3 个工作日内到期"}, {Count{Overdue: 1}, "1 件已超期"},
		{Count{Soon: 1, Overdue: 4}, "1 件申请 3 个工作日内到期，4 件已超期"}} {
		if got := c.c.Text(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.c, got, c.want)
		}
	}
}

// The import shows each column's field before anything is stored; a column
// the spellings do not know is mapped by the user, a choice that makes two
// columns one field is refused, and 导入 stores with the mapping as it stands.
func TestImportMapping(t *testing.T) {
	h, v := newView(t)
	path := filepath.Join(t.TempDir(), "台账.csv")
	csv := "某局2025年依申请公开台账,,,,,\n编号,受理日期,来文单位,申请人类型,办理结果,办结日期\n" +
		"M1,45748,某某律师事务所,法律服务机构,予以公开,2025年4月15日\nM2,2025.4.2,王五,公民,,\n"
	if err := os.WriteFile(path, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	v.ImportFile(agency, path)
	h.Idle()
	m := v.mapping
	if m == nil {
		t.Fatal("no mapping shown")
	}
	for header, want := range map[string]string{"编号": "登记编号", "受理日期": "收到申请日期", "来文单位": notImported, "办结日期": "答复日期"} {
		if got := m.fields[header].Selected; got != want {
			t.Errorf("%s → %s, want %s", header, got, want)
		}
	}
	if text := h.OverlayText(); !strings.Contains(text, "表头在第 2 行，可以导入 2 件") || !strings.Contains(text, "C 列“来文单位”") {
		t.Errorf("mapping dialog:\n%s", text)
	}
	if len(mustApps(t, h)) != 5 {
		t.Fatal("something was stored before 导入")
	}

	m.fields["来文单位"].SetSelected("收到申请日期")
	h.Idle()
	if !strings.Contains(m.summary.Text, "按这样的对应无法导入") || !strings.Contains(m.summary.Text, "都对应“收到申请日期”") {
		t.Errorf("two columns on one field: %s", m.summary.Text)
	}
	m.fields["来文单位"].SetSelected("申请人")
	m.fields["办理结果"].SetSelected(notImported)
	h.Idle()
	if !strings.Contains(m.summary.Text, "可以导入 2 件") {
		t.Errorf("after the choices: %s", m.summary.Text)
	}
	h.TapOverlayButton("导入")
	h.Idle()
	if text := h.OverlayText(); !strings.Contains(text, "C 列“来文单位” → 申请人") || !strings.Contains(text, "E 列“办理结果” → 不导入") {
		t.Errorf("after 导入:\n%s", text)
	}
	got := map[string]register.Application{}
	for _, a := range mustApps(t, h) {
		got[a.Number] = a
	}
	m1 := got["M1"]
	if m1.Applicant != "某某律师事务所" || m1.Received.Format(time.DateOnly) != "2025-04-01" || m1.Outcome != register.OutcomeNone ||
		got["M2"].Applicant != "王五" {
		t.Errorf("stored: %+v %+v", m1, got["M2"])
	}
}

func mustApps(t *testing.T, h *host) []register.Application {
	t.Helper()
	apps, err := h.st.Applications(agency, 0)
	if err != nil {
		t.Fatal(err)
	}
	return apps
}
