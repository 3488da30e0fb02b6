package check

import (
	"strconv"

	"nianbao/data/report"
)

// Checker runs the checks and keeps what it read from each text box, keyed by
// the text, so that a window re-running the checks on every keystroke reads
// again only the section that changed. A Checker is not safe for concurrent use.
type Checker struct {
	run   int
	texts map[string]*textScan
}

// textScan is what one text box yields: its counts (W8) and sentences (W9).
type textScan struct {
	run       int
	mentions  []mention
	sentences []sentence
	fees      []feeMention
}

// NewChecker returns a Checker with an empty cache.
func NewChecker() *Checker { return &Checker{texts: map[string]*textScan{}} }

// Run checks r. prev is the same agency's report for the previous year, or nil
// when there is none; rules R5, R6, W9 and W10 compare against it. The caller is
// trusted to pass the right year. Findings come in the order the package doc gives.
func Run(r *report.Report, prev *report.Report) []Finding {
	return NewChecker().Run(r, prev)
}

// Run is the package's Run, reading each text box at most once while its text is unchanged.
func (k *Checker) Run(r *report.Report, prev *report.Report) []Finding {
	k.run++
	var c collector
	checkApplications(&c, r)               // R1, R2, R3
	checkCases(&c, r)                      // R4
	checkProactive(&c, r, prev)            // R5
	checkCarriedOver(&c, r, prev)          // R6
	checkEmptyParts(&c, r)                 // W1, W2
	checkTitle(&c, r)                      // W3
	checkRuleMaker(&c, r)                  // W4
	checkOverviewClaims(&c, r)             // W5, W6
	checkResultsWithoutApplications(&c, r) // W7
	checkTextFigures(&c, k, r)             // W8
	checkTextFees(&c, k, r)                // W8 for the fee
	checkCopied(&c, k, r, prev)            // W9
	checkJumps(&c, r, prev)                // W10
	checkFeeJump(&c, r, prev)              // W10 for the fee
	checkFeeNotices(&c, r)                 // W11
	checkOtherYears(&c, r)                 // W12
	k.sweep()
	explain(c.items, r)
	return c.sorted()
}

// scan returns the reading of one text box of a report of year.
func (k *Checker) scan(text string, year int) *textScan {
	key := strconv.Itoa(year) + "|" + text
	if s, ok := k.texts[key]; ok {
		s.run = k.run
		return s
	}
	s := &textScan{run: k.run, mentions: scanText(text, year), sentences: splitSentences(text), fees: scanFees(text)}
	k.texts[key] = s
	return s
}

// sweep forgets the texts the last two runs did not read, so that the cache
// holds about two reports' worth of text however long the editing goes on.
func (k *Checker) sweep() {
	for key, s := range k.texts {
		if s.run < k.run-1 {
			delete(k.texts, key)
		}
	}
}

// proseBox is one text box of parts 一, 五 and 六, or of the text around the
// tables of parts 二, 三 and 四.
type proseBox struct {
	part    int // partOverview, partProblems or partOther; partProactive… for the text around a table
	section int
	field   string // "heading" or "body"; "before" or "after" its part's table
	text    string
	heading string // the section's heading, to name it
}

// proseBoxes lists the text boxes of r's prose parts in printed order, and
// the text around the tables in its place (format nianbao/2).
func proseBoxes(r *report.Report) []proseBox {
	var out []proseBox
	sections := func(part int, ss []report.Section) {
		for i, s := range ss {
			if s.Heading != "" {
				out = append(out, proseBox{part, i, "heading", s.Heading, s.Heading})
			}
			if s.Body != "" {
				out = append(out, proseBox{part, i, "body", s.Body, s.Heading})
			}
		}
	}
	sections(partOverview, r.Overview)
	for _, part := range report.TableParts {
		t := r.TableText(part)
		if t.Before != "" {
			out = append(out, proseBox{part: part, field: "before", text: t.Before})
		}
		if t.After != "" {
			out = append(out, proseBox{part: part, field: "after", text: t.After})
		}
	}
	sections(partProblems, r.Problems)
	sections(partOther, r.OtherMatters)
	return out
}
