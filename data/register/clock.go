package register

import (
	"fmt"
	"time"

	"nianbao/data/workdays"
)

// ClockRules are the program's rules for the answer deadline, as the
// register states them. The law's text is 条例 第三十条至第三十五条; where it is
// silent (how a consultation's pause is counted, whether a fee notice stops
// the clock) these are the program's own readings.
var ClockRules = []string{
	"收到申请之日的次日为第1个工作日；工作日按国务院办公厅每年的节假日安排计算（调休上班日算工作日），本地另行放假的日子可以添加。",
	"答复期限为收到申请之日起20个工作日（第三十三条第二款）。",
	"告知补正应在收到申请之日起7个工作日内（第三十条）；补正期间不计时，收到补正之日重新起算20个工作日。",
	"征求第三方或其他机关意见（第三十二条、第三十四条）：自发出之日的次日起到收到回复之日止的工作日不计入答复期限，最多15个工作日；未回复的，按15个工作日计。",
	"延期须经政府信息公开工作机构负责人同意并告知申请人，最多延长20个工作日（第三十三条第二款）。",
	"依第三十五条确定延迟答复期限的，以确定的日期为答复期限。",
	"收费通知不停止计时（本程序的做法，条例未作规定）；申请人应自收到通知次日起20个工作日内缴费，逾期视为放弃申请。",
	"最后一个已知年度之后的日子只按周末推算，到期日标为“待定”，待次年放假安排公布后确认。",
}

// Clock is an application's deadlines as the law's clock gives them.
type Clock struct {
	// Start is the day the 20 working days run from: the receipt date, or the
	// day the last 补正 was received.
	Start time.Time
	// CorrectionBy is the last day to ask for 补正 (7 working days after receipt).
	CorrectionBy time.Time
	// Due is the last day to answer; zero while a 补正 is awaited (the clock
	// stands until it arrives).
	Due         time.Time
	Provisional bool // Due runs into a year whose holidays are not yet known
	Paused      int  // working days not counted: consultations
	Extended    int  // working days of an extension
	// CorrectionUntil is the 补正期限 of an awaited 补正, FeeBy the last day to
	// pay an unpaid fee: after them the application lapses (视为放弃申请).
	CorrectionUntil time.Time
	FeeBy           time.Time
}

// Clock computes the application's deadlines over cal.
func (a *Application) Clock(cal *workdays.Calendar) Clock {
	var c Clock
	if a.Received.IsZero() {
		return c
	}
	c.Start = workdays.Date(a.Received)
	c.CorrectionBy, _ = cal.Add(c.Start, CorrectionDays)
	awaiting := false
	for _, k := range a.Corrections {
		if k.Received.IsZero() {
			awaiting = true
			c.CorrectionUntil = k.Until
			continue
		}
		awaiting = false
		if k.Received.After(c.Start) {
			c.Start = workdays.Date(k.Received)
		}
	}
	for _, k := range a.Consultations {
		if k.Sent.Before(c.Start) {
			continue // sent before a 补正 restarted the clock: its pause was before the new start
		}
		lapse, _ := cal.Add(k.Sent, ConsultationDays)
		end := lapse
		if !k.Replied.IsZero() && k.Replied.Before(lapse) {
			end = k.Replied
		}
		c.Paused += cal.Between(k.Sent, end)
	}
	if e := a.Extension; e != nil {
		c.Extended = min(max(e.Days, 0), MaxExtensionDays)
	}
	if f := a.Fee; f != nil && f.Paid.IsZero() {
		c.FeeBy, _ = cal.Add(f.Notified, FeeDays)
	}
	if awaiting {
		return c
	}
	if !a.Delay.IsZero() {
		c.Due = workdays.Date(a.Delay)
		c.Provisional = false
		return c
	}
	c.Due, c.Provisional = cal.Add(c.Start, AnswerDays+c.Paused+c.Extended)
	return c
}

// State is where an application stands.
type State string

// The states, as the register shows them.
const (
	StateOpen         State = "办理中"
	StateCorrection   State = "待补正"
	StateConsultation State = "征求意见中"
	StateExtended     State = "已延期"
	StateFee          State = "待缴费"
	StateAnswered     State = "已答复"
	StateUnassigned   State = "已办结待定结果" // ended, but nobody has said in which row
)

// States lists every state, in the order a filter offers them.
var States = []State{StateOpen, StateCorrection, StateConsultation, StateExtended, StateFee, StateAnswered, StateUnassigned}

// State returns where the application stands on today.
func (a *Application) State(cal *workdays.Calendar, today time.Time) State {
	if a.Ended() {
		if !a.Outcome.Valid() {
			return StateUnassigned
		}
		return StateAnswered
	}
	if n := len(a.Corrections); n > 0 && a.Corrections[n-1].Received.IsZero() {
		return StateCorrection
	}
	today = workdays.Date(today)
	for _, k := range a.Consultations {
		if k.Replied.IsZero() {
			if lapse, _ := cal.Add(k.Sent, ConsultationDays); !today.After(lapse) {
				return StateConsultation
			}
		}
	}
	if a.Fee != nil && a.Fee.Paid.IsZero() {
		return StateFee
	}
	if a.Extension != nil {
		return StateExtended
	}
	return StateOpen
}

// Late reports whether the application was answered after its deadline.
func (a *Application) Late(cal *workdays.Calendar) bool {
	if !a.Ended() {
		return false
	}
	c := a.Clock(cal)
	return !c.Due.IsZero() && a.Answered.After(c.Due)
}

// Due is an open application's next date to act by, as the due list shows it.
type Due struct {
	App *Application
	// By is the date and What what is due then: 答复 (the answer), 补正期限
	// (the applicant's 补正 period ends), 缴费期限 (the fee's).
	By          time.Time
	What        string
	Provisional bool
	Left        int // working days from today to By; negative once passed
	// Overdue: the answer's deadline has passed (超期, what evaluations count);
	// Lapsed: the applicant's 补正 or fee period has passed, and the matter
	// should be ended (视为放弃申请).
	Overdue, Lapsed bool
}

// Soon reports whether the date falls within days working days.
func (d Due) Soon(days int) bool { return !d.Overdue && !d.Lapsed && d.Left <= days }

// NextDue returns what the open application must next be acted on by; ok is
// false for an ended one.
func (a *Application) NextDue(cal *workdays.Calendar, today time.Time) (Due, bool) {
	if a.Ended() || a.Received.IsZero() {
		return Due{}, false
	}
	c := a.Clock(cal)
	d := Due{App: a}
	switch {
	case c.Due.IsZero() && !c.CorrectionUntil.IsZero():
		d.By, d.What = c.CorrectionUntil, "补正期限"
	case c.Due.IsZero():
		return Due{}, false // awaiting a 补正 with no period set: nothing falls due
	case !c.FeeBy.IsZero() && c.FeeBy.Before(c.Due):
		d.By, d.What = c.FeeBy, "缴费期限"
	default:
		d.By, d.What, d.Provisional = c.Due, "答复期限", c.Provisional
	}
	today = workdays.Date(today)
	if d.By.Before(today) {
		d.Overdue = d.What == "答复期限"
		d.Lapsed = !d.Overdue
		d.Left = -cal.Between(d.By, today)
	} else {
		d.Left = cal.Between(today, d.By)
	}
	return d, true
}

// Warnings are what the register points out about an application's handling
// under the law's clock, each a sentence: a 补正 asked after its 7 working
// days, an extension told after the deadline it extends, a late answer.
func (a *Application) Warnings(cal *workdays.Calendar) []string {
	if a.Received.IsZero() {
		return nil
	}
	var out []string
	c := a.Clock(cal)
	if len(a.Corrections) > 0 && a.Corrections[0].Asked.After(c.CorrectionBy) {
		out = append(out, fmt.Sprintf("补正告知日期 %s 晚于收到申请后第 7 个工作日 %s（第三十条）", day(a.Corrections[0].Asked), day(c.CorrectionBy)))
	}
	if e := a.Extension; e != nil && !e.Notified.IsZero() {
		plain := *a
		plain.Extension = nil
		if before := plain.Clock(cal).Due; !before.IsZero() && e.Notified.After(before) {
			out = append(out, fmt.Sprintf("延期告知日期 %s 晚于原答复期限 %s", day(e.Notified), day(before)))
		}
	}
	if a.Late(cal) {
		out = append(out, fmt.Sprintf("答复日期 %s 晚于答复期限 %s（超期答复）", day(a.Answered), day(c.Due)))
	}
	return out
}
