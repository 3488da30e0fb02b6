package spreadsheet

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/data/infile"
	"nianbao/data/office"
	"nianbao/data/register"
)

// An old Excel workbook (.xls, as Excel 2003 and WPS save it) is read
// through LibreOffice as its .xlsx would be: the same columns, applications,
// dates and problems. Skips where LibreOffice (with Calc) is not installed.
func TestReadOldExcel(t *testing.T) {
	program := office.Find()
	if program == "" {
		t.Skip("没有安装 LibreOffice")
	}
	src := officeXLSX(t)
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	conv := office.Converter{Program: program}
	xls, err := conv.Convert(context.Background(), data, ".xlsx", "xls", infile.Register)
	if err != nil {
		t.Skipf("LibreOffice 不能写 .xls（没有安装 Calc？）：%v", err)
	}
	if !strings.HasPrefix(string(xls), "\xD0\xCF\x11\xE0") {
		t.Fatal("LibreOffice 写出的不是 .xls")
	}
	path := filepath.Join(t.TempDir(), "台账.xls")
	if err := os.WriteFile(path, xls, 0o600); err != nil {
		t.Fatal(err)
	}
	want, err := ReadFile(src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReadFile(path, Options{Office: conv})
	if err != nil {
		t.Fatal(err)
	}
	if got.HeaderRow != want.HeaderRow || len(got.Apps) != len(want.Apps) || len(got.Problems) != len(want.Problems) {
		t.Fatalf("表头第 %d 行、%d 件、%d 个问题；.xlsx 为第 %d 行、%d 件、%d 个问题",
			got.HeaderRow, len(got.Apps), len(got.Problems), want.HeaderRow, len(want.Apps), len(want.Problems))
	}
	for i, a := range got.Apps {
		w := want.Apps[i]
		if !a.Received.Equal(w.Received) || a.Applicant != w.Applicant || a.Type != w.Type || a.Outcome != w.Outcome ||
			!a.Answered.Equal(w.Answered) || len(a.Corrections) != len(w.Corrections) {
			t.Errorf("第 %d 件：%+v，应为 %+v", i+1, a, w)
		}
	}
	if got.Apps[0].Type != register.TypeNaturalPerson {
		t.Errorf("第 1 件的申请人类型：%v", got.Apps[0].Type)
	}

	// Modern converts once: what it returns is read without LibreOffice.
	name, modern, err := Modern("台账.xls", xls, Options{Office: conv})
	if err != nil || name != "台账.xlsx" {
		t.Fatalf("Modern: %q, %v", name, err)
	}
	if res, err := Read(name, modern, Options{}); err != nil || len(res.Apps) != len(want.Apps) {
		t.Errorf("the converted workbook read alone: %v", err)
	}
}

// Without LibreOffice, or with one that fails, an .xls is refused with the
// way on (另存为 .xlsx).
func TestOldExcelRefused(t *testing.T) {
	ole := []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	fake := filepath.Join(t.TempDir(), "soffice")
	if err := os.WriteFile(fake, []byte("#!/bin/sh\nexit 0\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name    string
		program string
		says    string
	}{
		{"no LibreOffice", "", "没有找到 LibreOffice"},
		{"LibreOffice fails", fake, "未能把它转换"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read("old.xls", ole, Options{Office: office.Converter{Program: tt.program}})
			if !errors.Is(err, ErrXLS) || !strings.Contains(err.Error(), tt.says) || !strings.Contains(err.Error(), "另存为") {
				t.Errorf("%v", err)
			}
		})
	}
}
