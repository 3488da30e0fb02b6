package outfile

import (
	"fmt"
	"os"
	"path/filepath"
)

// Protected is a file that a command reads and so must not write over.
type Protected struct {
	Path string
	What string // what it is, as the message names it: "打开的数据库", "输入文件"
}

// Database lists the files of the SQLite database at path: the database itself
// and its -wal, -shm and -journal companions.
func Database(path string) []Protected {
	if path == "" {
		return nil
	}
	return []Protected{
		{path, "正在使用的数据库"},
		{path + "-wal", "正在使用的数据库的日志文件"},
		{path + "-shm", "正在使用的数据库的共享内存文件"},
		{path + "-journal", "正在使用的数据库的日志文件"},
	}
}

// Inputs lists input files of a command as protected.
func Inputs(paths ...string) []Protected {
	out := make([]Protected, 0, len(paths))
	for _, p := range paths {
		out = append(out, Protected{p, "本次读取的输入文件"})
	}
	return out
}

// Guard refuses an output path that is one of the protected files (see
// NotProtected), and any existing SQLite database, open or not, as Write would
// (so that a command can refuse before it does its work). Standard output is
// never refused.
func Guard(out string, protected ...Protected) error {
	if out == "" || IsStdout(out) {
		return nil
	}
	if err := NotProtected(out, protected...); err != nil {
		return err
	}
	if info, err := os.Stat(out); err == nil && info.Mode().IsRegular() {
		target := out
		if resolved, err := filepath.EvalSymlinks(out); err == nil {
			target = resolved
		}
		return notOverDatabase(out, target)
	}
	return nil
}

// NotProtected refuses a path that is one of the protected files: the same file
// (os.SameFile, so another spelling, a link or a ../ path is caught too), or,
// for one that does not exist yet, the same absolute path. Unlike Guard it
// lets any other database pass: for a file that is read, such as a backup to
// restore from, which must not be the open database itself.
func NotProtected(path string, protected ...Protected) error {
	if path == "" || IsStdout(path) {
		return nil
	}
	outInfo, outErr := os.Stat(path)
	outAbs := absolute(path)
	for _, p := range protected {
		if p.Path == "" {
			continue
		}
		same := false
		if outErr == nil {
			if info, err := os.Stat(p.Path); err == nil && os.SameFile(outInfo, info) {
				same = true
			}
		}
		if !same && outAbs != "" && outAbs == absolute(p.Path) {
			same = true
		}
		if same {
			return fmt.Errorf("不能写入 %s：它是%s（%s），写入会毁掉它。请换一个输出文件名", path, p.What, p.Path)
		}
	}
	return nil
}

// absolute is the cleaned absolute path with symbolic links of existing
// folders resolved, or "" when it cannot be known.
func absolute(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return ""
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		abs = filepath.Join(dir, filepath.Base(abs))
	}
	return filepath.Clean(abs)
}
