package registersheet

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"nianbao/app/workbook/workbooktest"

	"nianbao/data/register"
	"nianbao/data/register/spreadsheet"
	"nianbao/data/report"
	"nianbao/data/workdays"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func sample() []register.Application {
	return []register.Application{
		{Number: "2025-1", Received: day("2025-03-03"), Channel: register.ChannelOnline, Applicant: "张三", Contact: "13800000000",
			IDNumber: "110101199001011234", Type: register.TypeNaturalPerson, Summary: "某路段改造批复", Office: "办公室", Clerk: "李",
			Corrections:   []register.Correction{{Asked: day("2025-03-05"), Until: day("2025-03-19"), Received: day("2025-03-10")}},
			Consultations: []register.Consultation{{Party: "第三方或其他机关", Sent: day("2025-03-12"), Replied: day("2025-03-14")}},
			Extension:     &register.Extension{Days: 10},
			Fee:           &register.Fee{Notified: day("2025-03-11"), Amount: "100.50", Paid: day("2025-03-13")},
			Answered:      day("2025-04-01"), Outcome: register.OutcomeOfRow(report.RowPartlyGranted), DocNumber: "某公开〔2025〕1号", Delivery: "邮寄"},
		{Number: "2025-2", Received: day("2025-06-02"), Applicant: "张三", Type: register.TypeNaturalPerson,
			Answered: day("2025-06-10"), Outcome: register.OutcomeOfRow(report.RowRejectedDuplicate), DuplicateOf: "2025-1", Erased: true, Note: "电话确认"},
		{Number: "2025-3", Received: day("2026-12-15"), Applicant: "某某律师事务所", Type: register.TypeLegalService},
	}
}

// Every part of the register workbook is valid against the ECMA-376
// schemas, as Excel and WPS want it (skipped without xmllint).
func TestValidAgainstECMA376(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, "某局", sample(), workdays.Shipped(), day("2026-12-20")); err != nil {
		t.Fatal(err)
	}
	workbooktest.Validate(t, buf.Bytes())
}

// What the export writes imports back as it was, and the title row says the
// workbook holds personal information.
func TestRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	apps := sample()
	if err := Write(&buf, "某局", apps, workdays.Shipped(), day("2026-12-20")); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	title, _ := f.GetCellValue(SheetName, "A1")
	due, _ := f.GetCellValue(SheetName, cellOf(t, "答复期限", 5))
	state, _ := f.GetCellValue(SheetName, cellOf(t, "状态", 5))
	f.Close()
	if !strings.Contains(title, "个人信息") || !strings.Contains(title, "某局") {
		t.Errorf("标题行：%s", title)
	}
	if due != "2027-01-12（待定）" || state != "办理中" {
		t.Errorf("第 2025-3 号申请：答复期限 %q，状态 %q", due, state)
	}
	res, err := spreadsheet.Read("台账.xlsx", buf.Bytes(), spreadsheet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) != 0 || len(res.Apps) != len(apps) {
		t.Fatalf("读回 %d 件，问题 %v", len(res.Apps), res.Problems)
	}
	for i, got := range res.Apps {
		want := apps[i]
		g, w := summary(got), summary(want)
		if g != w {
			t.Errorf("读回：\n%s\n应为：\n%s", g, w)
		}
	}
}

func cellOf(t *testing.T, head string, row int) string {
	for i, c := range columns() {
		if c.head == head {
			name, _ := excelize.CoordinatesToCellName(i+1, row)
			return name
		}
	}
	t.Fatalf("没有“%s”列", head)
	return ""
}

// summary writes what an application holds, for comparing.
func summary(a register.Application) string {
	var b strings.Builder
	b.WriteString(strings.Join([]string{a.Number, a.Received.Format(time.DateOnly), string(a.Channel), a.Applicant, a.Contact, a.IDNumber,
		a.Type.String(), a.Summary, a.Office, a.Clerk, a.Answered.Format(time.DateOnly), a.Outcome.Label(), a.DocNumber, a.Delivery,
		a.DuplicateOf, a.MergedWith, a.Note}, "|"))
	for _, c := range a.Corrections {
		b.WriteString("|补正 " + c.Asked.Format(time.DateOnly) + " " + c.Until.Format(time.DateOnly) + " " + c.Received.Format(time.DateOnly))
	}
	for _, c := range a.Consultations {
		b.WriteString("|征求 " + c.Party + c.Sent.Format(time.DateOnly) + " " + c.Replied.Format(time.DateOnly))
	}
	if a.Extension != nil {
		b.WriteString("|延期 " + time.Duration(a.Extension.Days).String())
	}
	if a.Fee != nil {
		b.WriteString("|收费 " + a.Fee.Amount + " " + a.Fee.Notified.Format(time.DateOnly) + " " + a.Fee.Paid.Format(time.DateOnly))
	}
	if a.Erased {
		b.WriteString("|已清除")
	}
	return b.String()
}
