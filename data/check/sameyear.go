package check

import (
	"cmp"
	"fmt"
	"hash/maphash"
	"slices"
	"sort"
	"strings"

	"nianbao/data/report"
)

// SameYearIndex holds the body sentences of units' reports, each sentence
// hashed once (letters only, with its year), so that copied text between the
// units of a year is found from the index: for a report being edited, a
// look-up per sentence; for a whole batch (check, combine), reports whose
// shared sentences are the same are judged once together, so that 1,000
// copies of one text cost about what 1,000 different texts cost, never a
// comparison of every pair.
type SameYearIndex struct {
	seed     maphash.Seed
	units    []indexedReport
	has      map[uint64][]int32 // sentence → the indexed reports having it, each once, in order
	agencies map[string][]int32 // agency and year → its reports (a batch may hold two versions of one)
	results  []copyResult       // per report, once built
	twice    []string           // agencies (and years) with more than one report in the index, once built
	twiceSet map[string]bool
	built    bool

	// For a report looked up (SameYearIn, the editor on every edit): the
	// indexed reports grouped by their sentences, so that a sentence 16,000
	// copies have costs one step, not 16,000.
	groups []textGroup
	look   map[uint64][]int32 // sentence → the groups having it, each once
	byText map[uint64][]int32 // a group's sentences, hashed → the groups
	multi  []string           // agencies (and years) added more than once
}

// textGroup is the indexed reports whose distinct sentences are the same: a
// report looked up shares exactly as much with each of them.
type textGroup struct {
	members []int32 // in the order added
	live    int     // members not dropped
}

// indexedReport is what the index keeps of one report: the bodies' boxes (to
// name sections and quote a sentence) and their sentences' hashes.
type indexedReport struct {
	agency  string
	year    int
	boxes   []proseBox
	sents   []hashedSentence
	hashes  []uint64 // distinct, sorted: which sentences it has
	all     int      // letters of its body sentences
	group   int32    // its textGroup
	dropped bool
}

type hashedSentence struct {
	hash       uint64
	weight     int32
	box        int32 // index into boxes
	start, end int32 // byte offsets in the box's text
}

// copyResult is what the batch judgement found for one report.
type copyResult struct {
	count   int      // other units from which half or more of its text repeats
	names   []string // the first few of them, closest first
	share   int      // per cent of its text the closest shares
	closest int32    // the closest's index
}

// namedUnits is how many units a W9 finding names before "…".
const namedUnits = 3

// NewSameYearIndex indexes the bodies of others.
func NewSameYearIndex(others []*report.Report) *SameYearIndex {
	x := &SameYearIndex{seed: maphash.MakeSeed(), has: map[uint64][]int32{}, agencies: map[string][]int32{},
		look: map[uint64][]int32{}, byText: map[uint64][]int32{}}
	for _, o := range others {
		if o != nil {
			x.Add(o)
		}
	}
	return x
}

// Len is how many reports the index holds, dropped ones included.
func (x *SameYearIndex) Len() int { return len(x.units) }

func (x *SameYearIndex) hash(year int, norm string) uint64 {
	return maphash.String(x.seed, norm) ^ uint64(year)*0x9E3779B97F4A7C15
}

func agencyKey(agency string, year int) string { return fmt.Sprintf("%d\x00%s", year, agency) }

// Add indexes the bodies of r and returns its number in the index. The index
// keeps r's body texts, not the rest of the report.
func (x *SameYearIndex) Add(r *report.Report) int {
	j := len(x.units)
	u := indexedReport{agency: r.Agency, year: r.Year}
	u.boxes, u.sents, u.all = x.bodySentences(r, splitSentences)
	u.hashes = make([]uint64, len(u.sents))
	for i, s := range u.sents {
		u.hashes[i] = s.hash
	}
	slices.Sort(u.hashes)
	u.hashes = slices.Compact(u.hashes)
	for _, h := range u.hashes {
		x.has[h] = append(x.has[h], int32(j))
	}
	key := agencyKey(r.Agency, r.Year)
	x.agencies[key] = append(x.agencies[key], int32(j))
	if len(x.agencies[key]) == 2 {
		x.multi = append(x.multi, key)
	}
	u.group = x.groupOf(u.hashes)
	x.groups[u.group].members = append(x.groups[u.group].members, int32(j))
	x.groups[u.group].live++
	x.units = append(x.units, u)
	x.built = false
	return j
}

// groupOf finds the group of reports whose distinct sentences are hashes,
// making it (and listing it under each sentence) when there is none.
func (x *SameYearIndex) groupOf(hashes []uint64) int32 {
	var h maphash.Hash
	h.SetSeed(x.seed)
	var b [8]byte
	for _, s := range hashes {
		for i := range b {
			b[i] = byte(s >> (8 * i))
		}
		h.Write(b[:])
	}
	key := h.Sum64()
	for _, g := range x.byText[key] {
		if slices.Equal(x.units[x.groups[g].members[0]].hashes, hashes) {
			return g
		}
	}
	g := int32(len(x.groups))
	x.groups = append(x.groups, textGroup{})
	x.byText[key] = append(x.byText[key], g)
	for _, s := range hashes {
		x.look[s] = append(x.look[s], g)
	}
	return g
}

// Drop takes report id out of every comparison: a unit's older report,
// replaced by a newer one in a batch.
func (x *SameYearIndex) Drop(id int) {
	if u := &x.units[id]; !u.dropped {
		u.dropped = true
		x.groups[u.group].live--
	}
	x.built = false
}

func (u *indexedReport) hasSentence(h uint64) bool {
	_, ok := slices.BinarySearch(u.hashes, h)
	return ok
}

// sigEntry is one shared sentence of a report, with how often the report has it.
type sigEntry struct {
	hash          uint64
	weight, count int32
}

// copyClass is the reports whose shared sentences (those another report has
// too) are the same, each as often: they share exactly as much with anyone.
type copyClass struct {
	sig     []sigEntry
	members []int32
}

// signature lists u's sentences that another report has too, by hash.
func (x *SameYearIndex) signature(u *indexedReport) []sigEntry {
	var sig []sigEntry
	for _, s := range u.sents {
		if len(x.has[s.hash]) >= 2 {
			sig = append(sig, sigEntry{s.hash, s.weight, 1})
		}
	}
	slices.SortFunc(sig, func(a, b sigEntry) int { return cmp.Compare(a.hash, b.hash) })
	out := sig[:0]
	for _, e := range sig {
		if n := len(out); n > 0 && out[n-1].hash == e.hash {
			out[n-1].count++
			continue
		}
		out = append(out, e)
	}
	return out
}

func (x *SameYearIndex) sigKey(sig []sigEntry) uint64 {
	var h maphash.Hash
	h.SetSeed(x.seed)
	var b [12]byte
	for _, e := range sig {
		for i := 0; i < 8; i++ {
			b[i] = byte(e.hash >> (8 * i))
		}
		for i := 0; i < 4; i++ {
			b[8+i] = byte(uint32(e.count) >> (8 * i))
		}
		h.Write(b[:])
	}
	return h.Sum64()
}

// build judges every indexed report against all the others: the reports are
// grouped by their shared sentences, and each group adds its sentences' weight
// to the groups that have them, through the index.
func (x *SameYearIndex) build() {
	if x.built {
		return
	}
	x.built = true
	for h, l := range x.has {
		kept := l[:0]
		for _, j := range l {
			if !x.units[j].dropped {
				kept = append(kept, j)
			}
		}
		if len(kept) == 0 {
			delete(x.has, h)
		} else {
			x.has[h] = kept
		}
	}
	x.twice, x.twiceSet = x.twice[:0], map[string]bool{}
	for k, l := range x.agencies {
		live := 0
		for _, j := range l {
			if !x.units[j].dropped {
				live++
			}
		}
		if live > 1 {
			x.twice = append(x.twice, k)
			x.twiceSet[k] = true
		}
	}
	x.results = make([]copyResult, len(x.units))
	classOf := make([]int32, len(x.units))
	var classes []copyClass
	byKey := map[uint64][]int32{}
	for j := range x.units {
		if x.units[j].dropped {
			classOf[j] = -1
			continue
		}
		sig := x.signature(&x.units[j])
		key := x.sigKey(sig)
		c := int32(-1)
		for _, k := range byKey[key] {
			if slices.Equal(classes[k].sig, sig) {
				c = k
				break
			}
		}
		if c < 0 {
			c = int32(len(classes))
			classes = append(classes, copyClass{sig: sig})
			byKey[key] = append(byKey[key], c)
		}
		classes[c].members = append(classes[c].members, int32(j))
		classOf[j] = c
	}
	inClasses := map[uint64][]int32{}
	for c := range classes {
		for _, e := range classes[c].sig {
			inClasses[e.hash] = append(inClasses[e.hash], int32(c))
		}
	}
	acc := make([]int64, len(classes))
	var touched []int32
	var cum []int
	for c := range classes {
		for _, e := range classes[c].sig {
			for _, d := range inClasses[e.hash] {
				if acc[d] == 0 {
					touched = append(touched, d)
				}
				acc[d] += int64(e.weight) * int64(e.count)
			}
		}
		slices.SortFunc(touched, func(a, b int32) int {
			return cmp.Or(cmp.Compare(acc[b], acc[a]), cmp.Compare(classes[a].members[0], classes[b].members[0]))
		})
		cum = cum[:0]
		n := 0
		for _, d := range touched {
			n += len(classes[d].members)
			cum = append(cum, n)
		}
		for _, j := range classes[c].members {
			x.results[j] = x.judge(int(j), touched, cum, acc, classes, classOf)
		}
		for _, d := range touched {
			acc[d] = 0
		}
		touched = touched[:0]
	}
}

// judge finds, for report j, the other units from which half or more of its
// text repeats: the groups in touched (most shared first) down to the share.
func (x *SameYearIndex) judge(j int, touched []int32, cum []int, acc []int64, classes []copyClass, classOf []int32) copyResult {
	u := &x.units[j]
	res := copyResult{closest: -1}
	if u.all < minCopiedText {
		return res
	}
	enough := func(a int64) bool { return a*100/int64(u.all) >= copiedShare }
	n := sort.Search(len(touched), func(i int) bool { return !enough(acc[touched[i]]) })
	if n == 0 {
		return res
	}
	// Units, not reports: r itself, another version of its own report and a
	// second version of another unit's are not counted.
	res.count = cum[n-1]
	own := agencyKey(u.agency, u.year)
	for _, k := range x.twice {
		q := 0
		for _, o := range x.agencies[k] {
			if c := classOf[o]; c >= 0 && enough(acc[c]) {
				q++
			}
		}
		switch {
		case k == own:
			res.count -= q
		case q > 1:
			res.count -= q - 1
		}
	}
	if !x.twiceSet[own] {
		res.count-- // itself (its group has all its shared sentences)
	}
	for _, d := range touched[:n] {
		for _, o := range classes[d].members {
			ou := &x.units[o]
			if ou.agency == u.agency || slices.Contains(res.names, ou.agency) {
				continue
			}
			if res.closest < 0 {
				res.closest, res.share = o, int(acc[d]*100/int64(u.all))
			}
			if len(res.names) == namedUnits {
				return res
			}
			res.names = append(res.names, ou.agency)
		}
	}
	return res
}

// Findings gives W9 for indexed report id when half or more of its body text
// repeats in other units' reports of its year: one finding naming how many
// units and the first few.
func (x *SameYearIndex) Findings(id int) []Finding {
	x.build()
	res := x.results[id]
	if res.count == 0 || x.units[id].dropped {
		return nil
	}
	u := &x.units[id]
	return sameYearFinding(u.boxes, u.sents, &x.units[res.closest], res)
}

// sentences splits a text of a report of year as the checker's scan does
// (its cache shared with the other checks).
func (k *Checker) sentences(year int) func(text string) []sentence {
	return func(text string) []sentence { return k.scan(text, year).sentences }
}

// bodySentences are the sentences split finds in r's body texts, hashed as x
// hashes them, with the boxes they stand in (those with any) and their weight
// in all: what indexing a report and looking one up start from.
func (x *SameYearIndex) bodySentences(r *report.Report, split func(text string) []sentence) (boxes []proseBox, sents []hashedSentence, all int) {
	for _, box := range proseBoxes(r) {
		if box.field != "body" {
			continue
		}
		ss := split(box.text)
		for _, s := range ss {
			sents = append(sents, hashedSentence{x.hash(r.Year, s.norm), int32(s.weight), int32(len(boxes)), int32(s.start), int32(s.end)})
			all += s.weight
		}
		if len(ss) > 0 {
			boxes = append(boxes, box)
		}
	}
	return boxes, sents, all
}

// SameYearIn gives W9 for r, which need not be indexed, when half or more of
// its body text repeats in indexed reports of other agencies of its year.
func (k *Checker) SameYearIn(r *report.Report, x *SameYearIndex) []Finding {
	if x == nil || len(x.units) == 0 {
		return nil
	}
	boxes, sents, all := x.bodySentences(r, k.sentences(r.Year))
	if all < minCopiedText {
		return nil
	}
	// Through the groups: the look-up costs the sentences and the groups
	// sharing them, whatever the number of copies of a text.
	l := lookUp{x: x, agency: r.Agency, year: r.Year, all: int64(all), repeated: map[int32]int64{}}
	for _, s := range sents {
		for _, g := range x.look[s.hash] {
			l.repeated[g] += int64(s.weight)
		}
	}
	res, ok := l.result()
	if !ok {
		return nil
	}
	return sameYearFinding(boxes, sents, &x.units[res.closest], res)
}

// lookUp is one report's look-up in an index: how much of its text (all)
// each group repeats.
type lookUp struct {
	x            *SameYearIndex
	agency       string
	year         int
	all          int64
	repeated     map[int32]int64 // group → letters of the report it has
	closeEnough  []int32         // the groups repeating half or more, most first
	names        []string
	closest      int32
	closestShare int
}

func (l *lookUp) close(g int32) bool {
	return l.x.groups[g].live > 0 && l.repeated[g]*100/l.all >= copiedShare
}

// result is the units the report's text repeats in: how many, the first
// few by what they share, then as added; false when none.
func (l *lookUp) result() (copyResult, bool) {
	x := l.x
	count := 0
	for g := range l.repeated {
		if l.close(g) {
			l.closeEnough = append(l.closeEnough, g)
			count += x.groups[g].live
		}
	}
	if count -= l.notOthers(); count <= 0 {
		return copyResult{}, false
	}
	groups := l.closeEnough
	slices.SortFunc(groups, func(a, b int32) int {
		return cmp.Or(cmp.Compare(l.repeated[b], l.repeated[a]), cmp.Compare(x.firstLive(a), x.firstLive(b)))
	})
	l.closest = -1
	// The groups sharing as much are merged by their members' order.
	for i := 0; i < len(groups); {
		tier := i + 1
		for tier < len(groups) && l.repeated[groups[tier]] == l.repeated[groups[i]] {
			tier++
		}
		if mergeMembers(x.groups, groups[i:tier], l.name) {
			break
		}
		i = tier
	}
	if l.closest < 0 {
		return copyResult{}, false
	}
	return copyResult{count: count, names: l.names, share: l.closestShare, closest: l.closest}, true
}

// notOthers is how many of the reports in close groups are no other unit:
// the report's own agency's, and a unit's second version.
func (l *lookUp) notOthers() int {
	x := l.x
	n := 0
	own := agencyKey(l.agency, l.year)
	for _, k := range x.multi {
		q := 0
		for _, j := range x.agencies[k] {
			if u := &x.units[j]; !u.dropped && l.close(u.group) {
				q++
			}
		}
		if k == own {
			n += q
		} else if q > 1 {
			n += q - 1
		}
	}
	if k := x.agencies[own]; len(k) == 1 && !x.units[k[0]].dropped && l.close(x.units[k[0]].group) {
		n++
	}
	return n
}

// name takes report j as the next unit named, unless it is no other unit or
// named already; true when enough are named.
func (l *lookUp) name(j int32) bool {
	u := &l.x.units[j]
	if u.dropped || u.agency == l.agency || slices.Contains(l.names, u.agency) {
		return false
	}
	if l.closest < 0 {
		l.closest, l.closestShare = j, int(l.repeated[u.group]*100/l.all)
	}
	l.names = append(l.names, u.agency)
	return len(l.names) == namedUnits
}

// firstLive is group g's first report not dropped, -1 if none.
func (x *SameYearIndex) firstLive(g int32) int32 {
	for _, j := range x.groups[g].members {
		if !x.units[j].dropped {
			return j
		}
	}
	return -1
}

// mergeMembers gives the members of groups to f in the order they were
// added, until f says it has enough.
func mergeMembers(all []textGroup, groups []int32, f func(j int32) bool) bool {
	pos := make([]int, len(groups))
	for {
		next := -1
		for i, g := range groups {
			if pos[i] < len(all[g].members) && (next < 0 || all[g].members[pos[i]] < all[groups[next]].members[pos[next]]) {
				next = i
			}
		}
		if next < 0 {
			return false
		}
		j := all[groups[next]].members[pos[next]]
		pos[next]++
		if f(j) {
			return true
		}
	}
}

// sameYearFinding is the one W9 of a report whose text repeats in res.count
// other units' reports: the share the closest shares, the units, the sections
// repeated most (as against the closest) and its first repeated sentence.
func sameYearFinding(boxes []proseBox, sents []hashedSentence, closest *indexedReport, res copyResult) []Finding {
	secs := make([]sectionShare, len(boxes))
	firsts := make([]*sentence, len(boxes))
	for i, s := range sents {
		sec := &secs[s.box]
		sec.all += int(s.weight)
		if closest.hasSentence(s.hash) {
			sec.repeated += int(s.weight)
			if firsts[s.box] == nil {
				firsts[s.box] = &sentence{start: int(sents[i].start), end: int(sents[i].end)}
			}
		}
	}
	var sections []sectionShare
	for i := range secs {
		if secs[i].repeated > 0 {
			secs[i].box, secs[i].first, secs[i].firstOrder = boxes[i], firsts[i], i
			sections = append(sections, secs[i])
		}
	}
	if len(sections) == 0 {
		return nil
	}
	slices.SortStableFunc(sections, func(a, b sectionShare) int {
		return cmp.Or(cmp.Compare(b.repeated, a.repeated), cmp.Compare(a.firstOrder, b.firstOrder))
	})
	var most []string
	for _, s := range sections[:min(3, len(sections))] {
		most = append(most, fmt.Sprintf("%s（%d%%）", s.box.name(), s.repeated*100/max(1, s.all)))
	}
	var whose string
	if res.count == 1 {
		whose = fmt.Sprintf("同年度“%s”的报告", res.names[0])
	} else {
		more := ""
		if res.count > len(res.names) {
			more = "、…"
		}
		whose = fmt.Sprintf("同年度 %d 个单位的报告（%s%s）", res.count, strings.Join(res.names, "、"), more)
	}
	top := sections[0]
	return []Finding{{
		Rule: CopiedTextRule, Severity: Warning, Part: report.PartNames[top.box.part],
		Text: top.box.span(top.first.start, top.first.end),
		Message: fmt.Sprintf("正文约%d%%的文字与%s文字雷同（数字和年份不计），重复最多的是%s；请按本年度情况更新（报告雷同是评议常指出的问题）",
			res.share, whose, strings.Join(most, "、")),
	}}
}

// SameYear gives W9 for r when half or more of its text repeats in others
// (other units' reports of r's year, as a batch or the database holds them).
func (k *Checker) SameYear(r *report.Report, others []*report.Report) []Finding {
	return k.SameYearIn(r, NewSameYearIndex(others))
}
