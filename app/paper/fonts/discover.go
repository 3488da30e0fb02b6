package fonts

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/signintech/gopdf/fontmaker/core"
)

// official lists, role by role and in order of preference, the file names
// under which the official faces are installed (compared case-insensitively),
// and how the font report names them.
var official = map[Role][]struct{ file, label string }{
	RoleTitle: {
		{"fzxbsjw.ttf", "方正小标宋简体"}, {"fzxbsk.ttf", "方正小标宋_GBK"},
		{"方正小标宋简体.ttf", "方正小标宋简体"}, {"fzxbs.ttf", "方正小标宋"},
	},
	RoleBody: {
		{"fangsong_gb2312.ttf", "仿宋_GB2312"}, {"仿宋_gb2312.ttf", "仿宋_GB2312"}, {"fs_gb2312.ttf", "仿宋_GB2312"},
		{"simfang.ttf", "仿宋"}, {"仿宋.ttf", "仿宋"}, {"fzfsjw.ttf", "方正仿宋简体"}, {"fzfsk.ttf", "方正仿宋_GBK"},
		{"stfangso.ttf", "华文仿宋"},
	},
	RoleHeading: {
		{"simhei.ttf", "黑体"}, {"黑体.ttf", "黑体"}, {"fzhtjw.ttf", "方正黑体简体"}, {"fzhtk.ttf", "方正黑体_GBK"},
	},
	RoleSection: {
		{"kaiti_gb2312.ttf", "楷体_GB2312"}, {"楷体_gb2312.ttf", "楷体_GB2312"}, {"kt_gb2312.ttf", "楷体_GB2312"},
		{"simkai.ttf", "楷体"}, {"楷体.ttf", "楷体"}, {"fzktjw.ttf", "方正楷体简体"}, {"fzktk.ttf", "方正楷体_GBK"},
		{"stkaiti.ttf", "华文楷体"},
	},
}

// SystemDirs returns the folders where Windows and the Linux desktops (统信UOS,
// 银河麒麟 included) install fonts, for this machine's system.
func SystemDirs() []string {
	if runtime.GOOS == "windows" {
		win := os.Getenv("WINDIR")
		if win == "" {
			win = `C:\Windows`
		}
		dirs := []string{filepath.Join(win, "Fonts")}
		if l := os.Getenv("LOCALAPPDATA"); l != "" { // fonts installed for one user (Windows 10+)
			dirs = append(dirs, filepath.Join(l, "Microsoft", "Windows", "Fonts"))
		}
		return dirs
	}
	dirs := []string{"/usr/share/fonts", "/usr/local/share/fonts"}
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, ".local", "share", "fonts"), filepath.Join(home, ".fonts"))
	}
	return dirs
}

// Found is the result of a search for the official faces.
type Found struct {
	Faces   map[Role]*Face
	Skipped []string // Chinese notes on files that have an official name but cannot be used
}

// Discover looks for the official faces in dirs (searched in order, with their
// sub-folders; the first file of a name wins) and loads those gopdf can embed.
// 方正小标宋, when found, serves both the title and the bold runs.
func Discover(dirs []string) Found {
	byName := map[string]string{}
	for _, d := range dirs {
		walkFonts(d, byName)
	}
	out := Found{Faces: map[Role]*Face{}}
	for _, r := range []Role{RoleTitle, RoleBody, RoleHeading, RoleSection} {
		for _, c := range official[r] {
			path, ok := byName[c.file]
			if !ok {
				continue
			}
			f, err := load(path, c.label)
			if err != nil {
				out.Skipped = append(out.Skipped, "跳过 "+path+"："+err.Error())
				continue
			}
			out.Faces[r] = f
			break
		}
	}
	if f := out.Faces[RoleTitle]; f != nil {
		out.Faces[RoleBold] = f
	}
	return out
}

// walkFonts records every .ttf file under dir by its lower-case base name.
// Depth is limited: font folders are shallow, and a mistaken FontDirs entry
// such as a home folder must not make printing slow.
func walkFonts(dir string, byName map[string]string) {
	base := strings.Count(filepath.Clean(dir), string(filepath.Separator))
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if strings.Count(filepath.Clean(p), string(filepath.Separator))-base > 4 {
				return fs.SkipDir
			}
			return nil
		}
		name := strings.ToLower(d.Name())
		if strings.HasSuffix(name, ".ttf") {
			if _, seen := byName[name]; !seen {
				byName[name] = p
			}
		}
		return nil
	})
}

// load reads and checks one system font, with this package's reader and, on
// a subset, with gopdf's, so that a face accepted here is one the PDF can embed.
func load(path, label string) (*Face, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	f, err := Parse(asciiName(name), label+"（"+path+"）", path, data)
	if err != nil {
		return nil, err
	}
	// what gopdf will read is a subset of the face: try one
	sub, err := f.Subset([]rune("政府信息公开工作年度报告一二三（）。，0123456789"))
	if err != nil {
		return nil, err
	}
	var p core.TTFParser
	if err := p.ParseFontData(sub); err != nil {
		return nil, fmt.Errorf("PDF 库无法读取：%w", err)
	}
	return f, nil
}

// asciiName makes a PDF font name from a file name: 方正小标宋简体 → "U65B9U6B63…".
func asciiName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		default:
			fmt.Fprintf(&b, "U%X", r)
		}
	}
	return b.String()
}
