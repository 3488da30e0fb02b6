package check

// ruleNames say what each rule checks, in the words a clerk reads in the
// 汇总 view and its spreadsheet, where a finding's rule is named beside its
// message: the codes (R1, W4) are for the documentation and the tests.
var ruleNames = map[string]string{
	"R1":  "三、本年新收加上年结转等于办理结果总计加结转下年度",
	"R2":  "三、本年度办理结果（七）总计等于各项结果之和",
	"R3":  "三、每行的总计等于各类申请人之和",
	"R4":  "四、复议、诉讼的总计等于各项结果之和",
	"R5":  "二、现行有效件数接上年（上年现行有效加本年制发减本年废止）",
	"R6":  "三、上年结转等于上年报告的结转下年度继续办理",
	"W1":  "一、五、六部分不应为空",
	"W2":  "六、应说明信息处理费的收取情况",
	"W3":  "标题中的年份应为报告年度",
	"W4":  "规章只由政府制定",
	"W5":  "一、称未收到申请，与三、的数字核对",
	"W6":  "一、称未发生复议诉讼，与四、的数字核对",
	"W7":  "没有申请却有办理结果",
	"W8":  "正文中的数字与表格核对",
	"W9":  "正文与上年或同年其他单位的报告雷同",
	"W10": "数字与上年相比变化很大",
	"W11": "六、称未收取信息处理费，与三、的数字核对",
	"W12": "日期和年份属于另一个报告年度",
	"H1":  "本级报告的数字与各单位合计核对", // data/combine.HierarchyRule
}

// RuleName says what a finding's rule checks ("三、每行的总计等于各类申请人之和"),
// never the rule's code: a clerk reads it beside the finding's message.
func RuleName(rule string) string {
	if n, ok := ruleNames[rule]; ok {
		return n
	}
	return "其他检查"
}

// ruleOrder is the order in which 使用说明 explains the checks of one report.
var ruleOrder = []string{"R1", "R2", "R3", "R4", "R5", "R6", "W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8", "W9", "W10", "W11", "W12"}

// RuleNames lists what the checks of one report check, the errors (figures
// that do not add up: 勾稽关系) and the warnings (worth a look), in the words
// of RuleName.
func RuleNames() (errs, warns []string) {
	for _, r := range ruleOrder {
		if r[0] == 'R' && r <= "R4" {
			errs = append(errs, ruleNames[r])
		} else {
			warns = append(warns, ruleNames[r])
		}
	}
	return errs, warns
}
