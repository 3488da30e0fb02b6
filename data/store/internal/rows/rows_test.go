package rows

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"nianbao/data/combine"
	"nianbao/data/register"
	"nianbao/data/report"
)

// The backends' own tests run these through both databases; these pin what
// each helper decides on its own.

func TestApplicationRoundTrip(t *testing.T) {
	a := register.Application{ID: 7, Agency: "某局", Number: "2025-1", Applicant: "张三",
		Received: time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC), Answered: time.Date(2025, 3, 20, 0, 0, 0, 0, time.UTC)}
	data, received, answered, err := ApplicationRow(a)
	if err != nil || received != "2025-03-05" || answered != "2025-03-20" {
		t.Fatalf("ApplicationRow = %q, %q, %v", received, answered, err)
	}
	got, err := Application(9, "另一局", data)
	if err != nil || got.ID != 9 || got.Agency != "另一局" || got.Applicant != "张三" {
		t.Fatalf("Application = %+v, %v", got, err)
	}
	if _, err := Application(3, "某局", "{"); err == nil || !strings.Contains(err.Error(), "台账第 3 条记录已损坏") {
		t.Fatalf("a broken row: %v", err)
	}
	a.Answered = time.Time{}
	if _, _, answered, _ := ApplicationRow(a); answered != "" {
		t.Errorf("an open application's answered = %q", answered)
	}
}

func TestCheckApplications(t *testing.T) {
	day := time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		agency string
		apps   []register.Application
		want   string
	}{
		{" ", nil, "保存台账需要机关名称"},
		{"某局", []register.Application{{Number: "1"}}, "第 1 号申请：登记编号和收到申请日期都不能为空"},
		{"某局", []register.Application{{Number: "1", Received: day}, {Number: "1", Received: day}}, "第 1 号申请 出现了两次"},
	} {
		if err := CheckApplications(c.agency, c.apps); err == nil || err.Error() != c.want {
			t.Errorf("CheckApplications(%q) = %v, want %s", c.agency, err, c.want)
		}
	}
	if err := CheckApplications("某局", []register.Application{{Number: "1", Received: day}}); err != nil {
		t.Error(err)
	}
}

func TestErased(t *testing.T) {
	if _, changed, err := Erased(register.Application{Number: "1"}); changed || err != nil {
		t.Errorf("nothing personal: changed %v, %v", changed, err)
	}
	data, changed, err := Erased(register.Application{Number: "1", Contact: "138"})
	if !changed || err != nil || strings.Contains(data, "138") || !strings.Contains(data, `"erased":true`) {
		t.Errorf("Erased = %s, %v, %v", data, changed, err)
	}
}

func TestCheckRoster(t *testing.T) {
	if err := CheckRoster([]combine.Unit{{Name: "甲", Type: report.AgencyDepartment}, {Name: "甲", Type: report.AgencyDepartment}}); err == nil ||
		err.Error() != "名单中“甲”出现了两次" {
		t.Errorf("a name twice: %v", err)
	}
	if err := CheckRoster([]combine.Unit{{Name: "甲", Type: report.AgencyDepartment}}); err != nil {
		t.Error(err)
	}
}

func TestFormerName(t *testing.T) {
	if got, err := FormerName("某局", " 旧局 "); got != "旧局" || err != nil {
		t.Errorf("FormerName = %q, %v", got, err)
	}
	if _, err := FormerName("某局", "某局"); err == nil {
		t.Error("the agency's own name was taken as its former name")
	}
}

func TestMigrations(t *testing.T) {
	step := &fstest.MapFile{Data: []byte("CREATE TABLE t (x);")}
	steps, err := Migrations(fstest.MapFS{"migrations/0001_init.sql": step, "migrations/0002_more.sql": step})
	if err != nil || len(steps) != 2 || steps[1].Version != 2 || steps[1].Name != "0002_more.sql" || steps[0].SQL != string(step.Data) {
		t.Fatalf("Migrations = %+v, %v", steps, err)
	}
	for name, fsys := range map[string]fstest.MapFS{
		"a gap":     {"migrations/0001_init.sql": step, "migrations/0003_more.sql": step},
		"no number": {"migrations/init.sql": step},
		"no folder": {},
	} {
		if _, err := Migrations(fsys); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
