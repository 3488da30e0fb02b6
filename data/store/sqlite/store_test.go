package sqlite

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"nianbao/data/check"
	"nianbao/data/report"
	"nianbao/data/store"
)

// sample is a filled-in report whose figures add up, varied by n.
func sample(agency string, year, n int) *report.Report {
	r := report.New(agency, year)
	r.Preamble = fmt.Sprintf("根据《中华人民共和国政府信息公开条例》，现公布%d年度报告。（%d）", year, n)
	r.Overview = []report.Section{
		{Heading: "", Body: "总体情况。"},
		{Heading: "（一）主动公开政府信息情况。", Body: fmt.Sprintf("第一段%d。\n\n第二段。", n)},
	}
	r.Proactive.NormativeDocuments = report.DocCounts{Issued: 2, Repealed: 1, InForce: 5 + n}
	r.Proactive.Licensing = n
	r.Proactive.Fees = "1.25"
	r.Applications[report.RowNew] = report.AppRow{n + 3, 1, 0, 0, 0, 0, 0}
	r.Applications[report.RowGranted] = report.AppRow{n + 1, 1, 0, 0, 0, 0, 0}
	r.Applications[report.RowCarriedForward] = report.AppRow{2, 0, 0, 0, 0, 0, 0}
	r.ReviewLitigation[report.GroupReview] = report.CaseRow{1, 0, 0, 0, 0}
	r.Problems = []report.Section{{Heading: "（一）存在问题", Body: "问题。"}}
	r.Closing = "联系电话：0955-1234567"
	r.FillTotals()
	return r
}

func openTemp(t testing.TB) (*DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "nianbao.db")
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

// clock is a settable time for the autosave window.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }

func mustPut(t *testing.T, s *DB, r *report.Report, kind store.SaveKind) int64 {
	t.Helper()
	id, err := s.Put(r, kind)
	if err != nil {
		t.Fatalf("Put(%s %d, %s): %v", r.Agency, r.Year, kind, err)
	}
	return id
}

func mustMarshal(t *testing.T, r *report.Report) string {
	t.Helper()
	b, err := report.Marshal(r)
	if err != nil {
		t.Fatalf("Marshal: %v", err)
	}
	return string(b)
}

func sameReport(t *testing.T, got, want *report.Report) {
	t.Helper()
	if g, w := mustMarshal(t, got), mustMarshal(t, want); g != w {
		t.Errorf("report differs:\ngot  %s\nwant %s", g, w)
	}
}

func pragma(t *testing.T, s *DB, name string) int {
	t.Helper()
	var v int
	if err := s.db.QueryRow("PRAGMA " + name).Scan(&v); err != nil {
		t.Fatalf("PRAGMA %s: %v", name, err)
	}
	return v
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestMigrateFromEmptyAndReopen(t *testing.T) {
	s, path := openTemp(t)
	steps, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if got := pragma(t, s, "user_version"); got != len(steps) || got < 1 {
		t.Errorf("user_version = %d, want %d", got, len(steps))
	}
	if got := pragma(t, s, "application_id"); got != applicationID {
		t.Errorf("application_id = %d, want %d", got, applicationID)
	}
	if got := pragma(t, s, "foreign_keys"); got != 1 {
		t.Errorf("foreign_keys = %d, want 1", got)
	}
	var mode string
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	if err := s.SetSetting("last_dir", "/home/用户"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	before := readFile(t, path)

	// Reopening an up-to-date database changes nothing in it.
	s2, err := Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	if got := pragma(t, s2, "user_version"); got != len(steps) {
		t.Errorf("user_version after reopen = %d", got)
	}
	if v, err := s2.Setting("last_dir"); err != nil || v != "/home/用户" {
		t.Errorf("Setting after reopen = %q, %v", v, err)
	}
	if err := s2.Close(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, readFile(t, path)) {
		t.Error("reopening changed the database file")
	}
}

func TestNewerDatabaseRefused(t *testing.T) {
	s, path := openTemp(t)
	steps, _ := migrations()
	newer := len(steps) + 1
	if _, err := s.db.Exec(fmt.Sprintf("PRAGMA user_version = %d", newer)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before := readFile(t, path)

	_, err := Open(path)
	if err == nil {
		t.Fatal("Open of a newer database succeeded")
	}
	want := fmt.Sprintf("数据库由较新版本的年报创建（版本 %d），请升级程序", newer)
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not say %q", err, want)
	}
	if !bytes.Equal(before, readFile(t, path)) {
		t.Error("the refused database was changed")
	}
}

// ourDatabase writes a database with a few reports and returns its bytes, closed.
func ourDatabase(t *testing.T, path string) []byte {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 40; i++ {
		if _, err := s.Put(sample(fmt.Sprintf("机关%02d", i), 2023, i), store.SaveManual); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return readFile(t, path)
}

func TestBadFilesRefusedUntouched(t *testing.T) {
	dir := t.TempDir()
	good := ourDatabase(t, filepath.Join(dir, "good.db"))
	if len(good) < 8*4096 {
		t.Fatalf("sample database has only %d bytes", len(good))
	}
	corrupt := bytes.Clone(good)
	for i := 2 * 4096; i < 3*4096; i++ { // page 3, a b-tree page, overwritten
		corrupt[i] = byte(i * 7)
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"text", []byte("机关,年度\n中卫市民政局,2023\n")},
		{"short", []byte("SQLite")},
		{"header only", []byte("SQLite format 3\x00")},
		{"truncated", good[:len(good)/2]},
		{"corrupted page", corrupt},
		{"zeroed schema page", append(bytes.Clone(good[:100]), make([]byte, len(good)-100)...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "报告.db")
			if err := os.WriteFile(path, tt.data, 0o600); err != nil {
				t.Fatal(err)
			}
			s, err := Open(path)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			if !strings.Contains(err.Error(), "不是年报数据库或已损坏") || !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name the file and say why", err)
			}
			if !bytes.Equal(tt.data, readFile(t, path)) {
				t.Error("the refused file was changed")
			}
			if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
				t.Errorf("files left beside the refused one: %v", entries)
			}
		})
	}
}

func TestOtherProgramsDatabaseRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	// Make it look like someone else's: no application id of ours.
	if _, err := s.db.Exec("PRAGMA application_id = 42"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before := readFile(t, path)
	if _, err := Open(path); err == nil || !strings.Contains(err.Error(), "不是年报数据库") {
		t.Errorf("Open = %v, want refusal", err)
	}
	if !bytes.Equal(before, readFile(t, path)) {
		t.Error("the refused file was changed")
	}
}

func TestEmptyFileBecomesDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open of an empty file: %v", err)
	}
	defer s.Close()
	if _, err := s.Put(sample("中卫市民政局", 2023, 1), store.SaveManual); err != nil {
		t.Fatal(err)
	}
}

func TestFolderCreated(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "b", "nianbao.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if runtime.GOOS == "windows" {
		return
	}
	info, err := os.Stat(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != 0o700 {
		t.Errorf("folder mode = %o, want 700", got)
	}
}

func TestPutGetFindList(t *testing.T) {
	s, _ := openTemp(t)
	a23 := sample("中卫市民政局", 2023, 1)
	a22 := sample("中卫市民政局", 2022, 2)
	b23 := sample("中卫市财政局", 2023, 3)
	ids := map[string]int64{}
	for _, r := range []*report.Report{a23, b23, a22} {
		ids[fmt.Sprint(r.Agency, r.Year)] = mustPut(t, s, r, store.SaveImport)
	}
	list, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, sm := range list {
		got = append(got, fmt.Sprint(sm.Agency, sm.Year))
		if sm.ID != ids[fmt.Sprint(sm.Agency, sm.Year)] {
			t.Errorf("%s %d: id %d", sm.Agency, sm.Year, sm.ID)
		}
		if sm.SavedAt.Location() != time.Local || time.Since(sm.SavedAt) > time.Minute || time.Since(sm.SavedAt) < 0 {
			t.Errorf("SavedAt = %v", sm.SavedAt)
		}
	}
	if want := "[中卫市民政局2023 中卫市民政局2022 中卫市财政局2023]"; fmt.Sprint(got) != want {
		t.Errorf("List order = %v, want %s", got, want)
	}

	r, err := s.Get(ids["中卫市民政局2022"])
	if err != nil {
		t.Fatal(err)
	}
	sameReport(t, r, a22)
	id, r, err := s.Find("中卫市财政局", 2023)
	if err != nil || id != ids["中卫市财政局2023"] {
		t.Fatalf("Find = %d, %v", id, err)
	}
	sameReport(t, r, b23)
	if _, _, err := s.Find("中卫市财政局", 2022); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Find of a missing report: %v, want ErrNotFound", err)
	}
	if _, err := s.Get(9999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Get(9999): %v, want ErrNotFound", err)
	}
	prev, err := s.Previous("中卫市民政局", 2023)
	if err != nil || prev == nil {
		t.Fatalf("Previous = %v, %v", prev, err)
	}
	sameReport(t, prev, a22)
	if prev, err := s.Previous("中卫市财政局", 2023); prev != nil || err != nil {
		t.Errorf("Previous of a first year = %v, %v; want nil, nil", prev, err)
	}
}

func TestPutRefusesIncompleteReport(t *testing.T) {
	s, _ := openTemp(t)
	tests := []struct {
		name string
		r    *report.Report
		kind store.SaveKind
	}{
		{"no agency", report.New(" ", 2023), store.SaveManual},
		{"year too early", report.New("中卫市民政局", 1999), store.SaveManual},
		{"unknown kind", report.New("中卫市民政局", 2023), store.SaveKind("typing")},
		{"nil", nil, store.SaveManual},
	}
	for _, tt := range tests {
		if _, err := s.Put(tt.r, tt.kind); err == nil {
			t.Errorf("%s: Put succeeded", tt.name)
		}
	}
	if list, _ := s.List(); len(list) != 0 {
		t.Errorf("List = %v, want nothing saved", list)
	}
}

// counts is what List must show for r against prev.
func counts(r, prev *report.Report) [2]int {
	e, w := check.Counts(check.Run(r, prev))
	return [2]int{e, w}
}

func listed(t *testing.T, s *DB, agency string, year int) (store.Summary, bool) {
	t.Helper()
	list, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, sm := range list {
		if sm.Agency == agency && sm.Year == year {
			return sm, true
		}
	}
	return store.Summary{}, false
}

func TestCountsFollowPreviousYear(t *testing.T) {
	s, _ := openTemp(t)
	r24 := sample("中卫市民政局", 2024, 1)
	r24.Applications[report.RowCarriedOver] = report.AppRow{9, 0, 0, 0, 0, 0, 9} // not last year's 结转
	r24.Applications[report.RowTotal][0] = 99                                    // and a wrong total
	mustPut(t, s, r24, store.SaveManual)
	sm, _ := listed(t, s, "中卫市民政局", 2024)
	if got, want := [2]int{sm.Errors, sm.Warnings}, counts(r24, nil); got != want {
		t.Errorf("alone: counts %v, want %v", got, want)
	}
	if sm.Errors == 0 {
		t.Error("a report whose totals do not add up has no errors")
	}

	r23 := sample("中卫市民政局", 2023, 2)
	id23 := mustPut(t, s, r23, store.SaveManual)
	sm, _ = listed(t, s, "中卫市民政局", 2024)
	if got, want := [2]int{sm.Errors, sm.Warnings}, counts(r24, r23); got != want {
		t.Errorf("after the previous year was saved: counts %v, want %v", got, want)
	}
	if counts(r24, r23) == counts(r24, nil) {
		t.Error("the previous year makes no difference to the checks; this test proves nothing")
	}
	if err := s.Delete(id23); err != nil {
		t.Fatal(err)
	}
	sm, _ = listed(t, s, "中卫市民政局", 2024)
	if got, want := [2]int{sm.Errors, sm.Warnings}, counts(r24, nil); got != want {
		t.Errorf("after the previous year was deleted: counts %v, want %v", got, want)
	}
}

func TestVersionsKeptAndRestored(t *testing.T) {
	s, _ := openTemp(t)
	v1 := sample("中卫市民政局", 2023, 1)
	v2 := sample("中卫市民政局", 2023, 2)
	id := mustPut(t, s, v1, store.SaveManual)
	if id2 := mustPut(t, s, v2, store.SaveManual); id2 != id {
		t.Fatalf("second Put gave id %d, want %d", id2, id)
	}
	vs, err := s.Versions("中卫市民政局", 2023)
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 1 {
		t.Fatalf("%d versions after two saves, want 1", len(vs))
	}
	if vs[0].ReportID != id || vs[0].Kind != store.SaveManual || vs[0].ReplacedBy != store.SaveManual {
		t.Errorf("version = %+v", vs[0])
	}
	old, err := s.Version(vs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	sameReport(t, old, v1)

	// The same content again writes nothing.
	mustPut(t, s, v2, store.SaveManual)
	if vs, _ := s.Versions("中卫市民政局", 2023); len(vs) != 1 {
		t.Errorf("%d versions after an unchanged save, want 1", len(vs))
	}

	res, err := s.Restore(vs[0].ID)
	if err != nil || res.ReportID != id {
		t.Fatalf("Restore = %+v, %v; want %d", res, err, id)
	}
	if res.Kept == 0 || res.Unchanged || res.Recreated {
		t.Errorf("Restore over other content = %+v, want a kept version", res)
	}
	cur, _ := s.Get(id)
	sameReport(t, cur, v1)
	vs, _ = s.Versions("中卫市民政局", 2023)
	if len(vs) != 2 {
		t.Fatalf("%d versions after restore, want 2 (the restored one and the replaced one)", len(vs))
	}
	newest, _ := s.Version(vs[0].ID)
	sameReport(t, newest, v2)
	if vs[0].ReplacedBy != store.SaveRestore {
		t.Errorf("replaced by %q, want restore", vs[0].ReplacedBy)
	}
	sm, _ := listed(t, s, "中卫市民政局", 2023)
	if _, err := s.Restore(12345); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Restore of a missing version: %v", err)
	}
	if sm.ID != id {
		t.Errorf("listed id %d", sm.ID)
	}
}

func TestAutosaveCoalescing(t *testing.T) {
	s, _ := openTemp(t)
	c := &clock{t: time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC)}
	s.now = c.now
	const agency, year = "中卫市民政局", 2023
	content := func(n int) *report.Report { return sample(agency, year, n) }
	// kept lists the n of each version's content, newest first.
	kept := func() []int {
		t.Helper()
		vs, err := s.Versions(agency, year)
		if err != nil {
			t.Fatal(err)
		}
		var out []int
		for _, v := range vs {
			r, err := s.Version(v.ID)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, r.Proactive.Licensing)
		}
		return out
	}
	steps := []struct {
		after time.Duration
		n     int
		kind  store.SaveKind
		kept  string
	}{
		{0, 0, store.SaveManual, "[]"},
		{time.Second, 1, store.SaveAuto, "[0]"},                   // the manually saved content is kept
		{time.Second, 2, store.SaveAuto, "[0]"},                   // typing: coalesced
		{time.Second, 3, store.SaveAuto, "[0]"},                   // still
		{time.Second, 3, store.SaveAuto, "[0]"},                   // unchanged: nothing
		{5 * time.Minute, 4, store.SaveAuto, "[3 0]"},             // five minutes on: one kept
		{time.Second, 5, store.SaveAuto, "[3 0]"},                 // coalesced again
		{time.Second, 6, store.SaveManual, "[5 3 0]"},             // Ctrl+S keeps what it replaces
		{time.Second, 7, store.SaveAuto, "[6 5 3 0]"},             // and its own content is kept by the next auto save
		{time.Second, 8, store.SaveAuto, "[6 5 3 0]"},             // coalesced
		{time.Second, 8, store.SaveManual, "[6 5 3 0]"},           // Ctrl+S of what was autosaved: nothing new…
		{time.Second, 9, store.SaveAuto, "[8 6 5 3 0]"},           // …but the next auto save keeps it
		{time.Second, 10, store.SaveImport, "[9 8 6 5 3 0]"},      // import always keeps
		{time.Second, 11, store.SaveAuto, "[10 9 8 6 5 3 0]"},     // an imported content is kept
		{4 * time.Minute, 12, store.SaveAuto, "[10 9 8 6 5 3 0]"}, // within five minutes of the last auto version
		{time.Minute, 13, store.SaveAuto, "[12 10 9 8 6 5 3 0]"},  // five minutes since it
	}
	for i, st := range steps {
		c.advance(st.after)
		mustPut(t, s, content(st.n), st.kind)
		if got := fmt.Sprint(kept()); got != st.kept {
			t.Fatalf("step %d (%s of %d): versions %s, want %s", i, st.kind, st.n, got, st.kept)
		}
	}
}

func TestDeleteAndBringBack(t *testing.T) {
	s, _ := openTemp(t)
	r := sample("中卫市民政局", 2023, 1)
	id := mustPut(t, s, r, store.SaveManual)
	other := mustPut(t, s, sample("中卫市民政局", 2022, 2), store.SaveManual)
	if err := s.Delete(id); err != nil {
		t.Fatal(err)
	}
	if _, ok := listed(t, s, "中卫市民政局", 2023); ok {
		t.Error("deleted report still listed")
	}
	if _, err := s.Get(id); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Get of a deleted report: %v", err)
	}
	if err := s.Delete(id); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("second Delete: %v", err)
	}
	del, err := s.Deleted()
	if err != nil {
		t.Fatal(err)
	}
	if len(del) != 1 || del[0].Agency != "中卫市民政局" || del[0].Year != 2023 || del[0].ReplacedBy != store.SaveDelete || del[0].ReportID != id {
		t.Fatalf("Deleted = %+v", del)
	}
	res, err := s.Restore(del[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Recreated || res.Kept != 0 {
		t.Errorf("Restore of a deleted report = %+v, want recreated, nothing kept", res)
	}
	back := res.ReportID
	if back != id {
		t.Errorf("restored under id %d, want its old id %d", back, id)
	}
	got, err := s.Get(back)
	if err != nil {
		t.Fatal(err)
	}
	sameReport(t, got, r)
	if del, _ := s.Deleted(); len(del) != 0 {
		t.Errorf("Deleted after restore = %+v", del)
	}
	// A new report made after deleting does not take the old id.
	if err := s.Delete(other); err != nil {
		t.Fatal(err)
	}
	nid := mustPut(t, s, sample("中卫市财政局", 2023, 3), store.SaveManual)
	if nid == other {
		t.Error("a new report took the id of a deleted one")
	}
}

func TestUpdate(t *testing.T) {
	s, _ := openTemp(t)
	c := &clock{t: time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC)}
	s.now = c.now
	id := mustPut(t, s, sample("中卫市民政局", 2023, 1), store.SaveManual)
	mustPut(t, s, sample("中卫市民政局", 2024, 2), store.SaveManual)

	c.advance(time.Minute)
	r := sample("中卫市民政局", 2023, 5)
	saved, err := s.Update(id, 1, r, store.SaveManual, nil)
	if err != nil {
		t.Fatal(err)
	}
	at := saved.At
	if !at.Equal(c.t) {
		t.Errorf("saved at %v, want %v", at, c.t)
	}
	c.advance(time.Minute)
	if again, err := s.Update(id, saved.Revision, r, store.SaveAuto, nil); err != nil || !again.At.Equal(at) || again.Conflict != nil {
		t.Errorf("unchanged Update = %+v, %v; want the earlier time %v", again, err, at)
	}

	moved := sample("中卫市民政局", 2024, 6)
	if _, err := s.Update(id, saved.Revision, moved, store.SaveManual, nil); !errors.Is(err, store.ErrConflict) || !strings.Contains(err.Error(), "已存在") {
		t.Errorf("Update onto another report's year: %v, want ErrConflict", err)
	}
	moved.Year = 2022
	if _, err := s.Update(id, saved.Revision, moved, store.SaveManual, nil); err != nil {
		t.Fatal(err)
	}
	if _, ok := listed(t, s, "中卫市民政局", 2023); ok {
		t.Error("2023 still listed after its year changed")
	}
	if got, err := s.Get(id); err != nil || got.Year != 2022 {
		t.Errorf("Get after move: %v, %v", got, err)
	}
	if vs, _ := s.Versions("中卫市民政局", 2023); len(vs) != 2 {
		t.Errorf("%d versions kept under the old year, want 2", len(vs))
	}
	if _, err := s.Update(999, 1, moved, store.SaveManual, nil); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Update of a missing report: %v", err)
	}
}

func TestSecondProgramWaitsForLock(t *testing.T) {
	s1, path := openTemp(t)
	s2, err := Open(path)
	if err != nil {
		t.Fatalf("second Open: %v", err)
	}
	defer s2.Close()

	const hold = 300 * time.Millisecond
	locked := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		tx, err := s1.db.Begin()
		if err != nil {
			done <- err
			close(locked)
			return
		}
		if _, err := tx.Exec(`INSERT INTO settings (key, value) VALUES ('holder', 'first')`); err != nil {
			tx.Rollback()
			done <- err
			close(locked)
			return
		}
		close(locked)
		time.Sleep(hold)
		done <- tx.Commit()
	}()
	<-locked
	// A third program starting now opens without waiting for the writer.
	s3, err := Open(path)
	if err != nil {
		t.Fatalf("Open while another connection writes: %v", err)
	}
	s3.Close()
	start := time.Now()
	id, err := s2.Put(sample("中卫市民政局", 2023, 1), store.SaveManual)
	waited := time.Since(start)
	if err != nil {
		t.Fatalf("Put while another connection writes: %v", err)
	}
	if err := <-done; err != nil {
		t.Fatalf("holder: %v", err)
	}
	if waited < hold/2 {
		t.Errorf("Put took %v: it did not wait for the lock", waited)
	}
	if v, _ := s2.Setting("holder"); v != "first" {
		t.Errorf("second connection sees holder = %q", v)
	}
	if _, err := s1.Get(id); err != nil {
		t.Errorf("first connection does not see the second's report: %v", err)
	}
}

func TestSettings(t *testing.T) {
	s, _ := openTemp(t)
	if v, err := s.Setting("export_dir"); err != nil || v != "" {
		t.Errorf("unset = %q, %v", v, err)
	}
	for _, v := range []string{"/tmp/甲", "/tmp/乙", ""} {
		if err := s.SetSetting("export_dir", v); err != nil {
			t.Fatal(err)
		}
		if got, err := s.Setting("export_dir"); err != nil || got != v {
			t.Errorf("Setting = %q, %v; want %q", got, err, v)
		}
	}
}

func TestDefaultPath(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("XDG layout only")
	}
	tests := []struct{ xdg, home, want string }{
		{"/data/xdg", "/home/u", "/data/xdg/nianbao/nianbao.db"},
		{"", "/home/u", "/home/u/.local/share/nianbao/nianbao.db"},
		{"relative/dir", "/home/u", "/home/u/.local/share/nianbao/nianbao.db"},
	}
	for _, tt := range tests {
		t.Setenv("XDG_DATA_HOME", tt.xdg)
		t.Setenv("HOME", tt.home)
		got, err := DefaultPath()
		if err != nil || got != tt.want {
			t.Errorf("XDG_DATA_HOME=%q: %q, %v; want %q", tt.xdg, got, err, tt.want)
		}
	}
}

func TestDSNEscapesPath(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "年报 数据?#%")
	path := filepath.Join(dir, "nianbao.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database not at %s: %v", path, err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(dir)); len(entries) != 1 {
		t.Errorf("files beside the folder: %v", entries)
	}
}
