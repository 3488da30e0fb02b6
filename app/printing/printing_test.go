package printing

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"
)

// Output of CUPS 2.4 lpstat, English (C.UTF-8) and as 统信UOS prints it in
// zh_CN when the locale is not overridden (strings from cups_zh_CN.po).
const (
	lpstatPEnglish = "printer HP_LaserJet_Pro_M404 is idle.  enabled since Tue 05 Mar 2024 09:12:33 AM CST\n" +
		"printer Office_Color now printing Office_Color-42.  enabled since Tue 05 Mar 2024 09:15:01 AM CST\n" +
		"printer PDF disabled since Mon 04 Mar 2024 05:00:00 PM CST -\n" +
		"\tPaused\n"
	lpstatPChinese = "打印机 HP_LaserJet_Pro_M404 目前空闲。从 2024年03月05日 星期二 09时12分33秒 开始启用\n" +
		"打印机 PDF 从 2024年03月04日 星期一 17时00分00秒 开始被禁用 -\n" +
		"\t已暂停\n"
	lpstatE = "HP_LaserJet_Pro_M404\nOffice_Color\nPDF\n"
)

func TestParsePrinterLines(t *testing.T) {
	tests := []struct {
		name string
		out  string
		want []string
	}{
		{"english", lpstatPEnglish, []string{"HP_LaserJet_Pro_M404", "Office_Color", "PDF"}},
		{"chinese", lpstatPChinese, []string{"HP_LaserJet_Pro_M404", "PDF"}},
		{"with -d line", lpstatPEnglish + "system default destination: PDF\n", []string{"HP_LaserJet_Pro_M404", "Office_Color", "PDF"}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := parsePrinterLines([]byte(tt.out)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("parsePrinterLines = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseDefault(t *testing.T) {
	tests := []struct{ out, want string }{
		{"system default destination: HP_LaserJet_Pro_M404\n", "HP_LaserJet_Pro_M404"},
		{"no system default destination\n", ""},
		{"系统默认目标：Office_Color\n", "Office_Color"},
		{"无系统默认目标\n", ""},
		{lpstatPEnglish + "system default destination: PDF\n", "PDF"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := parseDefault([]byte(tt.out)); got != tt.want {
			t.Errorf("parseDefault(%q) = %q, want %q", tt.out, got, tt.want)
		}
	}
}

func TestLPCommand(t *testing.T) {
	tests := []struct {
		name string
		opt  Options
		want []string
	}{
		{"default printer, one copy", Options{}, []string{"-n", "1", "-o", "sides=one-sided", "--", "/tmp/a.pdf"}},
		{"printer and copies", Options{Printer: "HP", Copies: 3}, []string{"-d", "HP", "-n", "3", "-o", "sides=one-sided", "--", "/tmp/a.pdf"}},
		{"two-sided", Options{Printer: "HP", Copies: 2, TwoSided: true}, []string{"-d", "HP", "-n", "2", "-o", "sides=two-sided-long-edge", "--", "/tmp/a.pdf"}},
		{"copies capped", Options{Copies: 5000}, []string{"-n", "999", "-o", "sides=one-sided", "--", "/tmp/a.pdf"}},
		{"negative copies", Options{Copies: -2}, []string{"-n", "1", "-o", "sides=one-sided", "--", "/tmp/a.pdf"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := lpCommand("/tmp/a.pdf", tt.opt)
			if c.name != "lp" || !reflect.DeepEqual(c.args, tt.want) {
				t.Errorf("lpCommand = %s %q, want lp %q", c.name, c.args, tt.want)
			}
		})
	}
}

func TestOpenCommands(t *testing.T) {
	tests := []struct {
		goos string
		want []string
	}{
		{"linux", []string{"xdg-open /tmp/a.pdf", "gio open /tmp/a.pdf"}},
		{"darwin", []string{"open /tmp/a.pdf"}},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range openCommands(tt.goos, "/tmp/a.pdf") {
			got = append(got, c.String())
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("openCommands(%s) = %q, want %q", tt.goos, got, tt.want)
		}
	}
}

// fake answers commands from a table: command line → output and error.
type fake struct {
	answers map[string]answer
	ran     []string
}

type answer struct {
	out string
	err error
}

func (f *fake) system(goos string) system {
	return system{
		goos: goos,
		run: func(_ context.Context, c command) ([]byte, error) {
			f.ran = append(f.ran, c.String())
			a, ok := f.answers[c.String()]
			if !ok {
				return nil, fmt.Errorf("%s: %w", c.name, exec.ErrNotFound)
			}
			return []byte(a.out), a.err
		},
		start: func(c command) error {
			f.ran = append(f.ran, c.String())
			a, ok := f.answers[c.String()]
			if !ok {
				return fmt.Errorf("%s: %w", c.name, exec.ErrNotFound)
			}
			return a.err
		},
		shell: func(verb, file, params string) error {
			line := "shell " + verb + " " + file
			if params != "" {
				line += " " + params
			}
			f.ran = append(f.ran, line)
			a, ok := f.answers[line]
			if !ok {
				return shellError(31)
			}
			return a.err
		},
		winPrinters: func() ([]Printer, error) { return []Printer{{"HP LaserJet", true}}, nil },
	}
}

var errExit1 = errors.New("exit status 1")

func TestPrinters(t *testing.T) {
	tests := []struct {
		name    string
		answers map[string]answer
		want    []Printer
		wantErr string // "" for none; else a substring of the message
		noPrint bool   // the error is ErrNoPrinter
	}{
		{
			name: "three printers with default",
			answers: map[string]answer{
				"lpstat -e": {out: lpstatE},
				"lpstat -d": {out: "system default destination: Office_Color\n"},
			},
			want: []Printer{{"HP_LaserJet_Pro_M404", false}, {"Office_Color", true}, {"PDF", false}},
		},
		{
			name: "no default",
			answers: map[string]answer{
				"lpstat -e": {out: "HP\n"},
				"lpstat -d": {out: "no system default destination\n"},
			},
			want: []Printer{{"HP", false}},
		},
		{
			name: "old CUPS without -e",
			answers: map[string]answer{
				"lpstat -e": {out: "", err: fmt.Errorf("%w: lpstat: Unknown option \"e\".", errExit1)},
				"lpstat -p": {out: lpstatPEnglish},
				"lpstat -d": {out: "system default destination: PDF\n"},
			},
			want: []Printer{{"HP_LaserJet_Pro_M404", false}, {"Office_Color", false}, {"PDF", true}},
		},
		{
			name:    "no lpstat",
			answers: map[string]answer{},
			wantErr: "系统中没有打印服务（CUPS）", noPrint: true,
		},
		{
			name: "no printers",
			answers: map[string]answer{
				"lpstat -e": {out: ""},
				"lpstat -p": {out: ""},
			},
			wantErr: "未找到打印机，请先在系统中添加打印机", noPrint: true,
		},
		{
			name: "scheduler down",
			answers: map[string]answer{
				"lpstat -e": {out: ""},
				"lpstat -p": {err: fmt.Errorf("%w: lpstat: Scheduler is not running.", errExit1)},
			},
			wantErr: "打印服务（CUPS）没有运行", noPrint: true,
		},
		{
			name: "no destinations from -p",
			answers: map[string]answer{
				"lpstat -e": {err: errExit1},
				"lpstat -p": {err: fmt.Errorf("%w: lpstat: No destinations added.", errExit1)},
			},
			wantErr: "未找到打印机", noPrint: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &fake{answers: tt.answers}
			got, err := f.system("linux").printers()
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("printers() error = %v, want one containing %q", err, tt.wantErr)
				}
				if tt.noPrint != errors.Is(err, ErrNoPrinter) {
					t.Errorf("errors.Is(%v, ErrNoPrinter) = %v", err, !tt.noPrint)
				}
				return
			}
			if err != nil {
				t.Fatalf("printers(): %v (ran %q)", err, f.ran)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("printers() = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestPrint(t *testing.T) {
	pdf := filepath.Join(t.TempDir(), "报告.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.4\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	lp := "lp -d HP -n 2 -o sides=two-sided-long-edge -- " + pdf
	opt := Options{Printer: "HP", Copies: 2, TwoSided: true}
	one := Options{Printer: "HP LaserJet (网络)"}
	printto := "shell printto " + pdf + ` "HP LaserJet (网络)"`
	open := "shell open " + pdf
	tests := []struct {
		name     string
		goos     string
		opt      Options
		answers  map[string]answer
		wantRan  []string
		wantErr  string
		isViewer bool
	}{
		{"linux lp", "linux", opt, map[string]answer{lp: {out: "request id is HP-12 (1 file(s))\n"}}, []string{lp}, "", false},
		{"linux no lp", "linux", opt, map[string]answer{}, []string{lp}, "系统中没有打印服务", false},
		{"linux unknown printer", "linux", opt, map[string]answer{lp: {err: fmt.Errorf("%w: lp: The printer or class does not exist.", errExit1)}}, []string{lp}, "所选的打印机不存在", false},
		{"windows printto", "windows", one, map[string]answer{printto: {}}, []string{printto}, "", false},
		{"windows default printer", "windows", Options{}, map[string]answer{"shell print " + pdf: {}}, []string{"shell print " + pdf}, "", false},
		{"windows no print verb: viewer", "windows", one, map[string]answer{open: {}},
			[]string{printto, open}, "默认的 PDF 程序不能直接打印（系统中没有与 PDF 文件关联", true},
		{"windows copies and sides: viewer, said so", "windows", opt, map[string]answer{open: {}},
			[]string{open}, "请在其中选择“打印”，设置打印机 HP、份数 2、双面（长边翻页）", true},
		{"windows nothing opens", "windows", one, map[string]answer{},
			[]string{printto, open}, "无法打印：系统中没有与 PDF 文件关联", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &fake{answers: tt.answers}
			err := f.system(tt.goos).print(pdf, tt.opt)
			if !reflect.DeepEqual(f.ran, tt.wantRan) {
				t.Errorf("ran %q, want %q", f.ran, tt.wantRan)
			}
			if tt.wantErr == "" {
				if err != nil {
					t.Errorf("print: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("print error = %v, want one containing %q", err, tt.wantErr)
			}
			if errors.Is(err, ErrOpenedInViewer) != tt.isViewer {
				t.Errorf("errors.Is(err, ErrOpenedInViewer) = %v, want %v", !tt.isViewer, tt.isViewer)
			}
		})
	}
}

func TestPrintMissingFile(t *testing.T) {
	f := &fake{answers: map[string]answer{}}
	err := f.system("linux").print(filepath.Join(t.TempDir(), "none.pdf"), Options{})
	if err == nil || !strings.Contains(err.Error(), "找不到要打印的文件") || len(f.ran) != 0 {
		t.Errorf("print of a missing file: err %v, ran %q", err, f.ran)
	}
}

func TestOpen(t *testing.T) {
	tests := []struct {
		name    string
		answers map[string]answer
		wantErr string
	}{
		{"xdg-open", map[string]answer{"xdg-open /tmp/a.pdf": {}}, ""},
		{"gio when no xdg-open", map[string]answer{"gio open /tmp/a.pdf": {}}, ""},
		{"nothing installed", map[string]answer{}, "请安装 PDF 阅读器"},
		{"xdg-open fails", map[string]answer{"xdg-open /tmp/a.pdf": {err: fmt.Errorf("%w: no method available for opening", errExit1)}}, "无法打开 PDF 阅读器"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &fake{answers: tt.answers}
			err := f.system("linux").open("/tmp/a.pdf")
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Errorf("open error = %v, want %q", err, tt.wantErr)
			}
		})
	}
}

// TestRealLpstat runs the real lpstat where it is installed: whatever the
// machine has, Printers returns printers or a Chinese error, never a raw one.
func TestRealLpstat(t *testing.T) {
	if _, err := exec.LookPath("lpstat"); err != nil {
		t.Skip("lpstat not installed")
	}
	ps, err := Printers()
	if err != nil {
		if !errors.Is(err, ErrNoPrinter) {
			t.Errorf("Printers: %v is not ErrNoPrinter", err)
		}
		t.Logf("Printers: %v", err)
		return
	}
	for _, p := range ps {
		if p.Name == "" {
			t.Errorf("empty printer name in %+v", ps)
		}
	}
}

func TestOpenWindowsIsHonest(t *testing.T) {
	name := `C:\Users\김\AppData\Local\nianbao\preview\𠮷田区政务公开办2024年度报告.pdf`
	f := &fake{answers: map[string]answer{"shell open " + name: {}}}
	if err := f.system("windows").open(name); err != nil {
		t.Errorf("open: %v", err)
	}
	f = &fake{answers: map[string]answer{}}
	err := f.system("windows").open(name)
	if err == nil || !strings.Contains(err.Error(), "无法打开 PDF：系统中没有与 PDF 文件关联") {
		t.Errorf("open with no program: %v", err)
	}
}

// TestUTF16 is the path as ShellExecuteW gets it: names outside GBK (Korean,
// 𠮷 beyond the BMP, emoji) come back unchanged.
func TestUTF16(t *testing.T) {
	for _, name := range []string{`C:\报告\a.pdf`, `D:\김치\𠮷野家😀.pdf`, `\\server\共享\x.pdf`} {
		u, err := utf16z(name)
		if err != nil {
			t.Fatal(err)
		}
		if u[len(u)-1] != 0 {
			t.Errorf("%q: not NUL-terminated", name)
		}
		if got := string(utf16.Decode(u[:len(u)-1])); got != name {
			t.Errorf("round trip %q → %q", name, got)
		}
	}
	if _, err := utf16z("a\x00b"); err == nil {
		t.Error("a NUL inside the name was accepted")
	}
}

func TestQuoteArg(t *testing.T) {
	tests := []struct{ in, want string }{
		{"HP LaserJet", `"HP LaserJet"`},
		{`\\srv\办公室打印机`, `"\\srv\办公室打印机"`},
		{`a"b`, `"a\"b"`},
		{`ends\`, `"ends\\"`},
	}
	for _, tt := range tests {
		if got := quoteArg(tt.in); got != tt.want {
			t.Errorf("quoteArg(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestShellErrorIsChinese(t *testing.T) {
	for _, code := range []uintptr{0, 2, 3, 5, 8, 26, 27, 28, 31, 32, 99} {
		if msg := shellError(code).Error(); !containsHan(msg) {
			t.Errorf("shellError(%d) = %q", code, msg)
		}
	}
}

func containsHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
