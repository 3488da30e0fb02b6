package combine

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"nianbao/data/check"
	"nianbao/data/report"
	"nianbao/data/syserr"
)

// Received is one report as the office received it.
type Received struct {
	Report *report.Report
	Prev   *report.Report // the same agency's report of the year before (for R5, R6); may be nil
	Source string         // the file it came from, or where in the database
	ID     int64          // its id in the database; 0 for a file
	At     time.Time      // when it was received: the file's modification time, or its last save
	// Members is, for a combined report, every report it counts: the units
	// its file lists (report.Combined.Units; ReadFile sets it), or, from the
	// database, the units recorded when it was combined (those include the
	// names of the sums it counted, whose saves make it stale).
	Members []string
	Former  string        // the unit's former name (曾用名), as the database records it; "" when none
	Stale   []StaleMember // for a combined report: members whose report changed after it was combined
}

// StaleMember is a unit inside a stored combined report whose report was
// saved again (or removed) after the sum was made: the sum holds its old figures.
type StaleMember struct {
	Unit     string
	Saved    time.Time // its report's last save; zero when it is no longer stored
	Combined time.Time // when the sum was made
}

// change says what became of the member's report after the sum was made.
func (m StaleMember) change() string {
	if m.Saved.IsZero() {
		return fmt.Sprintf("“%s”的报告在汇总（%s）之后已删除", m.Unit, stamp(m.Combined))
	}
	return fmt.Sprintf("“%s”的报告在汇总（%s）之后又保存过（%s）", m.Unit, stamp(m.Combined), stamp(m.Saved))
}

// Options say what is combined: for which agency and year, from which roster.
type Options struct {
	Agency  string
	Year    int
	Roster  []Unit          // nil: every received report is a unit
	Exclude map[string]bool // units the office leaves out of the sum
	OwnPrev *report.Report  // the agency's own report of the year before, for the checks of the sum
	Now     time.Time       // for 已逾期
}

// ProblemKind says what kind of trouble a problem is.
type ProblemKind int

const (
	Unreadable   ProblemKind = iota // a file cannot be read or is not a report
	OtherYear                       // a report of another year
	Twice                           // a second report for a unit
	CountedTwice                    // two combined reports both sum one unit
	NotRostered                     // a report of a unit not on the roster (counted)
	Nested                          // a unit also summed inside a combined report (not counted again)
	MaybeNested                     // a unit whose name says it may be inside a lower government's sum
	NotRead                         // a file in a folder that is not a report file (said, not counted)
	Stale                           // a combined report older than a save of one of its units
	EarlierSum                      // an earlier sum of the round's own units among its inputs (not counted)
	TooLarge                        // a figure of the sum beyond what a report file holds
)

// BeyondError says which figures of a round's sum are beyond what a report
// file holds. Finish returns it with the whole result: the statuses, the sum
// and the spreadsheet stand; only the combined report cannot be written or saved.
type BeyondError struct{ Cells []string }

func (e *BeyondError) Error() string {
	return "合计无法写成年报文件：" + strings.Join(e.Cells, "；")
}

// Problem is one thing about the batch the office must know, in Chinese.
type Problem struct {
	Kind    ProblemKind
	Unit    string
	Sources []string // the files (or database entries) concerned
	Message string
}

// UnitStatus is one unit's line in the status list.
type UnitStatus struct {
	Unit
	Rostered   bool
	Status     Status
	Source     string    // where its report came from; "" when not received
	ID         int64     // its id in the database
	At         time.Time // when received
	Older      []string  // sources of earlier reports for the unit, kept but not used
	Findings   []check.Finding
	Errors     int
	Warnings   int
	Figures    Sparse        // its figures; Figures.At(cell), Figures.Full()
	Members    []string      // for a combined report: the units it counts (Received.Members)
	sums       []string      // for a combined report: the units' own reports it sums, as its marker lists them
	Stale      []StaleMember // for a combined report: its members saved again after it was made
	Included   bool          // counted in the sum
	LeftOutWhy string        // why a received unit is not counted: chosen by the office, or already in another sum
	textID     int           // its report's number in the round's index of sentences, -1 when none
	tie        bool          // two reports with different figures received at the same time: not counted
}

// Key returns the unit's key figures.
func (u *UnitStatus) Key() KeyFigures {
	f := u.Figures.Full()
	return KeyFiguresOf(&f)
}

// Batch collects the reports of one combining round. Add keeps a unit's figures,
// findings and where it came from, not its text, so that memory grows by a
// small fixed amount per unit whatever the reports hold.
type Batch struct {
	opts     Options
	units    []*UnitStatus
	byName   map[string]*UnitStatus
	problems []Problem
	own      *Received
	texts    *check.SameYearIndex // the units' body sentences, for W9 between units
}

// NewBatch starts a round for o.Agency and o.Year with the units of o.Roster,
// all 未收到 until their reports arrive.
func NewBatch(o Options) *Batch {
	b := &Batch{opts: o, byName: map[string]*UnitStatus{}, texts: check.NewSameYearIndex(nil)}
	for _, u := range o.Roster {
		if _, dup := b.byName[u.Name]; dup {
			continue // ParseRoster and the store refuse duplicates; be safe with a roster built in code
		}
		st := &UnitStatus{Unit: u, Rostered: true, textID: -1}
		b.units = append(b.units, st)
		b.byName[u.Name] = st
	}
	return b
}

// NotRead records an entry of a folder that was not read and why: one that
// should have been a report file (a link to nothing, a pipe named *.json) is
// unreadable, any other file a notice.
func (b *Batch) NotRead(s Skipped) {
	kind := NotRead
	if s.Report {
		kind = Unreadable
	}
	b.problems = append(b.problems, Problem{Kind: kind, Sources: []string{s.Path},
		Message: fmt.Sprintf("%s：%s", s.Path, s.Why)})
}

// Unreadable records a file that could not be read.
func (b *Batch) Unreadable(source string, err error) {
	b.problems = append(b.problems, Problem{Kind: Unreadable, Sources: []string{source}, Message: syserr.Text(err)})
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return "时间不明"
	}
	return t.Local().Format("2006-01-02 15:04")
}

// Add takes one received report. A report of another year is named and left
// out; a second report for a unit is named, and the newer one (by At; on a tie
// the one added last) counts, the other is kept as an older version. The
// agency's own report is not a unit: its text becomes the combined report's and
// its figures are what the hierarchy check compares.
func (b *Batch) Add(rec Received) error {
	r := rec.Report
	if r.Year != b.opts.Year {
		b.problems = append(b.problems, Problem{Kind: OtherYear, Unit: r.Agency, Sources: []string{rec.Source},
			Message: fmt.Sprintf("%s 是“%s”%d 年的报告，不是 %d 年的，未计入", rec.Source, r.Agency, r.Year, b.opts.Year)})
		return nil
	}
	if b.IsOwn(r.Agency) {
		if b.own != nil {
			newer, older := &rec, b.own
			if rec.At.Before(b.own.At) {
				newer, older = b.own, &rec
			}
			b.problems = append(b.problems, Problem{Kind: Twice, Unit: r.Agency, Sources: []string{newer.Source, older.Source},
				Message: fmt.Sprintf("“%s”本级报告有两份：%s（%s，较新，采用）和 %s（%s，较旧，不用）",
					r.Agency, newer.Source, stamp(newer.At), older.Source, stamp(older.At))})
			if newer != &rec {
				return nil
			}
		}
		own := rec
		b.own = &own
		return nil
	}
	figs, err := FiguresOf(r)
	if err != nil {
		return fmt.Errorf("%s：%w", rec.Source, err)
	}
	st, ok := b.byName[r.Agency]
	if !ok {
		st, ok = b.byFormerName(r.Agency, rec)
	}
	if !ok {
		st = &UnitStatus{Unit: Unit{Name: r.Agency, Type: r.EffectiveAgencyType()}, textID: -1}
		b.units = append(b.units, st)
		b.byName[r.Agency] = st
		if b.opts.Roster != nil {
			b.problems = append(b.problems, Problem{Kind: NotRostered, Unit: r.Agency, Sources: []string{rec.Source},
				Message: fmt.Sprintf("“%s”（%s）不在名单中，已计入合计；若是名称写法不同，请核对名单", r.Agency, rec.Source)})
		}
	}
	if st.Source != "" && rec.At.Equal(st.At) {
		return b.addTie(st, rec, figs)
	}
	if st.Source != "" {
		if rec.At.Before(st.At) {
			b.problems = append(b.problems, Problem{Kind: Twice, Unit: r.Agency, Sources: []string{st.Source, rec.Source},
				Message: fmt.Sprintf("“%s”收到两份报告：%s（%s，较新，采用）和 %s（%s，较旧，保留为旧版本）",
					r.Agency, st.Source, stamp(st.At), rec.Source, stamp(rec.At))})
			st.Older = append(st.Older, rec.Source)
			return nil
		}
		b.problems = append(b.problems, Problem{Kind: Twice, Unit: r.Agency, Sources: []string{rec.Source, st.Source},
			Message: fmt.Sprintf("“%s”收到两份报告：%s（%s，较新，采用）和 %s（%s，较旧，保留为旧版本）",
				r.Agency, rec.Source, stamp(rec.At), st.Source, stamp(st.At))})
		st.Older = append(st.Older, st.Source)
	}
	st.Source, st.ID, st.At = rec.Source, rec.ID, rec.At
	st.Figures = figs.Compact()
	st.Members = append([]string(nil), rec.Members...)
	st.sums = st.Members
	if r.Combined != nil {
		st.sums = slices.Clone(r.Combined.Units)
		if len(st.Members) == 0 {
			st.Members = st.sums
		}
	}
	st.Stale = append([]StaleMember(nil), rec.Stale...)
	st.Findings = check.Run(r, rec.Prev)
	st.Errors, st.Warnings = check.Counts(st.Findings)
	if st.textID >= 0 {
		b.texts.Drop(st.textID) // the older report's text is no other unit's
	}
	st.textID = b.texts.Add(r)
	return nil
}

// IsOwn reports whether a report of agency is the combining agency's own
// report. A roster that lists the agency itself makes its report a unit.
func (b *Batch) IsOwn(agency string) bool {
	if agency != b.opts.Agency {
		return false
	}
	st, listed := b.byName[agency]
	return !listed || !st.Rostered
}

// addTie takes a second report of a unit received at the same time as the
// first: which is newer cannot be told. With the same figures the sum is
// the same either way; with different ones the unit is left out of the sum
// until the office removes one, rather than picking one by its name.
func (b *Batch) addTie(st *UnitStatus, rec Received, figs Figures) error {
	first := st.Figures.Full()
	if figs == first {
		b.problems = append(b.problems, Problem{Kind: Twice, Unit: st.Name, Sources: []string{st.Source, rec.Source},
			Message: fmt.Sprintf("“%s”收到两份时间相同（%s）的报告：%s 和 %s，两份的数字相同，合计不受影响；请删去多余的一份",
				st.Name, stamp(rec.At), st.Source, rec.Source)})
		st.Older = append(st.Older, rec.Source)
		return nil
	}
	b.problems = append(b.problems, Problem{Kind: Twice, Unit: st.Name, Sources: []string{st.Source, rec.Source},
		Message: fmt.Sprintf("“%s”收到两份时间相同（%s）而数字不同的报告：%s 和 %s，无法判断哪份较新，暂不计入合计；请删去不用的一份后重新汇总",
			st.Name, stamp(rec.At), st.Source, rec.Source)})
	st.Older = append(st.Older, rec.Source)
	st.tie = true
	return nil
}

// byFormerName finds the rostered unit a report belongs to by the unit's
// former name: the roster still lists the name before the change. The report
// is counted as that unit, and the office is told to update the roster.
func (b *Batch) byFormerName(agency string, rec Received) (*UnitStatus, bool) {
	if rec.Former == "" {
		return nil, false
	}
	st, ok := b.byName[rec.Former]
	if !ok || !st.Rostered {
		return nil, false
	}
	b.byName[agency] = st
	b.problems = append(b.problems, Problem{Kind: NotRostered, Unit: agency, Sources: []string{rec.Source},
		Message: fmt.Sprintf("“%s”（%s）按曾用名“%s”作为名单中的该单位计入合计；请在名单中改用新名称", agency, rec.Source, rec.Former)})
	return st, true
}

// Outside names a stored report of the year whose unit is not on the roster:
// the database holds other rounds' units too, so it is not counted, but the
// office is told, since it may be a rostered unit whose name is written
// otherwise (which the roster would otherwise show as not received).
func (b *Batch) Outside(agency, source string) {
	b.problems = append(b.problems, Problem{Kind: NotRostered, Unit: agency, Sources: []string{source},
		Message: fmt.Sprintf("“%s”（%s）不在名单中，未计入合计；若是名单中某个单位的名称写法不同，请改正名单或设置曾用名后重新汇总", agency, source)})
}

// addCopiedText adds to every received unit's findings W9 between units: the
// text a unit shares with other units' reports of the round, found through
// the one index of sentences (linear in the round, not a pass per pair).
func (b *Batch) addCopiedText() {
	for _, u := range b.units {
		if u.Source == "" || u.textID < 0 {
			continue
		}
		if fs := b.texts.Findings(u.textID); len(fs) > 0 {
			u.Findings = append(u.Findings, fs...)
			u.Errors, u.Warnings = check.Counts(u.Findings)
		}
	}
}

// Result is a finished round: every unit's status, the problems, and the
// combined report with its findings.
type Result struct {
	Agency    string
	Year      int
	Units     []*UnitStatus
	Problems  []Problem
	Sum       Figures
	Combined  *report.Report  // the sum in a report: the own report's text, or none
	Findings  []check.Finding // the checks run on Combined
	Hierarchy []check.Finding // the own report's stated figures against the sum
	// Members is every report the sum counts, sorted: the units, those inside
	// counted combined reports, and the combined reports' own names (the
	// store's record of the sum, by which a later save of any of them makes
	// it stale). Combined.Combined.Units is what the file lists: only the
	// units' own reports, in the order summed.
	Members []string
	Own     *Received    // the agency's own report, if it was among the inputs
	Beyond  *BeyondError // the figures of the sum no report file holds; nil when it fits
}

// Finish computes statuses, the sum and its checks. A sum that no report file
// can hold is a *BeyondError naming the cells, returned with the whole result.
func (b *Batch) Finish() (*Result, error) {
	res := &Result{Agency: b.opts.Agency, Year: b.opts.Year, Own: b.own}
	b.addCopiedText()

	// An earlier sum of this round's units is not a unit; a unit summed
	// inside an included combined report is not counted again.
	earlier := b.earlierSumsMarked()
	inside := map[string]string{} // member → the combined unit that sums it
	for _, u := range b.units {
		if u.Source == "" || b.opts.Exclude[u.Name] || earlier[u] {
			continue
		}
		for _, m := range u.Members {
			if other, dup := inside[m]; dup && other != u.Name {
				b.problems = append(b.problems, Problem{Kind: CountedTwice, Unit: m, Sources: []string{other, u.Name},
					Message: fmt.Sprintf("“%s”既计入了“%s”的汇总，也计入了“%s”的汇总，合计中重复计算；请从其中一份中去掉该单位后重新汇总",
						m, other, u.Name)})
				continue
			}
			inside[m] = u.Name
		}
	}
	b.earlierSumsByFigures(inside, earlier)
	members := map[string]bool{}
	for _, u := range b.units {
		switch {
		case u.Source == "":
			u.Status = Missing
			if pastDeadline(u.Type, b.opts.Year, b.opts.Now) {
				u.Status = Overdue
			}
			continue
		case u.Errors > 0:
			u.Status = Errors
		case u.Warnings > 0:
			u.Status = Warnings
		default:
			u.Status = Passed
		}
		switch outer, in := inside[u.Name]; {
		case b.opts.Exclude[u.Name]:
			u.LeftOutWhy = "未选入合计"
		case earlier[u]:
			u.LeftOutWhy = "是此前汇总的合计，不是单位的报告"
		case u.tie:
			u.LeftOutWhy = "两份报告时间相同而数字不同，无法判断用哪一份"
		case in:
			u.LeftOutWhy = fmt.Sprintf("已计入“%s”的汇总", outer)
			msg := fmt.Sprintf("“%s”已计入“%s”的汇总，不再重复计入合计", u.Name, outer)
			if m, stale := b.staleIn(outer, u.Name); stale {
				// Its figures here are newer than those in the sum: say which are counted.
				u.LeftOutWhy = fmt.Sprintf("“%s”的汇总中是它更新前的数字，这里的数字未计入", outer)
				msg = fmt.Sprintf("%s，不再重复计入合计，但汇总中是它更新前的数字；请重新汇总“%s”", m.change(), outer)
			}
			b.problems = append(b.problems, Problem{Kind: Nested, Unit: u.Name, Sources: []string{u.Source}, Message: msg})
		default:
			u.Included = true
			u.Figures.AddTo(&res.Sum)
			members[u.Name] = true
			for _, m := range u.Members {
				members[m] = true
			}
		}
	}
	b.warnStale()
	b.warnMaybeNested()
	for m := range members {
		res.Members = append(res.Members, m)
	}
	sort.Strings(res.Members)
	res.Units = b.units
	res.Problems = b.problems

	var combined *report.Report
	if b.own != nil {
		combined = b.own.Report.Clone()
	} else {
		combined = report.New(b.opts.Agency, b.opts.Year)
	}
	combined.Combined = nil
	if units := b.summed(); len(units) > 0 {
		combined.Combined = &report.Combination{Units: units}
	}
	beyond := res.Sum.Beyond(combined)
	res.Sum.write(combined)
	res.Combined = combined
	res.Findings = check.Run(combined, b.opts.OwnPrev)
	if b.own == nil {
		// A sum without the agency's own report has no text yet: that its text
		// parts are empty (W1) is no finding about the sum.
		kept := res.Findings[:0]
		for _, f := range res.Findings {
			if f.Rule != "W1" {
				kept = append(kept, f)
			}
		}
		res.Findings = kept
	}
	if b.own != nil {
		stated, err := FiguresOf(b.own.Report)
		if err != nil {
			return nil, err
		}
		res.Hierarchy = Hierarchy(&stated, &res.Sum, res.Absent())
	}
	if len(beyond) > 0 {
		res.Beyond = &BeyondError{Cells: beyond}
		res.Problems = append(res.Problems, Problem{Kind: TooLarge, Unit: b.opts.Agency,
			Message: res.Beyond.Error() + "；各单位的收报情况和汇总表格照常给出"})
		return res, res.Beyond
	}
	return res, nil
}

// summed lists the units' own reports the sum counts, in the order summed,
// as a combined report's marker lists them: a counted combined report by the
// units it sums (flattened), never by its own name, so that a later round
// finds every unit of this sum by name.
func (b *Batch) summed() []string {
	var out []string
	for _, u := range b.units {
		switch {
		case !u.Included:
		case len(u.sums) > 0:
			out = append(out, u.sums...)
		default:
			out = append(out, u.Name)
		}
	}
	return out
}

// received lists the units with a report that the office has not left out.
func (b *Batch) received() []*UnitStatus {
	var out []*UnitStatus
	for _, u := range b.units {
		if u.Source != "" && !b.opts.Exclude[u.Name] && !u.tie {
			out = append(out, u)
		}
	}
	return out
}

// earlierSumsMarked finds the combined reports (those that say which units
// they sum) that sum exactly the other units of the round, no more and no
// fewer: an earlier `combine -o` left among the inputs. Counting it would
// double the sum; it is an error. (A lower government's sum beside a few of
// its units is nested, not this: those units are not counted again.)
func (b *Batch) earlierSumsMarked() map[*UnitStatus]bool {
	earlier := map[*UnitStatus]bool{}
	got := b.received()
	if len(got) < 2 {
		return earlier
	}
	for _, u := range got {
		if len(u.Members) == 0 && len(u.sums) == 0 {
			continue
		}
		if sumsExactly(u, got) {
			earlier[u] = true
			b.earlierProblem(u, fmt.Sprintf("“%s”（%s）是汇总的合计，它所汇总的 %d 个单位也都在本次汇总中", u.Name, u.Source, len(got)-1))
		}
	}
	return earlier
}

// sumsExactly reports whether the combined report u sums exactly the other
// reports of got: each other one is in it (by its name, or, a combined one,
// by all the units it sums), and every unit it lists is one of them or
// inside one of them.
func sumsExactly(u *UnitStatus, got []*UnitStatus) bool {
	in := map[string]bool{}
	for _, m := range u.Members {
		in[m] = true
	}
	for _, m := range u.sums {
		in[m] = true
	}
	others := map[string]bool{}
	for _, o := range got {
		if o == u {
			continue
		}
		others[o.Name] = true
		covered := in[o.Name]
		all := len(o.sums) > 0
		for _, m := range o.sums {
			others[m] = true
			all = all && in[m]
		}
		if !covered && !all {
			return false
		}
	}
	for _, m := range u.sums {
		if !others[m] {
			return false
		}
	}
	return true
}

// earlierSumsByFigures finds, among reports that do not say they are combined
// (a file of the format before the mark), one whose every figure is the sum
// of the other counted units' figures: an earlier sum of them, not a unit.
func (b *Batch) earlierSumsByFigures(inside map[string]string, earlier map[*UnitStatus]bool) {
	var counted []*UnitStatus
	var total Figures
	for _, u := range b.received() {
		if _, in := inside[u.Name]; in || earlier[u] {
			continue
		}
		counted = append(counted, u)
		u.Figures.AddTo(&total)
	}
	if len(counted) < 3 {
		return // with two units, equal figures are as likely a coincidence
	}
	for _, u := range counted {
		f := u.Figures.Full()
		if len(u.Members) > 0 || f == (Figures{}) {
			continue
		}
		twice := f
		twice.Add(&f)
		if twice == total {
			earlier[u] = true
			b.earlierProblem(u, fmt.Sprintf("“%s”（%s）的每个数字都恰好等于其余 %d 个单位之和，应是此前汇总的合计", u.Name, u.Source, len(counted)-1))
			return // the rest now sum to it: one earlier sum at most
		}
	}
}

func (b *Batch) earlierProblem(u *UnitStatus, what string) {
	b.problems = append(b.problems, Problem{Kind: EarlierSum, Unit: u.Name, Sources: []string{u.Source},
		Message: what + "，未计入合计，以免重复计算；请把它移出所汇总的文件夹（合计文件不要存放在各单位报告的文件夹中）"})
}

// staleIn finds unit among the members of the combined unit outer that
// changed after outer's sum was made.
func (b *Batch) staleIn(outer, unit string) (StaleMember, bool) {
	if o, ok := b.byName[outer]; ok {
		for _, m := range o.Stale {
			if m.Unit == unit {
				return m, true
			}
		}
	}
	return StaleMember{}, false
}

// warnStale names every counted combined report older than a save of one of
// its units: the sum counts the unit's figures as they were, and the office
// is asked to combine that agency again first.
func (b *Batch) warnStale() {
	for _, u := range b.units {
		if !u.Included || len(u.Stale) == 0 {
			continue
		}
		var changes []string
		for _, m := range u.Stale {
			changes = append(changes, m.change())
		}
		b.problems = append(b.problems, Problem{Kind: Stale, Unit: u.Name, Sources: []string{u.Source},
			Message: fmt.Sprintf("“%s”的汇总已过时：%s；合计中是这些单位更新前的数字。请先重新汇总并保存“%s”的报告，再汇总本级",
				u.Name, strings.Join(changes, "；"), u.Name)})
	}
}

// warnMaybeNested names counted units that may be summed inside a counted
// lower government's report whose units are not recorded (it came as a file:
// the file format has no room for them): 甲县财政局 beside 甲县人民政府.
func (b *Batch) warnMaybeNested() {
	for _, g := range b.units {
		if !g.Included || g.Type != report.AgencyGovernment || len(g.Members) > 0 {
			continue
		}
		prefix := strings.TrimSuffix(g.Name, "人民政府")
		if prefix == g.Name || utf8.RuneCountInString(prefix) < 2 {
			continue
		}
		for _, u := range b.units {
			if u.Included && u != g && strings.HasPrefix(u.Name, prefix) {
				b.problems = append(b.problems, Problem{Kind: MaybeNested, Unit: u.Name, Sources: []string{u.Source, g.Source},
					Message: fmt.Sprintf("“%s”的名称以“%s”开头，可能已计入“%s”的汇总；如是，请把它设为不计入合计，以免重复计算",
						u.Name, prefix, g.Name)})
			}
		}
	}
}

// Absent names the rostered units whose reports the sum lacks: not received,
// or left out by the office.
func (r *Result) Absent() []string {
	var out []string
	for _, u := range r.Units {
		if u.Rostered && (u.Source == "" || u.LeftOutWhy == "未选入合计") {
			out = append(out, u.Name)
		}
	}
	return out
}

// Exit statuses of a round, as `nianbao combine` returns them.
const (
	ExitOK         = 0 // every rostered unit present, no included unit with an error
	ExitIncomplete = 1 // a unit missing, or an included unit (or the sum) with errors
	ExitBadInput   = 2 // a file unreadable, of another year, or a unit twice
)

// ExitCode is the exit status the round calls for.
func (r *Result) ExitCode() int {
	code := ExitOK
	for _, p := range r.Problems {
		switch p.Kind {
		case Unreadable, OtherYear, Twice, EarlierSum:
			return ExitBadInput
		case CountedTwice, Stale, TooLarge:
			code = ExitIncomplete
		}
	}
	for _, u := range r.Units {
		if !u.Status.Received() || (u.Included && u.Errors > 0) {
			code = ExitIncomplete
		}
	}
	if e, _ := check.Counts(r.Findings); e > 0 {
		code = ExitIncomplete
	}
	return code
}

// Contribution is one unit's figure in a cell of the sum.
type Contribution struct {
	Unit  string
	Value int64
}

// Contributions lists, for the cell, every counted unit's figure in the order
// of the status list; they add up to r.Sum[cell].
func (r *Result) Contributions(cell int) []Contribution {
	var out []Contribution
	for _, u := range r.Units {
		if u.Included {
			out = append(out, Contribution{Unit: u.Name, Value: u.Figures.At(cell)})
		}
	}
	return out
}

// Counts returns how many units have each status.
func (r *Result) Counts() map[Status]int {
	m := map[Status]int{}
	for _, u := range r.Units {
		m[u.Status]++
	}
	return m
}

// Summary is one line that says where the round stands.
func (r *Result) Summary() string {
	c := r.Counts()
	included := 0
	for _, u := range r.Units {
		if u.Included {
			included++
		}
	}
	parts := []string{fmt.Sprintf("共 %d 个单位，计入合计 %d 个", len(r.Units), included)}
	for s := Passed; s >= Missing; s-- {
		if c[s] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", s.Label(), c[s]))
		}
	}
	return strings.Join(parts, "，")
}

// SetOwnPrev sets the agency's own report of the year before, against which
// the checks of the sum run R5 and R6; known only once the round is read.
func (b *Batch) SetOwnPrev(prev *report.Report) { b.opts.OwnPrev = prev }

// ErrorUnits names the counted units with errors: where errors of the sum come from.
func (r *Result) ErrorUnits() []string {
	var out []string
	for _, u := range r.Units {
		if u.Included && u.Errors > 0 {
			out = append(out, u.Name)
		}
	}
	return out
}
