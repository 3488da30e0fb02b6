package check

import (
	"strings"
	"unicode/utf8"
)

// A mention is a count the prose states that a table also holds (W8): "新收政府信息
// 公开申请3017件". It is found from one text box alone, so that a window can keep
// the mentions of every section and re-read only the one edited.
type mention struct {
	kind       mentionKind
	value      int
	start, end int  // the sentence, byte offsets in the text
	limited    bool // the clause limits the count to one channel or one office
}

// mentionKind is what a mentioned count counts.
type mentionKind int

const (
	mentionNew              mentionKind = iota + 1 // 本年新收 … 申请 N 件
	mentionCarriedOver                             // 上年结转 N 件
	mentionHandled                                 // 办结 … N 件
	mentionCarriedForward                          // 结转下年度 N 件
	mentionReview                                  // 行政复议 N 件/起
	mentionLitigation                              // 行政诉讼 N 件/起, both groups
	mentionLitigationDirect                        // 直接起诉 N 件
	mentionLitigationAfter                         // 复议后起诉 N 件
	mentionNormIssued                              // 制发行政规范性文件 N 件
	mentionNormRepealed                            // 废止 … N 件
	mentionNormInForce                             // 现行有效 … N 件
	mentionRulesIssued                             // 规章 likewise
	mentionRulesRepealed
	mentionRulesInForce
	mentionLicensing // 作出行政许可决定 N 件
	mentionPenalty
	mentionCoercion
)

// Words of the text scan; see the package doc.
var (
	sentenceStops   = "。！？；!?;\n"
	textClauseStops = "，,：:" // besides the sentence stops; a comma between digits is a thousands separator

	// A clause that compares with another period or gives an estimate states no count of this year.
	comparisonWords = []string{"去年", "上年", "上一年", "同比", "环比", "较", "比上", "增长", "下降", "减少", "增加", "提升"}
	estimateBefore  = []string{"约", "近", "超过", "超", "逾", "大约", "不足", "第"}
	// Other things a clause can count in 件: not applications for disclosure.
	otherMatterWords = []string{"问政", "诉求", "投诉", "举报", "信访", "热线", "12345", "咨询", "留言", "建议", "提案", "来电", "来信", "信箱", "工单", "政策解读", "解读"}
	// Outcome counts (予以公开 N 件) are the rows of 三(三)…(六), not the totals.
	outcomeWords = []string{"公开答复", "同意公开", "予以公开", "部分公开", "区分处理", "不予公开", "无法提供", "不予处理", "告知", "补正", "不掌握", "维持", "纠正", "纠错", "撤销", "败诉", "胜诉", "驳回", "审结", "确认违法"}
	// Words that limit a count to one channel or one office.
	limitWords = []string{"代表", "网络", "网上", "网站", "信函", "当面", "邮寄", "传真", "电子邮件", "线上", "线下", "窗口", "本级",
		"文件库", "数据库", "集中发布", "清理并", "梳理"} // the last: a count of what a library published, maybe not the table's scope
	newVerbs  = []string{"新收", "收到", "受理", "接收", "接到"}
	doneVerbs = []string{"办结", "办理完毕", "答复完毕", "已答复", "均已答复", "全部答复", "完成答复"}
)

// scanText returns the counts text states, for a report of year.
func scanText(text string, year int) []mention {
	var out []mention
	for start := 0; start < len(text); {
		end := sentenceEnd(text, start)
		out = scanSentence(out, text, start, end, year)
		if end < len(text) {
			_, size := utf8.DecodeRuneInString(text[end:])
			end += size
		}
		start = end
	}
	return out
}

// sentenceEnd returns the offset of the sentence stop ending the sentence
// that begins at start, or len(text). One pass over the runes: strings.IndexAny
// with a set of Chinese stops costs a search per stop.
func sentenceEnd(text string, start int) int {
	for i, r := range text[start:] {
		switch r {
		case '。', '！', '？', '；', '!', '?', ';', '\n':
			return start + i
		}
	}
	return len(text)
}

// scanSentence adds the mentions of text[start:end], one sentence.
func scanSentence(out []mention, text string, start, end, year int) []mention {
	sentence := text[start:end]
	if !strings.ContainsAny(sentence, "件起") {
		return out
	}
	aboutApplications := strings.Contains(sentence, "公开申请") ||
		(strings.Contains(sentence, "信息公开") && strings.Contains(sentence, "申请"))
	aboutDisclosure := strings.Contains(sentence, "信息公开")
	sentStart, sentEnd := trimSpan(text, start, end)
	for _, cl := range clauses(sentence) {
		if i := strings.Index(cl, "其中"); i >= 0 { // what follows is a breakdown, not the total
			out = scanClause(out, cl[:i], sentence, aboutApplications, aboutDisclosure, year, sentStart, sentEnd)
			break
		}
		out = scanClause(out, cl, sentence, aboutApplications, aboutDisclosure, year, sentStart, sentEnd)
	}
	return out
}

// trimSpan shrinks text[start:end] by the spaces around it.
func trimSpan(text string, start, end int) (int, int) {
	s := text[start:end]
	t := strings.TrimLeft(s, " \t\r\u3000")
	start += len(s) - len(t)
	t = strings.TrimRight(t, " \t\r\u3000")
	return start, start + len(t)
}

// clauses splits a sentence at the clause stops, but not at a comma between digits (12,486).
func clauses(s string) []string {
	var out []string
	from := 0
	for i, r := range s {
		if !strings.ContainsRune(textClauseStops, r) {
			continue
		}
		if r == ',' && i > 0 && isDigitByte(s[i-1]) && i+1 < len(s) && isDigitByte(s[i+1]) {
			continue
		}
		out = append(out, s[from:i])
		from = i + utf8.RuneLen(r)
	}
	return append(out, s[from:])
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// scanClause adds the mentions of one clause.
func scanClause(out []mention, clause, sentence string, aboutApplications, aboutDisclosure bool, year, start, end int) []mention {
	if otherYear(clause, year) {
		return out
	}
	plain := strings.NewReplacer("上年结转", "", "上年度结转", "", "上一年度结转", "").Replace(clause)
	if containsAny(plain, comparisonWords) {
		return out
	}
	ctxStart := 0
	for i := 0; i < len(clause); {
		v, n, ok := number(clause[i:])
		if !ok {
			_, size := utf8.DecodeRuneInString(clause[i:])
			i += size
			continue
		}
		ctx := clause[ctxStart:i]
		after := strings.TrimLeft(clause[i+n:], " \u3000")
		i += n
		unit, size := utf8.DecodeRuneInString(after)
		if unit != '件' && unit != '起' {
			continue
		}
		ctxStart = i
		if rest := after[size:]; strings.HasPrefix(rest, "以上") || strings.HasPrefix(rest, "左右") || strings.HasPrefix(rest, "次") {
			continue
		}
		if hasSuffixAny(strings.TrimRight(ctx, " \u3000"), estimateBefore) {
			continue
		}
		kind := classify(ctx, unit, aboutApplications, aboutDisclosure)
		if kind == 0 {
			continue
		}
		out = append(out, mention{kind: kind, value: v, start: start, end: end, limited: containsAny(ctx, limitWords)})
	}
	return out
}

// otherYear reports whether the clause names a year (2023年) that is not year.
func otherYear(clause string, year int) bool {
	for rest := clause; ; {
		y, after, ok := nextTitleYear(rest)
		if !ok {
			return false
		}
		if y != year {
			return true
		}
		rest = after
	}
}

// number reads a whole number at the start of s: ASCII or full-width digits,
// with commas between groups of three. It refuses the tail of a longer number
// or of a word such as 12345.
func number(s string) (value, size int, ok bool) {
	digits := 0
	for size < len(s) {
		r, n := utf8.DecodeRuneInString(s[size:])
		switch {
		case r >= '0' && r <= '9':
			value = value*10 + int(r-'0')
		case r >= '０' && r <= '９':
			value = value*10 + int(r-'０')
		case r == ',' && digits > 0 && size+4 <= len(s) && allDigits(s[size+1:size+4]) && (size+4 == len(s) || !isDigitByte(s[size+4])):
			size += n
			continue
		case r == '.' && digits > 0 && size+1 < len(s) && isDigitByte(s[size+1]):
			return 0, 0, false // a decimal is not a count
		default:
			return value, size, digits > 0 && digits <= 7
		}
		digits++
		size += n
		if digits > 7 {
			return 0, 0, false
		}
	}
	return value, size, digits > 0 && digits <= 7
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigitByte(s[i]) {
			return false
		}
	}
	return true
}

func hasSuffixAny(s string, words []string) bool {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// classify says what the count after ctx counts, or 0 when it is not a count
// the tables hold or the clause is not clear enough.
func classify(ctx string, unit rune, aboutApplications, aboutDisclosure bool) mentionKind {
	if containsAny(ctx, outcomeWords) || containsAny(ctx, otherMatterWords) {
		return 0
	}
	if k := classifyCases(ctx, aboutDisclosure); k != 0 || strings.Contains(ctx, "复议") || strings.Contains(ctx, "诉讼") {
		return k
	}
	if unit != '件' {
		return 0
	}
	if k := classifyDocuments(ctx); k != 0 || strings.Contains(ctx, "规范性文件") || strings.Contains(ctx, "规章") {
		return k
	}
	if k := classifyDecisions(ctx); k != 0 {
		return k
	}
	names := namesApplications(ctx)
	if !names && !(aboutApplications && utf8.RuneCountInString(ctx) <= 10) {
		return 0
	}
	if !aboutApplications && !strings.Contains(ctx, "公开申请") && !strings.Contains(ctx, "依申请") {
		return 0
	}
	switch {
	case containsAny(ctx, []string{"上年结转", "上年度结转", "上一年度结转"}):
		return mentionCarriedOver
	case strings.Contains(ctx, "结转") && containsAny(ctx, []string{"下年", "下一年", "次年", "至下", "到下"}):
		return mentionCarriedForward
	case containsAny(ctx, doneVerbs) || (strings.Contains(ctx, "办理") && names):
		if containsAny(ctx, newVerbs) {
			return 0 // 受理并办结: either figure may be meant
		}
		return mentionHandled
	case containsAny(ctx, newVerbs):
		return mentionNew
	}
	return 0
}

// namesApplications reports whether ctx has 申请 that is not 申请人.
func namesApplications(ctx string) bool {
	_, ok := namesApplication(ctx)
	return ok
}

// classifyCases reads 行政复议 and 行政诉讼 counts in a sentence about disclosure.
func classifyCases(ctx string, aboutDisclosure bool) mentionKind {
	review, courts := strings.Contains(ctx, "复议"), strings.Contains(ctx, "诉讼") || strings.Contains(ctx, "起诉")
	if !aboutDisclosure || (!review && !courts) {
		return 0
	}
	switch {
	case strings.Contains(ctx, "复议后起诉"):
		return mentionLitigationAfter
	case strings.Contains(ctx, "直接起诉") || strings.Contains(ctx, "未经复议"):
		return mentionLitigationDirect
	case review && courts:
		return 0 // 行政复议和行政诉讼共 N 件: no one group
	case strings.Contains(ctx, "行政复议"):
		return mentionReview
	case strings.Contains(ctx, "行政诉讼"):
		return mentionLitigation
	}
	return 0
}

// classifyDocuments reads 规章 and 行政规范性文件 counts; the kind must be named
// in the clause, not only elsewhere in the sentence ("印发文件20件").
func classifyDocuments(ctx string) mentionKind {
	norm, rules := strings.Contains(ctx, "规范性文件"), strings.Contains(ctx, "规章")
	if norm == rules || containsAny(ctx, []string{"类", "信息", "审查", "审核", "备案", "清理出", "征求", "修改", "修订", "评估", "草案"}) {
		return 0
	}
	issued, repealed, inForce := mentionNormIssued, mentionNormRepealed, mentionNormInForce
	if rules {
		issued, repealed, inForce = mentionRulesIssued, mentionRulesRepealed, mentionRulesInForce
	}
	switch {
	case strings.Contains(ctx, "现行有效"):
		return inForce
	case containsAny(ctx, []string{"废止", "宣布失效"}):
		return repealed
	case containsAny(ctx, []string{"制发", "印发", "出台", "制定"}):
		return issued
	}
	return 0
}

// classifyDecisions reads counts of 行政许可/处罚/强制 decisions.
func classifyDecisions(ctx string) mentionKind {
	if !containsAny(ctx, []string{"作出", "做出", "办理", "办结", "实施", "决定"}) ||
		containsAny(ctx, []string{"申请", "受理", "立案", "信息", "公示", "公开", "案卷", "评查", "事项", "清单"}) {
		return 0
	}
	var k mentionKind
	for _, w := range []struct {
		word string
		kind mentionKind
	}{{"行政许可", mentionLicensing}, {"行政处罚", mentionPenalty}, {"行政强制", mentionCoercion}} {
		if strings.Contains(ctx, w.word) {
			if k != 0 {
				return 0
			}
			k = w.kind
		}
	}
	return k
}
