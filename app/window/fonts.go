package window

import (
	"reflect"

	"nianbao/data/report"
	"nianbao/forms/apptheme"
)

// coverText makes sure the window's fonts can draw every character of the
// texts: the theme starts with faces cut down to GB2312 (a fifth of the
// memory and start-up time), and a rare character in a name or a body
// switches it, once, to the full fonts, which redraws the window.
func (u *ui) coverText(texts ...string) {
	th, ok := u.app.Settings().Theme().(apptheme.FontSwitcher)
	if !ok {
		return
	}
	for _, s := range texts {
		if !th.Covers(s) {
			if th.UseFullFonts() {
				u.app.Settings().SetTheme(u.app.Settings().Theme())
			}
			return
		}
	}
}

// coverReport is coverText for every text of r.
func (u *ui) coverReport(r *report.Report) {
	if r != nil {
		u.coverText(reportTexts(r)...)
	}
}

// reportTexts collects every string in r, whatever field holds it, so a
// field added to the model later is covered too.
func reportTexts(r *report.Report) []string {
	var out []string
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			out = append(out, v.String())
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		case reflect.Slice, reflect.Array:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		case reflect.Map:
			it := v.MapRange()
			for it.Next() {
				walk(it.Key())
				walk(it.Value())
			}
		}
	}
	walk(reflect.ValueOf(r))
	return out
}
