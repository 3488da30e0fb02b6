// Package printing hands a finished PDF to the system: the PDF viewer, or a
// printer (CUPS lp on Linux, the PDF program's print verb on Windows). It knows
// nothing of windows or reports; every error it returns is simplified Chinese.
package printing

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// Printer is one print queue the system knows.
type Printer struct {
	Name    string
	Default bool // the system's default destination
}

// Options say how to print.
type Options struct {
	Printer  string // queue name; "" is the system's default printer
	Copies   int    // below 1 means 1
	TwoSided bool   // long-edge duplex; false asks for one-sided explicitly
}

// MaxCopies bounds the copies of one print job.
const MaxCopies = 999

// Errors the window tells apart.
var (
	// ErrNoPrinter: the system has no printer, or no print service at all.
	ErrNoPrinter = errors.New("未找到打印机，请先在系统中添加打印机")
	// ErrOpenedInViewer: the system could not print the PDF by itself, so it was
	// opened in the PDF viewer for the user to print from there. Not a failure.
	ErrOpenedInViewer = errors.New("系统中没有能直接打印 PDF 的程序，已在 PDF 阅读器中打开，请在其中选择“打印”")
)

// noPrinter is an ErrNoPrinter with a more exact message.
type noPrinter struct{ msg string }

func (e noPrinter) Error() string        { return e.msg }
func (e noPrinter) Is(target error) bool { return target == ErrNoPrinter }

// errNoCUPS and errCUPSDown are the two ErrNoPrinter cases that adding a printer does not fix.
var (
	errNoCUPS   = noPrinter{"系统中没有打印服务（CUPS），无法打印。请安装打印服务并添加打印机，或联系技术支持"}
	errCUPSDown = noPrinter{"打印服务（CUPS）没有运行，无法打印。请启动打印服务，或联系技术支持"}
)

// command is one program to run and its arguments.
type command struct {
	name string
	args []string
}

// runner runs a command to its end and returns its standard output; tests replace it.
type runner func(ctx context.Context, c command) (stdout []byte, err error)

// starter starts a command that may keep running (a viewer) and reports a failure
// that shows within the grace period; tests replace it.
type starter func(c command) error

// system is the operating system's side of the package: which OS, and how
// commands are run. The exported functions use the real one.
type system struct {
	goos  string
	run   runner
	start starter
	// Windows only: ShellExecuteW with a verb ("open", "printto") and the
	// printers the spooler knows. Tests replace them.
	shell       shellExecutor
	winPrinters func() ([]Printer, error)
}

func realSystem() system {
	return system{goos: runtime.GOOS, run: runCommand, start: startCommand,
		shell: shellExecute, winPrinters: windowsPrinters}
}

// shellExecutor opens file with the program Windows associates with it for
// verb, passing params; a failure says why in Chinese.
type shellExecutor func(verb, file, params string) error

// Printers lists the printers of the system (CUPS; the spooler on Windows),
// the default one marked. With no printer, or no print service, the error
// wraps ErrNoPrinter.
func Printers() ([]Printer, error) { return realSystem().printers() }

// Print sends the PDF at pdfPath to a printer. On Windows it asks the PDF
// program for its "printto" verb (the chosen printer, one copy, the
// printer's own sides); where that cannot honour opt (no such program, more
// than one copy, two-sided) it opens the viewer and returns ErrOpenedInViewer
// (wrapped in a message saying what to choose there).
func Print(pdfPath string, opt Options) error { return realSystem().print(pdfPath, opt) }

// Open shows the file in the system's viewer for its type.
func Open(path string) error { return realSystem().open(path) }

// CanChoosePrinter reports whether Print honours Options.Printer.
func CanChoosePrinter() bool { return true }

// CanSetCopiesAndSides reports whether Print honours Options.Copies and
// TwoSided in one job (CUPS). On Windows a PDF program's print verb takes
// only the printer: copies and sides are set in the viewer's print dialog.
func CanSetCopiesAndSides() bool { return runtime.GOOS != "windows" }

// lpstatCommands are the queries Printers runs with CUPS. The C.UTF-8 locale
// keeps lpstat's words English (its messages are translated on 统信UOS and 麒麟)
// while printer names stay UTF-8.
var (
	lpstatNames   = command{"lpstat", []string{"-e"}}
	lpstatPrinter = command{"lpstat", []string{"-p"}}
	lpstatDefault = command{"lpstat", []string{"-d"}}
)

func (s system) printers() ([]Printer, error) {
	if s.goos == "windows" {
		return s.winPrinters()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	var names []string
	out, err := s.run(ctx, lpstatNames)
	if err == nil {
		names = parseNames(out)
	} else {
		if errors.Is(err, exec.ErrNotFound) {
			return nil, errNoCUPS
		}
		// CUPS before 2.2 has no -e: read the queue names from -p.
		out, err2 := s.run(ctx, lpstatPrinter)
		if err2 != nil {
			return nil, lpstatError(out, err2)
		}
		names = parsePrinterLines(out)
	}
	if len(names) == 0 {
		// -e says nothing when the scheduler is down; -p says why.
		if out, err := s.run(ctx, lpstatPrinter); err != nil {
			return nil, lpstatError(out, err)
		}
		return nil, ErrNoPrinter
	}
	def := ""
	if out, err := s.run(ctx, lpstatDefault); err == nil {
		def = parseDefault(out)
	}
	ps := make([]Printer, len(names))
	for i, n := range names {
		ps[i] = Printer{Name: n, Default: n == def}
	}
	return ps, nil
}

// lpstatError explains a failed lpstat: no destinations is ErrNoPrinter, a
// scheduler that does not answer is said so.
func lpstatError(out []byte, err error) error {
	msg := strings.ToLower(string(out) + " " + err.Error())
	switch {
	case strings.Contains(msg, "no destinations"):
		return ErrNoPrinter
	case strings.Contains(msg, "unable to connect"), strings.Contains(msg, "scheduler"):
		return errCUPSDown
	}
	return noPrinter{fmt.Sprintf("无法查询打印机：%v", err)}
}

// parseNames reads `lpstat -e`: one destination per line.
func parseNames(out []byte) []string {
	var names []string
	for _, line := range strings.Split(string(out), "\n") {
		if n := strings.TrimSpace(line); n != "" {
			names = append(names, n)
		}
	}
	return names
}

// parsePrinterLines reads the queue names from `lpstat -p`: lines
// "printer NAME is idle. …" / "printer NAME disabled since …", or, when the
// locale was not honoured, the Chinese "打印机 NAME …". Indented lines carry
// the reason of a state and are skipped.
func parsePrinterLines(out []byte) []string {
	var names []string
	for _, line := range strings.Split(string(out), "\n") {
		if line == "" || line[0] == ' ' || line[0] == '\t' {
			continue
		}
		f := strings.Fields(line)
		if len(f) >= 2 && (f[0] == "printer" || f[0] == "打印机") {
			names = append(names, f[1])
		}
	}
	return names
}

// parseDefault reads `lpstat -d`: "system default destination: NAME", or
// "no system default destination" (then ""). The Chinese form ends the same
// way, after a full-width or ASCII colon.
func parseDefault(out []byte) string {
	for _, line := range strings.Split(string(out), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "no system default") {
			continue
		}
		i := strings.LastIndexAny(line, ":：")
		if i < 0 {
			continue
		}
		_, size := lastRune(line[i:])
		if name := strings.TrimSpace(line[i+size:]); name != "" && !strings.ContainsAny(name, " \t") {
			return name
		}
	}
	return ""
}

func lastRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

// lpCommand is the CUPS command that prints pdfPath with opt.
func lpCommand(pdfPath string, opt Options) command {
	args := []string{}
	if opt.Printer != "" {
		args = append(args, "-d", opt.Printer)
	}
	args = append(args, "-n", strconv.Itoa(clampCopies(opt.Copies)))
	if opt.TwoSided {
		args = append(args, "-o", "sides=two-sided-long-edge")
	} else {
		args = append(args, "-o", "sides=one-sided")
	}
	// "--" so that a file name starting with "-" is never read as an option.
	args = append(args, "--", pdfPath)
	return command{"lp", args}
}

func clampCopies(n int) int {
	switch {
	case n < 1:
		return 1
	case n > MaxCopies:
		return MaxCopies
	}
	return n
}

// openCommands are the ways, tried in order, to show a file in its viewer.
func openCommands(goos, path string) []command {
	switch goos {
	case "darwin":
		return []command{{"open", []string{path}}}
	}
	return []command{
		{"xdg-open", []string{path}},
		{"gio", []string{"open", path}},
	}
}

func (s system) print(pdfPath string, opt Options) error {
	if _, err := os.Stat(pdfPath); err != nil {
		return fmt.Errorf("找不到要打印的文件：%w", err)
	}
	if s.goos == "windows" {
		return s.printWindows(pdfPath, opt)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	out, err := s.run(ctx, lpCommand(pdfPath, opt))
	if err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return errNoCUPS
		}
		return lpError(out, err)
	}
	return nil
}

// lpError explains a failed lp with its own message where it gave one.
func lpError(out []byte, err error) error {
	msg := strings.ToLower(string(out) + " " + err.Error())
	switch {
	case strings.Contains(msg, "no default destination"):
		return errors.New("没有默认打印机，请选择一台打印机")
	case strings.Contains(msg, "does not exist"), strings.Contains(msg, "not found"):
		return errors.New("所选的打印机不存在，请重新选择")
	case strings.Contains(msg, "unable to connect"), strings.Contains(msg, "scheduler"):
		return errCUPSDown
	}
	return fmt.Errorf("打印失败：%v", err)
}

func (s system) open(path string) error {
	if s.goos == "windows" {
		if err := s.shell("open", path, ""); err != nil {
			return fmt.Errorf("无法打开 PDF：%w", err)
		}
		return nil
	}
	var errs []string
	for _, c := range openCommands(s.goos, path) {
		err := s.start(c)
		if err == nil {
			return nil
		}
		if !errors.Is(err, exec.ErrNotFound) {
			errs = append(errs, fmt.Sprintf("%s：%v", c.name, err))
		}
	}
	if len(errs) == 0 {
		return errors.New("无法打开 PDF：系统中没有打开文件的程序（xdg-open），请安装 PDF 阅读器")
	}
	return fmt.Errorf("无法打开 PDF 阅读器：%s", strings.Join(errs, "；"))
}

// runCommand runs c in the C.UTF-8 locale and returns its output; a failure
// carries what the command printed on standard error.
func runCommand(ctx context.Context, c command) ([]byte, error) {
	cmd := exec.CommandContext(ctx, c.name, c.args...)
	hideConsole(cmd)
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8", "LANG=C.UTF-8")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return out, fmt.Errorf("%w: %s", err, msg)
		}
		return out, err
	}
	return out, nil
}

// viewerGrace is how long startCommand waits for a viewer launcher to fail.
// Launchers such as xdg-open often exit at once; some stay with the viewer.
const viewerGrace = 3 * time.Second

func startCommand(c command) error {
	cmd := exec.Command(c.name, c.args...)
	hideConsole(cmd)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			if msg := strings.TrimSpace(stderr.String()); msg != "" {
				return fmt.Errorf("%w: %s", err, msg)
			}
		}
		return err
	case <-time.After(viewerGrace):
		return nil // still running: the viewer is up; Wait reaps it later
	}
}
