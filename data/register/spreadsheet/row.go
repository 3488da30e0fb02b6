package spreadsheet

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"nianbao/data/money"
	"nianbao/data/register"
	"nianbao/data/workdays"
)

// rowReader reads the rows of one sheet.
type rowReader struct {
	cols     []Column
	cal      *workdays.Calendar
	date1904 bool
	numbers  map[string]int // register number → the row it was on
}

// read reads one row; reason says why it cannot be imported ("" when it can).
func (r *rowReader) read(row []string, line int) (register.Application, string) {
	var a register.Application
	v := map[Field]string{}
	for _, c := range r.cols {
		if c.Field != FieldNone {
			if s := cell(row, c.Index); s != "" {
				v[c.Field] = s
			}
		}
	}
	var bad []string
	date := func(f Field) time.Time {
		s, ok := v[f]
		if !ok {
			return time.Time{}
		}
		d, ok := parseDate(s, r.date1904)
		if !ok {
			bad = append(bad, fmt.Sprintf("“%s”的“%s”不是日期", f, s))
		}
		return d
	}
	a.Received = date(FieldReceived)
	if _, ok := v[FieldReceived]; !ok {
		bad = append(bad, "没有收到申请日期")
	}
	a.Submitted = date(FieldSubmitted)
	a.Applicant, a.Contact, a.IDNumber = v[FieldApplicant], v[FieldContact], v[FieldIDNumber]
	a.Summary, a.Topic, a.Office, a.Clerk = v[FieldSummary], v[FieldTopic], v[FieldOffice], v[FieldClerk]
	a.DocNumber, a.Delivery, a.Note = v[FieldDocNumber], v[FieldDelivery], v[FieldNote]
	a.DuplicateOf, a.MergedWith = v[FieldDuplicateOf], v[FieldMergedWith]
	if rest, ok := strings.CutSuffix(a.Note, "个人信息已清除"); ok {
		a.Note, a.Erased = strings.TrimSuffix(rest, "；"), true // the program's own export
	}
	if s, ok := v[FieldType]; ok {
		t, known := register.ParseType(s)
		if !known {
			bad = append(bad, fmt.Sprintf("申请人类型“%s”不能确定是第三部分的哪一列（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他）", s))
		}
		a.Type = t
	}
	if s, ok := v[FieldChannel]; ok {
		c, known := register.ParseChannel(s)
		if !known {
			bad = append(bad, fmt.Sprintf("申请方式“%s”不认识（当面、邮寄、平信、网络、电子邮件、传真、其他）", s))
		}
		a.Channel = c
	}
	if s, ok := v[FieldOutcome]; ok {
		o, known := register.ParseOutcome(s)
		if !known {
			bad = append(bad, fmt.Sprintf("办理结果“%s”不能确定是第三部分的哪一行，请人工确定", s))
		}
		a.Outcome = o
	}
	a.Answered = date(FieldAnswered)
	bad = append(bad, r.events(&a, v, date)...)
	if a.Outcome.Valid() && a.Answered.IsZero() {
		bad = append(bad, "有办理结果但没有答复日期")
	}
	a.Number = v[FieldNumber]
	if a.Number == "" && !a.Received.IsZero() {
		if r.hasNumberColumn() {
			bad = append(bad, "没有登记编号")
		} else {
			a.Number = fmt.Sprintf("%s-%d", a.Received.Format("20060102"), line) // the sheet's own row: the same on a second import
		}
	}
	if prev, dup := r.numbers[a.Number]; dup && a.Number != "" {
		bad = append(bad, fmt.Sprintf("登记编号“%s”与第 %d 行相同（同一申请的几个步骤分行登记的，请合并为一行）", a.Number, prev))
	}
	if len(bad) > 0 {
		return a, strings.Join(bad, "；")
	}
	r.numbers[a.Number] = line
	if p := a.Validate(r.cal); p != nil {
		return a, strings.TrimPrefix(strings.Join(p, "；"), a.Where()+"：")
	}
	return a, ""
}

func (r *rowReader) hasNumberColumn() bool {
	for _, c := range r.cols {
		if c.Field == FieldNumber {
			return true
		}
	}
	return false
}

// events reads 补正, 征求意见, 延期 and 收费 from their columns.
func (r *rowReader) events(a *register.Application, v map[Field]string, date func(Field) time.Time) (bad []string) {
	if asked := dateOrNo(v, FieldCorrectionAsked, date, &bad); !asked.IsZero() {
		a.Corrections = []register.Correction{{Asked: asked, Until: date(FieldCorrectionUntil), Received: date(FieldCorrectionGot)}}
	} else if _, ok := v[FieldCorrectionGot]; ok {
		bad = append(bad, "有补正收到日期但没有补正告知日期")
	}
	if sent := dateOrNo(v, FieldConsultSent, date, &bad); !sent.IsZero() {
		a.Consultations = []register.Consultation{{Party: "第三方或其他机关", Sent: sent, Replied: date(FieldConsultReplied)}}
	}
	days := 0
	if s, ok := v[FieldExtensionDays]; ok {
		n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(s, "个工作日"), "天"))
		if err != nil || n < 1 || n > register.MaxExtensionDays {
			bad = append(bad, fmt.Sprintf("延期工作日数“%s”应为 1 到 20 的整数", s))
		}
		days = n
	}
	if to := dateOrNo(v, FieldExtendedTo, date, &bad); !to.IsZero() && days == 0 && !a.Received.IsZero() {
		plain := *a
		plain.Extension = nil
		due := plain.Clock(r.cal).Due
		days = r.cal.Between(due, to)
		if days < 1 || days > register.MaxExtensionDays {
			bad = append(bad, fmt.Sprintf("延期至 %s：比答复期限 %s 延长 %d 个工作日，应为 1 到 20 个", to.Format(time.DateOnly), due.Format(time.DateOnly), days))
		}
	} else if v[FieldExtendedTo] != "" && isYes(v[FieldExtendedTo]) && days == 0 {
		bad = append(bad, "写明延期，但没有延期至的日期或延期工作日数")
	}
	if days > 0 {
		a.Extension = &register.Extension{Days: days}
	}
	if s, ok := v[FieldFeeAmount]; ok && !isNo(s) {
		amount := strings.TrimSuffix(strings.TrimSpace(s), "元")
		if _, err := money.Parse(amount); err != nil {
			bad = append(bad, fmt.Sprintf("收费金额“%s”不是金额", s))
		}
		notified := date(FieldFeeNotified)
		if notified.IsZero() {
			notified = a.Received // the notice's date unknown: within the period, as the rule requires
		}
		a.Fee = &register.Fee{Notified: notified, Amount: amount, Paid: date(FieldFeePaid)}
	}
	return bad
}

// dateOrNo reads a date column that may instead say 是/否: 否 and an empty
// cell are no date; 是 alone is no date either (the caller says what is missing).
func dateOrNo(v map[Field]string, f Field, date func(Field) time.Time, bad *[]string) time.Time {
	s, ok := v[f]
	if !ok || isNo(s) {
		return time.Time{}
	}
	if isYes(s) {
		if f != FieldExtendedTo {
			*bad = append(*bad, fmt.Sprintf("“%s”只写了“%s”，没有日期", f, s))
		}
		return time.Time{}
	}
	return date(f)
}

func isYes(s string) bool {
	s = strings.TrimSpace(s)
	return s == "是" || s == "有" || s == "√" || s == "Y" || s == "y"
}

func isNo(s string) bool {
	s = strings.TrimSpace(s)
	return s == "否" || s == "无" || s == "—" || s == "-" || s == "/" || s == "N" || s == "n" || s == "0"
}

var (
	dateWords  = regexp.MustCompile(`^(\d{4})\s*[年.\-/．]\s*(\d{1,2})\s*[月.\-/．]\s*(\d{1,2})\s*日?(?:[ T].*)?$`)
	serialForm = regexp.MustCompile(`^\d{5}(?:\.\d+)?$`)
)

// parseDate reads a date as registers hold it: an Excel serial number (of
// the 1900 or, date1904, the 1904 system), 2025-03-05, 2025/3/5, 2025.3.5,
// 2025年3月5日, with spaces or a time of day after it.
func parseDate(s string, date1904 bool) (time.Time, bool) {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\u3000", " "))
	if serialForm.MatchString(s) {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || f < 20_000 || f > 80_000 { // 1954–2119
			return time.Time{}, false
		}
		base := workdays.Day(1899, time.December, 30)
		if date1904 {
			base = workdays.Day(1904, time.January, 1)
		}
		return base.AddDate(0, 0, int(f)), true
	}
	m := dateWords.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	t := workdays.Day(y, time.Month(mo), d)
	if y < 2000 || y > 2100 || t.Month() != time.Month(mo) || t.Day() != d {
		return time.Time{}, false // 2025-02-30 is no date
	}
	return t, true
}
