package office

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"nianbao/data/infile"
)

// A LibreOffice that gives no file, one that hangs (with a child that
// would outlive it) and none at all each end in an error that says so,
// (the hang stopped at the limit, its child with it).
func TestConvertFails(t *testing.T) {
	dir := t.TempDir()
	script := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, tt := range []struct {
		name    string
		program string
		is      error
		says    string
	}{
		{"none", "", nil, "没有找到 LibreOffice"},
		{"no file", script("quiet", "exit 0"), nil, "未能把它转换为 .docx"},
		{"says why", script("says", "echo Error: source file could not be loaded; exit 0"), nil, "LibreOffice 说：Error"},
		{"hangs", script("hang", "sleep 60 &\nsleep 60"), ErrTimeout, "已停止"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Converter{Program: tt.program, Time: 300 * time.Millisecond}.Convert(context.Background(), []byte("x"), ".doc", "docx", infile.Received)
			if err == nil || !strings.Contains(err.Error(), tt.says) || (tt.is != nil && !errors.Is(err, tt.is)) {
				t.Errorf("err = %v, want %q", err, tt.says)
			}
		})
	}
}
