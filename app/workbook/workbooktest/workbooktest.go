// Package workbooktest checks, for tests, that every XML part of a written
// .xlsx is valid against the ECMA-376 schemas (the transitional
// SpreadsheetML schemas and the Open Packaging Conventions' schemas, in
// app/workbook/testdata/ecma376). Microsoft Excel and WPS refuse a part that
// breaks them ("found unreadable content") where LibreOffice and excelize
// read it leniently, and we have no Excel to try a file in. It runs xmllint
// (Debian: libxml2-utils), offline.
package workbooktest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// ErrNoXmllint is Check's answer where xmllint is not installed.
var ErrNoXmllint = errors.New("xmllint is not installed (Debian: apt-get install libxml2-utils)")

// Validate fails t unless every XML part of xlsx is valid; it skips t where
// xmllint is not installed.
func Validate(t testing.TB, xlsx []byte) {
	t.Helper()
	err := Check(xlsx, t.TempDir())
	if errors.Is(err, ErrNoXmllint) {
		t.Skip("skipped: " + err.Error())
	}
	if err != nil {
		t.Error(err)
	}
}

// schemaDir is testdata/ecma376 of app/workbook, wherever the test runs.
func schemaDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "testdata", "ecma376")
}

// partSchema is the schema of the part named name and the root element
// (namespace and name) the part must have: every global element of a
// schema validates, so a worksheet whose root were a styleSheet would pass
// xmllint.
func partSchema(name string) (xsd string, root xml.Name) {
	const sml = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	switch {
	case name == "[Content_Types].xml":
		return "opc-contentTypes.xsd", xml.Name{Space: "http://schemas.openxmlformats.org/package/2006/content-types", Local: "Types"}
	case strings.HasSuffix(name, ".rels") && (strings.HasPrefix(name, "_rels/") || strings.Contains(name, "/_rels/")):
		return "opc-relationships.xsd", xml.Name{Space: "http://schemas.openxmlformats.org/package/2006/relationships", Local: "Relationships"}
	case name == "xl/workbook.xml":
		return "sml.xsd", xml.Name{Space: sml, Local: "workbook"}
	case name == "xl/styles.xml":
		return "sml.xsd", xml.Name{Space: sml, Local: "styleSheet"}
	case name == "xl/sharedStrings.xml":
		return "sml.xsd", xml.Name{Space: sml, Local: "sst"}
	case strings.HasPrefix(name, "xl/worksheets/sheet") && strings.HasSuffix(name, ".xml"):
		return "sml.xsd", xml.Name{Space: sml, Local: "worksheet"}
	}
	return "", xml.Name{}
}

// Check is nil if every part of xlsx has a schema here, the root element
// its name calls for, and validates; otherwise it says which do not and
// why. dir is a directory to unpack the parts into.
func Check(xlsx []byte, dir string) error {
	if _, err := exec.LookPath("xmllint"); err != nil {
		return ErrNoXmllint
	}
	zr, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	if err != nil {
		return err
	}
	var problems []string
	bySchema := map[string][]string{}
	for i, f := range zr.File {
		xsd, root := partSchema(f.Name)
		if xsd == "" {
			problems = append(problems, fmt.Sprintf("%s: no schema for this part here", f.Name))
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return fmt.Errorf("%s: %v", f.Name, err)
		}
		if got, err := rootOf(data); err != nil || got != root {
			problems = append(problems, fmt.Sprintf("%s: root element {%s}%s %v, want {%s}%s", f.Name, got.Space, got.Local, err, root.Space, root.Local))
		}
		if xsd == "sml.xsd" {
			// Excel's one extension the writer uses, which the schemas lack:
			// xml:space on text, to keep its leading and trailing spaces
			// ([MS-OI29500] 2.1.678, "Part 1 Section 18.4.12, t (Text)")
			data = bytes.ReplaceAll(data, []byte(`<t xml:space="preserve">`), []byte(`<t>`))
		}
		// a name of its own per part, which xmllint's messages show
		file := filepath.Join(dir, fmt.Sprintf("%02d_%s", i, strings.NewReplacer("/", "_", "[", "", "]", "").Replace(f.Name)))
		if err := os.WriteFile(file, data, 0o644); err != nil {
			return err
		}
		bySchema[xsd] = append(bySchema[xsd], file)
	}
	schemas := schemaDir()
	for _, xsd := range slices.Sorted(maps.Keys(bySchema)) {
		args := append([]string{"--noout", "--nonet", "--schema", filepath.Join(schemas, xsd)}, bySchema[xsd]...)
		if out, err := exec.Command("xmllint", args...).CombinedOutput(); err != nil {
			problems = append(problems, fmt.Sprintf("xmllint --schema %s: %v\n%s", xsd, err, out))
		}
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "\n"))
	}
	return nil
}

// rootOf is the name of data's root element.
func rootOf(data []byte) (xml.Name, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if err != nil {
			return xml.Name{}, err
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se.Name, nil
		}
	}
}
