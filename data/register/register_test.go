package register

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"nianbao/data/printed"
	"nianbao/data/report"
	"nianbao/data/workdays"
)

func d(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// The reference's deadline table (register-reference.md §2.4), through an
// application's clock: plain, with a full extension, and the 补正 notice day.
func TestClockReferenceTable(t *testing.T) {
	cal := workdays.Shipped()
	for _, tc := range []struct {
		received, correction, answer, extended string
		provisional                            bool
	}{
		{"2025-01-20", "2025-02-05", "2025-02-21", "2025-03-21", false},
		{"2025-09-26", "2025-10-13", "2025-10-30", "2025-11-27", false},
		{"2025-12-10", "2025-12-19", "2026-01-08", "2026-02-05", false},
		{"2025-12-24", "2026-01-05", "2026-01-22", "2026-02-26", false},
		{"2026-02-06", "2026-02-24", "2026-03-12", "2026-04-10", false},
		{"2026-09-18", "2026-09-29", "2026-10-22", "2026-11-19", false},
		{"2026-12-15", "2026-12-24", "2027-01-12", "2027-02-09", true},
	} {
		a := Application{Number: "1", Received: d(tc.received)}
		c := a.Clock(cal)
		if day(c.CorrectionBy) != tc.correction || day(c.Due) != tc.answer || c.Provisional != tc.provisional {
			t.Errorf("收到 %s：补正告知 %s、答复 %s（待定 %v），应为 %s、%s（%v）", tc.received,
				day(c.CorrectionBy), day(c.Due), c.Provisional, tc.correction, tc.answer, tc.provisional)
		}
		a.Extension = &Extension{Approved: d(tc.received), Days: 20}
		if c := a.Clock(cal); day(c.Due) != tc.extended || c.Provisional != tc.provisional {
			t.Errorf("收到 %s 延期20个工作日：%s，应为 %s", tc.received, day(c.Due), tc.extended)
		}
	}
}

func TestClockEvents(t *testing.T) {
	cal := workdays.Shipped()
	tests := []struct {
		name  string
		app   Application
		due   string
		state State
	}{
		{"补正待收到：不计时", Application{Received: d("2025-03-03"),
			Corrections: []Correction{{Asked: d("2025-03-05"), Until: d("2025-03-20")}}}, "—", StateCorrection},
		// 补正 received on 2025-03-14 (Fri): 20 working days from it, over 清明 (04-04), is 2025-04-14.
		{"补正收到后重新起算", Application{Received: d("2025-03-03"),
			Corrections: []Correction{{Asked: d("2025-03-05"), Received: d("2025-03-14")}}}, "2025-04-14", StateOpen},
		{"两次补正，以最后一次为准", Application{Received: d("2025-03-03"),
			Corrections: []Correction{{Asked: d("2025-03-05"), Received: d("2025-03-07")}, {Asked: d("2025-03-10"), Received: d("2025-03-14")}}},
			"2025-04-14", StateOpen},
		// Plain: 2025-03-03 + 20 = 2025-03-31. A consultation sent 03-10 and
		// answered 03-14 pauses 4 working days (11–14): 2025-04-04 is 清明, so 04-07.
		{"征求意见暂停", Application{Received: d("2025-03-03"),
			Consultations: []Consultation{{Party: "第三方", Sent: d("2025-03-10"), Replied: d("2025-03-14")}}}, "2025-04-07", StateOpen},
		// Unanswered: 15 working days counted (lapse on 03-31), 03-31 + 15 = 04-22.
		{"征求意见未回复按15个工作日", Application{Received: d("2025-03-03"),
			Consultations: []Consultation{{Party: "某局", Agency: true, Sent: d("2025-03-10")}}}, "2025-04-22", StateConsultation},
		{"两次征求意见各自暂停", Application{Received: d("2025-03-03"),
			Consultations: []Consultation{{Party: "第三方", Sent: d("2025-03-10"), Replied: d("2025-03-14")},
				{Party: "某局", Agency: true, Sent: d("2025-03-17"), Replied: d("2025-03-19")}}}, "2025-04-09", StateOpen},
		{"延期10个工作日", Application{Received: d("2025-03-03"),
			Extension: &Extension{Approved: d("2025-03-25"), Days: 10}}, "2025-04-15", StateExtended},
		{"第三十五条延迟答复", Application{Received: d("2025-03-03"), Delay: d("2025-06-30")}, "2025-06-30", StateOpen},
		{"待缴费", Application{Received: d("2025-03-03"), Fee: &Fee{Notified: d("2025-03-05"), Amount: "1000"}}, "2025-03-31", StateFee},
		{"已答复", Application{Received: d("2025-03-03"), Answered: d("2025-03-20"), Outcome: OutcomeOfRow(report.RowGranted)},
			"2025-03-31", StateAnswered},
		{"已办结未定结果", Application{Received: d("2025-03-03"), Answered: d("2025-03-20")}, "2025-03-31", StateUnassigned},
	}
	today := d("2025-03-21")
	for _, tc := range tests {
		tc.app.Number = "1"
		c := tc.app.Clock(cal)
		if day(c.Due) != tc.due {
			t.Errorf("%s：答复期限 %s，应为 %s", tc.name, day(c.Due), tc.due)
		}
		if s := tc.app.State(cal, today); s != tc.state {
			t.Errorf("%s：状态 %s，应为 %s", tc.name, s, tc.state)
		}
	}
}

func TestNextDue(t *testing.T) {
	cal := workdays.Shipped()
	a := Application{Number: "7", Received: d("2025-03-03")} // due 2025-03-31
	for _, tc := range []struct {
		today         string
		left          int
		overdue, soon bool
	}{
		{"2025-03-25", 4, false, false},
		{"2025-03-26", 3, false, true},
		{"2025-03-31", 0, false, true},
		{"2025-04-02", -2, true, false},
	} {
		due, ok := a.NextDue(cal, d(tc.today))
		if !ok || due.Left != tc.left || due.Overdue != tc.overdue || due.Soon(3) != tc.soon {
			t.Errorf("%s：%+v，应剩 %d 个工作日、超期 %v、将到期 %v", tc.today, due, tc.left, tc.overdue, tc.soon)
		}
	}
	b := Application{Number: "8", Received: d("2025-03-03"), Corrections: []Correction{{Asked: d("2025-03-04"), Until: d("2025-03-14")}}}
	due, ok := b.NextDue(cal, d("2025-03-20"))
	if !ok || due.What != "补正期限" || !due.Lapsed || due.Overdue {
		t.Errorf("补正期限已过：%+v", due)
	}
	a.Answered, a.Outcome = d("2025-03-10"), OutcomeOfRow(report.RowGranted)
	if _, ok := a.NextDue(cal, d("2025-04-02")); ok {
		t.Error("已答复的申请不应到期")
	}
}

func TestValidate(t *testing.T) {
	cal := workdays.Shipped()
	for _, tc := range []struct {
		app  Application
		want string
	}{
		{Application{Number: "1"}, "没有收到申请日期"},
		{Application{Number: "1", Received: d("2025-03-03"), Extension: &Extension{Approved: d("2025-03-04"), Days: 25}}, "最长不得超过 20 个工作日"},
		{Application{Number: "1", Received: d("2025-03-03"), Answered: d("2025-03-01"), Outcome: 1}, "答复日期 2025-03-01 早于收到申请日期"},
		{Application{Number: "1", Received: d("2025-03-03"), Outcome: 1}, "没有答复日期"},
		{Application{Number: "1", Received: d("2025-03-03"), Answered: d("2025-03-05"), Outcome: OutcomeOfRow(report.RowRejectedDuplicate)}, "与哪件申请重复"},
		{Application{Number: "1", Received: d("2025-03-03"), Fee: &Fee{Notified: d("2025-03-04"), Amount: "一百"}}, "不是金额"},
	} {
		got := strings.Join(tc.app.Validate(cal), "；")
		if !strings.Contains(got, tc.want) {
			t.Errorf("%+v：%q，应含“%s”", tc.app, got, tc.want)
		}
	}
	ok := Application{Number: "1", Received: d("2025-03-03"), Answered: d("2025-03-05"), Outcome: 1, Type: TypeCommercial}
	if p := ok.Validate(cal); p != nil {
		t.Errorf("无误的申请：%v", p)
	}
}

// Every outcome lands in its own row, read back from its printed words.
func TestEveryOutcomeLandsInItsRow(t *testing.T) {
	var apps []Application
	for row := report.FirstResultRow; row <= report.LastResultRow; row++ {
		info := printed.AppRowInfos[row]
		o := OutcomeOfRow(row)
		for _, words := range []string{info.FullLabel(), o.Label(), o.Short(), info.Key} {
			got, ok := ParseOutcome(words)
			if !ok || got != o {
				t.Errorf("“%s”读作 %v，应为 %s", words, got, o.Label())
			}
		}
		if o.Article() == "" {
			t.Errorf("%s 没有条例条款", o.Label())
		}
		apps = append(apps, Application{Number: fmt.Sprint(row), Received: d("2025-02-10"), Answered: d("2025-03-03"),
			Outcome: o, Type: TypeOfCol(row % report.ApplicantCols), DuplicateOf: "x"})
	}
	f := Fill(apps, 2025, nil)
	for row := report.FirstResultRow; row <= report.LastResultRow; row++ {
		col := row % report.ApplicantCols
		if f.Table[row][col] != 1 || f.Table[row][report.ColTotal] != 1 {
			t.Errorf("%s：%v，应在“%s”列计 1", OutcomeOfRow(row).Label(), f.Table[row], printed.AppColumnLabels[col])
		}
		if got := f.Apps[Cell{row, col}]; !slices.Equal(got, []string{fmt.Sprint(row)}) {
			t.Errorf("%s 计入的申请 %v", OutcomeOfRow(row).Label(), got)
		}
	}
	if f.Table[report.RowTotal][report.ColTotal] != 21 || f.Table[report.RowNew][report.ColTotal] != 21 {
		t.Errorf("总计 %v，新收 %v", f.Table[report.RowTotal], f.Table[report.RowNew])
	}
	for _, s := range []string{"申请内容不明确", "法人", "办结", ""} {
		if o, ok := ParseOutcome(s); ok {
			t.Errorf("“%s”不应被读作 %s", s, o.Label())
		}
	}
	if _, ok := ParseType("法人"); ok {
		t.Error("“法人”不应被猜作某一类")
	}
}

func TestFillYearsAndUncounted(t *testing.T) {
	granted := OutcomeOfRow(report.RowGranted)
	apps := []Application{
		{Number: "A", Received: d("2024-12-20"), Answered: d("2025-01-10"), Outcome: granted, Type: TypeNaturalPerson},    // 二 → 三
		{Number: "B", Received: d("2024-11-20"), Answered: d("2024-12-10"), Outcome: granted, Type: TypeNaturalPerson},    // last year only
		{Number: "C", Received: d("2025-12-29"), Type: TypeCommercial},                                                    // 一 → 四
		{Number: "D", Received: d("2025-05-06"), Answered: d("2026-01-05"), Outcome: granted, Type: TypeLegalService},     // 一 → 四
		{Number: "E", Received: d("2026-01-02"), Type: TypeNaturalPerson},                                                 // next year
		{Number: "F", Received: d("2025-05-06"), Answered: d("2025-05-20"), Type: TypeNaturalPerson},                      // no outcome
		{Number: "G", Received: d("2025-05-06"), Answered: d("2025-05-20"), Outcome: granted},                             // no type
		{Number: "H", Received: d("2024-10-08"), Type: TypeOtherOrg, Corrections: []Correction{{Asked: d("2024-10-09")}}}, // 二 → 四
	}
	f := Fill(apps, 2025, nil)
	want := map[Cell]int{
		{report.RowCarriedOver, report.ColNaturalPerson}: 1, {report.RowGranted, report.ColNaturalPerson}: 1,
		{report.RowNew, report.ColCommercial}: 1, {report.RowCarriedForward, report.ColCommercial}: 1,
		{report.RowNew, report.ColLegalService}: 1, {report.RowCarriedForward, report.ColLegalService}: 1,
		{report.RowNew, report.ColNaturalPerson}:    1, // F: counted new, not in 三
		{report.RowCarriedOver, report.ColOtherOrg}: 1, {report.RowCarriedForward, report.ColOtherOrg}: 1,
	}
	for row := range f.Table {
		if row == report.RowTotal {
			continue
		}
		for col := 0; col < report.ApplicantCols; col++ {
			if f.Table[row][col] != want[Cell{row, col}] {
				t.Errorf("%s = %d，应为 %d", Cell{row, col}.Where(), f.Table[row][col], want[Cell{row, col}])
			}
		}
	}
	if len(f.Uncounted) != 2 || !strings.Contains(f.Uncounted[0], "第 F 号申请") || !strings.Contains(f.Uncounted[1], "第 G 号申请：申请人类型未分类") {
		t.Errorf("未计入：%v", f.Uncounted)
	}
	if f.CarriedFromReport {
		t.Error("台账有往年申请，不应取上年年报")
	}
	// A register that starts in 2026 takes 二 from last year's report.
	last := &report.Report{Year: 2025, Applications: f.Table}
	g := Fill(apps[4:5], 2026, last)
	if !g.CarriedFromReport || g.Table[report.RowCarriedOver] != f.Table[report.RowCarriedForward] {
		t.Errorf("二 应取上年年报的四：%v，应为 %v", g.Table[report.RowCarriedOver], f.Table[report.RowCarriedForward])
	}
}

func readReport(t testing.TB, name string) *report.Report {
	r, err := report.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// generate makes a register whose part 三 of year is target: every
// application of 二 received in the year before and open at its end, every
// one of 一 in the year, each ending in a result row (in the year) or still
// open on 31 December (四); plus applications of the years around that must
// not count. Dates are working days; events (补正, 征求意见, 延期, 收费) vary.
func generate(t testing.TB, target report.Applications, year int) []Application {
	cal := workdays.Shipped()
	rng := rand.New(rand.NewPCG(uint64(year), 24))
	var apps []Application
	n := 0
	next := func() string { n++; return fmt.Sprintf("%d-%05d", year, n) }
	endOfYear := workdays.Day(year, time.December, 31)
	randomDay := func(from, to time.Time) time.Time {
		for {
			day := from.AddDate(0, 0, rng.IntN(int(to.Sub(from).Hours()/24)+1))
			if cal.IsWorkday(day) {
				return day
			}
		}
	}
	for col := 0; col < report.ApplicantCols; col++ {
		var ends []int
		for row := report.FirstResultRow; row <= report.LastResultRow; row++ {
			for range target[row][col] {
				ends = append(ends, row)
			}
		}
		for range target[report.RowCarriedForward][col] {
			ends = append(ends, -1)
		}
		carried, fresh := target[report.RowCarriedOver][col], target[report.RowNew][col]
		if carried+fresh != len(ends) {
			t.Fatalf("“%s”列不平衡：%d + %d ≠ %d", printed.AppColumnLabels[col], carried, fresh, len(ends))
		}
		rng.Shuffle(len(ends), func(i, j int) { ends[i], ends[j] = ends[j], ends[i] })
		// Open ones go last, so that the ones received latest stay open.
		slices.SortStableFunc(ends, func(a, b int) int { return boolInt(a < 0) - boolInt(b < 0) })
		for i, end := range ends {
			a := Application{Number: next(), Type: TypeOfCol(col), Channel: Channels[rng.IntN(len(Channels))],
				Applicant: fmt.Sprintf("申请人%05d", n)}
			switch {
			case i < carried:
				a.Received = randomDay(workdays.Day(year-1, time.November, 1), workdays.Day(year-1, time.December, 31))
				a.Corrections = []Correction{{Asked: a.Received.AddDate(0, 0, 2)}}
				if end >= 0 || rng.IntN(2) == 0 {
					a.Corrections[0].Received = randomDay(workdays.Day(year, time.January, 2), workdays.Day(year, time.January, 31))
				}
			case end < 0:
				a.Received = randomDay(workdays.Day(year, time.December, 1), endOfYear)
			default:
				a.Received = randomDay(workdays.Day(year, time.January, 1), workdays.Day(year, time.November, 30))
			}
			if end < 0 {
				apps = append(apps, a)
				continue
			}
			vary(rng, cal, &a)
			due := a.Clock(cal).Due
			if due.IsZero() || due.After(endOfYear) {
				due = endOfYear
			}
			from := a.Received
			if from.Year() < year {
				from = workdays.Day(year, time.January, 2)
				if len(a.Corrections) > 0 && a.Corrections[0].Received.After(from) {
					from = a.Corrections[0].Received
				}
			}
			if due.Before(from) {
				due = from
			}
			a.Answered = randomDay(from, due)
			a.Outcome = OutcomeOfRow(end)
			if end == report.RowRejectedDuplicate {
				a.DuplicateOf = fmt.Sprintf("%d-%05d", year, max(1, n-1))
			}
			apps = append(apps, a)
		}
	}
	// Around the year: received and ended the year before, received after.
	for i := range 40 {
		a := Application{Number: next(), Type: TypeOfCol(i % 6), Received: randomDay(workdays.Day(year-1, time.January, 2), workdays.Day(year-1, time.October, 31))}
		a.Answered, _ = cal.Add(a.Received, 10)
		a.Outcome = OutcomeOfRow(report.FirstResultRow + i%Outcomes)
		a.DuplicateOf = "x"
		apps = append(apps, a)
		apps = append(apps, Application{Number: next(), Type: TypeOfCol(i % 6), Received: randomDay(workdays.Day(year+1, time.January, 2), workdays.Day(year+1, time.March, 31))})
	}
	rng.Shuffle(len(apps), func(i, j int) { apps[i], apps[j] = apps[j], apps[i] })
	return apps
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// vary adds the events of a real register to some applications.
func vary(rng *rand.Rand, cal *workdays.Calendar, a *Application) {
	if a.Received.Year() < 2024 || len(a.Corrections) > 0 {
		return
	}
	switch rng.IntN(10) {
	case 0:
		asked, _ := cal.Add(a.Received, 3)
		got, _ := cal.Add(asked, 5)
		a.Corrections = []Correction{{Asked: asked, Received: got}}
	case 1:
		sent, _ := cal.Add(a.Received, 5)
		replied, _ := cal.Add(sent, 6)
		a.Consultations = []Consultation{{Party: "第三方", Sent: sent, Replied: replied}}
	case 2:
		a.Extension = &Extension{Approved: a.Received.AddDate(0, 0, 20), Days: 1 + rng.IntN(20)}
	case 3:
		a.Fee = &Fee{Notified: a.Received, Amount: "100", Paid: a.Received.AddDate(0, 0, 3)}
	}
}

// A generated register spread like a real part 三 reproduces it exactly,
// carried-over (二) and carried-forward (四) cases included; the year before
// then carries forward what this year carries over.
func TestFillReproducesReports(t *testing.T) {
	for _, name := range []string{"fictional-busy-2024.nianbao.json", "hongzequ-2024.nianbao.json"} {
		want := readReport(t, name)
		apps := generate(t, want.Applications, want.Year)
		cal := workdays.Shipped()
		for i := range apps {
			if p := apps[i].Validate(cal); p != nil {
				t.Fatalf("%s：生成的申请有误：%v", name, p)
			}
		}
		f := Fill(apps, want.Year, nil)
		if f.Table != want.Applications {
			for _, c := range Changes(want.Applications, f.Table) {
				t.Errorf("%s：%s 为 %d，应为 %d", name, c.Where(), c.New, c.Old)
			}
		}
		if len(f.Uncounted) != 0 || f.CarriedFromReport {
			t.Errorf("%s：未计入 %v，取上年年报 %v", name, f.Uncounted, f.CarriedFromReport)
		}
		if d := Compare(want.Applications, f); len(d) != 0 {
			t.Errorf("%s：与年报不符 %v", name, d)
		}
		prev := Fill(apps, want.Year-1, nil)
		if prev.Table[report.RowCarriedForward] != want.Applications[report.RowCarriedOver] {
			t.Errorf("%s：上年结转下年 %v，应为本年上年结转 %v", name, prev.Table[report.RowCarriedForward], want.Applications[report.RowCarriedOver])
		}
		t.Logf("%s：台账 %d 件，本年新收 %d、上年结转 %d、结转下年 %d", name, len(apps),
			f.Table[report.RowNew][report.ColTotal], f.Table[report.RowCarriedOver][report.ColTotal], f.Table[report.RowCarriedForward][report.ColTotal])
	}
}

// Compare names the applications behind a difference.
func TestCompareNamesApplications(t *testing.T) {
	want := readReport(t, "hongzequ-2024.nianbao.json")
	apps := generate(t, want.Applications, want.Year)
	// One application answered 予以公开 was in fact 部分公开.
	var moved string
	for i := range apps {
		if apps[i].Outcome == OutcomeOfRow(report.RowGranted) && apps[i].Answered.Year() == 2024 {
			apps[i].Outcome = OutcomeOfRow(report.RowPartlyGranted)
			moved = apps[i].Number
			break
		}
	}
	diffs := Compare(want.Applications, Fill(apps, 2024, nil))
	if len(diffs) != 2 {
		t.Fatalf("差异 %v，应为两格", diffs)
	}
	partly := diffs[1]
	if partly.Row != report.RowPartlyGranted || partly.Report != 9 || partly.Register != 10 || !slices.Contains(partly.Apps, moved) {
		t.Errorf("部分公开的差异 %+v，应含第 %s 号申请", partly, moved)
	}
	if !strings.Contains(partly.Explain(), "（二）部分公开") || !strings.Contains(partly.Explain(), moved) {
		t.Errorf("说明：%s", partly.Explain())
	}
}

func BenchmarkFill5000(b *testing.B) {
	want := readReport(b, "fictional-busy-2024.nianbao.json")
	apps := generate(b, want.Applications, want.Year)
	for len(apps) < 5000 {
		apps = append(apps, apps[:min(len(apps), 5000-len(apps))]...)
	}
	b.ResetTimer()
	for b.Loop() {
		Fill(apps, 2024, nil)
	}
}

func TestHistoryAndErase(t *testing.T) {
	a := Application{Number: "9", Received: d("2025-03-03"), Channel: ChannelOnline, Applicant: "张三", Contact: "13800000000", IDNumber: "110",
		Corrections:   []Correction{{Asked: d("2025-03-05"), Received: d("2025-03-10")}},
		Consultations: []Consultation{{Party: "第三方", Sent: d("2025-03-12"), Replied: d("2025-03-14")}},
		Answered:      d("2025-03-28"), Outcome: OutcomeOfRow(report.RowPartlyGranted), DocNumber: "某公开〔2025〕9号"}
	var got []string
	for _, e := range a.History() {
		got = append(got, day(e.Date)+" "+e.What)
	}
	want := []string{"2025-03-03 收到申请（网络）", "2025-03-05 告知补正", "2025-03-10 收到补正，答复期限重新计算",
		"2025-03-12 征求第三方意见", "2025-03-14 第三方回复意见", "2025-03-28 答复：（二）部分公开（区分处理的，只计这一情形，不计其他情形）（某公开〔2025〕9号）"}
	if !slices.Equal(got, want) {
		t.Errorf("历史：\n%s\n应为：\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	a.Erase()
	if a.Applicant != "" || a.Contact != "" || a.IDNumber != "" || !a.Erased || a.Outcome != OutcomeOfRow(report.RowPartlyGranted) {
		t.Errorf("清除个人信息后：%+v", a)
	}
}

func TestWarnings(t *testing.T) {
	cal := workdays.Shipped()
	for _, tc := range []struct {
		app  Application
		want []string
	}{
		{Application{Received: d("2025-03-03"), Answered: d("2025-03-31"), Outcome: 1}, nil},
		{Application{Received: d("2025-03-03"), Answered: d("2025-04-01"), Outcome: 1},
			[]string{"答复日期 2025-04-01 晚于答复期限 2025-03-31（超期答复）"}},
		{Application{Received: d("2025-03-03"), Corrections: []Correction{{Asked: d("2025-03-13"), Received: d("2025-03-14")}}},
			[]string{"补正告知日期 2025-03-13 晚于收到申请后第 7 个工作日 2025-03-12（第三十条）"}},
		{Application{Received: d("2025-03-03"), Extension: &Extension{Approved: d("2025-03-28"), Notified: d("2025-04-01"), Days: 5}},
			[]string{"延期告知日期 2025-04-01 晚于原答复期限 2025-03-31"}},
	} {
		if got := tc.app.Warnings(cal); !slices.Equal(got, tc.want) {
			t.Errorf("%+v：%q，应为 %q", tc.app, got, tc.want)
		}
	}
}
