package main

import (
	"bytes"
	"os"
	"os/exec"
	"runtime/debug"
	"strings"
	"testing"
)

// The tests run this very program: the test binary is main with the same
// imports (and so the same package initialisation), started again with
// NIANBAO_TEST_MAIN=1.
func TestMain(m *testing.M) {
	if os.Getenv("NIANBAO_TEST_MAIN") == "1" {
		main()
	}
	os.Exit(m.Run())
}

func runProgram(t *testing.T, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "NIANBAO_TEST_MAIN=1", "HOME="+t.TempDir(), "XDG_CONFIG_HOME="+t.TempDir())
	cmd.Env = append(cmd.Env, env...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return o.String(), e.String(), ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String(), 0
}

// Issue 8.11: in the C locales Fyne's locale parser logged three English
// lines on every command's stderr.
func TestCommandLinePrintsOnlyItsOwnWords(t *testing.T) {
	for _, locale := range []string{"C", "C.UTF-8", "POSIX", "zh_CN.UTF-8"} {
		t.Run(locale, func(t *testing.T) {
			out, errOut, code := runProgram(t, []string{"LANG=" + locale, "LC_ALL=" + locale, "LANGUAGE="}, "version")
			if code != 0 || !strings.Contains(out, "年报") {
				t.Errorf("version: exit %d, stdout %q", code, out)
			}
			if errOut != "" {
				t.Errorf("stderr is not empty:\n%s", errOut)
			}
		})
	}
}

// Issue 8.10: without a display the window says so in Chinese, says how to
// work on the command line, and ends with status 2; no Go stack trace.
func TestNoDisplay(t *testing.T) {
	for _, display := range []string{"", ":97"} { // unset; a server that is not there
		t.Run("DISPLAY="+display, func(t *testing.T) {
			out, errOut, code := runProgram(t, []string{"DISPLAY=" + display, "WAYLAND_DISPLAY="})
			if code != 2 {
				t.Errorf("exit status %d, want 2", code)
			}
			for _, w := range []string{"无法打开窗口", "没有可用的图形显示", "nianbao check", "nianbao help"} {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errOut)
				}
			}
			if strings.Contains(errOut, "goroutine") || strings.Contains(errOut, "panic") || strings.Contains(errOut, "Fyne error") {
				t.Errorf("stderr has a Go trace or Fyne's words:\n%s", errOut)
			}
			if out != "" {
				t.Errorf("stdout %q", out)
			}
		})
	}
}

// Issue 23.7: every command pays the package initialisation of everything
// the program links. excelize's (regular expressions and tables, about a
// third of `nianbao version`'s time) was paid by every command for the one
// workbook 汇总 writes; the workbook is written by app/sheet itself.
func TestProgramDoesNotLinkExcelize(t *testing.T) {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		t.Skip("no build information in this binary")
	}
	for _, m := range info.Deps {
		if m.Path == "github.com/xuri/excelize/v2" {
			t.Errorf("the program links %s %s", m.Path, m.Version)
		}
	}
}
