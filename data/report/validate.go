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
// report made in memory); Marshal always writes FormatID. Errors are
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
	if r.Format != "" && r.Format != FormatID {
		return &FileError{Path: "format", Msg: "应为“" + FormatID + "”，实为" + quote(r.Format)}
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
		if err := validFigure(f.path, f.n); err != nil {
			return err
		}
	}
	if _, err := money.Parse(p.Fees); err != nil {
		return &FileError{Path: "proactive.fees", Msg: feesWant + "，实为" + quote(p.Fees)}
	}
	for i, row := range r.Applications {
		for c, n := range row {
			if err := validFigure(indexPath("applications."+AppRowInfos[i].Key, c), n); err != nil {
				return err
			}
		}
	}
	for g, row := range r.ReviewLitigation {
		for c, n := range row {
			if err := validFigure(indexPath("review_litigation."+CaseGroupInfos[g].Key, c), n); err != nil {
				return err
			}
		}
	}
	return nil
}

func validFigure(path string, n int) error {
	if n < 0 || n > MaxFigure {
		return &FileError{Path: path, Msg: figureRange + "，实为 " + strconv.Itoa(n)}
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
