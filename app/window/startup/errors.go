package startup

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
)

// Why the window cannot open, before it ever shows. The message is for a user
// who double-clicked the program: what is wrong and what to do.
var (
	// ErrNoDisplay: no graphical display to open a window on (DISPLAY unset, or
	// the X server gone).
	ErrNoDisplay = errors.New("no display")
	// ErrNoOpenGL: the display cannot give an OpenGL 2.1 context (virtual
	// machines, remote and cloud desktops, old drivers).
	ErrNoOpenGL = errors.New("no OpenGL 2.1")
)

// startError is a failure before the first window, with the system's own words.
type startError struct {
	kind  error  // ErrNoDisplay, ErrNoOpenGL, or nil for another failure
	cause string // the driver's message, kept for technical support
	goos  string
}

func (e *startError) Unwrap() error { return e.kind }

func (e *startError) Error() string {
	var b strings.Builder
	switch e.kind {
	case ErrNoDisplay:
		b.WriteString("没有可用的图形显示（未设置 DISPLAY，或显示服务器已关闭），无法打开窗口。\n\n")
		b.WriteString("请在桌面环境中启动年报程序；没有桌面时，可以在命令行中使用：\n")
		b.WriteString("  nianbao check 文件.nianbao.json    检查年报\n")
		b.WriteString("  nianbao pdf 文件.nianbao.json      生成 PDF\n")
		b.WriteString("  nianbao help                       查看全部命令")
	case ErrNoOpenGL:
		b.WriteString("这台电脑的显卡驱动不支持 OpenGL 2.1，年报程序的窗口无法打开。虚拟机、远程桌面和云桌面常有这种情况。\n\n")
		if e.goos == "windows" {
			b.WriteString("解决办法：更新显卡驱动；在虚拟机中打开“3D 加速”；或者使用 Mesa 软件渲染：从 mesa-dist-win 项目的发布包（release-msvc）的 x64 文件夹中，把 opengl32.dll、libgallium_wgl.dll（以及 libglapi.dll，如果有）复制到 nianbao.exe 所在的文件夹，再重新启动。\n")
			b.WriteString("不打开窗口也可以工作：在命令提示符中使用 nianbao-cli.exe（例如 nianbao-cli.exe check 文件.nianbao.json），nianbao-cli.exe help 查看全部命令。")
		} else {
			b.WriteString("解决办法：安装或更新显卡驱动（Mesa 的 libgl1-mesa-dri 软件包提供软件渲染）；在虚拟机中打开“3D 加速”。\n")
			b.WriteString("不打开窗口也可以工作：在终端中使用 nianbao check、nianbao pdf 等命令，nianbao help 查看全部命令。")
		}
	default:
		b.WriteString("年报程序的窗口无法打开。")
	}
	if e.cause != "" {
		fmt.Fprintf(&b, "\n\n（系统的说明：%s）", e.cause)
	}
	return b.String()
}

// DriverError tells from the graphics driver's message why no window
// could be made; initFailed says whether it came from initialising the driver
// (which needs only a display) rather than from creating the window.
func DriverError(msg string, initFailed bool) *startError {
	msg = driverWords(msg)
	e := &startError{cause: msg, goos: runtime.GOOS}
	lower := strings.ToLower(msg)
	// A window the driver cannot make is, in practice, always the OpenGL context.
	e.kind = ErrNoOpenGL
	if initFailed || strings.Contains(lower, "display") && !strings.Contains(lower, "opengl") {
		e.kind = ErrNoDisplay
	}
	return e
}

// driverWords keeps what the driver said of a log: the causes, without the
// log's time stamps, Fyne's "Fyne error:" headings and source positions.
func driverWords(log string) string {
	var keep []string
	aside := false // under a Fyne heading that is not about the window (the locale)
	for _, line := range strings.Split(log, "\n") {
		line = strings.TrimSpace(line)
		// log.LstdFlags: "2006/01/02 15:04:05 "
		if len(line) > 20 && line[4] == '/' && line[7] == '/' && line[13] == ':' && line[19] == ' ' {
			line = strings.TrimSpace(line[20:])
		}
		if heading, ok := strings.CutPrefix(line, "Fyne error:"); ok {
			aside = strings.Contains(heading, "locale")
			continue
		}
		if line == "" || aside || strings.HasPrefix(line, "At:") {
			continue
		}
		keep = append(keep, strings.TrimSpace(strings.TrimPrefix(line, "Cause:")))
	}
	return strings.Join(keep, "；")
}
