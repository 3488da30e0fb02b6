package window

import (
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Fyne's file dialog writes some words as plain strings, not through its
// translations (lang): the places (Home, Desktop, …) and the questions it
// asks before replacing a file. They are put into Chinese as the dialogs
// are shown (see chineseDialogs).
var fyneFixedWords = map[string]string{
	"Home":             "主文件夹",
	"Computer":         "计算机",
	"App Files":        "程序文件",
	"Desktop":          "桌面",
	"Documents":        "文档",
	"Downloads":        "下载",
	"Music":            "音乐",
	"Pictures":         "图片",
	"Videos":           "视频",
	"Movies":           "影片",
	"Overwrite?":       "替换文件？",
	"Cannot overwrite": "无法替换",
	"Files cannot replace a directory,\ncheck the file name and try again": "文件不能替换文件夹，请检查文件名后再试。",
	"folder cannot be created": "无法创建文件夹",
}

var spacedWords = regexp.MustCompile(`^(\p{Han}+) (\p{Han}+)$`)

// chineseText is s in Chinese where s is one of Fyne's fixed English texts.
func chineseText(s string) (string, bool) {
	if c, ok := fyneFixedWords[s]; ok {
		return c, true
	}
	const overwrite = "Are you sure you want to overwrite the file\n"
	if name, ok := strings.CutPrefix(s, overwrite); ok {
		return "文件“" + strings.TrimSuffix(name, "?") + "”已存在。要替换它吗？", true
	}
	if p, ok := strings.CutPrefix(s, "Failed to create folder with path "); ok {
		return "无法创建文件夹 " + filepath.FromSlash(p), true
	}
	// The file dialog's title is two translated words joined by a space
	// (label + " " + lang.L("File")): "保存 文件" reads as 保存文件.
	if m := spacedWords.FindStringSubmatch(s); m != nil {
		return m[1] + m[2], true
	}
	return s, false
}

// chineseDialogs wraps the window so that every dialog, file dialog and
// pop-up shown over it has Fyne's fixed English words put into Chinese.
func chineseDialogs(w fyne.Window) fyne.Window {
	return &chineseWindow{Window: w, overlays: &chineseOverlays{}}
}

type chineseWindow struct {
	fyne.Window
	overlays *chineseOverlays
}

func (w *chineseWindow) Canvas() fyne.Canvas {
	return &chineseCanvas{Canvas: w.Window.Canvas(), overlays: w.overlays}
}

// Unwrap is the window Fyne made, for what needs the driver's own window.
func (w *chineseWindow) Unwrap() fyne.Window { return w.Window }

type chineseCanvas struct {
	fyne.Canvas
	overlays *chineseOverlays
}

func (c *chineseCanvas) Overlays() fyne.OverlayStack {
	o := c.overlays
	o.mu.Lock()
	o.OverlayStack = c.Canvas.Overlays()
	o.mu.Unlock()
	return o
}

type chineseOverlays struct {
	fyne.OverlayStack
	mu sync.Mutex
}

func (o *chineseOverlays) Add(overlay fyne.CanvasObject) {
	o.translate(overlay)
	o.OverlayStack.Add(overlay)
}

// translate puts the fixed words of o and everything in it into Chinese; a
// list's items, made later, are put into Chinese as the list fills them.
func (o *chineseOverlays) translate(obj fyne.CanvasObject) {
	switch v := obj.(type) {
	case *widget.PopUp:
		o.translate(v.Content)
	case *fyne.Container:
		for _, c := range v.Objects {
			o.translate(c)
		}
	case *container.Split:
		o.translate(v.Leading)
		o.translate(v.Trailing)
	case *container.Scroll:
		o.translate(v.Content)
	case *widget.Label:
		if c, ok := chineseText(v.Text); ok {
			v.SetText(c)
		}
	case *widget.Button:
		if c, ok := chineseText(v.Text); ok {
			v.SetText(c)
		}
	case *widget.List:
		// A dialog shown again wraps its list again: harmless, as translating
		// Chinese text changes nothing; no record is kept that would hold the
		// closed dialog in memory.
		if v.UpdateItem != nil {
			update := v.UpdateItem
			v.UpdateItem = func(id widget.ListItemID, item fyne.CanvasObject) {
				update(id, item)
				o.translate(item)
			}
		}
	}
}
