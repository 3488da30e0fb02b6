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

func TestWindowsPrintCommand(t *testing.T) {
	tests := []struct {
		name   string
		path   string
		copies int
		want   string
	}{
		{"one copy", `C:\Users\张三\AppData\Local\Temp\报告.pdf`, 1,
			`Start-Process -FilePath 'C:\Users\张三\AppData\Local\Temp\报告.pdf' -Verb Print`},
		{"quote in path", `C:\tmp\O'Brien.pdf`, 0,
			`Start-Process -FilePath 'C:\tmp\O''Brien.pdf' -Verb Print`},
		{"three copies", `C:\a.pdf`, 3,
			`for ($i = 0; $i -lt 3; $i++) { Start-Process -FilePath 'C:\a.pdf' -Verb Print }`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := windowsPrintCommand(tt.path, Options{Copies: tt.copies, TwoSided: true})
			want := []string{"-NoProfile", "-NonInteractive", "-Command", tt.want}
			if c.name != "powershell" || !reflect.DeepEqual(c.args, want) {
				t.Errorf("windowsPrintCommand = %s %q, want powershell %q", c.name, c.args, want)
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
		{"windows", []string{"rundll32 url.dll,FileProtocolHandler /tmp/a.pdf", "cmd /c start  /tmp/a.pdf"}},
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
	psPrint := "powershell -NoProfile -NonInteractive -Command for ($i = 0; $i -lt 2; $i++) { Start-Process -FilePath '" + pdf + "' -Verb Print }"
	opt := Options{Printer: "HP", Copies: 2, TwoSided: true}
	tests := []struct {
		name     string
		goos     string
		answers  map[string]answer
		wantRan  []string
		wantErr  string
		isViewer bool
	}{
		{"linux lp", "linux", map[string]answer{lp: {out: "request id is HP-12 (1 file(s))\n"}}, []string{lp}, "", false},
		{"linux no lp", "linux", map[string]answer{}, []string{lp}, "系统中没有打印服务", false},
		{"linux unknown printer", "linux", map[string]answer{lp: {err: fmt.Errorf("%w: lp: The printer or class does not exist.", errExit1)}}, []string{lp}, "所选的打印机不存在", false},
		{"windows verb", "windows", map[string]answer{psPrint: {}}, []string{psPrint}, "", false},
		{"windows falls back to viewer", "windows",
			map[string]answer{psPrint: {err: errExit1}, "rundll32 url.dll,FileProtocolHandler " + pdf: {}},
			[]string{psPrint, "rundll32 url.dll,FileProtocolHandler " + pdf}, "已在 PDF 阅读器中打开", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &fake{answers: tt.answers}
			err := f.system(tt.goos).print(pdf, opt)
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
