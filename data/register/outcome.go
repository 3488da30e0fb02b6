package register

import (
	"regexp"
	"strings"

	"nianbao/data/printed"
	"nianbao/data/report"
)

// Outcome is how an application ended: one of the 21 result rows of part 三
// (三(一) 予以公开 … 三(六)3 其他), or OutcomeNone while it is open, or when
// nobody has yet said which row an ended one belongs to.
type Outcome int

// OutcomeNone is no result row (yet).
const OutcomeNone Outcome = 0

// Outcomes is the count of result rows.
const Outcomes = report.LastResultRow - report.FirstResultRow + 1

// OutcomeOfRow returns the outcome counted in row (report.Row…) of part 三.
func OutcomeOfRow(row int) Outcome {
	if row < report.FirstResultRow || row > report.LastResultRow {
		return OutcomeNone
	}
	return Outcome(row - report.FirstResultRow + 1)
}

// Valid reports whether o is one of the 21 result rows.
func (o Outcome) Valid() bool { return o >= 1 && int(o) <= Outcomes }

// Row is the row of part 三 (report.Row…) the outcome is counted in; -1 for none.
func (o Outcome) Row() int {
	if !o.Valid() {
		return -1
	}
	return report.FirstResultRow + int(o) - 1
}

// Key is the row's key in the report file (granted, partly_granted …), "" for none.
func (o Outcome) Key() string {
	if !o.Valid() {
		return ""
	}
	return report.AppRowKeys[o.Row()]
}

// Label is the row as part 三 prints it, with its numbering:
// "（三）不予公开 1.属于国家秘密"; "未确定" for none.
func (o Outcome) Label() string {
	if !o.Valid() {
		return "未确定"
	}
	i := printed.AppRowInfos[o.Row()]
	return strings.TrimSpace(i.B + " " + i.C)
}

// Short is the row's own words without the group: "属于国家秘密".
func (o Outcome) Short() string {
	if !o.Valid() {
		return "未确定"
	}
	i := printed.AppRowInfos[o.Row()]
	if i.C != "" {
		return strings.TrimLeft(i.C, "0123456789.")
	}
	return groupNumber.ReplaceAllString(i.B, "")
}

// Article is the article of the 条例 (国务院令第711号) the answer applies, as
// the register shows it beside the outcome; the reference's §4.2, the
// program's reading where the text is silent.
func (o Outcome) Article() string {
	if !o.Valid() {
		return ""
	}
	return articles[o-1]
}

var articles = [Outcomes]string{
	"第三十六条第（一）项、第（二）项",
	"第三十七条（区分处理）",
	"第十四条（国家秘密）",
	"第十四条（法律、行政法规禁止公开）",
	"第十四条（危及“三安全一稳定”）",
	"第十五条、第三十二条（第三方合法权益）",
	"第十六条第一款（内部事务信息）",
	"第十六条第二款（过程性信息）",
	"第十六条第二款（行政执法案卷信息）",
	"第三十六条第（七）项（本程序的解读：依照特别规定办理）",
	"第三十六条第（四）项、第（五）项",
	"第三十八条",
	"第三十条（补正后仍不明确）",
	"第三十九条第一款",
	"第三十六条第（六）项",
	"第三十九条第二款",
	"第三十五条",
	"条例无对应条款（要求确认或重新出具已获取信息）",
	"第三十条（逾期不补正，视为放弃申请）",
	"第四十二条、《政府信息公开信息处理费管理办法》（逾期未缴费，视为放弃申请）",
	"其他终止办理的情形（如申请人撤回申请）",
}

// outcomeWords are the words registers write for a result, beyond the
// printed labels (register-reference.md §5): each names exactly one row.
// Words that could mean two rows (申请内容不明确: 三(四)3 or 三(六)1) are not
// here, so that such a value is left for a person.
var outcomeWords = map[string]int{
	"予以公开": report.RowGranted, "同意公开": report.RowGranted, "公开": report.RowGranted, "已主动公开": report.RowGranted,
	"部分公开": report.RowPartlyGranted, "区分处理": report.RowPartlyGranted, "同意部分公开": report.RowPartlyGranted,
	"国家秘密":       report.RowDeniedStateSecret,
	"法律行政法规禁止公开": report.RowDeniedProhibitedByLaw, "其他法律行政法规禁止公开": report.RowDeniedProhibitedByLaw,
	"三安全一稳定": report.RowDeniedSafetyStability,
	"第三方":    report.RowDeniedThirdParty, "第三方合法权益": report.RowDeniedThirdParty,
	"内部事务": report.RowDeniedInternalAffairs, "三类内部事务": report.RowDeniedInternalAffairs,
	"过程性": report.RowDeniedProcessInformation, "过程性信息": report.RowDeniedProcessInformation, "四类过程性信息": report.RowDeniedProcessInformation,
	"执法案卷": report.RowDeniedEnforcementFiles, "行政执法案卷": report.RowDeniedEnforcementFiles,
	"行政查询": report.RowDeniedQueryMatters, "行政查询事项": report.RowDeniedQueryMatters,
	"不掌握": report.RowUnableNotHeld, "信息不存在": report.RowUnableNotHeld, "非本机关": report.RowUnableNotHeld,
	"非本部门掌握": report.RowUnableNotHeld, "本机关不掌握相关政府信息": report.RowUnableNotHeld,
	"另行制作": report.RowUnableNeedsCreation, "加工分析": report.RowUnableNeedsCreation,
	"仍不明确": report.RowUnableUnclear, "补正后申请内容仍不明确": report.RowUnableUnclear,
	"信访": report.RowRejectedPetition, "投诉": report.RowRejectedPetition, "举报": report.RowRejectedPetition, "信访举报投诉类申请": report.RowRejectedPetition,
	"重复申请":  report.RowRejectedDuplicate,
	"公开出版物": report.RowRejectedPublication, "要求提供公开出版物": report.RowRejectedPublication,
	"大量反复": report.RowRejectedExcessive, "无正当理由大量反复申请": report.RowRejectedExcessive,
	"确认": report.RowRejectedConfirmation, "重新出具": report.RowRejectedConfirmation,
	"逾期不补正": report.RowOtherNoCorrection, "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请": report.RowOtherNoCorrection,
	"未缴费": report.RowOtherNoFee, "逾期未缴费": report.RowOtherNoFee, "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请": report.RowOtherNoFee,
	"其他": report.RowOtherOther,
}

// ParseOutcome reads an outcome as a register writes it: a row's printed
// words (with or without its numbering), its key, or a word of outcomeWords.
// ok is false for anything else, which is never guessed.
func ParseOutcome(s string) (Outcome, bool) {
	k := wordKey(s)
	if k == "" {
		return OutcomeNone, false
	}
	if row, ok := report.AppRowIndex(strings.TrimSpace(s)); ok {
		o := OutcomeOfRow(row)
		return o, o.Valid()
	}
	if row, ok := outcomeWords[k]; ok {
		return OutcomeOfRow(row), true
	}
	for row := report.FirstResultRow; row <= report.LastResultRow; row++ {
		i := printed.AppRowInfos[row]
		for _, l := range []string{i.FullLabel(), i.C, i.B} {
			if l != "" && wordKey(l) == k {
				return OutcomeOfRow(row), true
			}
		}
	}
	return OutcomeNone, false
}

// groupNumber is a group's numbering in a label: （三）, (五).
var groupNumber = regexp.MustCompile(`[（(][一二三四五六七][）)]`)

// wordKey strips a label of its numbering, punctuation and spaces, so that
// "（三）不予公开 1.属于国家秘密", "属于国家秘密" and "1. 属于 国家秘密" compare by words.
func wordKey(s string) string {
	s = strings.TrimPrefix(strings.TrimSpace(s), "三、本年度办理结果")
	s = groupNumber.ReplaceAllString(s, "")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9', r == '.', r == '．', r == '、', r == '（', r == '）', r == '(', r == ')',
			r == ' ', r == '\u3000', r == '\t', r == '，', r == ',', r == '“', r == '”', r == '"':
			continue
		}
		b.WriteRune(r)
	}
	k := b.String()
	for _, p := range []string{"不予公开", "无法提供", "不予处理", "其他处理"} {
		if rest, ok := strings.CutPrefix(k, p); ok && rest != "" {
			k = rest
		}
	}
	return strings.TrimPrefix(k, "属于")
}

// ApplicantType is the column of part 三 an application is counted in: the
// person or organisation in whose name it is made. TypeUnknown (0) is not
// yet classified; the others are the six applicant columns.
type ApplicantType int

// The applicant types, in the order of part 三's columns.
const (
	TypeUnknown ApplicantType = iota
	TypeNaturalPerson
	TypeCommercial
	TypeResearch
	TypePublicWelfare
	TypeLegalService
	TypeOtherOrg
)

// Valid reports whether t is one of the six columns.
func (t ApplicantType) Valid() bool { return t >= TypeNaturalPerson && t <= TypeOtherOrg }

// Col is the column of part 三 (report.Col…), -1 for TypeUnknown.
func (t ApplicantType) Col() int {
	if !t.Valid() {
		return -1
	}
	return int(t) - 1
}

// TypeOfCol returns the type counted in column col.
func TypeOfCol(col int) ApplicantType {
	if col < 0 || col >= report.ApplicantCols {
		return TypeUnknown
	}
	return ApplicantType(col + 1)
}

// String is the column's printed label, or 未分类.
func (t ApplicantType) String() string {
	if !t.Valid() {
		return "未分类"
	}
	return printed.AppColumnLabels[t.Col()]
}

var typeWords = map[string]ApplicantType{
	"自然人": TypeNaturalPerson, "公民": TypeNaturalPerson, "个人": TypeNaturalPerson,
	"商业企业": TypeCommercial, "企业": TypeCommercial, "公司": TypeCommercial,
	"科研机构":   TypeResearch,
	"社会公益组织": TypePublicWelfare, "社会组织": TypePublicWelfare, "公益组织": TypePublicWelfare,
	"法律服务机构": TypeLegalService, "律师事务所": TypeLegalService,
	"其他": TypeOtherOrg, "其他组织": TypeOtherOrg,
}

// ParseType reads an applicant type as registers write it. "法人" alone is
// not read: it could be a 商业企业 or any other organisation.
func ParseType(s string) (ApplicantType, bool) {
	t, ok := typeWords[strings.Join(strings.Fields(s), "")]
	return t, ok
}

// Channel is how an application arrived; it decides its legal receipt date
// (条例 第三十一条).
type Channel string

// The channels.
const (
	ChannelInPerson   Channel = "当面"   // 以提交之日为收到申请之日
	ChannelPostSigned Channel = "邮寄"   // 挂号、EMS：以签收之日为收到申请之日
	ChannelPostPlain  Channel = "平信"   // 平常信函：以与申请人确认之日为收到申请之日
	ChannelOnline     Channel = "网络"   // 以双方确认之日为收到申请之日
	ChannelEmail      Channel = "电子邮件" // 以双方确认之日为收到申请之日
	ChannelFax        Channel = "传真"   // 以双方确认之日为收到申请之日
	ChannelOther      Channel = "其他"
)

// Channels lists every channel in the order a form offers them.
var Channels = []Channel{ChannelInPerson, ChannelPostSigned, ChannelPostPlain, ChannelOnline, ChannelEmail, ChannelFax, ChannelOther}

// ReceiptRule says which day is the legal receipt date for the channel.
func (c Channel) ReceiptRule() string {
	switch c {
	case ChannelInPerson:
		return "以提交之日为收到申请之日（第三十一条第（一）项）"
	case ChannelPostSigned:
		return "以签收之日为收到申请之日（第三十一条第（二）项）"
	case ChannelPostPlain:
		return "以与申请人确认之日为收到申请之日（第三十一条第（二）项）"
	case ChannelOnline, ChannelEmail, ChannelFax:
		return "以双方确认之日为收到申请之日（第三十一条第（三）项）"
	}
	return "以双方确认之日为收到申请之日"
}

var channelWords = map[string]Channel{
	"当面": ChannelInPerson, "现场": ChannelInPerson, "窗口": ChannelInPerson, "当面申请": ChannelInPerson, "现场申请": ChannelInPerson,
	"邮寄": ChannelPostSigned, "信函": ChannelPostSigned, "挂号信": ChannelPostSigned, "EMS": ChannelPostSigned, "ems": ChannelPostSigned,
	"邮寄申请": ChannelPostSigned, "信函申请": ChannelPostSigned,
	"平信": ChannelPostPlain, "平常信函": ChannelPostPlain,
	"网络": ChannelOnline, "网上": ChannelOnline, "网站": ChannelOnline, "在线": ChannelOnline, "政务服务网": ChannelOnline,
	"网上申请": ChannelOnline, "网络申请": ChannelOnline, "政府网站申请": ChannelOnline,
	"电子邮件": ChannelEmail, "E-mail": ChannelEmail, "e-mail": ChannelEmail, "Email": ChannelEmail, "邮箱": ChannelEmail, "E-mail申请": ChannelEmail,
	"传真": ChannelFax, "传真申请": ChannelFax,
	"其他": ChannelOther, "电报": ChannelOther, "电报申请": ChannelOther,
}

// ParseChannel reads a channel as registers write it.
func ParseChannel(s string) (Channel, bool) {
	c, ok := channelWords[strings.Join(strings.Fields(s), "")]
	return c, ok
}

// String returns the channel's word.
func (c Channel) String() string { return string(c) }
