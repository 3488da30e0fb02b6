package report

// Validation: the value rules every report obeys, read or written.

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"nianbao/data/money"
)

// Validate checks the value rules of the file format on r: the ones Parse
// enforces beyond the shape of the file, and Marshal before writing, so that
// the program never writes a file it cannot read back. Format may be "" (a
// report made in memory), FormatID or FormatV2; Marshal writes the version the
// report needs (NeededFormat). A combined report's figures and fee may reach
// MaxCombinedFigure and money.MaxCombined, a unit's MaxFigure and
// money.MaxFile. Errors are
// *FileError with the JSON path of the offending value. Validate does not check
// the consistency rules (勾稽关系): a report whose figures do not add up is
// still a valid file.
func Validate(r *Report) error { return validate(r, true) }

// validate is Validate; without text, the text fields are checked only for
// valid UTF-8 and not for the rules of TextProblem (see ParseStored).
func validate(r *Report, text bool) error {
	if r == nil {
		return &FileError{Msg: "没有年报内容"}
	}
	if r.Format != "" && r.Format != FormatID && r.Format != FormatV2 {
		return &FileError{Path: "format", Msg: "应为“" + FormatID + "”或“" + FormatV2 + "”，实为" + quote(r.Format)}
	}
	if strings.TrimSpace(r.Agency) == "" {
		return &FileError{Path: "agency", Msg: "机关名称不能为空"}
	}
	if err := validText("agency", FieldAgency, r.Agency, text); err != nil {
		return err
	}
	if r.Year < MinYear || r.Year > MaxYear {
		return &FileError{Path: "year", Msg: yearRange + "，实为 " + strconv.Itoa(r.Year)}
	}
	switch r.AgencyType {
	case "", AgencyGovernment, AgencyTownship, AgencyDepartment:
	default:
		return &FileError{Path: "agency_type", Msg: "应为“government”“township”“department”之一或空字符串，实为" + quote(r.AgencyType)}
	}
	for _, t := range []struct{ path, field, s string }{
		{"title", FieldTitle, r.Title}, {"preamble", FieldBody, r.Preamble}, {"closing", FieldBody, r.Closing},
	} {
		if err := validText(t.path, t.field, t.s, text); err != nil {
			return err
		}
	}
	for _, part := range []struct {
		path string
		ss   []Section
	}{{"overview", r.Overview}, {"problems", r.Problems}, {"other_matters", r.OtherMatters}} {
		if len(part.ss) > MaxSections {
			return &FileError{Path: part.path, Msg: fmt.Sprintf("有 %d 段，超过 %d 段的上限", len(part.ss), MaxSections)}
		}
		for i, s := range part.ss {
			ip := indexPath(part.path, i)
			if err := validText(ip+".heading", FieldHeading, s.Heading, text); err != nil {
				return err
			}
			if err := validText(ip+".body", FieldBody, s.Body, text); err != nil {
				return err
			}
		}
	}
	if err := validFigures(r); err != nil {
		return err
	}
	return validV2(r, text)
}

// tableTextPaths are the keys of the text around the tables of parts 二, 三, 四, by TableParts.
var tableTextPaths = [3]string{"proactive_text", "applications_text", "review_litigation_text"}

// validV2 checks what version 2 adds: the text around the tables and the
// units of a combined report.
func validV2(r *Report, text bool) error {
	for i, part := range TableParts {
		t := r.TableText(part)
		if err := validText(tableTextPaths[i]+".before", FieldBody, t.Before, text); err != nil {
			return placed(err, TableTextWhere(part, false))
		}
		if err := validText(tableTextPaths[i]+".after", FieldBody, t.After, text); err != nil {
			return placed(err, TableTextWhere(part, true))
		}
	}
	if r.Combined == nil {
		return nil
	}
	units := r.Combined.Units
	switch {
	case len(units) == 0:
		return &FileError{Path: "combined.units", Msg: "汇总的年报应列出它所汇总的单位，至少一个"}
	case len(units) > MaxCombinedUnits:
		return &FileError{Path: "combined.units", Msg: fmt.Sprintf("汇总的年报列有 %d 个单位，超过 %d 个的上限", len(units), MaxCombinedUnits)}
	}
	for i, u := range units {
		ip := indexPath("combined.units", i)
		where := fmt.Sprintf("所汇总的第 %d 个单位", i+1)
		if strings.TrimSpace(u) == "" {
			return &FileError{Path: ip, Msg: where + "：单位名称不能为空"}
		}
		if err := validText(ip, FieldAgency, u, text); err != nil {
			return placed(err, where)
		}
	}
	return nil
}

// placed adds to a *FileError's message the place it concerns in the
// report's printed words, for the keys whose path a user cannot read.
func placed(err error, where string) error {
	if fe, ok := err.(*FileError); ok {
		return &FileError{Path: fe.Path, Msg: where + "：" + fe.Msg}
	}
	return err
}

// validFigures checks every figure against the report's limit and the fee
// against its syntax: a unit's, or a combined report's wider one.
func validFigures(r *Report) error {
	limit := r.MaxFigureOf()
	p := &r.Proactive
	for _, f := range []struct {
		path string
		n    int
	}{
		{"proactive.rules.issued", p.Rules.Issued},
		{"proactive.rules.repealed", p.Rules.Repealed},
		{"proactive.rules.in_force", p.Rules.InForce},
		{"proactive.normative_documents.issued", p.NormativeDocuments.Issued},
		{"proactive.normative_documents.repealed", p.NormativeDocuments.Repealed},
		{"proactive.normative_documents.in_force", p.NormativeDocuments.InForce},
		{"proactive.licensing", p.Licensing},
		{"proactive.penalty", p.Penalty},
		{"proactive.coercion", p.Coercion},
	} {
		if err := validFigure(f.path, f.n, limit); err != nil {
			return err
		}
	}
	if r.Combined != nil {
		if _, err := money.ParseCombined(p.Fees); err != nil {
			return &FileError{Path: "proactive.fees", Msg: feesWantCombined + "，实为" + quote(p.Fees)}
		}
	} else if _, err := money.Parse(p.Fees); err != nil {
		return &FileError{Path: "proactive.fees", Msg: feesWant + "，实为" + quote(p.Fees)}
	}
	for i, row := range r.Applications {
		for c, n := range row {
			if err := validFigure(indexPath("applications."+AppRowKeys[i], c), n, limit); err != nil {
				return err
			}
		}
	}
	for g, row := range r.ReviewLitigation {
		for c, n := range row {
			if err := validFigure(indexPath("review_litigation."+CaseGroupKeys[g], c), n, limit); err != nil {
				return err
			}
		}
	}
	return nil
}

func validFigure(path string, n, limit int) error {
	if n < 0 || n > limit {
		want := figureRange
		if limit != MaxFigure {
			want = fmt.Sprintf("应为 0 至 %d 的整数（汇总的年报）", limit)
		}
		return &FileError{Path: path, Msg: want + "，实为 " + strconv.Itoa(n)}
	}
	return nil
}

func validText(path, field, s string, rules bool) error {
	if !rules && !utf8.ValidString(s) {
		return &FileError{Path: path, Msg: "含有无效的 UTF-8 字节"}
	}
	if !rules {
		return nil
	}
	if m := TextProblem(field, s); m != "" {
		return &FileError{Path: path, Msg: m}
	}
	return nil
}
