package kit

import (
	"fmt"
	"io"
	"path/filepath"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"nianbao/data/outfile"
	"nianbao/data/report"
)

// FileDialogSize is the size of every file dialog of the window.
var FileDialogSize = fyne.NewSize(860, 560)

// Files are the window's file dialogs: they open in the folder used last,
// and they keep what the window must never write over, the database and every
// file it has read in this session (a report imported, a roster, the units'
// files of 汇总).
type Files struct {
	db   string
	keep func(folder string) // stores the folder of the last dialog

	mu     sync.Mutex // folder and read: the export path reads them off the UI goroutine
	folder string
	read   []string

	// The file dialog shown last and its listing (the UI goroutine's).
	shown   *dialog.FileDialog
	listing *listing
}

// listing is the filter of a file dialog that notes when the dialog last
// listed a folder: Fyne's dialog asks its filter about every file as it
// lists one, on the UI goroutine.
type listing struct {
	storage.FileFilter
	at time.Time
}

func (l *listing) Matches(u fyne.URI) bool {
	l.at = time.Now()
	return l.FileFilter.Matches(u)
}

// Chosen says whether a file the open dialog gave its callback was really
// chosen (打开, or a double-click on it). Fyne's dialog opens a folder on the
// first click of a double-click, then takes the second click for a
// double-click on whatever file then lies under the pointer (its list reuses
// the row's widget, with the time of the first click) and opens that file
// without 打开. An open that comes within a double-click's time of the
// dialog listing a folder is that second click: the file is closed unread and
// the dialog shown again, in the folder the user opened, for the user to choose.
func (f *Files) Chosen(rc fyne.URIReadCloser) bool {
	if rc == nil || f.listing == nil || f.shown == nil {
		return rc != nil
	}
	delay := 300 * time.Millisecond
	if a := fyne.CurrentApp(); a != nil {
		delay = a.Driver().DoubleTapDelay()
	}
	if time.Since(f.listing.at) > delay {
		return true
	}
	rc.Close()
	f.shown.Show()
	return false
}

// NewFiles makes the file dialogs of the window on the database at dbPath;
// keep stores the folder of the last dialog. Every file dialog of the program
// from then on reads only regular files and writes nothing Protected lists.
func NewFiles(dbPath string, keep func(folder string)) *Files {
	f := &Files{db: dbPath, keep: keep}
	useFileRules(f.Protected)
	return f
}

// Protected lists what no output may replace: the database with its
// journal, and the files read in this session.
func (f *Files) Protected() []outfile.Protected {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append(outfile.Database(f.db), outfile.Inputs(f.read...)...)
}

// NoteRead adds files the window has read to those no output may replace.
func (f *Files) NoteRead(paths ...string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, p := range paths {
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		f.read = append(f.read, p)
	}
}

// Folder is the folder of the last file dialog ("" before any).
func (f *Files) Folder() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.folder
}

// SetFolder sets the folder the next dialog opens in without storing it.
func (f *Files) SetFolder(uri string) {
	f.mu.Lock()
	f.folder = uri
	f.mu.Unlock()
}

// Loaded sets the folder read from the store, unless a dialog was used meanwhile.
func (f *Files) Loaded(uri string) {
	f.mu.Lock()
	if f.folder == "" {
		f.folder = uri
	}
	f.mu.Unlock()
}

// Show shows a file dialog the program's way: in the folder used last,
// large, and (for files) as a list, which long Chinese names read better in,
// showing only files with the given extensions (nil: folders).
func (f *Files) Show(d *dialog.FileDialog, exts []string) {
	f.shown, f.listing = d, nil
	if exts != nil {
		f.listing = &listing{FileFilter: storage.NewExtensionFileFilter(exts)}
		d.SetFilter(f.listing)
		d.SetView(dialog.ListView)
	}
	if uri, err := storage.ParseURI(f.Folder()); f.Folder() != "" && err == nil {
		if l, err := storage.ListerForURI(uri); err == nil {
			d.SetLocation(l)
		}
	}
	d.Resize(FileDialogSize)
	d.Show()
}

// RememberFolder keeps the folder of a file the user chose, for the next dialog.
func (f *Files) RememberFolder(file fyne.URI) {
	if dir, err := storage.Parent(file); err == nil {
		f.RememberDir(dir)
	}
}

// RememberDir keeps a folder the user chose, for the next dialog.
func (f *Files) RememberDir(dir fyne.URI) {
	f.SetFolder(dir.String())
	if f.keep != nil {
		f.keep(dir.String())
	}
}

// Read reads a file the user chose in a dialog, up to the reader's size
// limit: a larger file is refused whole, never read in part. The file is
// remembered as read, so that no output replaces it.
func (f *Files) Read(rc fyne.URIReadCloser) ([]byte, error) {
	f.NoteRead(rc.URI().Path())
	data, err := io.ReadAll(io.LimitReader(rc, report.MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > report.MaxFileSize {
		return nil, fmt.Errorf("%s：文件超过 %d MB 的上限，不是年报文件或名单", rc.URI().Name(), report.MaxFileSize>>20)
	}
	return data, nil
}

// SystemPath is the file's path as the system writes it: a file URI's path
// has forward slashes, which Windows users do not know as a path.
func SystemPath(u fyne.URI) string { return filepath.FromSlash(u.Path()) }
