package cli

import (
	"net/url"
	"os/exec"
	"path/filepath"
	"testing"
)

// A .docx the program wrote, saved as .doc by LibreOffice (as an office
// with an old Word would keep it), converts back through LibreOffice into
// the very report it was written from: every figure and every sentence.
func TestConvertDocThroughLibreOffice(t *testing.T) {
	office, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice (LibreOffice) is not on the PATH")
	}
	dir := t.TempDir()
	docx := filepath.Join(dir, "洪泽区.docx")
	if code, stdout, stderr := run(t, "docx", "-o", docx, hongzequJSON); code != 0 {
		t.Fatalf("docx: exit %d\n%s\n%s", code, stdout, stderr)
	}
	profile := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, "profile"))}).String()
	cmd := exec.Command(office, "-env:UserInstallation="+profile, "--headless", "--convert-to", "doc", "--outdir", dir, docx)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice --convert-to doc: %v\n%s", err, out)
	}
	doc := filepath.Join(dir, "洪泽区.doc")
	code, stdout, stderr := run(t, "convert", doc)
	if code != 0 {
		t.Fatalf("convert: exit %d\n%s\n%s", code, stdout, stderr)
	}
	sameReport(t, filepath.Join(dir, "洪泽区.nianbao.json"), hongzequJSON)
}
