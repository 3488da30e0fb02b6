// Package cli is the command line of nianbao: the same binary as the window,
// used for batches and for working without a screen. Every word it prints is
// simplified Chinese.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"nianbao/data/syserr"
	"os"
	"strings"
)

// Exit statuses.
const (
	exitOK      = 0 // done; for check: no errors (warnings allowed)
	exitErrors  = 1 // check: some report has errors
	exitFailure = 2 // bad usage, or a file or database that cannot be used
)

// OpenWindow opens the window on the database at dbPath ("" for the default),
// importing the report files in open first (a file double-clicked, or opened
// through 打开方式, starts the program with it).
type OpenWindow func(dbPath string, open []string) error

// env is what a command works with: where to print, and how to open the window.
// Every word printed goes to stdout or stderr, through escapeTerminal; data
// is an output file written to standard output ("-o -"), byte for byte. stdout
// is where the words go: words (standard output) until an output option names
// standard output, stderr from then on (outputVar).
type env struct {
	stdout, stderr io.Writer
	words          io.Writer // standard output, for words
	data           io.Writer
	toData         map[string]bool // output option → writes to standard output
	openWindow     OpenWindow
}

// fail says on stderr that what failed, and why, in Chinese (the OS's and
// SQLite's English translated by syserr.Text); what "" prints the reason alone.
func (e *env) fail(what string, err error) {
	if what == "" {
		fmt.Fprintln(e.stderr, syserr.Text(err))
		return
	}
	fmt.Fprintf(e.stderr, "%s：%s\n", what, syserr.Text(err))
}

type command struct {
	name  string
	brief string // one line for the command list
	usage string // full help text
	run   func(e *env, args []string) int
}

func commands() []command {
	return []command{
		{"check", "检查年报文件的勾稽关系和常见问题", checkUsage, runCheck},
		printCommand("pdf", "生成公文格式的 PDF", pdfUsage, pdfFormat),
		printCommand("docx", "生成公文格式的 Word 文件（.docx）", docxUsage, docxFormat),
		printCommand("ofd", "生成公文格式的 OFD 版式文件", ofdUsage, ofdFormat),
		printCommand("html", "生成网站发布用的网页（含表格数据）", htmlUsage, htmlFormat),
		{"convert", "把 Word、PDF、网页中的年报读成年报文件，列出需要核对之处", convertUsage, runConvert},
		{"import", "把年报文件导入数据库", importUsage, runImport},
		{"export", "把数据库中的年报导出为年报文件", exportUsage, runExport},
		{"list", "列出数据库中的年报", listUsage, runList},
		{"history", "列出一份年报的历史版本或已删除的年报", historyUsage, runHistory},
		{"rename", "改正数据库中一份年报的机关名称（如旧版本保存的名称）", renameUsage, runRename},
		{"restore", "恢复一个历史版本，或从备份恢复整个数据库", restoreUsage, runRestore},
		{"backup", "立即备份数据库", backupUsage, runBackup},
		{"backups", "列出数据库的备份", backupsUsage, runBackups},
		{"combine", "汇总下属单位的年报：收报情况、合计、逐格核对、汇总表格", combineUsage, runCombine},
		{"register", "依申请公开台账：导入、到期提醒、导出，按台账填写第三部分", registerUsage, runRegister},
		{"server", "管理数据库服务器上的共享数据库：建立、为各单位建立登录", serverUsage, runServer},
		{"version", "显示版本", versionUsage, runVersion},
	}
}

const mainUsage = `年报（nianbao）：编制、检查、打印政府信息公开工作年度报告。

用法：
  nianbao [--db 路径或地址]    打开程序窗口
  nianbao 命令 [选项] [参数]    在命令行中工作

命令：
%s
每个命令都可加 --help 查看说明，例如：nianbao check --help
`

// Run runs the command line with args (without the program name) and returns
// the exit status.
func Run(args []string, stdout, stderr io.Writer, openWindow OpenWindow) int {
	e := &env{stdout: terminal{stdout}, words: terminal{stdout}, stderr: terminal{stderr}, data: stdout, openWindow: openWindow}
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return runWindow(e, args)
	}
	name := args[0]
	if isFile(name) {
		return runWindow(e, args) // a report file opened with the program
	}
	if name == "help" {
		if len(args) > 1 {
			for _, c := range commands() {
				if c.name == args[1] {
					fmt.Fprint(stdout, c.usage)
					return exitOK
				}
			}
		}
		printMainUsage(stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(e, args[1:])
		}
	}
	fmt.Fprintf(stderr, "未知的命令：%s\n", name)
	printMainUsage(stderr)
	return exitFailure
}

func printMainUsage(w io.Writer) {
	var b strings.Builder
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-9s %s\n", c.name, c.brief)
	}
	fmt.Fprintf(w, mainUsage, b.String())
}

func runWindow(e *env, args []string) int {
	fs := newFlagSet("nianbao")
	db := fs.String("db", "", "")
	rest, code, done := parse(e, fs, args, "", printMainUsage)
	if done {
		return code
	}
	for _, f := range rest {
		if !isFile(f) {
			fmt.Fprintf(e.stderr, "未知的命令：%s\n", f)
			printMainUsage(e.stderr)
			return exitFailure
		}
	}
	if e.openWindow == nil {
		fmt.Fprintln(e.stderr, "这个程序没有窗口界面")
		return exitFailure
	}
	if *db == "" {
		*db = os.Getenv(envDB)
	}
	if err := e.openWindow(*db, rest); err != nil {
		e.fail("无法打开窗口", err)
		return exitFailure
	}
	return exitOK
}

// isFile tells an argument that names a file rather than a command: a path
// with a folder or an extension that is there (a command name is neither).
func isFile(arg string) bool {
	if !strings.ContainsAny(arg, `./\`) {
		return false
	}
	info, err := os.Stat(arg)
	return err == nil && !info.IsDir()
}

func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // the flag package's own messages are English; parse prints ours
	return fs
}

// parse parses flags that may stand before, between or after the positional
// arguments (nianbao check a.json --json). It returns the positional arguments;
// done reports that the command should end now with code (help, or a bad flag).
func parse(e *env, fs *flag.FlagSet, args []string, usage string, mainUsage func(io.Writer)) (rest []string, code int, done bool) {
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			if mainUsage != nil {
				mainUsage(e.stdout)
			} else {
				fmt.Fprint(e.stdout, usage)
			}
			return nil, exitOK, true
		}
		if err != nil {
			fmt.Fprintln(e.stderr, flagError(err))
			if mainUsage != nil {
				mainUsage(e.stderr)
			} else {
				fmt.Fprint(e.stderr, usage)
			}
			return nil, exitFailure, true
		}
		if e.dataTwice() {
			return nil, exitFailure, true
		}
		args = fs.Args()
		if len(args) == 0 {
			return rest, exitOK, false
		}
		// "--" ends the options: everything after it is an argument.
		if len(args) > 0 && wasTerminated(args, fs) {
			return append(rest, args...), exitOK, false
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

// parseNoArgs reads the options of a command that takes no arguments beyond them:
// done when it has answered (help, a wrong option, or arguments it was given),
// with code the exit status to return.
func parseNoArgs(e *env, fs *flag.FlagSet, args []string, usage string) (code int, done bool) {
	rest, code, done := parse(e, fs, args, usage, nil)
	if done {
		return code, true
	}
	if len(rest) > 0 {
		fmt.Fprintf(e.stderr, "多余的参数：%s\n\n%s", strings.Join(rest, " "), usage)
		return exitFailure, true
	}
	return exitOK, false
}

// wasTerminated reports whether the flag set stopped at "--" rather than at a
// positional argument. The flag package drops the "--" itself, so this looks at
// whether the first remaining argument starts with "-".
func wasTerminated(args []string, _ *flag.FlagSet) bool {
	return strings.HasPrefix(args[0], "-") && args[0] != "-"
}

// flagError translates the flag package's English errors.
func flagError(err error) string {
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		return "未知的选项：" + strings.TrimPrefix(msg, "flag provided but not defined: ")
	case strings.HasPrefix(msg, "flag needs an argument: "):
		return "选项 " + strings.TrimPrefix(msg, "flag needs an argument: ") + " 需要一个值"
	case strings.HasPrefix(msg, "invalid value "):
		// invalid value "x" for flag -year: parse error
		rest := strings.TrimPrefix(msg, "invalid value ")
		val, flagPart, _ := strings.Cut(rest, " for flag ")
		name, _, _ := strings.Cut(flagPart, ":")
		return fmt.Sprintf("选项 %s 的值无效：%s", name, strings.Trim(val, `"`))
	}
	return "选项有误：" + msg
}

// Main runs the command line as the operating system started the program and
// returns the exit status.
func Main(openWindow OpenWindow) int {
	args := os.Args[1:]
	if len(args) > 0 && !isWindowArgs(args) {
		attachConsole()
		lightGC(commandHeap)
	}
	return Run(args, os.Stdout, os.Stderr, openWindow)
}

// isWindowArgs reports whether args open the window rather than run a command.
func isWindowArgs(args []string) bool {
	return strings.HasPrefix(args[0], "-") && args[0] != "-h" && args[0] != "--help" && args[0] != "-help"
}
