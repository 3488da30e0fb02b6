package rows

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"nianbao/data/register"
)

// YearSpan is the first and last day of year as the register's received
// column holds them, for a query of the applications received in year.
func YearSpan(year int) (first, last string) {
	return fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-12-31", year)
}

// Application decodes an application stored as data under id and agency: the
// columns, not the JSON, say which row it is.
func Application(id int64, agency, data string) (register.Application, error) {
	var a register.Application
	if err := json.Unmarshal([]byte(data), &a); err != nil {
		return register.Application{ID: id, Agency: agency}, fmt.Errorf("台账第 %d 条记录已损坏：%w", id, err)
	}
	a.ID, a.Agency = id, agency
	return a, nil
}

// CheckApplications refuses applications to be stored in the agency's
// register before anything is written: no agency, an application without
// number or receipt date, or a number given twice.
func CheckApplications(agency string, apps []register.Application) error {
	if strings.TrimSpace(agency) == "" {
		return errors.New("保存台账需要机关名称")
	}
	seen := map[string]bool{}
	for _, a := range apps {
		if strings.TrimSpace(a.Number) == "" || a.Received.IsZero() {
			return fmt.Errorf("%s：登记编号和收到申请日期都不能为空", a.Where())
		}
		if seen[a.Number] {
			return fmt.Errorf("%s 出现了两次", a.Where())
		}
		seen[a.Number] = true
	}
	return nil
}

// ApplicationRow is what of an application the register's row keeps besides
// its agency and number: its content as JSON and the dates the register is
// queried by (answered "" while the application is open).
func ApplicationRow(a register.Application) (data, received, answered string, err error) {
	b, err := json.Marshal(a)
	if err != nil {
		return "", "", "", fmt.Errorf("%s：%w", a.Where(), err)
	}
	if a.Ended() {
		answered = a.Answered.Format(time.DateOnly)
	}
	return string(b), a.Received.Format(time.DateOnly), answered, nil
}

// Erased is a's content with its personal fields erased, and false when it
// held none (nothing to write).
func Erased(a register.Application) (data string, changed bool, err error) {
	if a.Applicant == "" && a.Contact == "" && a.IDNumber == "" {
		return "", false, nil
	}
	a.Erase()
	b, err := json.Marshal(a)
	if err != nil {
		return "", false, err
	}
	return string(b), true, nil
}

// ScanApplication reads an application's row of (id, agency, data).
func ScanApplication(s Scanner) (register.Application, error) {
	var id int64
	var agency, data string
	if err := s.Scan(&id, &agency, &data); err != nil {
		return register.Application{}, err
	}
	return Application(id, agency, data)
}

// Applications reads rows of (id, agency, data) in their order. The caller
// closes r.
func Applications(r Rows) ([]register.Application, error) {
	var out []register.Application
	err := Each(r, func() error {
		a, err := ScanApplication(r)
		if err != nil {
			return err
		}
		out = append(out, a)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
