// Package check runs the consistency rules (勾稽关系) of the report format and the
// program's own plausibility warnings over a report, and says exactly which cell fails.
//
// # Rules
//
// R1–R6 are rules 1–6 of the file format (shared/report-format.md), with its
// severities; W1–W7 are the program's own warnings. Part is the numeral of the
// part (一…六), Row the JSON key, Column the printed column label. Expected and
// Actual are nil where the finding is not about one figure.
//
//	id  sev.     part row                    column              expected                       actual                  one finding per
//	R1  error    三   carried_forward        自然人…总计          一 + 二                         三(七)总计 + 四          failing column
//	R2  error    三   total                  自然人…总计          sum of the 21 result rows       三(七)总计 as stated     failing column
//	R3  error    三   any of the 25 rows     总计                sum of the six applicant cols   总计 as stated           failing row
//	R4  error    四   review, litigation_*   总计                维持 + 纠正 + 其他 + 尚未审结     总计 as stated           failing group
//	R5  warning  二   rules, normative_doc…  现行有效件数         0, or last year's 现行有效        现行有效件数 as stated    failing kind
//	                                                              + 本年制发 − 本年废止
//	R6  warning  三   carried_over           自然人…总计          last year's 四、结转下年度       二、上年结转 as stated   failing column
//	W1  warning  一/五/六 ""                  ""                  nil                             nil                     empty part
//	W2  warning  六   ""                     ""                  nil                             nil                     part 六 without 信息处理费
//	W3  warning  ""   title                  ""                  the report's year               first year in the title  title naming another year
//	W4  warning  二   rules                  ""                  nil                             nil                     规章 figures of a non-government
//	W5  warning  三   new                    总计 or ""           0                               stated 总计, or the sum  text of part 一 says no application
//	                                                                                             of the applicant columns
//	                                                                                             when 总计 is 0 (Column "")
//	W6  warning  四   ""                     ""                  nil                             nil                     text of part 一 says no review/lawsuit
//	W7  warning  三   ""                     ""                  nil                             nil                     results without any application
//
// R1 points at 四、结转下年度继续办理 because it is the figure the balance leaves:
// with 一, 二 and the results typed in, 四 is what usually needs correcting. R5
// and R6 run only when the previous year's report is given; R5 also warns when
// 现行有效件数 is negative (impossible after report.Parse, kept for reports built
// in code). W1 counts a part as empty when none of its sections has a heading or
// body with any non-space text; W2 runs only when part 六 is not empty. W3 runs
// only when Title is set: it reads every four-digit year followed by 年 (ASCII or
// full-width digits) and warns when none of them is the report's year.
//
// # Text matching (W5, W6)
//
// The text of part 一 (headings and bodies) is read clause by clause; a clause
// is the text between two of 。；！？，：, their ASCII forms and line breaks (not
// 、, so that "行政复议、行政诉讼" stays together). A clause claims:
//
//   - no application (W5) when it has 未收到, 没有收到 or 未接到 followed by 申请
//     that is not 申请人 ("未收到申请人补正材料" is not a claim);
//   - no review or lawsuit (W6) when it has 未发生 or 没有发生 followed by 复议
//     and/or 诉讼; only the groups named are compared: 复议 → 行政复议, 诉讼 →
//     both 行政诉讼 groups.
//
// A clause is not a claim when 并非, 不是 or 并不 comes before the marker (double
// negation), or 其他/其它 comes after it (an exception: "除…外，未收到其他申请").
// Only the first claiming clause of part 一 is compared, so W5 and W6 give at
// most one finding each. Anything subtler is left to the reader.
//
// # Order
//
// Findings are ordered by part (title first, then 一…六), then by row in printed
// order (whole-part findings, Row "", first), then by column in printed order
// (whole-row findings, Column "", first), then errors before warnings, then by
// rule id.
package check
