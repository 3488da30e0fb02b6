// Package register is the application register (依申请公开台账): every
// application for disclosure an agency receives, its events under the law's
// clock (条例 第三十条至第三十五条、第四十二条), its state and deadline, its outcome
// as one of the 21 result rows of part 三, and part 三 of a year's report
// computed from it (Fill) and compared with a report (Compare).
//
// The package is pure: no storage, no window, no file format. Dates are
// calendar dates (midnight UTC, workdays.Date); working days come from a
// workdays.Calendar.
package register

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"nianbao/data/money"
	"nianbao/data/report"
	"nianbao/data/workdays"
)

// The law's numbers of working days.
const (
	AnswerDays       = 20 // 第三十三条第二款：自收到申请之日起20个工作日内予以答复
	MaxExtensionDays = 20 // 第三十三条第二款：延长的期限最长不得超过20个工作日
	CorrectionDays   = 7  // 第三十条：自收到申请之日起7个工作日内一次性告知补正
	ConsultationDays = 15 // 第三十二条、第三十四条：自收到征求意见书之日起15个工作日内提出意见
	FeeDays          = 20 // 收费通知：申请人自收到通知次日起20个工作日内缴纳
)

// Application is one registered application (一件申请).
type Application struct {
	ID     int64  `json:"-"` // the store's
	Agency string `json:"-"` // the agency whose register it is in
	// Number is the register's number (登记编号), unique in the agency's register.
	Number string `json:"number"`

	Submitted time.Time `json:"submitted,omitzero"` // 提交日期, when it differs from the receipt date
	Received  time.Time `json:"received"`           // 收到申请日期: the legal receipt date (第三十一条)
	Channel   Channel   `json:"channel,omitempty"`

	// Personal information: erased by Erase, never in a published output.
	Applicant string `json:"applicant,omitempty"` // 申请人姓名或名称
	Contact   string `json:"contact,omitempty"`   // 联系方式
	IDNumber  string `json:"id_number,omitempty"` // 身份证明（证件号码）

	Type    ApplicantType `json:"type,omitempty"`    // the column of part 三
	Summary string        `json:"summary,omitempty"` // 申请内容
	Topic   string        `json:"topic,omitempty"`   // 内容分类
	Office  string        `json:"office,omitempty"`  // 承办科室
	Clerk   string        `json:"clerk,omitempty"`   // 经办人

	Corrections   []Correction   `json:"corrections,omitempty"`
	Consultations []Consultation `json:"consultations,omitempty"`
	Extension     *Extension     `json:"extension,omitempty"`
	// Delay is the answer date the agency set under 第三十五条 (大量、频繁, 理由合理).
	Delay time.Time `json:"delay,omitzero"`
	Fee   *Fee      `json:"fee,omitempty"`

	// Answered is the day the matter ended (答复日期, 办结日期): the answer was
	// given, or the application lapsed (逾期不补正、未缴费) or was withdrawn.
	Answered  time.Time `json:"answered,omitzero"`
	DocNumber string    `json:"doc_number,omitempty"` // 答复文号
	Delivery  string    `json:"delivery,omitempty"`   // 送达方式
	Outcome   Outcome   `json:"outcome,omitempty"`

	// Links between applications, by Number.
	DuplicateOf string `json:"duplicate_of,omitempty"` // 重复申请: the earlier application of the same applicant and content
	MergedWith  string `json:"merged_with,omitempty"`  // 合并处理: answered together with this one

	Note   string `json:"note,omitempty"`
	Erased bool   `json:"erased,omitempty"` // personal information erased after the retention period
}

// Correction is a request for 补正 (第三十条) and its answer.
type Correction struct {
	Asked    time.Time `json:"asked"`             // 补正告知日期
	Until    time.Time `json:"until,omitzero"`    // 补正期限, set by the agency
	Received time.Time `json:"received,omitzero"` // 收到补正的日期: the clock starts again
	Matters  string    `json:"matters,omitempty"` // 需要补正的事项
}

// Consultation is a request for the opinion of a third party (第三十二条) or of
// another agency (第三十四条); the time it takes is not counted (第三十三条第三款).
type Consultation struct {
	Party   string    `json:"party"` // 第三方 or the other agency's name
	Agency  bool      `json:"agency,omitempty"`
	Sent    time.Time `json:"sent"`             // 征求意见书发出日期
	Replied time.Time `json:"replied,omitzero"` // 回复日期; none: it lapses after 15 working days
}

// Extension is an extension of the answer period (第三十三条第二款).
type Extension struct {
	Approved time.Time `json:"approved"`          // 工作机构负责人同意的日期
	Notified time.Time `json:"notified,omitzero"` // 告知申请人的日期
	Days     int       `json:"days"`              // 延长的工作日数, at most 20
}

// Fee is a notice of an information-processing fee (第四十二条) and its payment.
type Fee struct {
	Notified time.Time `json:"notified"`      // 收费通知日期
	Amount   string    `json:"amount"`        // 金额（元）, a decimal
	Paid     time.Time `json:"paid,omitzero"` // 缴费日期
}

// Ended reports whether the matter ended.
func (a *Application) Ended() bool { return !a.Answered.IsZero() }

// EndedBy reports whether the matter ended on or before day.
func (a *Application) EndedBy(day time.Time) bool {
	return a.Ended() && !a.Answered.After(workdays.Date(day))
}

// Erase blanks the personal information (name, contact, ID number) and
// keeps everything that counts.
func (a *Application) Erase() {
	a.Applicant, a.Contact, a.IDNumber = "", "", ""
	a.Erased = true
}

// Where names the application in messages: "第 2025-017 号申请".
func (a *Application) Where() string {
	if a.Number == "" {
		return "未编号的申请"
	}
	return "第 " + a.Number + " 号申请"
}

// Validate returns what is wrong with the application: each a sentence naming
// the field as the register shows it. Nothing is wrong when it returns nil.
func (a *Application) Validate(cal *workdays.Calendar) []string {
	var out []string
	bad := func(format string, args ...any) { out = append(out, a.Where()+"："+fmt.Sprintf(format, args...)) }
	if strings.TrimSpace(a.Number) == "" {
		bad("没有登记编号")
	}
	if a.Received.IsZero() {
		bad("没有收到申请日期")
		return out
	}
	if y := a.Received.Year(); y < 2000 || y > 2100 {
		bad("收到申请日期 %s 不在 2000–2100 年之间", day(a.Received))
		return out
	}
	before := func(what string, t time.Time) {
		if !t.IsZero() && t.Before(a.Received) {
			bad("%s %s 早于收到申请日期 %s", what, day(t), day(a.Received))
		}
	}
	if !a.Submitted.IsZero() && a.Submitted.After(a.Received) {
		bad("提交日期 %s 晚于收到申请日期 %s", day(a.Submitted), day(a.Received))
	}
	a.validateEvents(bad, before)
	before("答复日期", a.Answered)
	if a.Outcome != OutcomeNone && !a.Outcome.Valid() {
		bad("办理结果不是第三部分的21个结果之一")
	}
	if a.Outcome.Valid() && !a.Ended() {
		bad("有办理结果“%s”但没有答复日期", a.Outcome.Label())
	}
	if a.Type != TypeUnknown && !a.Type.Valid() {
		bad("申请人类型不是六类之一")
	}
	if a.Outcome == OutcomeOfRow(report.RowRejectedDuplicate) && a.DuplicateOf == "" {
		bad("办理结果为重复申请，但没有写明与哪件申请重复")
	}
	return out
}

// validateEvents checks the events; bad and before add to Validate's list.
func (a *Application) validateEvents(bad func(string, ...any), before func(string, time.Time)) {
	for i, c := range a.Corrections {
		before(fmt.Sprintf("第 %d 次补正告知日期", i+1), c.Asked)
		if !c.Received.IsZero() && c.Received.Before(c.Asked) {
			bad("第 %d 次补正的收到日期 %s 早于告知日期 %s", i+1, day(c.Received), day(c.Asked))
		}
	}
	for i, c := range a.Consultations {
		before(fmt.Sprintf("第 %d 次征求意见日期", i+1), c.Sent)
		if !c.Replied.IsZero() && c.Replied.Before(c.Sent) {
			bad("第 %d 次征求意见的回复日期 %s 早于发出日期 %s", i+1, day(c.Replied), day(c.Sent))
		}
	}
	if e := a.Extension; e != nil {
		if e.Days < 1 || e.Days > MaxExtensionDays {
			bad("延期 %d 个工作日：延长的期限最长不得超过 %d 个工作日（第三十三条第二款）", e.Days, MaxExtensionDays)
		}
		before("延期批准日期", e.Approved)
	}
	if f := a.Fee; f != nil {
		before("收费通知日期", f.Notified)
		if _, err := money.Parse(f.Amount); err != nil {
			bad("收费金额“%s”不是金额", f.Amount)
		}
		if !f.Paid.IsZero() && f.Paid.Before(f.Notified) {
			bad("缴费日期 %s 早于收费通知日期 %s", day(f.Paid), day(f.Notified))
		}
	}
}

// day writes a date as the register shows it.
func day(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.Format(time.DateOnly)
}

// Event is one step of an application's history, as the register lists it.
type Event struct {
	Date time.Time
	What string
}

// History lists the application's events in the order they happened.
func (a *Application) History() []Event {
	var ev []Event
	add := func(t time.Time, what string) {
		if !t.IsZero() {
			ev = append(ev, Event{t, what})
		}
	}
	if !a.Submitted.IsZero() && !a.Submitted.Equal(a.Received) {
		add(a.Submitted, "提交申请")
	}
	what := "收到申请"
	if a.Channel != "" {
		what += "（" + string(a.Channel) + "）"
	}
	add(a.Received, what)
	for i, c := range a.Corrections {
		n := ""
		if len(a.Corrections) > 1 {
			n = fmt.Sprintf("第 %d 次", i+1)
		}
		until := ""
		if !c.Until.IsZero() {
			until = "，补正期限 " + day(c.Until)
		}
		matters := ""
		if c.Matters != "" {
			matters = "（需补正：" + c.Matters + "）"
		}
		add(c.Asked, n+"告知补正"+matters+until)
		add(c.Received, "收到"+n+"补正，答复期限重新计算")
	}
	for _, c := range a.Consultations {
		add(c.Sent, "征求"+c.Party+"意见")
		add(c.Replied, c.Party+"回复意见")
	}
	if e := a.Extension; e != nil {
		add(e.Approved, fmt.Sprintf("批准延期 %d 个工作日", e.Days))
		add(e.Notified, "告知申请人延期")
	}
	add(a.Delay, "（第三十五条）延迟答复至此日")
	if f := a.Fee; f != nil {
		add(f.Notified, "发出收费通知，金额 "+f.Amount+" 元")
		add(f.Paid, "申请人缴费")
	}
	if a.Ended() {
		w := "答复：" + a.Outcome.Label()
		if a.DocNumber != "" {
			w += "（" + a.DocNumber + "）"
		}
		add(a.Answered, w)
	}
	slices.SortStableFunc(ev, func(x, y Event) int { return x.Date.Compare(y.Date) })
	return ev
}
