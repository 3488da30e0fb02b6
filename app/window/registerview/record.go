package registerview

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/window/kit"
	"nianbao/data/money"
	"nianbao/data/register"
	"nianbao/data/report"
	"nianbao/data/workdays"
)

// Kind is a step of an application's handling recorded by hand.
type Kind string

// The steps the 记录办理 form offers.
const (
	KindCorrectionAsked Kind = "告知补正"
	KindCorrectionGot   Kind = "收到补正"
	KindConsultSent     Kind = "征求意见"
	KindConsultReplied  Kind = "收到回复意见"
	KindExtension       Kind = "延期"
	KindFeeNotice       Kind = "收费通知"
	KindFeePaid         Kind = "缴费"
	KindAnswer          Kind = "答复"
)

// Kinds lists the steps in the order the form offers them.
var Kinds = []Kind{KindCorrectionAsked, KindCorrectionGot, KindConsultSent, KindConsultReplied,
	KindExtension, KindFeeNotice, KindFeePaid, KindAnswer}

// textLabel is what the form's text box holds for each step ("" none).
var textLabel = map[Kind]string{
	KindCorrectionAsked: "需要补正的事项",
	KindConsultSent:     "征求谁的意见",
	KindFeeNotice:       "收费金额（元）",
	KindAnswer:          "答复文号",
}

// Step is one step as the form gives it.
type Step struct {
	Kind    Kind
	Date    time.Time
	Text    string // by Kind: the matters to correct, the party consulted, the fee, the document number
	Agency  bool   // the party consulted is another agency (第三十四条)
	Days    int    // of an extension
	Outcome register.Outcome
	Link    string // the earlier application a 重复申请 repeats
}

// Apply returns a with step s recorded, or why it cannot be: each reason
// names the step and the field as the form shows them.
func Apply(a register.Application, s Step, cal *workdays.Calendar) (register.Application, error) {
	if s.Date.IsZero() {
		return a, fmt.Errorf("%s：请填写日期", s.Kind)
	}
	if a.Ended() {
		return a, fmt.Errorf("%s已于 %s 办结，不能再记录%s", a.Where(), a.Answered.Format(time.DateOnly), s.Kind)
	}
	a.Corrections = slices.Clone(a.Corrections)
	a.Consultations = slices.Clone(a.Consultations)
	d := workdays.Date(s.Date)
	if err := applyStep(&a, s, d); err != nil {
		return a, err
	}
	if bad := a.Validate(cal); len(bad) > 0 {
		return a, errors.New(strings.Join(bad, "\n"))
	}
	return a, nil
}

func applyStep(a *register.Application, s Step, d time.Time) error {
	text := strings.TrimSpace(s.Text)
	switch s.Kind {
	case KindCorrectionAsked:
		if n := len(a.Corrections); n > 0 && a.Corrections[n-1].Received.IsZero() {
			return errors.New("上一次告知的补正还没有收到，请先记录“收到补正”")
		}
		a.Corrections = append(a.Corrections, register.Correction{Asked: d, Matters: text})
	case KindCorrectionGot:
		n := len(a.Corrections)
		if n == 0 || !a.Corrections[n-1].Received.IsZero() {
			return errors.New("没有等待中的补正：请先记录“告知补正”")
		}
		a.Corrections[n-1].Received = d
	case KindConsultSent:
		if text == "" {
			return errors.New("征求意见：请填写征求谁的意见")
		}
		a.Consultations = append(a.Consultations, register.Consultation{Party: text, Agency: s.Agency, Sent: d})
	case KindConsultReplied:
		i := slices.IndexFunc(a.Consultations, func(c register.Consultation) bool { return c.Replied.IsZero() })
		if i < 0 {
			return errors.New("没有等待回复的征求意见：请先记录“征求意见”")
		}
		a.Consultations[i].Replied = d
	case KindExtension:
		if a.Extension != nil {
			return errors.New("这件申请已经延期过一次：延期只能一次，最长20个工作日（第三十三条第二款）")
		}
		a.Extension = &register.Extension{Approved: d, Notified: d, Days: s.Days}
	default:
		return applyEnd(a, s, d, text)
	}
	return nil
}

// applyEnd records a fee's notice or payment, or the answer.
func applyEnd(a *register.Application, s Step, d time.Time, text string) error {
	switch s.Kind {
	case KindFeeNotice:
		if _, err := money.Parse(text); err != nil {
			return fmt.Errorf("收费金额“%s”不是金额，请写作 100 或 100.50", text)
		}
		a.Fee = &register.Fee{Notified: d, Amount: text}
	case KindFeePaid:
		if a.Fee == nil || !a.Fee.Paid.IsZero() {
			return errors.New("没有待缴的费用：请先记录“收费通知”")
		}
		fee := *a.Fee
		fee.Paid = d
		a.Fee = &fee
	case KindAnswer:
		if !s.Outcome.Valid() {
			return errors.New("答复：请选择办理结果（第三部分的21项之一）")
		}
		a.Answered, a.DocNumber, a.Outcome = d, text, s.Outcome
		if link := strings.TrimSpace(s.Link); link != "" {
			a.DuplicateOf = link
		}
	default:
		return fmt.Errorf("没有“%s”这种办理步骤", s.Kind)
	}
	return nil
}

// ParseDay reads a date as offices write it: 2025-03-05, 2025.3.5,
// 2025/3/5, 2025年3月5日.
func ParseDay(s string) (time.Time, bool) {
	s = strings.NewReplacer("年", "-", "月", "-", "日", "", ".", "-", "/", "-", " ", "").Replace(strings.TrimSpace(s))
	t, err := time.Parse("2006-1-2", s)
	if err != nil || t.Year() < 2000 || t.Year() > 2100 {
		return time.Time{}, false
	}
	return t, true
}

// outcomeOptions are the 21 outcomes as the form's choice lists them.
func outcomeOptions() []string {
	var out []string
	for row := report.FirstResultRow; row <= report.LastResultRow; row++ {
		out = append(out, register.OutcomeOfRow(row).Label())
	}
	return out
}

// stepForm is the 记录办理 form.
type stepForm struct {
	kind    *widget.Select
	date    *widget.Entry
	text    *widget.Entry
	agency  *widget.Check
	days    *widget.Entry
	outcome *widget.Select
	link    *widget.Entry
	labels  []*widget.Label     // of each row, beside widgets
	widgets []fyne.CanvasObject // each row's box
	dlg     *dialog.ConfirmDialog
}

// step reads the form.
func (f *stepForm) step() (Step, error) {
	s := Step{Kind: Kind(f.kind.Selected), Text: f.text.Text, Agency: f.agency.Checked, Link: f.link.Text}
	d, ok := ParseDay(f.date.Text)
	if !ok {
		return s, fmt.Errorf("日期“%s”无法识别，请写作 2025-03-05", f.date.Text)
	}
	s.Date = d
	if s.Kind == KindExtension {
		n, err := strconv.Atoi(strings.TrimSpace(f.days.Text))
		if err != nil {
			return s, fmt.Errorf("延长的工作日数“%s”不是整数", f.days.Text)
		}
		s.Days = n
	}
	if s.Kind == KindAnswer {
		s.Outcome, _ = register.ParseOutcome(f.outcome.Selected)
	}
	return s, nil
}

// articleUnchosen is the 依据 row before an outcome is chosen.
const articleUnchosen = "选择办理结果后，这里显示所依据的条例条款"

// show shows only the rows the chosen step uses.
func (f *stepForm) show(k Kind) {
	f.labels[2].SetText(textLabel[k])
	vis := map[int]bool{2: textLabel[k] != "", 3: k == KindConsultSent, 4: k == KindExtension, 5: k == KindAnswer, 6: k == KindAnswer, 7: k == KindAnswer}
	for i, on := range vis {
		for _, o := range []fyne.CanvasObject{f.labels[i], f.widgets[i]} {
			if on {
				o.Show()
			} else {
				o.Hide()
			}
		}
	}
	if f.dlg != nil {
		f.dlg.Resize(fyne.NewSize(max(f.dlg.MinSize().Width, 560), f.dlg.MinSize().Height))
	}
}

// rows lays the form out, a label beside each box.
func (f *stepForm) rows(pairs ...any) fyne.CanvasObject {
	grid := container.New(layout.NewFormLayout())
	for i := 0; i < len(pairs); i += 2 {
		l := widget.NewLabel(pairs[i].(string))
		l.Alignment = fyne.TextAlignTrailing
		l.TextStyle.Bold = true
		w := pairs[i+1].(fyne.CanvasObject)
		f.labels, f.widgets = append(f.labels, l), append(f.widgets, w)
		grid.Add(l)
		grid.Add(w)
	}
	return grid
}

// recordStep opens the 记录办理 form for the chosen application.
func (v *View) recordStep() {
	if v.chosen < 0 || v.chosen >= len(v.rows) {
		kit.ShowMessage(v.u.Window(), "记录办理", "请先在列表中选中一件申请")
		return
	}
	a := *v.rows[v.chosen].App
	f := &stepForm{date: widget.NewEntry(), text: widget.NewEntry(), days: widget.NewEntry(), link: widget.NewEntry(),
		agency: widget.NewCheck("是其他行政机关（第三十四条）", nil)}
	f.date.SetText(workdays.Date(v.u.Now()).Format(time.DateOnly))
	f.days.SetText(strconv.Itoa(register.MaxExtensionDays))
	f.link.SetPlaceHolder("重复申请时填写与之重复的申请编号")
	// Until an outcome is chosen, the row says what will be there, not a
	// bare 依据 beside nothing.
	article := widget.NewLabel(articleUnchosen)
	article.Wrapping = fyne.TextWrapWord
	f.outcome = widget.NewSelect(outcomeOptions(), func(s string) {
		if o, ok := register.ParseOutcome(s); ok {
			article.SetText("条例" + o.Article())
		}
	})
	f.outcome.PlaceHolder = "选择第三部分的办理结果"
	var kinds []string
	for _, k := range Kinds {
		kinds = append(kinds, string(k))
	}
	f.kind = widget.NewSelect(kinds, func(s string) { f.show(Kind(s)) })
	body := f.rows("办理步骤", f.kind, "日期", f.date, "", f.text, "", f.agency, "延长工作日数", f.days,
		"办理结果", f.outcome, "依据", article, "重复申请", f.link)
	f.kind.SetSelected(string(KindCorrectionAsked))
	f.dlg = dialog.NewCustomConfirm("记录办理："+a.Where(), "记录", "取消", body, func(ok bool) {
		if !ok {
			return
		}
		s, err := f.step()
		if err == nil {
			a, err = Apply(a, s, v.cal)
		}
		if err != nil {
			kit.ShowError(v.u.Window(), "没有记录", err)
			return
		}
		v.save(a, fmt.Sprintf("已记录%s：%s %s", a.Where(), s.Kind, s.Date.Format(time.DateOnly)))
	}, v.u.Window())
	v.stepForm = f
	f.show(KindCorrectionAsked)
	f.dlg.Show()
}

// newForm is the 新申请 form.
type newForm struct {
	number, received, applicant, contact, summary, office *widget.Entry
	channel, typ                                          *widget.Select
	dlg                                                   *dialog.FormDialog
}

// application reads the form into a new application; existing are the
// agency's applications, whose numbers it must not take.
func (f *newForm) application(existing []register.Application) (register.Application, error) {
	a := register.Application{Number: strings.TrimSpace(f.number.Text), Applicant: strings.TrimSpace(f.applicant.Text),
		Contact: strings.TrimSpace(f.contact.Text), Summary: strings.TrimSpace(f.summary.Text), Office: strings.TrimSpace(f.office.Text)}
	if a.Number == "" {
		return a, errors.New("请填写登记编号")
	}
	if slices.ContainsFunc(existing, func(e register.Application) bool { return e.Number == a.Number }) {
		return a, fmt.Errorf("登记编号“%s”已在台账中，请换一个编号", a.Number)
	}
	d, ok := ParseDay(f.received.Text)
	if !ok {
		return a, fmt.Errorf("收到申请日期“%s”无法识别，请写作 2025-03-05", f.received.Text)
	}
	a.Received = d
	a.Channel, _ = register.ParseChannel(f.channel.Selected)
	if a.Type, ok = register.ParseType(f.typ.Selected); !ok {
		return a, errors.New("请选择申请人类型（第三部分的六类之一）")
	}
	return a, nil
}

// nextNumber proposes a register number for a new application of year.
func nextNumber(apps []register.Application, year int) string {
	prefix := strconv.Itoa(year) + "-"
	n := 0
	for _, a := range apps {
		if k, err := strconv.Atoi(strings.TrimPrefix(a.Number, prefix)); err == nil && strings.HasPrefix(a.Number, prefix) && k > n {
			n = k
		}
	}
	return fmt.Sprintf("%s%03d", prefix, n+1)
}

// newApplication opens the 新申请 form.
func (v *View) newApplication() {
	agency := strings.TrimSpace(v.agency.Text)
	if agency == "" {
		kit.ShowMessage(v.u.Window(), "登记新申请", "请先填写机关名称")
		return
	}
	today := workdays.Date(v.u.Now())
	f := &newForm{number: widget.NewEntry(), received: widget.NewEntry(), applicant: widget.NewEntry(),
		contact: widget.NewEntry(), summary: widget.NewMultiLineEntry(), office: widget.NewEntry()}
	f.number.SetText(nextNumber(v.apps, today.Year()))
	f.received.SetText(today.Format(time.DateOnly))
	var channels, types []string
	for _, c := range register.Channels {
		channels = append(channels, string(c))
	}
	for c := 0; c < report.ApplicantCols; c++ {
		types = append(types, register.TypeOfCol(c).String())
	}
	rule := widget.NewFormItem("申请方式", nil)
	f.channel = widget.NewSelect(channels, func(s string) {
		rule.HintText = register.Channel(s).ReceiptRule()
		if f.dlg != nil {
			f.dlg.Refresh()
		}
	})
	rule.Widget = f.channel
	f.channel.SetSelected(string(register.ChannelOnline))
	f.typ = widget.NewSelect(types, nil)
	f.typ.PlaceHolder = "请选择"
	items := []*widget.FormItem{widget.NewFormItem("登记编号", f.number), widget.NewFormItem("收到申请日期", f.received), rule,
		widget.NewFormItem("申请人类型", f.typ), widget.NewFormItem("申请人（个人信息）", f.applicant),
		widget.NewFormItem("联系方式（个人信息）", f.contact), widget.NewFormItem("申请内容", f.summary),
		widget.NewFormItem("承办科室", f.office)}
	f.dlg = dialog.NewForm("登记新申请："+agency, "登记", "取消", items, func(ok bool) {
		if !ok {
			return
		}
		a, err := f.application(v.apps)
		if err != nil {
			kit.ShowError(v.u.Window(), "没有登记", err)
			return
		}
		v.save(a, fmt.Sprintf("已登记%s，收到申请日期 %s", a.Where(), a.Received.Format(time.DateOnly)))
	}, v.u.Window())
	v.newForm = f
	f.dlg.Resize(f.dlg.MinSize().AddWidthHeight(160, 0))
	f.dlg.Show()
}

// save stores a in the agency's register, then lists it with its new state
// and deadline and shows its history.
func (v *View) save(a register.Application, status string) {
	agency := strings.TrimSpace(v.agency.Text)
	kit.BackgroundOrShow(v.u, "保存失败，台账没有改动", func() error {
		ids, err := v.st.PutApplications(agency, []register.Application{a})
		if err == nil {
			a.ID, a.Agency = ids[0], agency
		}
		return err
	}, func() {
		i := slices.IndexFunc(v.apps, func(e register.Application) bool { return e.Number == a.Number })
		if i < 0 {
			v.apps = append(v.apps, a)
		} else {
			v.apps[i] = a
		}
		v.setYears()
		v.apply()
		v.u.SetStatus(status)
		if j := slices.IndexFunc(v.rows, func(r Row) bool { return r.App.Number == a.Number }); j >= 0 {
			v.list.Select(j)
		}
	})
}
