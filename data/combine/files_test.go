package combine

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// A folder's scan reads the reports as received (Word, PDF, web pages and
// the old formats LibreOffice converts) beside the report files, in name
// order, whatever the case of their extensions; every other file is named.
func TestExpandPathsReadsReceivedFormats(t *testing.T) {
	dir := t.TempDir()
	names := []string{"a.nianbao.json", "b.DOCX", "c.pdf", "d.html", "e.htm", "f.doc", "g.wps", "h.rtf", "i.mht", "说明.txt", "图.png"}
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	found, err := ExpandPaths([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range found.Files {
		got = append(got, filepath.Base(f))
	}
	if want := names[:9]; !reflect.DeepEqual(got, want) {
		t.Errorf("read %v, want %v", got, want)
	}
	var skipped []string
	for _, s := range found.Skipped {
		skipped = append(skipped, filepath.Base(s.Path)+"："+s.Why)
	}
	want := []string{"图.png：不是年报文件（*.json）或 Word、PDF、网页文件", "说明.txt：不是年报文件（*.json）或 Word、PDF、网页文件"}
	if !reflect.DeepEqual(skipped, want) {
		t.Errorf("skipped %v, want %v", skipped, want)
	}
}
