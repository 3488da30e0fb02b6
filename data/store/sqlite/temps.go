package sqlite

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// A backup or a restore works on database-sized temporary files: the copy
// VACUUM INTO makes before it is published under its name, and the copy of a
// backup a restore reads. They live in the backup folder (on the database's
// disk, where the backup goes anyway; /tmp is often a small tmpfs) and are
// named for the process that made them, ".nianbao-tmp-<pid>-<random>.db",
// so that a process killed while it worked leaves nothing for ever: the next
// start removes those whose process has ended or that are older than
// staleTemp (a process id can be reused), and a TERM or INT removes the
// process's own (RemoveOwnTemps).
const (
	tempPrefix = ".nianbao-tmp-"
	staleTemp  = 6 * time.Hour // a backup or restore in progress is never that old
)

// tempDir is where the temporary files for the database at dbPath go: the
// backup folder, or the system's folder when that cannot be made (a database
// on a read-only disk can still be backed up with -o).
func tempDir(dbPath string) string {
	dir := BackupDir(dbPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return os.TempDir()
	}
	return dir
}

// newTemp makes a new, empty temporary file in dir, readable by its owner
// only, and returns its path. VACUUM INTO writes into an empty file.
func newTemp(dir string) (string, error) {
	for range 100 {
		var b [6]byte
		if _, err := rand.Read(b[:]); err != nil {
			return "", err
		}
		name := filepath.Join(dir, tempPrefix+strconv.Itoa(os.Getpid())+"-"+hex.EncodeToString(b[:])+".db")
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("无法在 %s 中建立临时文件：%w", dir, err)
		}
		f.Close()
		return name, nil
	}
	return "", fmt.Errorf("无法在 %s 中建立临时文件：%w", dir, os.ErrExist)
}

// removeTemp removes a temporary database and the files SQLite made beside it.
func removeTemp(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + suffix)
	}
}

// tempOwner is the process id in a temporary file's name, or 0.
func tempOwner(name string) int {
	rest, ok := strings.CutPrefix(name, tempPrefix)
	if !ok {
		return 0
	}
	num, _, ok := strings.Cut(rest, "-")
	pid, err := strconv.Atoi(num)
	if !ok || err != nil {
		return 0
	}
	return pid
}

// RemoveOwnTemps removes the temporary files this process has made for the
// database at dbPath: what a backup or restore interrupted by a signal leaves.
func RemoveOwnTemps(dbPath string) {
	removeTemps(dbPath, func(pid int, _ os.FileInfo) bool { return pid == os.Getpid() })
}

// cleanStaleTemps removes the temporary files of the database at dbPath that
// were left by a process that has ended, or are older than staleTemp; and the
// leftovers of earlier releases, which named no process: their folders
// nianbao-backup-* and nianbao-restore-* in the system's temporary folder, and
// the writer's hidden ".<backup name>.<hex>.tmp" files in the backup folder.
func cleanStaleTemps(dbPath string, now time.Time) {
	removeTemps(dbPath, func(pid int, info os.FileInfo) bool {
		return pid != os.Getpid() && (!processAlive(pid) || now.Sub(info.ModTime()) > staleTemp)
	})
	old := func(info os.FileInfo) bool { return now.Sub(info.ModTime()) > staleTemp }
	if entries, err := os.ReadDir(os.TempDir()); err == nil {
		for _, e := range entries {
			name := e.Name()
			if !e.IsDir() || !(strings.HasPrefix(name, "nianbao-backup-") || strings.HasPrefix(name, "nianbao-restore-")) {
				continue
			}
			if info, err := e.Info(); err == nil && old(info) {
				os.RemoveAll(filepath.Join(os.TempDir(), name))
			}
		}
	}
	dir := BackupDir(dbPath)
	if entries, err := os.ReadDir(dir); err == nil {
		for _, e := range entries {
			if !e.Type().IsRegular() || !isWriterTemp(e.Name()) {
				continue
			}
			if info, err := e.Info(); err == nil && old(info) {
				os.Remove(filepath.Join(dir, e.Name()))
			}
		}
	}
}

// isWriterTemp reports whether name is a temporary file the writer
// (data/outfile) made for a backup: ".<kind>-<time>.db.<12 hex>.tmp".
func isWriterTemp(name string) bool {
	mid, ok := strings.CutSuffix(name, ".tmp")
	if !ok || !strings.HasPrefix(name, ".") || len(mid) < 13 {
		return false
	}
	base, hexPart := mid[1:len(mid)-13], mid[len(mid)-12:]
	if mid[len(mid)-13] != '.' || !strings.HasSuffix(base, ".db") {
		return false
	}
	_, err := hex.DecodeString(hexPart)
	return err == nil
}

// removeTemps removes the temporary files of the database at dbPath (in its
// backup folder and in the system's temporary folder) for which gone says so.
func removeTemps(dbPath string, gone func(pid int, info os.FileInfo) bool) {
	for _, dir := range []string{BackupDir(dbPath), os.TempDir()} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			pid := tempOwner(e.Name())
			if pid == 0 || !e.Type().IsRegular() {
				continue
			}
			if info, err := e.Info(); err == nil && gone(pid, info) {
				os.Remove(filepath.Join(dir, e.Name()))
			}
		}
	}
}
