package combine

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"nianbao/data/printed"
	"nianbao/data/report"
)

// MaxFiles bounds how many report files one round reads from folders, so that
// pointing at a home folder by mistake gives a message instead of a long wait.
const MaxFiles = 100_000

// Skipped is a file in a folder that was not read, and why.
type Skipped struct {
	Path string
	Why  string
	// Report says the file looks like a report file (*.json) that should
	// have been read: a link to nothing, or not a regular file.
	Report bool
}

// Found is what the paths the office gave hold: the report files to read, in
// order, and every other entry of the folders with why it was not read.
type Found struct {
	Files   []string
	Skipped []Skipped
}

// ExpandPaths turns the paths the office gave (files and folders) into the
// report files to read: a file as given, a folder's *.json files and reports
// as received (.docx, .pdf, .html, .htm, .doc, .wps, .rtf, .mht) at any depth,
// in name order. Links are followed, to files and to folders, each file and
// folder read once however many links lead to it (a link back to a folder
// above is a loop, not read again). Every entry of a folder that is not read
// is listed with why, so that nothing is left out without a word. A path that
// does not exist is an error naming it.
func ExpandPaths(paths []string) (Found, error) {
	var out Found
	w := walker{out: &out, seenDirs: map[string]bool{}, seenFiles: map[string]string{}}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return Found{}, fmt.Errorf("无法读取 %s：%w", p, err)
		}
		if !info.IsDir() {
			out.Files = append(out.Files, p)
			continue
		}
		w.root, w.found = p, nil
		if err := w.dir(p); err != nil {
			return Found{}, err
		}
		sort.Strings(w.found)
		out.Files = append(out.Files, w.found...)
	}
	return out, nil
}

// walker reads folders, following links, once each.
type walker struct {
	out       *Found
	root      string
	found     []string
	seenDirs  map[string]bool   // real paths of the folders read
	seenFiles map[string]string // real path of a file found → the path it was found under
}

// reportExts are the names of the files a folder's scan reads: report files
// and the reports as received (see data/intake/anyfile).
var reportExts = []string{".json", ".docx", ".pdf", ".html", ".htm", ".doc", ".wps", ".rtf", ".mht", ".mhtml"}

func isReportName(name string) bool {
	return slices.Contains(reportExts, strings.ToLower(filepath.Ext(name)))
}

func (w *walker) skip(path, why string, reportFile bool) {
	w.out.Skipped = append(w.out.Skipped, Skipped{Path: path, Why: why, Report: reportFile})
}

func (w *walker) dir(path string) error {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return fmt.Errorf("无法读取文件夹 %s：%w", path, err)
	}
	if w.seenDirs[real] {
		w.skip(path, "链接到已读过的文件夹（"+real+"），不再重复读", false)
		return nil
	}
	w.seenDirs[real] = true
	entries, err := os.ReadDir(path)
	if err != nil {
		return fmt.Errorf("无法读取文件夹 %s：%w", path, err)
	}
	for _, d := range entries {
		if err := w.entry(filepath.Join(path, d.Name()), real, d); err != nil {
			return err
		}
	}
	return nil
}

// entry takes one entry of a folder whose real path is dirReal.
func (w *walker) entry(path, dirReal string, d fs.DirEntry) error {
	name := d.Name()
	mode := d.Type()
	link := mode&fs.ModeSymlink != 0
	if link {
		info, err := os.Stat(path)
		if err != nil {
			w.skip(path, "链接指向的文件不存在或无法读取", isReportName(name))
			return nil
		}
		mode = info.Mode().Type()
	}
	switch {
	case mode.IsDir():
		return w.dir(path)
	case !isReportName(name):
		w.skip(path, "不是年报文件（*.json）或 Word、PDF、网页文件", false)
	case !mode.IsRegular():
		w.skip(path, "不是普通文件（设备、管道等），未读取", true)
	default:
		real := filepath.Join(dirReal, name)
		if link {
			var err error
			if real, err = filepath.EvalSymlinks(path); err != nil {
				w.skip(path, "链接指向的文件不存在或无法读取", true)
				return nil
			}
		}
		if first, dup := w.seenFiles[real]; dup {
			w.skip(path, "与 "+first+" 是同一个文件，只读一次", false)
			return nil
		}
		w.seenFiles[real] = path
		w.found = append(w.found, path)
		if len(w.out.Files)+len(w.found) > MaxFiles {
			return fmt.Errorf("文件夹 %s 中的年报文件超过 %d 个，请检查是否选错了文件夹", w.root, MaxFiles)
		}
	}
	return nil
}

// ReadFile reads one unit's report file as received: its modification time is
// when it was received. A combined report's file (an earlier round's -o) says
// which units it sums: they are its members, so that none is counted twice.
func ReadFile(path string) (Received, error) {
	r, err := report.ReadFile(path)
	if err != nil {
		return Received{}, printed.Explain(err)
	}
	return Receive(path, r), nil
}

// Receive is ReadFile for a report read from path by another reader (a Word
// file, a PDF, a web page).
func Receive(path string, r *report.Report) Received {
	rec := Received{Report: r, Source: path}
	if r.Combined != nil {
		rec.Members = slices.Clone(r.Combined.Units)
	}
	if info, err := os.Stat(path); err == nil {
		rec.At = info.ModTime()
	}
	return rec
}
