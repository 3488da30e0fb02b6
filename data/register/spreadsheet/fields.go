package spreadsheet

import (
	"strings"
)

// Field is a field of the register a column is read into, named as the
// mapping shows it.
type Field string

// The fields a column can be read into.
const (
	FieldNone            Field = ""
	FieldNumber          Field = "登记编号"
	FieldReceived        Field = "收到申请日期"
	FieldSubmitted       Field = "提交日期"
	FieldApplicant       Field = "申请人"
	FieldType            Field = "申请人类型"
	FieldChannel         Field = "申请方式"
	FieldContact         Field = "联系方式"
	FieldIDNumber        Field = "证件号码"
	FieldSummary         Field = "申请内容"
	FieldTopic           Field = "内容分类"
	FieldOffice          Field = "承办科室"
	FieldClerk           Field = "经办人"
	FieldDue             Field = "答复期限" // computed by the program: read, never imported
	FieldCorrectionAsked Field = "补正告知日期"
	FieldCorrectionGot   Field = "补正收到日期"
	FieldCorrectionUntil Field = "补正期限"
	FieldConsultSent     Field = "征求意见日期"
	FieldConsultReplied  Field = "意见回复日期"
	FieldExtendedTo      Field = "延期至"
	FieldExtensionDays   Field = "延期工作日数"
	FieldFeeAmount       Field = "收费金额"
	FieldFeeNotified     Field = "收费通知日期"
	FieldFeePaid         Field = "缴费日期"
	FieldAnswered        Field = "答复日期"
	FieldDocNumber       Field = "答复文号"
	FieldDelivery        Field = "送达方式"
	FieldOutcome         Field = "办理结果"
	FieldDuplicateOf     Field = "与之重复的申请"
	FieldMergedWith      Field = "合并处理的申请"
	FieldNote            Field = "备注"
)

// Fields lists every field, in the order the mapping shows them.
var Fields = []Field{FieldNumber, FieldReceived, FieldSubmitted, FieldApplicant, FieldType, FieldChannel,
	FieldContact, FieldIDNumber, FieldSummary, FieldTopic, FieldOffice, FieldClerk, FieldDue,
	FieldCorrectionAsked, FieldCorrectionGot, FieldCorrectionUntil, FieldConsultSent, FieldConsultReplied, FieldExtendedTo,
	FieldExtensionDays, FieldFeeAmount, FieldFeeNotified, FieldFeePaid, FieldAnswered, FieldDocNumber,
	FieldDelivery, FieldOutcome, FieldDuplicateOf, FieldMergedWith, FieldNote}

// ParseField reads a field by its name as the mapping shows it.
func ParseField(s string) (Field, bool) {
	s = strings.TrimSpace(s)
	for _, f := range Fields {
		if string(f) == s {
			return f, true
		}
	}
	return FieldNone, false
}

// spellings are the header words offices write for each field
// (register-reference.md §5), compared without spaces and punctuation. A
// header of two merged levels ("补正" over "告知日期") is looked up as the two
// joined ("补正告知日期") when the lower one alone is not here.
var spellings = map[Field][]string{
	FieldNumber:          {"序号", "编号", "流水号", "事项流水号", "受理号", "登记号", "查询号", "登记编号", "申请编号"},
	FieldReceived:        {"收到申请日期", "收件日期", "接收日期", "受理日期", "申请日期", "申请时间", "登记日期", "签收日期", "收到日期", "收到申请时间"},
	FieldSubmitted:       {"提交日期", "提交时间"},
	FieldApplicant:       {"申请人", "申请人姓名", "姓名", "名称", "申请人名称", "单位名称", "公民姓名", "申请企业名称", "申请人姓名或名称", "申请人姓名名称"},
	FieldType:            {"申请人类型", "申请人类别", "类型", "申请人性质"},
	FieldChannel:         {"申请方式", "受理方式", "申请类别", "申请渠道", "提交方式"},
	FieldContact:         {"联系方式", "联系电话", "电话", "手机", "通讯地址", "联系地址", "电子邮箱"},
	FieldIDNumber:        {"证件号码", "身份证号", "身份证号码", "身份证明", "统一社会信用代码", "组织机构代码"},
	FieldSummary:         {"申请内容", "申请事项", "所需信息内容描述", "申请信息描述", "信息名称", "标题", "内容摘要", "所需信息的内容描述"},
	FieldTopic:           {"内容分类", "主题", "分类", "所属领域"},
	FieldOffice:          {"承办科室", "承办部门", "办理部门", "承办单位"},
	FieldClerk:           {"经办人", "办理人员", "承办人"},
	FieldDue:             {"答复期限", "办理期限", "截止日期", "办理超期时间", "到期日", "法定期限"},
	FieldCorrectionAsked: {"补正告知日期", "补正告知时间", "告知补正日期", "补正告知"},
	FieldCorrectionGot:   {"补正日期", "补正收到日期", "收到补正日期", "补正时间", "补正收到时间"},
	FieldCorrectionUntil: {"补正期限", "补正截止日期"},
	FieldConsultSent:     {"征求意见日期", "征求意见时间", "征求第三方意见", "征求意见发出日期", "征求意见", "是否征求意见"},
	FieldConsultReplied:  {"意见回复日期", "回复意见日期", "征求意见回复日期", "第三方回复日期"},
	FieldExtendedTo:      {"延期至", "延期答复期限", "延长至", "是否延期"},
	FieldExtensionDays:   {"延期工作日数", "延期天数", "延长工作日", "延期工作日"},
	FieldFeeAmount:       {"收费金额", "信息处理费", "是否收费", "收费金额元"},
	FieldFeeNotified:     {"收费通知日期", "收费通知时间"},
	FieldFeePaid:         {"缴费日期", "缴费时间"},
	FieldAnswered:        {"答复日期", "答复时间", "办结日期", "办结时间", "办理日期", "送达日期"},
	FieldDocNumber:       {"答复文号", "文号", "告知书文号", "答复书文号"},
	FieldDelivery:        {"送达方式", "答复方式", "获取方式"},
	FieldOutcome:         {"答复类型", "办理结果", "处理结果", "答复结果", "处理方式", "答复情况", "办理情况"},
	FieldDuplicateOf:     {"与之重复的申请", "重复申请编号", "重复的申请"},
	FieldMergedWith:      {"合并处理的申请", "合并处理编号", "合并处理"},
	FieldNote:            {"备注", "说明"},
}

var byHeader = func() map[string]Field {
	m := map[string]Field{}
	for f, words := range spellings {
		for _, w := range words {
			m[headerKey(w)] = f
		}
	}
	return m
}()

// headerKey is a header's words without spaces, line breaks and punctuation:
// "申请人\n姓名（名称）" and "申请人姓名名称" are the same header.
func headerKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(" \t\r\n\u3000（）()：:、，,。.*＊/／", r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// fieldOf maps a header (with the merged header above it, if any).
// The two joined come first: "补正" over "收到日期" is 补正收到日期, not the
// application's 收到申请日期.
func fieldOf(parent, header string) Field {
	if parent != "" && parent != header {
		if f, ok := byHeader[headerKey(parent+header)]; ok {
			return f
		}
	}
	if header == "" {
		return FieldNone
	}
	return byHeader[headerKey(header)]
}
