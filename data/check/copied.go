package check

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"nianbao/data/report"
)

// sentence is one sentence of a text box as W9 compares it.
type sentence struct {
	norm       string // letters only: no digits, numerals, spaces or punctuation
	weight     int    // runes of norm
	start, end int    // byte offsets in the text
}

// minSentence is the weight below which a sentence is a fixed phrase (一是加强学习):
// shared by independent reports, it says nothing about copying.
const minSentence = 8

// CopiedTextRule is the rule of copied text: against last year, or between
// the units of a year.
const CopiedTextRule = "W9"

// copiedShare is the share of repeated text from which W9 warns, in per cent;
// minCopiedText the body text (in runes) below which it does not judge.
const (
	copiedShare   = 50
	minCopiedText = 100
)

const numerals = "〇零一二三四五六七八九十百千万两"

// splitSentences returns the sentences of text that weigh at least minSentence.
func splitSentences(text string) []sentence {
	var out []sentence
	var b strings.Builder
	for start := 0; start < len(text); {
		end := sentenceEnd(text, start)
		b.Reset()
		n := 0
		for _, r := range text[start:end] {
			if unicode.IsLetter(r) && !strings.ContainsRune(numerals, r) {
				b.WriteRune(r)
				n++
			}
		}
		if n >= minSentence {
			s, e := trimSpan(text, start, end)
			out = append(out, sentence{norm: b.String(), weight: n, start: s, end: e})
		}
		if end < len(text) {
			_, size := utf8.DecodeRuneInString(text[end:])
			end += size
		}
		start = end
	}
	return out
}

// sectionShare is the repeated text of one section.
type sectionShare struct {
	box           proseBox // the body
	repeated, all int
	first         *sentence // its first repeated sentence
	firstOrder    int
}

// similarity compares the bodies of r with those of other: the share (per cent)
// of r's body text in sentences that other also has, and the sections by how
// much they repeat, most first.
func (k *Checker) similarity(r, other *report.Report) (share int, sections []sectionShare) {
	seen := map[string]struct{}{}
	for _, box := range proseBoxes(other) {
		if box.field != "body" {
			continue
		}
		for _, s := range k.scan(box.text, other.Year).sentences {
			seen[s.norm] = struct{}{}
		}
	}
	if len(seen) == 0 {
		return 0, nil
	}
	repeated, all := 0, 0
	for i, box := range proseBoxes(r) {
		if box.field != "body" {
			continue
		}
		sec := sectionShare{box: box, firstOrder: i}
		sentences := k.scan(box.text, r.Year).sentences
		for j := range sentences {
			s := &sentences[j]
			sec.all += s.weight
			if _, ok := seen[s.norm]; ok {
				sec.repeated += s.weight
				if sec.first == nil {
					sec.first = s
				}
			}
		}
		repeated += sec.repeated
		all += sec.all
		if sec.repeated > 0 {
			sections = append(sections, sec)
		}
	}
	if all < minCopiedText {
		return 0, nil
	}
	slices.SortStableFunc(sections, func(a, b sectionShare) int {
		return cmp.Or(cmp.Compare(b.repeated, a.repeated), cmp.Compare(a.firstOrder, b.firstOrder))
	})
	return repeated * 100 / all, sections
}

// copiedFinding is W9 for r against other, or false when less than half repeats.
func (k *Checker) copiedFinding(r, other *report.Report, whose string) (Finding, int, bool) {
	share, sections := k.similarity(r, other)
	if share < copiedShare || len(sections) == 0 {
		return Finding{}, 0, false
	}
	var most []string
	for _, s := range sections[:min(3, len(sections))] {
		most = append(most, fmt.Sprintf("%s（%d%%）", s.box.name(), s.repeated*100/max(1, s.all)))
	}
	top := sections[0]
	return Finding{
		Rule: CopiedTextRule, Severity: Warning,
		Text: top.box.span(top.first.start, top.first.end),
		Message: fmt.Sprintf("正文约%d%%的文字与%s相同（数字和年份不计），重复最多的是%s；请按本年度情况更新（报告雷同是评议常指出的问题）",
			share, whose, strings.Join(most, "、")),
	}, top.box.part, true
}

// checkCopied gives W9 against the previous year's report.
func checkCopied(c *collector, k *Checker, r, prev *report.Report) {
	if prev == nil {
		return
	}
	whose := fmt.Sprintf("上一年度（%d年）报告", prev.Year)
	if prev.Agency != r.Agency {
		whose = fmt.Sprintf("上一年度（%d年，“%s”）报告", prev.Year, prev.Agency)
	}
	if f, part, ok := k.copiedFinding(r, prev, whose); ok {
		c.add(part, -1, 0, f)
	}
}
