// Package check runs the consistency rules (勾稽关系) of the report format and the
// program's own plausibility warnings over a report, and says exactly which cell fails.
//
// # Rules
//
// R1–R6 are rules 1–6 of the file format (shared/report-format.md), with its
// severities; W1–W12 are the program's own warnings. Part is the numeral of the
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
//	W8  warning  二/三/四 the table row named  总计, 本年制发件数…     the table's figure              the figure of the text   sentence that disagrees
//	             by the sentence: new, carried_over, total, carried_forward, review, litigation_direct,
//	             litigation_after_review, rules, normative_documents, licensing, penalty, coercion, fees;
//	             for 行政诉讼 without a group (both summed) the group holding the figures, else litigation_direct
//	W9  warning  一/五/六 ""                  ""                  nil                             nil                     report (once against last
//	                                                                                                                     year, once per same-year unit)
//	W10 warning  二/三/四 the figure's row    its column          last year's figure              this year's figure       figure that jumped
//	W11 warning  三   other_no_fee           总计                0                               三(六)2 总计             part 六 denying any fee matter
//	W12 warning  ""   preamble, closing      ""                  the report's year (closing:     the year written         preamble sentence giving the
//	             一–六 "" (sentence of the text)                      the year after it)                                        statistics period in another
//	                                                                                                                     year; closing date outside
//	                                                                                                                     1 Jan–31 Mar of the next year;
//	                                                                                                                     sentence beginning with last year
//
// Every finding with Expected and Actual has Difference = Actual − Expected,
// and the messages of R1–R6 end with it ("（差 35）"). Slip names the likely
// slip of rules 1–3: the one row of part 三 whose correction (one cell: Column
// set; several cells of the row: Column "") makes every failing sum of R1, R2
// and R3 add up, when exactly one row does and at most one row breaks R3; the
// message then says which figures to change into what. A slip of the whole row
// 一 against 二 or 四 balances equally well in three rows, so none is named.
// Text is the sentence a finding quotes (W8, W9, W11, W12): part 一/五/六, section
// index, heading or body (W8 also part 二/三/四, before or after the table, for
// the text around the tables of format nianbao/2), rune offsets and the
// sentence itself, so that the window can select it.
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
// W12 looks for what a report made from last year's keeps: the closing's
// date, when the closing ends with one (the 成文日期 under the signature),
// outside the publication window of the report year (1 January – 31 March of
// the next year), suggesting the same day a year on; a sentence of the
// preamble with 统计 and a month naming another year than the report's, with
// the years put right; and, in every text box of parts 一–六, a sentence
// whose clause begins with the year before the report year as the year it
// is about ("2024年，我局…", "2024年度…" in a 2025 report). Precision comes
// first: no finding when the sentence compares (较, 比, 相比, 以来, 同期, 上年,
// 截至…), when the year is followed by a month, 以来, 底, 至, 、 and the like,
// when the year is inside a clause ("省2024年政务公开工作要点"), or when the
// sentence also names the report year (a history). Each finding's Text is
// the sentence (Field "preamble" or "closing" with Part "" for the basic
// information), its message the likely correction.
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
// # Figures in the text (W8)
//
// Precision comes first: a checker that cries wolf is not read. The bodies and
// headings of parts 一, 五 and 六, and the text before and after the tables of
// parts 二–四, are cut into sentences (。！？； and line
// breaks) and clauses (，：, not a comma between digits). A count is a whole
// number of at most seven ASCII or full-width digits (commas between groups of
// three allowed, decimals refused) followed by 件 (or 起 for 行政复议/诉讼). What it
// counts is read from its context, the clause before it (after the previous
// count of the clause), and the sentence:
//
//   - 新收/收到/受理/接收/接到 … 申请 → 一、本年新收; also accepted when it equals
//     新收 + 上年结转 ("收到 75 件" counting the carried-over ones);
//   - 上年结转 → 二; 结转 with 下年/下一年/次年 → 四; 办结/已答复… or 办理 … 申请 → 三(七);
//     a sentence that names 信息公开 and 申请 lends them to its short later
//     clauses ("，上年结转34件，办结2955件");
//   - 行政复议 / 行政诉讼 (both groups summed) / 直接起诉 / 复议后起诉, only in a
//     sentence about 信息公开 (a government's review office handles other cases);
//   - 规范性文件 or 规章 named in the clause with 制发/印发/出台/制定, 废止, 现行有效;
//   - 作出/办理… 行政许可/处罚/强制 without 申请/受理/立案/信息/公示/公开;
//   - 行政事业性收费 … N 万元 (a decimal): row "fees", compared after rounding the
//     table's figure to the decimals the text gives (18651.06 for 18651.064104).
//
// For the fee, Expected, Actual and Difference are in 分 (0.000001 万元, the
// sixth decimal of the file), so that they stay whole numbers.
//
// Nothing is read after 其中 (a breakdown); in a clause naming another year
// than the report's, comparing (较/同比/增加…), estimating (约/近/余/以上/左右), or
// naming an outcome (予以公开, 无法提供, 答复数 …) or another matter (问政, 诉求,
// 12345, 建议, 提案, 解读, 类, 信息…); nor counts in 条, 篇, 批次 or 次. A clause
// limiting the count to one channel or office (网络, 信函, 代表, 本级, 文件库 …)
// still warns, with a sentence saying it may be that channel's figure.
//
// # Copied text (W9)
//
// Sentences of the bodies of parts 一, 五 and 六 are compared letters only:
// digits, Chinese numerals, spaces and punctuation dropped, so that a changed
// year or figure does not hide a copy. Sentences of fewer than 8 letters are
// fixed phrases and not counted. W9 warns when at least half of the body text
// (of at least 100 letters) is in sentences the other report also has, giving
// the share and the three sections most repeated; its Text is the first
// repeated sentence of the most repeated section. Against other units'
// reports of the year (SameYearIndex: check, combine, the editor) it is one
// finding per report, naming how many units share half or more of its text
// and the first three; the sentences are hashed once into an index and the
// units sharing them found from it, so a batch costs linear time.
//
// # Jumps (W10) and fee notices (W11)
//
// W10 follows part 二's 规章 and 行政规范性文件 figures and the 许可/处罚/强制
// counts, part 三's 一、新收 总计 and the 总计 of each outcome group (三(一)…(七),
// a group's finding on its first row), the 总计 of each group of part 四,
// and the fee (in 分, the floor 20 万元). It warns when the larger of the two
// years is at least 20 and at least five times the smaller (0 included).
// W11 reads part 六 for a clause naming 处理费 with 未发生/没有发生/未产生/没有产生/
// 不存在/无 not followed by 收取/收费: 未收取 (and 无收取…情况) agrees with notices
// that went unpaid. 行政事业性收费 is a different fee and is not compared.
//
// # Re-reading only what changed
//
// A Checker keeps what it read from each text box, keyed by the text (and the
// report's year); Run re-reads only boxes whose text changed and forgets texts
// unused for two runs. The package's Run uses a fresh Checker.
//
// # Pairing a batch
//
// PreviousIndex pairs a report of a batch with the report of the year before of
// the same agency: the same name, else (when exactly one) a name that is the
// other with a place prefix of at least two characters ending in 省市区县州盟旗
// (淮安市 + 洪泽区人民政府). The database pairs through 曾用名 instead (store).
//
// # Order
//
// Findings are ordered by part (title first, then 一…六; W8 by the table's
// part, after the table's own findings), then by row in printed order (whole-part findings, Row "", first), then by column in printed order
// (whole-row findings, Column "", first), then errors before warnings, then by
// rule id.
package check
