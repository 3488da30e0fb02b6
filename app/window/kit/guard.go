package kit

import (
	"bytes"
	"errors"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"

	"nianbao/data/infile"
	"nianbao/data/outfile"
)

// fileRepository is what Fyne's own file:// repository implements.
type fileRepository interface {
	repository.Repository
	repository.WritableRepository
	repository.AppendableRepository
	repository.HierarchicalRepository
	repository.ListableRepository
	repository.MovableRepository
	repository.CopyableRepository
	repository.DeleteAllRepository
}

// guardedFiles is Fyne's file:// repository with the program's rules for the
// files its dialogs open: Fyne's save dialog truncates the chosen file before
// the program sees it, and its open dialog waits for ever on a FIFO. Here a
// writer refuses the open database and writes through outfile only when
// closed (atomically, keeping the mode), and a reader opens only a regular
// file, without blocking.
type guardedFiles struct {
	fileRepository
	protect func() []outfile.Protected
}

// useFileRules puts guardedFiles in place of Fyne's file repository,
// protecting what protect lists when a dialog's file is written. Fyne's
// repositories are its global state; the program has one window and one
// database.
func useFileRules(protect func() []outfile.Protected) {
	r, err := repository.ForScheme("file")
	if err != nil {
		return
	}
	if g, ok := r.(*guardedFiles); ok {
		g.protect = protect
		return
	}
	if fr, ok := r.(fileRepository); ok {
		repository.Register("file", &guardedFiles{fileRepository: fr, protect: protect})
	}
}

func (g *guardedFiles) Reader(u fyne.URI) (fyne.URIReadCloser, error) {
	f, err := infile.Open(u.Path())
	if err != nil {
		return nil, err
	}
	return &fileReader{File: f, uri: u}, nil
}

func (g *guardedFiles) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	if err := outfile.Guard(u.Path(), g.protect()...); err != nil {
		return nil, err
	}
	return &atomicWriter{uri: u}, nil
}

func (g *guardedFiles) Appender(u fyne.URI) (fyne.URIWriteCloser, error) {
	if err := outfile.Guard(u.Path(), g.protect()...); err != nil {
		return nil, err
	}
	return g.fileRepository.Appender(u)
}

type fileReader struct {
	*os.File
	uri fyne.URI
}

func (r *fileReader) URI() fyne.URI { return r.uri }

// atomicWriter collects what is written and writes it with outfile.Write on
// Close: the file at the path changes only then, and whole.
type atomicWriter struct {
	uri    fyne.URI
	buf    bytes.Buffer
	closed bool
}

// Discard closes a writer a file dialog gave without writing anything: the
// export path writes the chosen file itself (outfile, with the same guard).
// A writer of another kind is closed as it is.
func Discard(wc fyne.URIWriteCloser) error {
	if w, ok := wc.(*atomicWriter); ok {
		w.closed = true
		return nil
	}
	return wc.Close()
}

func (w *atomicWriter) URI() fyne.URI { return w.uri }

func (w *atomicWriter) Write(p []byte) (int, error) {
	if w.closed {
		return 0, os.ErrClosed
	}
	return w.buf.Write(p)
}

func (w *atomicWriter) Close() error {
	if w.closed {
		return errors.New("文件已关闭")
	}
	w.closed = true
	return outfile.Write(w.uri.Path(), w.buf.Bytes(), nil)
}
