// Package rows is what data/store/sqlite and data/store/postgres do alike
// with what they write and read, apart from the SQL: checking what is to be
// saved, decoding a row's content into the domain type, and the words of
// their errors. Each backend keeps its own SQL and dialect; only what would
// otherwise be written twice, and drift, lives here.
package rows

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"nianbao/data/combine"
	"nianbao/data/report"
	"nianbao/data/store"
)

// Rows is what *sql.Rows and pgx.Rows share for reading a result.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// Each calls scan for each row of r, then reports r's own error: the loop
// both backends write around every multi-row query. The caller closes r.
func Each(r Rows, scan func() error) error {
	for r.Next() {
		if err := scan(); err != nil {
			return err
		}
	}
	return r.Err()
}

// ValidKind says whether a save may be of kind k (a conflict is only a
// version's ReplacedBy).
func ValidKind(k store.SaveKind) bool {
	switch k {
	case store.SaveManual, store.SaveAuto, store.SaveImport, store.SaveRestore, store.SaveDelete, store.SaveCreate, store.SaveClose:
		return true
	}
	return false
}

// CheckSave refuses a save of an unknown kind or of a report whose agency and
// year (its key) are not sound, before either is used.
func CheckSave(r *report.Report, kind store.SaveKind) error {
	if !ValidKind(kind) {
		return fmt.Errorf("未知的保存方式 %q", kind)
	}
	if err := report.Validate(r); err != nil {
		return fmt.Errorf("报告无法保存：%w", err)
	}
	return nil
}

// Report decodes a stored content; what names it in the error. Contents
// stored by older versions stay readable.
func Report(content []byte, what string) (*report.Report, error) {
	r, err := report.ParseStored(content)
	if err != nil {
		return nil, fmt.Errorf("数据库中%s无法读取：%w", what, err)
	}
	return r, nil
}

// RestoreNewer brings back the content a received report replaced because
// that content was the newer one: Put kept it as the newest version, and
// restoring it keeps the received one as a version in turn. It returns the
// report's id.
func RestoreNewer(v store.Versions, agency string, year int) (int64, error) {
	vs, err := v.Versions(agency, year)
	if err != nil {
		return 0, err
	}
	if len(vs) == 0 {
		return 0, fmt.Errorf("%s%d年原有的报告没有保存为历史版本", agency, year)
	}
	res, err := v.Restore(vs[0].ID)
	if err != nil {
		return 0, err
	}
	return res.ReportID, nil
}

// CheckRoster refuses a roster with an empty or repeated unit name, or a unit
// type that is not one of report.Agency….
func CheckRoster(units []combine.Unit) error {
	seen := map[string]bool{}
	for _, u := range units {
		if u.Name == "" {
			return errors.New("名单中有单位名称为空")
		}
		if seen[u.Name] {
			return fmt.Errorf("名单中“%s”出现了两次", u.Name)
		}
		seen[u.Name] = true
		switch u.Type {
		case report.AgencyDepartment, report.AgencyTownship, report.AgencyGovernment:
		default:
			return fmt.Errorf("名单中“%s”的类型“%s”无效", u.Name, u.Type)
		}
	}
	return nil
}

// FormerName trims a former name (曾用名) to be set on the agency's report,
// refusing one that is the agency's own name or not a sound agency name; ""
// removes it.
func FormerName(agency, former string) (string, error) {
	former = strings.TrimSpace(former)
	switch {
	case former == strings.TrimSpace(agency):
		return "", fmt.Errorf("曾用名“%s”与机关名称相同，无需填写", former)
	case former != "":
		if p := report.TextProblem(report.FieldAgency, former); p != "" {
			return "", fmt.Errorf("曾用名%s", p)
		}
	}
	return former, nil
}

// Invalid reads the texts of report id's cells that are not figures, rows of
// (cell, text), as store.Loaded holds them: nil when there are none. The
// caller closes r.
func Invalid(r Rows, id int64) (map[string]string, error) {
	var out map[string]string
	err := Each(r, func() error {
		var cell, text string
		if err := r.Scan(&cell, &text); err != nil {
			return err
		}
		if out == nil {
			out = map[string]string{}
		}
		out[cell] = text
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("读取报告（编号 %d）的未保存为数字的填写失败：%w", id, err)
	}
	return out, nil
}

// Scanner is a row to be scanned: *sql.Row, pgx.Row, or the current row of
// Rows.
type Scanner interface{ Scan(dest ...any) error }

// Units reads a roster's rows of (unit, unit_type, unit_group) in their
// order. The caller closes r.
func Units(r Rows) ([]combine.Unit, error) {
	var units []combine.Unit
	err := Each(r, func() error {
		var u combine.Unit
		if err := r.Scan(&u.Name, &u.Type, &u.Group); err != nil {
			return err
		}
		units = append(units, u)
		return nil
	})
	return units, err
}

// ReadPair is combine.StoredReport's Read for a report of agency and year
// stored as content, with prevContent its previous year's (nil when none):
// decoded when a round asks, not when the row is read.
func ReadPair(agency string, year int, content, prevContent []byte) func() (r, prev *report.Report, err error) {
	return func() (r, prev *report.Report, err error) {
		if r, err = Report(content, fmt.Sprintf("%s%d年的报告", agency, year)); err != nil {
			return nil, nil, err
		}
		if prevContent != nil {
			if prev, err = Report(prevContent, fmt.Sprintf("%s%d年的报告", agency, year-1)); err != nil {
				return nil, nil, err
			}
		}
		return r, prev, nil
	}
}

// Previous is the report a report (id, or 0 when not stored yet) of agency
// and year is compared with: its former name's report of year-1 when a former
// name is set and that report is stored, else the same name's. formerName and
// find read the backend's rows.
func Previous(id int64, agency string, year int, formerName func(id int64) (string, error),
	find func(agency string, year int) (*report.Report, error)) (*report.Report, error) {
	if id != 0 {
		former, err := formerName(id)
		if err != nil {
			return nil, err
		}
		if former != "" {
			r, err := find(former, year-1)
			if err != nil || r != nil {
				return r, err
			}
		}
	}
	return find(agency, year-1)
}

// CombinedOver is what a combined report is saved as: combined itself when
// its agency and year have no report (existing nil), else the stored report
// with its figures replaced by combined's (sum) and its text kept, marked as
// combined's is: the units it sums now, and a combined report's limits for
// the figures (a province's pass a unit's).
func CombinedOver(existing, combined *report.Report, sum combine.Figures) (*report.Report, error) {
	if existing == nil {
		return combined, nil
	}
	next := existing.Clone()
	next.Combined = nil
	if c := combined.Combined; c != nil {
		next.Combined = &report.Combination{Units: slices.Clone(c.Units)}
	}
	if err := sum.Put(next); err != nil {
		return nil, err
	}
	return next, nil
}
