package outfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"nianbao/data/infile"
)

// sqliteMagic begins every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// companions are the files SQLite keeps beside a database while it is open or
// after a crash; a file with one of them beside it is a database in use.
var companions = []string{"-wal", "-shm", "-journal"}

// restoreAdvice ends every refusal to write over a database: a user who wants
// a database back from a backup has a command that does it safely.
const restoreAdvice = "请换一个输出文件名；如果是想用备份恢复数据库，请用 nianbao restore --backup 文件（或窗口中的“从备份恢复”）"

// notOverDatabase refuses to replace path (an existing file) when it is a SQLite
// database, or when SQLite keeps a -wal, -shm or -journal file beside it:
// writing over either destroys the reports it holds, whichever command writes.
// A file that cannot be read is left to the write itself to report.
// path is the name the user gave, target the file it resolves to.
func notOverDatabase(path, target string) error {
	name := path
	if target != path {
		name = path + "（即 " + target + "）"
	}
	for _, suffix := range companions {
		if info, err := os.Lstat(target + suffix); err == nil && !info.IsDir() {
			return fmt.Errorf("不能写入 %s：它旁边有数据库的日志文件 %s，它是一个数据库（可能正在使用），写入会毁掉其中的年报。%s",
				name, target+suffix, restoreAdvice)
		}
	}
	isDB, err := isDatabase(target)
	if err != nil || !isDB {
		return nil
	}
	return fmt.Errorf("不能写入 %s：它是一个 SQLite 数据库（如年报数据库或它的备份），写入会毁掉其中的年报。%s", name, restoreAdvice)
}

// isDatabase reports whether the regular file at path begins with SQLite's
// header. Only the header is read; a FIFO or device is never opened.
func isDatabase(path string) (bool, error) {
	info, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return false, nil
		}
		return false, err
	}
	if !info.Mode().IsRegular() || info.Size() < int64(len(sqliteMagic)) {
		return false, nil
	}
	f, err := infile.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	if _, err := io.ReadFull(f, head); err != nil {
		return false, err
	}
	return bytes.Equal(head, sqliteMagic), nil
}
