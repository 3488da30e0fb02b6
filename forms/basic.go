package forms

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nianbao/data/figure"
	"nianbao/data/report"
)

// Agency type choices as the select shows them, in the order of report's constants.
var agencyTypeChoices = []struct{ value, label string }{
	{"", "自动判断"},
	{report.AgencyGovernment, "人民政府"},
	{report.AgencyTownship, "乡镇街道"},
	{report.AgencyDepartment, "部门"},
}

func agencyTypeLabel(v string) string {
	for _, c := range agencyTypeChoices {
		if c.value == v {
			return c.label
		}
	}
	return agencyTypeChoices[0].label
}

// basicTab edits the report's basic information: agency, year, title,
// agency type, preamble and closing.
type basicTab struct {
	ed                                     *Editor
	agency, year, title, preamble, closing *textEntry
	agencyType                             *widget.Select
	inferred, msg, deadline                *widget.Label
	box                                    *fyne.Container
	yearErr                                error
	// agencyErr and titleErr say what is wrong with the text in those fields
	// (report.TextProblem); meanwhile the report keeps the last fit text.
	agencyErr, titleErr string
	former              *formerField
}

func (e *Editor) buildBasic() fyne.CanvasObject {
	b := &basicTab{ed: e}
	e.basic = b
	b.agency = newTextEntry(e, false)
	b.year = newTextEntry(e, false)
	b.title = newTextEntry(e, false)
	b.preamble = newTextEntry(e, true)
	b.closing = newTextEntry(e, true)
	b.former = newFormerField(e)
	b.preamble.SetMinRowsVisible(5)
	b.closing.SetMinRowsVisible(3)
	b.preamble.SetPlaceHolder("引言：编制依据、统计期限、电子版下载地址、咨询方式等")
	b.closing.SetPlaceHolder("结尾（可不填），如联系方式；最后两行写机关名称和成文日期（如 2025年1月20日），按公文格式印在右下方")
	var labels []string
	for _, c := range agencyTypeChoices {
		labels = append(labels, c.label)
	}
	b.agencyType = widget.NewSelect(labels, nil)
	b.agencyType.PlaceHolder = "（请选择）" // Fyne's own is English
	b.inferred = widget.NewLabel("")
	b.deadline = widget.NewLabel("")
	b.msg = widget.NewLabel("")
	b.msg.Importance = widget.DangerImportance
	b.msg.Hide()

	edit := func(f func(string)) func(string) {
		return func(s string) {
			if !e.loading {
				f(s)
				e.edited()
			}
		}
	}
	b.agency.OnChanged = edit(func(s string) {
		if b.agencyErr = agencyProblem(s); b.agencyErr == "" {
			e.work.Agency = s
		}
	})
	b.year.OnChanged = edit(func(s string) { b.parseYear() })
	b.title.OnChanged = edit(func(s string) {
		if b.titleErr = report.TextProblem(report.FieldTitle, s); b.titleErr == "" {
			e.work.Title = s
		}
	})
	b.preamble.OnChanged = edit(func(s string) { e.work.Preamble = s })
	b.closing.OnChanged = edit(func(s string) { e.work.Closing = s })
	b.agencyType.OnChanged = edit(func(s string) {
		for _, c := range agencyTypeChoices {
			if c.label == s {
				e.work.AgencyType = c.value
			}
		}
	})

	fields := []struct {
		key, label string
		w          fyne.CanvasObject
		focus      fyne.Focusable
	}{
		{"agency", "机关名称", b.agency, b.agency},
		{"former_name", "曾用名", b.former.obj, b.former.entry},
		{"year", "报告年度", b.year, b.year},
		{"title", "标题", b.title, b.title},
		{"agency_type", "机关类型", container.NewHBox(b.agencyType, b.inferred), b.agencyType},
		{"deadline", "公布期限", b.deadline, nil},
		{"preamble", "引言", b.preamble, b.preamble},
		{"closing", "结尾", b.closing, b.closing},
	}
	form := widget.NewForm()
	for _, f := range fields {
		if f.focus == nil { // shown, not edited
			form.Append(f.label, f.w)
			continue
		}
		mark := newMarkRect()
		form.Append(f.label, container.NewStack(f.w, mark))
		var shown markKind
		focus := f.focus
		e.addSpot(tabBasic, "", f.key, "", func(k markKind) {
			if k != shown {
				shown = k
				applyMark(mark, k)
			}
		}, func() { e.focusObject(tabBasic, focus) })
	}
	b.box = container.NewVBox(form, b.msg)
	scroll := container.NewVScroll(b.box)
	e.scrolls[tabBasic] = scroll
	return scroll
}

func (b *basicTab) load() {
	r := &b.ed.work
	b.agency.SetText(r.Agency)
	b.year.SetText(strconv.Itoa(r.Year))
	b.title.SetText(r.Title)
	b.preamble.SetText(r.Preamble)
	b.closing.SetText(r.Closing)
	b.agencyType.SetSelected(agencyTypeLabel(r.AgencyType))
	b.yearErr = nil
	// A report saved before the text rules may break them: say so at once.
	b.agencyErr = report.OldTextProblem(report.FieldAgency, r.Agency)
	b.titleErr = report.OldTextProblem(report.FieldTitle, r.Title)
	b.former.reset()
}

// agencyProblem is what is wrong with an agency name as typed, or "".
func agencyProblem(s string) string {
	if s == "" {
		return "请填写机关名称"
	}
	return report.TextProblem(report.FieldAgency, s)
}

// invalidCount is how many fields of the tab hold text the report does not take.
func (b *basicTab) invalidCount() int {
	n := 0
	for _, bad := range []bool{b.yearErr != nil, b.agencyErr != "", b.titleErr != ""} {
		if bad {
			n++
		}
	}
	return n
}

// parseYear stores the year if it is one (2008…2100); otherwise the last
// valid year stays in the report and the field is marked.
func (b *basicTab) parseYear() {
	n, err := figure.ParseYear(b.year.Text)
	b.yearErr = err
	if err == nil {
		b.ed.work.Year = n
	}
}

// refresh updates what depends on other fields: the title's placeholder and
// the inferred agency type.
func (b *basicTab) refresh() {
	r := &b.ed.work
	b.former.refresh()
	if ph := "默认：" + r.DefaultTitle(); b.title.PlaceHolder != ph {
		b.title.SetPlaceHolder(ph)
	}
	inf := "按名称判断为：" + agencyTypeLabel(report.InferAgencyType(r.Agency))
	if r.AgencyType != "" {
		inf = ""
	}
	if b.inferred.Text != inf {
		b.inferred.SetText(inf)
	}
	if d := deadlineText(r, b.ed.now()); b.deadline.Text != d {
		b.deadline.SetText(d)
	}
	var msgs []string
	for _, f := range []struct {
		key, label, problem string
	}{
		{"agency", "机关名称", b.agencyErr},
		{"year", "报告年度", errText(b.yearErr)},
		{"title", "标题", b.titleErr},
	} {
		if f.problem == "" {
			continue
		}
		msgs = append(msgs, f.label+"："+f.problem+"（改正后才会保存）")
		for _, s := range b.ed.byKey[spotKey("", f.key, "")] {
			s.want = markInvalid
		}
	}
	if setMessage(b.msg, strings.Join(msgs, "\n")) {
		b.box.Refresh()
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// deadlineText says by when the report must be published and how many days
// are left: "2025年1月31日前（部门、乡镇街道），还有 61 天".
func deadlineText(r *report.Report, today time.Time) string {
	kind := r.AgencyType
	if kind == "" {
		kind = report.InferAgencyType(r.Agency)
	}
	who := "部门、乡镇街道"
	if kind == report.AgencyGovernment {
		who = "县级以上人民政府"
	}
	dl := report.Deadline(kind, r.Agency, r.Year)
	s := fmt.Sprintf("%d年%d月%d日前向社会公布（%s）", dl.Year(), dl.Month(), dl.Day(), who)
	switch n := report.DaysLeft(dl, today); {
	case n > 0:
		return s + fmt.Sprintf("，还有 %d 天", n)
	case n == 0:
		return s + "，今天截止"
	default:
		return s + fmt.Sprintf("，已过期限 %d 天", -n)
	}
}

// setMessage shows msg in l, or hides l when msg is empty; it reports
// whether l appeared or disappeared, so that the caller can lay out again.
func setMessage(l *widget.Label, msg string) bool {
	if l.Text != msg {
		l.SetText(msg)
	}
	if (msg != "") == l.Visible() {
		return false
	}
	if msg == "" {
		l.Hide()
	} else {
		l.Show()
	}
	return true
}
