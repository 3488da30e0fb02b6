package kit

import (
	"fmt"
	"io"
	"path/filepath"
	"sync"

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
	if exts != nil {
		d.SetFilter(storage.NewExtensionFileFilter(exts))
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
