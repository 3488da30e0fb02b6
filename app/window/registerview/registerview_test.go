package registerview

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"nianbao/app/window/kit/kittest"
	"nianbao/data/register"
	"nianbao/data/report"
	"nianbao/data/store"
	"nianbao/data/store/sqlite"
	"nianbao/data/workdays"
)

type host struct {
	*kittest.Host
	st       *sqlite.DB
	opened   int64
	today    time.Time
	exported []register.Application
}

func (h *host) Now() time.Time      { return h.today }
func (h *host) OpenReport(id int64) { h.opened = id }
func (h *host) ShowList()           {}
func (h *host) ExportRegister(_ string, apps []register.Application, _ *workdays.Calendar, _ time.Time) {
	h.exported = apps
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

const agency = "某局"

// sampleApps: on 2025-12-29, one overdue (due 12-01), one due in 2 working
// days (12-31), one far off, two answered.
func sampleApps() []register.Application {
	granted := register.OutcomeOfRow(report.RowGranted)
	return []register.Application{
		{Number: "A1", Received: day("2025-03-05"), Type: register.TypeNaturalPerson, Applicant: "张三", Summary: "路段批复",
			Answered: day("2025-03-20"), Outcome: granted},
		{Number: "A2", Received: day("2025-11-03"), Type: register.TypeCommercial, Summary: "征收方案"},
		{Number: "A3", Received: day("2025-12-02"), Type: register.TypeNaturalPerson, Summary: "补偿标准"},
		{Number: "A4", Received: day("2025-12-24"), Type: register.TypeLegalService, Summary: "处罚决定",
			Corrections: []register.Correction{{Asked: day("2025-12-26"), Received: day("2025-12-29")}}},
		{Number: "A5", Received: day("2025-06-03"), Type: register.TypeNaturalPerson, Summary: "路段批复",
			Answered: day("2025-06-10"), Outcome: register.OutcomeOfRow(report.RowRejectedDuplicate), DuplicateOf: "A1"},
	}
}

func newView(t *testing.T) (*host, *View) {
	t.Helper()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "nianbao.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.PutApplications(agency, sampleApps()); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Put(report.New(agency, 2025), store.SaveManual); err != nil {
		t.Fatal(err)
	}
	if err := st.SetSetting(settingAgency, agency); err != nil {
		t.Fatal(err)
	}
	h := &host{Host: kittest.New(t, st.Path()), st: st, today: day("2025-12-29")}
	v := New(h, st)
	h.Win.SetContent(v.Content())
	v.Start()
	h.Idle()
	return h, v
}

func TestListOrderMarksAndFilters(t *testing.T) {
	h, v := newView(t)
	if v.agency.Text != agency || len(v.rows) != 5 {
		t.Fatalf("agency %q, %d rows", v.agency.Text, len(v.rows))
	}
	if got := v.summary.Text; got != "共 5 件；1 件申请 3 个工作日内到期，1 件已超期" {
		t.Errorf("summary: %s", got)
	}
	var order []string
	for _, r := range v.rows {
		order = append(order, r.App.Number)
	}
	if strings.Join(order, " ") != "A2 A3 A4 A5 A1" {
		t.Errorf("order: %v (open by deadline, then newest)", order)
	}
	for i, want := range []string{"● A2  2025-11-03  商业企业  办理中  答复期限 2025-12-01  已超期 20 个工作日",
		"● A3  2025-12-02  自然人  办理中  答复期限 2025-12-30  1 个工作日内到期",
		"A4  2025-12-24  法律服务机构  办理中  答复期限 2026-01-27  还有 20 个工作日",
		"A5  2025-06-03  自然人  已答复  （五）不予处理 2.重复申请"} {
		if got := v.line(i); got != want {
			t.Errorf("line %d: %q\nwant %q", i, got, want)
		}
	}
	v.state.SetSelected(string(register.StateAnswered))
	if len(v.rows) != 2 {
		t.Errorf("已答复: %d rows", len(v.rows))
	}
	v.state.SetSelected(all)
	v.typ.SetSelected("自然人")
	v.search.SetText("路段")
	if len(v.rows) != 2 || v.rows[0].App.Number != "A5" {
		t.Errorf("自然人 + 路段: %v", v.rows)
	}
	v.search.SetText("")
	v.typ.SetSelected(all)
	v.outcome.SetSelected(register.OutcomeOfRow(report.RowRejectedDuplicate).Label())
	if len(v.rows) != 1 || v.rows[0].App.Number != "A5" {
		t.Errorf("重复申请: %d rows", len(v.rows))
	}
	v.outcome.SetSelected(all)
	v.list.Select(2) // A4
	h.Run()
	for _, want := range []string{"第 A4 号申请（办理中）", "答复期限：2026-01-27", "2025-12-26  告知补正", "2025-12-29  收到补正，答复期限重新计算"} {
		if !strings.Contains(v.detail.Text, want) {
			t.Errorf("detail lacks %q:\n%s", want, v.detail.Text)
		}
	}
}

func TestImportAndFill(t *testing.T) {
	h, v := newView(t)
	path := filepath.Join(t.TempDir(), "台账.csv")
	csv := "某局2025年台账,,,,\n序号,受理日期,申请人类型,办理结果,办结日期\n" +
		"B1,2025.7.1,公民,部分公开,2025年7月15日\nB2,2025-07-02,法人,予以公开,2025-07-10\n"
	if err := os.WriteFile(path, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	v.ImportFile(agency, path)
	h.Idle()
	h.TapOverlayButton("导入")
	h.Idle()
	text := h.OverlayText()
	for _, want := range []string{"表头在第 2 行，导入 1 件", "B 列“受理日期” → 收到申请日期", "以下 1 行没有导入", "第 4 行：申请人类型“法人”"} {
		if !strings.Contains(text, want) {
			t.Errorf("import dialog lacks %q:\n%s", want, text)
		}
	}
	h.TapOverlayButton("确定")
	h.Idle()
	if len(v.apps) != 6 {
		t.Fatalf("after import: %d applications", len(v.apps))
	}

	// A year with no report yet is filled into a new one.
	if err := h.st.Delete(mustFind(t, h.st, 2025)); err != nil {
		t.Fatal(err)
	}
	v.year.SetSelected("2025")
	v.fill()
	h.Idle()
	text = h.OverlayText()
	for _, want := range []string{"三、一、本年新收政府信息公开申请数量“自然人”列：0 → 4", "三、四、结转下年度继续办理“总计”列：0 → 3", "原内容保存为历史版本"} {
		if !strings.Contains(text, want) {
			t.Errorf("fill dialog lacks %q:\n%s", want, text)
		}
	}
	h.TapOverlayButton("写入")
	h.Idle()
	id, r, err := h.st.Find(agency, 2025)
	if err != nil || r.Applications[report.RowNew][report.ColTotal] != 6 || r.Applications[report.RowPartlyGranted][report.ColNaturalPerson] != 1 {
		t.Fatalf("stored: %v %v", r.Applications, err)
	}
	if h.opened != id {
		t.Errorf("the window was asked to open %d, want %d", h.opened, id)
	}

	// Published: the differences are shown, nothing is written.
	if err := h.st.LockYear(agency, 2025, true); err != nil {
		t.Fatal(err)
	}
	apps := sampleApps()[:1]
	apps[0].Outcome = register.OutcomeOfRow(report.RowPartlyGranted)
	if _, err := h.st.PutApplications(agency, apps); err != nil {
		t.Fatal(err)
	}
	v.Start()
	h.Idle()
	v.year.SetSelected("2025")
	v.fill()
	h.Idle()
	text = h.OverlayText()
	if !strings.Contains(text, "已发布（锁定），没有改动") || !strings.Contains(text, "台账计入的申请：[A1 B1]") {
		t.Errorf("locked fill:\n%s", text)
	}
	if b := kittest.Button(h.Win.Canvas().Overlays().Top(), "写入"); b != nil {
		t.Error("a locked year offers 写入")
	}
}

// The list of 5,000 applications is made and filtered well under 100 ms
// (make bench; the figure is in the note).
func BenchmarkRows5000(b *testing.B) {
	cal := workdays.Shipped()
	base := sampleApps()
	apps := make([]register.Application, 0, 5000)
	for i := range 5000 {
		a := base[i%len(base)]
		a.Number = fmt.Sprint(i)
		a.Received = a.Received.AddDate(0, 0, -(i % 300))
		if a.Ended() {
			a.Answered = a.Received.AddDate(0, 0, 10)
		}
		apps = append(apps, a)
	}
	today := day("2025-12-29")
	for b.Loop() {
		Rows(apps, Filter{}, cal, today)
		Rows(apps, Filter{Year: 2025, State: register.StateOpen, Search: "路段"}, cal, today)
	}
}

func mustFind(t *testing.T, st *sqlite.DB, year int) int64 {
	t.Helper()
	id, _, err := st.Find(agency, year)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// With nothing registered the detail pane says how to begin, not 选中一件申请
// beside an empty list; with applications, it asks for one to be chosen.
func TestEmptyRegisterSaysHowToBegin(t *testing.T) {
	h, v := newView(t)
	if got := v.detail.Text; got != detailHint {
		t.Errorf("with applications the detail reads %q", got)
	}
	v.agency.SetText("某县另一局")
	v.Start()
	h.Idle()
	if got := v.detail.Text; !strings.Contains(got, "还没有申请") || !strings.Contains(got, "登记新申请") {
		t.Errorf("an empty register's detail reads %q", got)
	}
}
