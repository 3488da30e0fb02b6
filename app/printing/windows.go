package printing

import (
	"fmt"
	"strings"
	"unicode/utf16"
)

// viewerError is ErrOpenedInViewer with what to choose in the viewer.
type viewerError struct{ msg string }

func (e viewerError) Error() string        { return e.msg }
func (e viewerError) Is(target error) bool { return target == ErrOpenedInViewer }

// printWindows prints through the PDF program's shell verb. Windows has no
// PDF printing of its own: "printto" (Adobe Reader, Foxit, WPS, SumatraPDF)
// prints one copy to a named printer with the printer's default sides, and
// Edge, the usual default PDF program, offers no print verb at all. So more
// than one copy or two-sided printing, and a program without the verb, go to
// the viewer's own print dialog, and the user is told so.
func (s system) printWindows(pdfPath string, opt Options) error {
	copies := clampCopies(opt.Copies)
	if copies > 1 || opt.TwoSided {
		if err := s.open(pdfPath); err != nil {
			return fmt.Errorf("无法打开 PDF 阅读器来打印：%w", err)
		}
		return viewerError{fmt.Sprintf("Windows 上的 PDF 程序不能由年报程序设定份数和双面打印，已在 PDF 阅读器中打开。"+
			"请在其中选择“打印”，设置%s份数 %d%s。", printerWords(opt.Printer), copies, sidesWords(opt.TwoSided))}
	}
	verb, params := "print", ""
	if opt.Printer != "" {
		verb, params = "printto", quoteArg(opt.Printer)
	}
	err := s.shell(verb, pdfPath, params)
	if err == nil {
		return nil
	}
	if oerr := s.open(pdfPath); oerr != nil {
		return fmt.Errorf("无法打印：%v；也无法打开 PDF 阅读器：%v", err, oerr)
	}
	return viewerError{fmt.Sprintf("默认的 PDF 程序不能直接打印（%v），已在 PDF 阅读器中打开。请在其中选择“打印”，设置%s份数 1。",
		err, printerWords(opt.Printer))}
}

func printerWords(name string) string {
	if name == "" {
		return ""
	}
	return "打印机 " + name + "、"
}

func sidesWords(two bool) string {
	if two {
		return "、双面（长边翻页）"
	}
	return ""
}

// quoteArg quotes one argument the way Windows programs split their command
// line (CommandLineToArgvW): printer names have spaces ("HP LaserJet (网络)").
func quoteArg(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	slashes := 0
	for _, r := range s {
		switch r {
		case '\\':
			slashes++
			continue
		case '"':
			b.WriteString(strings.Repeat(`\`, 2*slashes+1))
		default:
			b.WriteString(strings.Repeat(`\`, slashes))
		}
		slashes = 0
		b.WriteRune(r)
	}
	b.WriteString(strings.Repeat(`\`, 2*slashes))
	b.WriteByte('"')
	return b.String()
}

// utf16z is s as the NUL-terminated UTF-16 that the W functions of Windows
// take: every character, also those outside GBK and outside the BMP (𠮷),
// survives, which the legacy code page (rundll32, cmd) does not promise.
// A NUL inside s cannot be passed and is an error.
func utf16z(s string) ([]uint16, error) {
	if strings.ContainsRune(s, 0) {
		return nil, fmt.Errorf("文件名中含有空字符：%q", s)
	}
	return append(utf16.Encode([]rune(s)), 0), nil
}

// shellError explains ShellExecuteW's result code (32 or below is a failure).
func shellError(code uintptr) error {
	switch code {
	case 2:
		return fmt.Errorf("找不到文件")
	case 3:
		return fmt.Errorf("找不到文件夹")
	case 5:
		return fmt.Errorf("没有访问权限")
	case 0, 8:
		return fmt.Errorf("内存不足")
	case 26:
		return fmt.Errorf("文件正被其他程序使用")
	case 27, 31:
		return fmt.Errorf("系统中没有与 PDF 文件关联、能做这件事的程序（请安装 PDF 阅读器，或在“默认应用”中为 .pdf 选择一个）")
	case 28, 29, 30:
		return fmt.Errorf("PDF 程序没有响应")
	case 32:
		return fmt.Errorf("缺少系统组件")
	}
	return fmt.Errorf("系统错误（Windows 错误代码 %d）", code)
}
