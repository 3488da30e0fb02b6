// Package report is the model of one annual report on government information
// disclosure (政府信息公开工作年度报告) in the national format of
// 国办公开办函〔2021〕30号, and its file format, *.nianbao.json (formats "nianbao/1"
// and "nianbao/2"; report-format.md in this folder is the contract).
//
// The package knows nothing of storage, windows or paper: it is the shared
// vocabulary of the checks, the database, the PDF and the forms.
package report

import (
	"fmt"
	"slices"
	"strings"
)

// The versions of the file format, the values of its "format" key. Version 2
// adds the text around the tables of parts 二–四 and the mark of a combined
// report (汇总); a report that has neither is written as version 1, so that
// older versions of the program still read it (see NeededFormat).
const (
	FormatID = "nianbao/1" // version 1, the format of a report with nothing of version 2
	FormatV2 = "nianbao/2"
)

// Limits of the file format.
const (
	MinYear   = 2008
	MaxYear   = 2100
	MaxFigure = 9_999_999 // a unit's report
	// MaxCombinedFigure bounds a figure of a combined report: sums of up to
	// 100,000 units' reports, each within MaxFigure, stay below it.
	MaxCombinedFigure = 999_999_999_999
	// MaxCombinedUnits bounds the units a combined report lists.
	MaxCombinedUnits = 100_000
)

// Agency types, the values of "agency_type".
const (
	AgencyGovernment = "government" // 县级以上人民政府
	AgencyTownship   = "township"   // 乡镇人民政府、街道办事处
	AgencyDepartment = "department" // everything else
)

// Report is one agency's annual report for one year: every field of the file format.
type Report struct {
	Format     string // FormatID or FormatV2 once read: NeededFormat, whatever the file declared
	Agency     string // 机关名称
	Year       int    // 报告年度
	AgencyType string // "", AgencyGovernment, AgencyTownship or AgencyDepartment
	Title      string // "" means DefaultTitle()
	Preamble   string // 引言

	Overview         []Section        // 一、总体情况
	Proactive        Proactive        // 二、主动公开政府信息情况
	Applications     Applications     // 三、收到和处理政府信息公开申请情况
	ReviewLitigation ReviewLitigation // 四、政府信息公开行政复议、行政诉讼情况
	Problems         []Section        // 五、存在的主要问题及改进情况
	OtherMatters     []Section        // 六、其他需要报告的事项
	Closing          string           // text after part 六

	// Version 2: the paragraphs printed before and after the tables of parts
	// 二, 三 and 四, and the mark of a combined report.
	ProactiveText        TableText    // 二、主动公开政府信息情况
	ApplicationsText     TableText    // 三、收到和处理政府信息公开申请情况
	ReviewLitigationText TableText    // 四、政府信息公开行政复议、行政诉讼情况
	Combined             *Combination // nil: one unit's own report
}

// TableText is the text a report prints around the table of part 二, 三 or 四:
// paragraphs before the table and after it, each a body like a section's
// (paragraphs separated by a blank line, **…** for bold words).
type TableText struct {
	Before string
	After  string
}

// IsEmpty reports whether there is no text around the table. Even a space is
// text (a file keeps it), so the editor stores a blank box as "".
func (t TableText) IsEmpty() bool { return t.Before == "" && t.After == "" }

// TableText returns the text around the table of part i (1 for 二, 2 for 三,
// 3 for 四, the indexes of PartHeadings), or nil for a part with no table.
func (r *Report) TableText(part int) *TableText {
	switch part {
	case 1:
		return &r.ProactiveText
	case 2:
		return &r.ApplicationsText
	case 3:
		return &r.ReviewLitigationText
	}
	return nil
}

// TableParts are the indexes (into PartHeadings) of the parts that print a table.
var TableParts = [3]int{1, 2, 3}

// TableTextWhere names the text before (after false) or after the table of
// part in the report's printed words, as messages name it:
// "二、主动公开政府信息情况表格前的文字".
func TableTextWhere(part int, after bool) string {
	if after {
		return PartHeadings[part] + "表格后的文字"
	}
	return PartHeadings[part] + "表格前的文字"
}

// Combination marks a report that is the sum of units' reports (汇总).
// Units names every unit report summed, in order, by its agency: a combined
// report summed into another contributes its own Units, never its own name, so
// that a city's sum over counties' sums lists every unit of every county.
type Combination struct {
	Units []string
}

// NeededFormat returns the version the report's file is written in: FormatV2
// when it has text around a table or is a combined report, else FormatID.
func (r *Report) NeededFormat() string {
	if r.Combined != nil {
		return FormatV2
	}
	for _, part := range TableParts {
		if !r.TableText(part).IsEmpty() {
			return FormatV2
		}
	}
	return FormatID
}

// MaxFigureOf returns the largest figure the report may hold: MaxFigure for a
// unit's report, MaxCombinedFigure for a combined one.
func (r *Report) MaxFigureOf() int {
	if r.Combined != nil {
		return MaxCombinedFigure
	}
	return MaxFigure
}

// Section is a run of prose with an optional heading such as （一）主动公开政府信息情况。
// Body holds paragraphs separated by a blank line; **…** marks bold words.
type Section struct {
	Heading string
	Body    string
}

// DocCounts are the three figures of 规章 or 行政规范性文件 in part 二.
type DocCounts struct {
	Issued   int // 本年制发件数
	Repealed int // 本年废止件数
	InForce  int // 现行有效件数
}

// Proactive is part 二, 主动公开政府信息情况.
type Proactive struct {
	Rules              DocCounts // 规章
	NormativeDocuments DocCounts // 行政规范性文件
	Licensing          int       // 行政许可 本年处理决定数量
	Penalty            int       // 行政处罚
	Coercion           int       // 行政强制
	Fees               string    // 行政事业性收费 本年收费金额, 万元, a decimal string ("" reads as "0")
}

// The seven columns of part 三, in printed order.
const (
	ColNaturalPerson = iota // 自然人
	ColCommercial           // 商业企业
	ColResearch             // 科研机构
	ColPublicWelfare        // 社会公益组织
	ColLegalService         // 法律服务机构
	ColOtherOrg             // 其他
	ColTotal                // 总计
	AppCols
)

// ApplicantCols is the count of applicant columns, the ones summed into ColTotal.
const ApplicantCols = ColTotal

// AppRow is one row of part 三: six applicant columns and the total as stated.
type AppRow [AppCols]int

// Sum returns the sum of the six applicant columns.
func (r AppRow) Sum() int {
	s := 0
	for _, v := range r[:ApplicantCols] {
		s += v
	}
	return s
}

// The 25 rows of part 三, in printed order; they index Applications.
const (
	RowNew = iota
	RowCarriedOver
	RowGranted
	RowPartlyGranted
	RowDeniedStateSecret
	RowDeniedProhibitedByLaw
	RowDeniedSafetyStability
	RowDeniedThirdParty
	RowDeniedInternalAffairs
	RowDeniedProcessInformation
	RowDeniedEnforcementFiles
	RowDeniedQueryMatters
	RowUnableNotHeld
	RowUnableNeedsCreation
	RowUnableUnclear
	RowRejectedPetition
	RowRejectedDuplicate
	RowRejectedPublication
	RowRejectedExcessive
	RowRejectedConfirmation
	RowOtherNoCorrection
	RowOtherNoFee
	RowOtherOther
	RowTotal
	RowCarriedForward
	AppRows
)

// FirstResultRow and LastResultRow bound the 21 result rows (一)…(六) that add up to RowTotal.
const (
	FirstResultRow = RowGranted
	LastResultRow  = RowOtherOther
)

// Applications is part 三: 25 rows of 7 figures, indexed by the Row… constants.
type Applications [AppRows]AppRow

// AppRowKeys are the JSON keys of the 25 rows of part 三, in printed order.
// Their printed labels are data/printed's (AppRowInfos).
var AppRowKeys = [AppRows]string{
	"new", "carried_over", "granted", "partly_granted",
	"denied_state_secret", "denied_prohibited_by_law", "denied_safety_stability", "denied_third_party",
	"denied_internal_affairs", "denied_process_information", "denied_enforcement_files", "denied_query_matters",
	"unable_not_held", "unable_needs_creation", "unable_unclear",
	"rejected_petition", "rejected_duplicate", "rejected_publication", "rejected_excessive", "rejected_confirmation",
	"other_no_correction", "other_no_fee", "other_other", "total", "carried_forward",
}

// AppRowIndex returns the index of the part 三 row with the given JSON key.
func AppRowIndex(key string) (int, bool) {
	for i, k := range AppRowKeys {
		if k == key {
			return i, true
		}
	}
	return 0, false
}

// The five columns of each group of part 四.
const (
	CaseUpheld    = iota // 结果维持
	CaseCorrected        // 结果纠正
	CaseOther            // 其他结果
	CasePending          // 尚未审结
	CaseTotal            // 总计
	CaseCols
)

// CaseRow is one group of part 四: four outcomes and the total as stated.
type CaseRow [CaseCols]int

// Sum returns the sum of the four outcome columns.
func (r CaseRow) Sum() int { return r[CaseUpheld] + r[CaseCorrected] + r[CaseOther] + r[CasePending] }

// The three groups of part 四.
const (
	GroupReview                = iota // 行政复议
	GroupLitigationDirect             // 行政诉讼 未经复议直接起诉
	GroupLitigationAfterReview        // 行政诉讼 复议后起诉
	CaseGroups
)

// ReviewLitigation is part 四, indexed by the Group… constants.
type ReviewLitigation [CaseGroups]CaseRow

// CaseGroupKeys are the JSON keys of the three groups of part 四. Their
// printed labels are data/printed's (CaseGroupInfos).
var CaseGroupKeys = [CaseGroups]string{"review", "litigation_direct", "litigation_after_review"}

// CaseGroupIndex returns the index of the part 四 group with the given JSON key.
func CaseGroupIndex(key string) (int, bool) {
	for g, k := range CaseGroupKeys {
		if k == key {
			return g, true
		}
	}
	return 0, false
}

// Part headings as printed.
var PartHeadings = [6]string{
	"一、总体情况",
	"二、主动公开政府信息情况",
	"三、收到和处理政府信息公开申请情况",
	"四、政府信息公开行政复议、行政诉讼情况",
	"五、存在的主要问题及改进情况",
	"六、其他需要报告的事项",
}

// PartNames are the numerals that name the six parts in findings: 一 … 六.
var PartNames = [6]string{"一", "二", "三", "四", "五", "六"}

// New returns an empty report for the agency and year.
func New(agency string, year int) *Report {
	return &Report{Format: FormatID, Agency: agency, Year: year, Proactive: Proactive{Fees: "0"}}
}

// DefaultTitle is the title the national format's practice gives when none is set.
func (r *Report) DefaultTitle() string {
	return fmt.Sprintf("%s%d年政府信息公开工作年度报告", r.Agency, r.Year)
}

// DisplayTitle returns the title to print: Title, or DefaultTitle when it is empty.
func (r *Report) DisplayTitle() string {
	if t := strings.TrimSpace(r.Title); t != "" {
		return t
	}
	return r.DefaultTitle()
}

// EffectiveAgencyType returns AgencyType, or when it is empty the type inferred
// from the agency's name as the file format says: …人民政府 → government,
// …镇/乡/街道办事处 → township, anything else → department.
func (r *Report) EffectiveAgencyType() string {
	if r.AgencyType != "" {
		return r.AgencyType
	}
	return InferAgencyType(r.Agency)
}

// InferAgencyType infers the agency type from an agency's name.
func InferAgencyType(agency string) string {
	name := strings.TrimSpace(agency)
	switch {
	case strings.HasSuffix(name, "街道办事处"),
		strings.HasSuffix(name, "镇"), strings.HasSuffix(name, "乡"),
		strings.HasSuffix(name, "镇人民政府"), strings.HasSuffix(name, "乡人民政府"):
		return AgencyTownship
	case strings.HasSuffix(name, "人民政府"):
		return AgencyGovernment
	}
	return AgencyDepartment
}

// FillTotals sets every total the program computes: the 总计 column and the
// （七）总计 row of part 三, and the 总计 of each group of part 四. A report made in
// the program keeps its totals this way; a report typed in from paper keeps its
// own until the user accepts the computed ones.
func (r *Report) FillTotals() {
	a := &r.Applications
	for i := range a {
		if i != RowTotal {
			a[i][ColTotal] = a[i].Sum()
		}
	}
	for c := 0; c < AppCols; c++ {
		s := 0
		for i := FirstResultRow; i <= LastResultRow; i++ {
			s += a[i][c]
		}
		a[RowTotal][c] = s
	}
	for g := range r.ReviewLitigation {
		r.ReviewLitigation[g][CaseTotal] = r.ReviewLitigation[g].Sum()
	}
}

// Clone returns a deep copy of the report. An empty list of sections stays
// empty and a missing one stays nil, so a clone compares equal to its original.
func (r *Report) Clone() *Report {
	c := *r
	c.Overview = cloneSections(r.Overview)
	c.Problems = cloneSections(r.Problems)
	c.OtherMatters = cloneSections(r.OtherMatters)
	if r.Combined != nil {
		c.Combined = &Combination{Units: slices.Clone(r.Combined.Units)}
	}
	return &c
}

func cloneSections(s []Section) []Section {
	if s == nil {
		return nil
	}
	return append(make([]Section, 0, len(s)), s...)
}

// Paragraphs splits a body into its paragraphs: text separated by blank lines.
// Lines inside a paragraph are joined (a pasted report keeps hard line breaks
// that are not paragraph breaks), and surrounding space is trimmed.
func Paragraphs(body string) []string {
	body = strings.ReplaceAll(body, "\r\n", "\n")
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, ""))
			cur = cur[:0]
		}
	}
	for _, line := range strings.Split(body, "\n") {
		t := strings.TrimSpace(line)
		if t == "" {
			flush()
			continue
		}
		cur = append(cur, t)
	}
	flush()
	return out
}
