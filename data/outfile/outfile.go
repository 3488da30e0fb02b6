// Package outfile writes the program's output files the one safe way: over a
// regular file (or nothing) through a temporary file in the same folder, synced
// and renamed, so that a crash or a full disk never leaves half a file in place
// of a good one; never over a SQLite database (or a file with SQLite's -wal,
// -shm or -journal beside it), whatever the command; straight to a device, a pipe or standard output ("-"), which
// must never be replaced by a regular file. New files get the permissions the
// user's umask gives; an existing file keeps its mode. It also refuses to write
// onto a file the same command reads (the open database, an input), compared
// by identity rather than by spelling, and makes default file names safe.
package outfile

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"nianbao/data/syserr"
)

// Stdout is the path that means standard output.
const Stdout = "-"

// IsStdout reports whether path means standard output: "-", or one of the
// names Linux gives it (/dev/stdout, /dev/fd/1, /proc/self/fd/1), which are
// written as standard output too: resolved, they may name the file the shell
// redirected to, which must not be replaced by another.
func IsStdout(path string) bool {
	switch path {
	case Stdout, "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1":
		return true
	}
	return false
}

// Write writes data to path. path "-" writes to stdout. An existing path that
// is not a regular file (a device such as /dev/null, a FIFO, /dev/stdout) is
// opened and written as it is; a folder is refused. A regular file, or nothing,
// is replaced atomically. A symbolic link is followed: its target is replaced
// and the link stays.
func Write(path string, data []byte, stdout io.Writer) error {
	return WriteFunc(path, stdout, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteFunc is Write for output produced by fill. On any error of fill or of the
// file system nothing is left at path but what was there before.
func WriteFunc(path string, stdout io.Writer, fill func(io.Writer) error) error {
	if path == "" {
		return errors.New("没有给出输出文件的路径")
	}
	if IsStdout(path) {
		if stdout == nil {
			stdout = os.Stdout
		}
		if err := fill(stdout); err != nil {
			return syserr.Wrap("无法写到标准输出", err)
		}
		return nil
	}
	target := path
	if resolved, err := filepath.EvalSymlinks(path); err == nil {
		target = resolved
	}
	info, err := os.Stat(target)
	switch {
	case err == nil && info.IsDir():
		return fmt.Errorf("无法写入 %s：这是文件夹，请给出文件名", path)
	case err == nil && !info.Mode().IsRegular():
		return writeDirect(path, target, fill)
	case err == nil:
		if err := notOverDatabase(path, target); err != nil {
			return err
		}
		return writeAtomic(path, target, info.Mode().Perm(), true, fill)
	case errors.Is(err, fs.ErrNotExist):
		return writeAtomic(path, target, 0, false, fill)
	default:
		return syserr.Wrap("无法写入 "+path, err)
	}
}

// writeDirect writes into a device or pipe: no temporary file, no rename.
func writeDirect(path, target string, fill func(io.Writer) error) error {
	f, err := os.OpenFile(target, os.O_WRONLY, 0)
	if err != nil {
		return syserr.Wrap("无法写入 "+path, err)
	}
	if err := fill(f); err != nil {
		f.Close()
		return syserr.Wrap("无法写入 "+path, err)
	}
	if err := f.Close(); err != nil {
		return syserr.Wrap("无法写入 "+path, err)
	}
	return nil
}

func writeAtomic(path, target string, mode fs.FileMode, keepMode bool, fill func(io.Writer) error) (err error) {
	fail := func(err error) error { return syserr.Wrap("无法写入 "+path, err) }
	dir := filepath.Dir(target)
	tmp, tmpName, err := createTemp(dir, filepath.Base(target))
	if err != nil {
		return fail(err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmpName)
		}
	}()
	if err := fill(tmp); err != nil {
		return fail(err)
	}
	if keepMode {
		if err := tmp.Chmod(mode); err != nil {
			return fail(err)
		}
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmpName, target); err != nil {
		return fail(err)
	}
	syncDir(dir)
	removeStaleTemps(dir, filepath.Base(target))
	return nil
}

// staleAge is the age after which a temporary file of ours is taken to be left
// by a write that was killed; a write in progress is never that old.
const staleAge = time.Hour

// removeStaleTemps removes temporary files for base that a killed program
// left behind (a failed write removes its own), so that none stays for ever.
// The folder is read once per process (see sweeps): reading it on every write
// made writing n files into one folder cost n².
func removeStaleTemps(dir, base string) {
	v, _ := sweeps.LoadOrStore(dir, &sweep{})
	s := v.(*sweep)
	s.once.Do(func() { s.stale = staleTemps(dir) })
	s.mu.Lock()
	defer s.mu.Unlock()
	kept := s.stale[:0]
	for _, name := range s.stale {
		if isTempFor(name, base) {
			os.Remove(filepath.Join(dir, name))
			continue
		}
		kept = append(kept, name)
	}
	s.stale = kept
}

// sweeps holds, per folder written to by this process, the temporary files
// found there on the first write that were already stale. A temporary file
// that goes stale later was left by a program killed after that read, which
// the next process's first write into the folder removes.
var sweeps sync.Map // folder → *sweep

type sweep struct {
	once  sync.Once
	mu    sync.Mutex
	stale []string
}

// readDir is os.ReadDir; a test counts the reads.
var readDir = os.ReadDir

// staleTemps lists the names in dir that look like createTemp's and are
// older than staleAge.
func staleTemps(dir string) []string {
	entries, err := readDir(dir)
	if err != nil {
		return nil
	}
	var stale []string
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, ".") || !strings.HasSuffix(name, ".tmp") || !e.Type().IsRegular() {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleAge {
			stale = append(stale, name)
		}
	}
	return stale
}

// maxTempStem is how much of the target's name a temporary file's name
// keeps: with the dot in front and ".<12 hex digits>.tmp" behind, it stays
// within the 255 bytes a file name may have, however long the target's.
const maxTempStem = 255 - len("..") - 12 - len(".tmp")

// isTempFor reports whether name is one of createTemp's names for base:
// ".<base>.<12 hex digits>.tmp", base cut to maxTempStem bytes.
func isTempFor(name, base string) bool {
	mid, ok := strings.CutPrefix(name, "."+truncate(base, maxTempStem)+".")
	if !ok {
		return false
	}
	mid, ok = strings.CutSuffix(mid, ".tmp")
	if !ok || len(mid) != 12 {
		return false
	}
	_, err := hex.DecodeString(mid)
	return err == nil
}

// createTemp makes a new hidden file beside the target. Created with 0666 and
// O_EXCL, the file gets exactly what the user's umask allows, as a file made by
// any other program would (os.CreateTemp would give 0600).
func createTemp(dir, base string) (*os.File, string, error) {
	for range 100 {
		var b [6]byte
		if _, err := rand.Read(b[:]); err != nil {
			return nil, "", err
		}
		name := filepath.Join(dir, "."+truncate(base, maxTempStem)+"."+hex.EncodeToString(b[:])+".tmp")
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, name, err
	}
	return nil, "", fs.ErrExist
}
