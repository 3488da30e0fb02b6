package report

// ProactiveColumnLabels are the printed column labels of 规章 and 行政规范性文件 in part 二.
var ProactiveColumnLabels = [3]string{"本年制发件数", "本年废止件数", "现行有效件数"}

// Printed labels of the other figures of part 二.
const (
	DecisionsLabel = "本年处理决定数量"
	FeeLabel       = "本年收费金额（单位：万元）"
)

// ProactiveFigureInfo names one figure of part 二: its JSON key under
// "proactive" (with the sub-key for 规章 and 行政规范性文件), its row label and
// its column label as printed.
type ProactiveFigureInfo struct {
	Key, SubKey string
	Row, Column string
}

// ProactiveFigureInfos lists the nine figures of part 二 in printed order, without
// the fee (FeeFigureInfo).
var ProactiveFigureInfos = [9]ProactiveFigureInfo{
	{"rules", "issued", "规章", ProactiveColumnLabels[0]},
	{"rules", "repealed", "规章", ProactiveColumnLabels[1]},
	{"rules", "in_force", "规章", ProactiveColumnLabels[2]},
	{"normative_documents", "issued", "行政规范性文件", ProactiveColumnLabels[0]},
	{"normative_documents", "repealed", "行政规范性文件", ProactiveColumnLabels[1]},
	{"normative_documents", "in_force", "行政规范性文件", ProactiveColumnLabels[2]},
	{"licensing", "", "行政许可", DecisionsLabel},
	{"penalty", "", "行政处罚", DecisionsLabel},
	{"coercion", "", "行政强制", DecisionsLabel},
}

// FeeFigureInfo names the fee of part 二.
var FeeFigureInfo = ProactiveFigureInfo{"fees", "", "行政事业性收费", FeeLabel}
