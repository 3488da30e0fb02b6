package registerview

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/window/kit"
	"nianbao/data/infile"
	"nianbao/data/office"
	"nianbao/data/register/spreadsheet"
)

// notImported is the choice of a column that is not read.
const notImported = "不导入"

// fieldOptions are the choices of a column's field.
func fieldOptions() []string {
	out := []string{notImported}
	for _, f := range spreadsheet.Fields {
		if f != spreadsheet.FieldDue { // computed by the program, never imported
			out = append(out, string(f))
		}
	}
	return out
}

// mapping is the dialog that shows how a spreadsheet's columns are read and
// lets the user change it before anything is stored.
type mapping struct {
	v      *View
	agency string
	name   string
	data   []byte
	user   map[string]spreadsheet.Field
	res    *spreadsheet.Result
	err    error // of the last reading: nothing can be imported

	fields  map[string]*widget.Select // each column's choice, by its header
	summary *widget.Label
	dlg     *dialog.ConfirmDialog
}

// ImportFile reads the spreadsheet at path and shows how its columns map to
// the register's fields; the user may change any column's field, and
// 导入 stores the rows that could be read into agency's register.
func (v *View) ImportFile(agency, path string) {
	v.u.Files().NoteRead(path)
	m := &mapping{v: v, agency: agency, name: filepath.Base(path), user: map[string]spreadsheet.Field{}}
	kit.BackgroundOrShow(v.u, "无法导入台账", func() error {
		var err error
		if m.data, err = infile.ReadFile(path, infile.Register); err != nil {
			return err
		}
		// An .xls is converted once, here: the mapping reads it again.
		opts := spreadsheet.Options{Calendar: v.cal, Office: office.Converter{Program: office.Find()}}
		if m.name, m.data, err = spreadsheet.Modern(m.name, m.data, opts); err != nil {
			return fmt.Errorf("%s：%w", path, err)
		}
		m.res, err = spreadsheet.Read(m.name, m.data, opts)
		if err != nil {
			return fmt.Errorf("%s：%w", path, err)
		}
		return nil
	}, m.show)
}

// show shows the dialog of the first reading.
func (m *mapping) show() {
	m.v.mapping = m
	m.fields = map[string]*widget.Select{}
	m.summary = widget.NewLabel("")
	m.summary.Wrapping = fyne.TextWrapWord
	grid := container.New(layout.NewFormLayout()) // a column's name beside its field
	for _, c := range m.res.Columns {
		if c.Header == "" {
			continue
		}
		sel := widget.NewSelect(fieldOptions(), nil)
		if c.Field == spreadsheet.FieldNone || c.Field == spreadsheet.FieldDue {
			sel.SetSelected(notImported)
		} else {
			sel.SetSelected(string(c.Field))
		}
		header := c.Header
		sel.OnChanged = func(s string) { m.choose(header, s) }
		m.fields[header] = sel
		grid.Add(widget.NewLabel(fmt.Sprintf("%s 列“%s”", c.Letter, c.Header)))
		grid.Add(sel)
	}
	body := container.NewBorder(widget.NewLabel("各列对应的台账字段（可以改）："), nil, nil, nil,
		container.NewVScroll(container.NewVBox(grid, widget.NewSeparator(), m.summary)))
	m.dlg = dialog.NewCustomConfirm("导入台账："+m.name, "导入", "取消", body, func(ok bool) {
		if ok {
			m.store()
		}
	}, m.v.u.Window())
	m.update()
	m.dlg.Resize(fyne.NewSize(640, 520))
	m.dlg.Show()
}

// choose maps the column of header to the field s and reads the sheet again.
func (m *mapping) choose(header, s string) {
	f := spreadsheet.Field(s)
	if s == notImported {
		f = spreadsheet.FieldNone
	}
	m.user[header] = f
	user := make(map[string]spreadsheet.Field, len(m.user))
	for k, v := range m.user {
		user[k] = v
	}
	var (
		res *spreadsheet.Result
		err error
	)
	m.v.u.Background(func() error {
		res, err = spreadsheet.Read(m.name, m.data, spreadsheet.Options{Map: user, Calendar: m.v.cal})
		return nil
	}, func(error) {
		m.err = err
		if err == nil {
			m.res = res
		}
		m.update()
	})
}

// update says what 导入 would store.
func (m *mapping) update() {
	if m.err != nil {
		m.summary.SetText("按这样的对应无法导入：" + m.err.Error())
		m.summary.Importance = widget.DangerImportance
		m.summary.Refresh()
		return
	}
	m.summary.Importance = widget.MediumImportance
	var b strings.Builder
	fmt.Fprintf(&b, "表头在第 %d 行，可以导入 %d 件。", m.res.HeaderRow, len(m.res.Apps))
	if n := len(m.res.Problems); n > 0 {
		fmt.Fprintf(&b, "\n以下 %d 行不能导入（其余照常导入）：", n)
		for i, p := range m.res.Problems {
			if i == 20 {
				fmt.Fprintf(&b, "\n  ……另有 %d 行", n-i)
				break
			}
			fmt.Fprintf(&b, "\n  %s", p)
		}
	}
	m.summary.SetText(b.String())
}

// store stores the rows read with the mapping as it stands.
func (m *mapping) store() {
	if m.err != nil || len(m.res.Apps) == 0 {
		msg := "没有可以导入的行，台账没有改动。"
		if m.err != nil {
			msg = m.err.Error() + "\n台账没有改动。"
		}
		kit.ShowMessage(m.v.u.Window(), "导入台账", msg)
		return
	}
	res := m.res
	kit.BackgroundOrShow(m.v.u, "无法导入台账", func() error {
		_, err := m.v.st.PutApplications(m.agency, res.Apps)
		return err
	}, func() {
		m.v.u.SetStatus(fmt.Sprintf("已导入“%s”的台账 %d 件", m.agency, len(res.Apps)))
		kit.ShowMessage(m.v.u.Window(), "导入台账", importReport(res))
		m.v.Start()
	})
}
