package workbooktest

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"
)

func zipOf(t *testing.T, parts ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i < len(parts); i += 2 {
		w, err := zw.Create(parts[i])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Check finds what breaks the schemas, so that the tests that use it can
// fail: elements out of their order, an attribute a part must have, a
// value of the wrong type, a part with another part's root, a part it has
// no schema for.
func TestCheckFindsViolations(t *testing.T) {
	const sml = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
	good := zipOf(t,
		"_rels/.rels", rels+`<Relationship Id="rId1" Type="t" Target="xl/workbook.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml", `<worksheet `+sml+`><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> 甲 </t></is></c></row></sheetData></worksheet>`)
	err := Check(good, t.TempDir())
	if errors.Is(err, ErrNoXmllint) {
		t.Skip("skipped: " + err.Error())
	}
	if err != nil {
		t.Fatalf("a valid book: %v", err)
	}
	for _, tt := range []struct{ part, body, want string }{
		{"xl/worksheets/sheet1.xml", `<worksheet ` + sml + `><sheetData/><sheetViews><sheetView workbookViewId="0"/></sheetViews></worksheet>`, "sheetViews"},
		{"xl/styles.xml", `<styleSheet ` + sml + `><cellXfs count="1"><xf numFmtId="0"/></cellXfs><fonts count="0"/></styleSheet>`, "fonts"},
		{"xl/worksheets/sheet1.xml", `<worksheet ` + sml + `><sheetData><row r="x"/></sheetData></worksheet>`, "'x'"},
		{"_rels/.rels", rels + `<Relationship Id="rId1" Target="xl/workbook.xml"/></Relationships>`, "Type"},
		{"xl/worksheets/sheet1.xml", `<styleSheet ` + sml + `/>`, "root element"},
		{"docProps/app.xml", `<Properties/>`, "no schema"},
	} {
		err := Check(zipOf(t, tt.part, tt.body), t.TempDir())
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s %s: %v, want an error about %s", tt.part, tt.body, err, tt.want)
		}
	}
}
