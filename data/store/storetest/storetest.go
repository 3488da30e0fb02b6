// Package storetest is the test suite every backend of data/store passes:
// reports, versions and revisions, the conflict rule, deleted reports,
// rosters, received and combined reports, former names and settings, written
// against the store.Store interface only. A backend's tests call Run with the
// way to open a fresh store of that backend (data/store/sqlite's do; a
// PostgreSQL store's will). What only one backend has (files, backups, locks,
// migrations of its schema) is tested beside that backend.
package storetest

import (
	"fmt"
	"testing"
	"time"

	"nianbao/data/check"
	"nianbao/data/report"
	"nianbao/data/store"
)

// Backend is how the suite opens the stores of one backend.
type Backend struct {
	// Open returns a new, empty store, closed when t ends. now, when not
	// nil, is the store's clock (the times it saves, the autosave window);
	// nil is the real time.
	Open func(t *testing.T, now func() time.Time) store.Store
	// Again returns a second, independent connection to the database of st
	// (another program, or another clerk, on the same database), closed when
	// t ends.
	Again func(t *testing.T, st store.Store) store.Store
}

// Run runs the suite against bk, each test a subtest of t.
func Run(t *testing.T, bk Backend) {
	tests := []struct {
		name string
		run  func(*testing.T, Backend)
	}{
		{"PutGetFindList", testPutGetFindList},
		{"PutRefusesIncompleteReport", testPutRefusesIncompleteReport},
		{"CountsFollowPreviousYear", testCountsFollowPreviousYear},
		{"VersionsKeptAndRestored", testVersionsKeptAndRestored},
		{"AutosaveCoalescing", testAutosaveCoalescing},
		{"LoadKindAndMark", testLoadKindAndMark},
		{"VersionsRolling", testVersionsRolling},
		{"Presence", testPresence},
		{"DeleteAndBringBack", testDeleteAndBringBack},
		{"Update", testUpdate},
		{"Settings", testSettings},
		{"TwoStoresOnOneDatabase", testTwoStoresOnOneFile},
		{"InvalidTextsKept", testInvalidTextsKept},
		{"RestoreSaysWhatHappened", testRestoreSaysWhatHappened},
		{"FormerName", testFormerName},
		{"FormerNameFallsBack", testFormerNameFallsBack},
		{"SetFormerNameRefuses", testSetFormerNameRefuses},
		{"SameYear", testSameYear},
		{"FormerNameSurvivesDeleteAndRestore", testFormerNameSurvivesDeleteAndRestore},
		{"RosterCarriesToNextYear", testRosterCarriesToNextYear},
		{"SaveCombinedKeepsTextAndMembers", testSaveCombinedKeepsTextAndMembers},
		{"StoreReceivedKeepsBoth", testStoreReceivedKeepsBoth},
		{"CombineStored", testCombineStored},
		{"CombineStoredNamesLikeFiles", testCombineStoredNamesLikeFiles},
		{"CombineStaleSum", testCombineStaleSum},
		{"CombineStoredRosterListsAgency", testCombineStoredRosterListsAgency},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.run(t, bk) })
	}
}

// Sample is a filled-in report whose figures add up, varied by n.
func Sample(agency string, year, n int) *report.Report {
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

// clock is a settable time for the autosave window.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }

// MustPut puts r as kind, failing t when it cannot.
func MustPut(t *testing.T, s store.Store, r *report.Report, kind store.SaveKind) int64 {
	t.Helper()
	id, err := s.Put(r, kind)
	if err != nil {
		t.Fatalf("Put(%s %d, %s): %v", r.Agency, r.Year, kind, err)
	}
	return id
}

// MustMarshal is r's canonical JSON.
func MustMarshal(t *testing.T, r *report.Report) string {
	t.Helper()
	b, err := report.Marshal(r)
	if err != nil {
		t.Fatalf("Marshal: %v", err)
	}
	return string(b)
}

// SameReport fails t when got is not want.
func SameReport(t *testing.T, got, want *report.Report) {
	t.Helper()
	if g, w := MustMarshal(t, got), MustMarshal(t, want); g != w {
		t.Errorf("report differs:\ngot  %s\nwant %s", g, w)
	}
}

// Counts is what List must show for r against prev.
func Counts(r, prev *report.Report) [2]int {
	e, w := check.Counts(check.Run(r, prev))
	return [2]int{e, w}
}

// Listed is the agency's report of year as List shows it, and whether it is listed.
func Listed(t *testing.T, s store.Store, agency string, year int) (store.Summary, bool) {
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
