package storetest

import (
	"errors"
	"slices"
	"testing"
	"time"

	"nianbao/data/register"
	"nianbao/data/report"
	"nianbao/data/store"
	"nianbao/data/workdays"
)

// RunRegister runs the tests of the application register against a backend
// that keeps one (store.Register is not part of Store: not every backend has it).
func RunRegister(t *testing.T, open func(t *testing.T) store.Register) {
	tests := []struct {
		name string
		run  func(*testing.T, store.Register)
	}{
		{"PutListReplace", testRegisterPutListReplace},
		{"PutAllOrNothing", testRegisterPutAllOrNothing},
		{"EraseKeepsCounts", testRegisterEraseKeepsCounts},
		{"CalendarAndLocks", testRegisterCalendarAndLocks},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.run(t, open(t)) })
	}
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// SampleApplications is a small register over two years: carried over,
// answered, open, with events and personal fields.
func SampleApplications() []register.Application {
	granted := register.OutcomeOfRow(report.RowGranted)
	return []register.Application{
		{Number: "2024-9", Received: day("2024-12-20"), Applicant: "王五", Contact: "13900000000", Type: register.TypeNaturalPerson,
			Corrections: []register.Correction{{Asked: day("2024-12-23"), Received: day("2025-01-06")}},
			Answered:    day("2025-01-20"), Outcome: granted},
		{Number: "2025-1", Received: day("2025-03-03"), Channel: register.ChannelOnline, Applicant: "张三", IDNumber: "110101199001011234",
			Contact: "zhang@example.com", Type: register.TypeNaturalPerson, Summary: "某路段改造批复",
			Consultations: []register.Consultation{{Party: "第三方", Sent: day("2025-03-10"), Replied: day("2025-03-14")}},
			Extension:     &register.Extension{Approved: day("2025-03-25"), Days: 10},
			Fee:           &register.Fee{Notified: day("2025-03-05"), Amount: "100.50", Paid: day("2025-03-07")},
			Answered:      day("2025-04-01"), Outcome: register.OutcomeOfRow(report.RowPartlyGranted), DocNumber: "某公开〔2025〕1号"},
		{Number: "2025-2", Received: day("2025-12-29"), Applicant: "某某律师事务所", Type: register.TypeLegalService},
		{Number: "2025-3", Received: day("2025-06-02"), Applicant: "张三", Type: register.TypeNaturalPerson,
			Answered: day("2025-06-10"), Outcome: register.OutcomeOfRow(report.RowRejectedDuplicate), DuplicateOf: "2025-1"},
	}
}

func testRegisterPutListReplace(t *testing.T, st store.Register) {
	apps := SampleApplications()
	ids, err := st.PutApplications("某局", apps)
	if err != nil || len(ids) != len(apps) {
		t.Fatalf("PutApplications: %v, %v", ids, err)
	}
	if _, err := st.PutApplications("另一局", apps[:1]); err != nil {
		t.Fatalf("another agency's register, same number: %v", err)
	}
	all, err := st.Applications("某局", 0)
	if err != nil || len(all) != 4 {
		t.Fatalf("Applications(0) = %d, %v", len(all), err)
	}
	if got := []string{all[0].Number, all[1].Number, all[2].Number, all[3].Number}; !slices.Equal(got, []string{"2024-9", "2025-1", "2025-3", "2025-2"}) {
		t.Errorf("order by receipt: %v", got)
	}
	one, err := st.Application(ids[1])
	if err != nil {
		t.Fatal(err)
	}
	want := apps[1]
	want.ID, want.Agency = ids[1], "某局"
	if one.ID != want.ID || one.Agency != "某局" || one.Applicant != "张三" || one.Fee.Amount != "100.50" ||
		!one.Consultations[0].Replied.Equal(day("2025-03-14")) || one.Extension.Days != 10 || one.Outcome != want.Outcome {
		t.Errorf("read back: %+v", one)
	}
	y25, err := st.Applications("某局", 2025)
	if err != nil || len(y25) != 3 {
		t.Errorf("Applications(2025) = %d, %v", len(y25), err)
	}
	// Same number: replaced, same id.
	changed := apps[2]
	changed.Answered, changed.Outcome = day("2026-01-05"), register.OutcomeOfRow(report.RowGranted)
	again, err := st.PutApplications("某局", []register.Application{changed})
	if err != nil || again[0] != ids[2] {
		t.Fatalf("replace: %v, %v (id %d)", again, err, ids[2])
	}
	if got, _ := st.Application(ids[2]); !got.Answered.Equal(day("2026-01-05")) {
		t.Errorf("replaced application not stored: %+v", got)
	}
	if err := st.DeleteApplication(ids[3]); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Application(ids[3]); !errors.Is(err, store.ErrApplicationNotFound) {
		t.Errorf("deleted application: %v", err)
	}
	if err := st.DeleteApplication(ids[3]); !errors.Is(err, store.ErrApplicationNotFound) {
		t.Errorf("delete twice: %v", err)
	}
}

func testRegisterPutAllOrNothing(t *testing.T, st store.Register) {
	apps := SampleApplications()
	bad := append(slices.Clone(apps), apps[0]) // a number twice
	if _, err := st.PutApplications("某局", bad); err == nil {
		t.Fatal("a number twice was stored")
	}
	noDate := slices.Clone(apps)
	noDate[3].Received = time.Time{}
	if _, err := st.PutApplications("某局", noDate); err == nil {
		t.Fatal("an application without receipt date was stored")
	}
	if all, _ := st.Applications("某局", 0); len(all) != 0 {
		t.Errorf("a refused put stored %d applications", len(all))
	}
}

func testRegisterEraseKeepsCounts(t *testing.T, st store.Register) {
	if _, err := st.PutApplications("某局", SampleApplications()); err != nil {
		t.Fatal(err)
	}
	before, _ := st.Applications("某局", 0)
	n, err := st.ErasePersonal("某局", 2025)
	if err != nil || n != 3 {
		t.Fatalf("ErasePersonal = %d, %v; want 3", n, err)
	}
	after, _ := st.Applications("某局", 0)
	for _, a := range after {
		erased := a.Received.Year() == 2025
		if erased != (a.Applicant == "" && a.Contact == "" && a.IDNumber == "" && a.Erased) {
			t.Errorf("%s: applicant %q, contact %q, id %q, erased %v", a.Where(), a.Applicant, a.Contact, a.IDNumber, a.Erased)
		}
	}
	for _, year := range []int{2024, 2025} {
		if b, a := register.Fill(before, year, nil), register.Fill(after, year, nil); b.Table != a.Table {
			t.Errorf("%d: part 三 changed by erasing: %v → %v", year, b.Table, a.Table)
		}
	}
	if n, err := st.ErasePersonal("某局", 2025); err != nil || n != 0 {
		t.Errorf("erase again = %d, %v", n, err)
	}
}

func testRegisterCalendarAndLocks(t *testing.T, st store.Register) {
	next := "# 2027\nyear 2027\noff 2027-01-01 元旦\n"
	if err := st.AddCalendar("2027年节假日安排", next); err != nil {
		t.Fatal(err)
	}
	if err := st.AddCalendar("本地", "off 2025-06-03 古尔邦节\n"); err != nil {
		t.Fatal(err)
	}
	texts, err := st.CalendarAdditions()
	if err != nil || len(texts) != 2 {
		t.Fatalf("CalendarAdditions = %v, %v", texts, err)
	}
	cal, err := workdays.New(texts...)
	if err != nil || !cal.Known(2027) || cal.IsWorkday(day("2025-06-03")) {
		t.Errorf("calendar from the stored additions: %v", err)
	}
	if locked, err := st.YearLocked("某局", 2025); err != nil || locked {
		t.Fatalf("YearLocked before = %v, %v", locked, err)
	}
	for _, lock := range []bool{true, true, false} {
		if err := st.LockYear("某局", 2025, lock); err != nil {
			t.Fatal(err)
		}
		if got, _ := st.YearLocked("某局", 2025); got != lock {
			t.Errorf("after LockYear(%v): %v", lock, got)
		}
	}
}
