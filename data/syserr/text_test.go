package syserr

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// TestTextOnRealErrors: errors the OS really gives, wrapped as packages wrap
// them, read in Chinese with the path and without the OS's English.
func TestTextOnRealErrors(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix errors")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "a.txt")
	os.WriteFile(file, []byte("x"), 0o644)
	loop := filepath.Join(dir, "loop")
	os.Symlink(loop, loop)
	_, errMissing := os.Open(filepath.Join(dir, "无"))
	_, errNotDir := os.Open(filepath.Join(file, "b"))
	_, errLoop := os.Open(loop)
	errExist := os.Mkdir(dir, 0o755)
	_, errExcl := os.OpenFile(file, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	var errFull error
	if f, err := os.OpenFile("/dev/full", os.O_WRONLY, 0); err == nil {
		_, errFull = f.Write([]byte("x"))
		f.Close()
	}
	errPerm := &fs.PathError{Op: "open", Path: file, Err: syscall.EACCES} // root is never refused
	errRO := &fs.PathError{Op: "open", Path: file, Err: syscall.EROFS}
	errIO := &fs.PathError{Op: "write", Path: file, Err: syscall.EIO}
	tests := []struct {
		err     error
		want    []string
		english string
	}{
		{errMissing, []string{"无：文件或文件夹不存在"}, "no such file"},
		{errNotDir, []string{"路径中有一段不是文件夹"}, "not a directory"},
		{errLoop, []string{"loop：符号链接过多"}, "too many levels"},
		{errExist, []string{"文件已存在"}, "file exists"},
		{errExcl, []string{"a.txt：文件已存在"}, "file exists"},
		{errFull, []string{"磁盘空间已满"}, "no space left"},
		{errPerm, []string{"a.txt：没有权限"}, "permission denied"},
		{errRO, []string{"只读"}, "read-only"},
		{errIO, []string{"磁盘读写出错"}, "input/output"},
	}
	for _, tt := range tests {
		if tt.err == nil {
			t.Errorf("no error for %q", tt.english)
			continue
		}
		wrapped := fmt.Errorf("无法保存报告：%w", tt.err)
		got := Text(wrapped)
		if !strings.HasPrefix(got, "无法保存报告：") || strings.Contains(got, tt.english) {
			t.Errorf("Text(%v) = %q", wrapped, got)
		}
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("Text(%v) = %q, lacks %q", wrapped, got, w)
			}
		}
		if !errors.Is(wrapped, tt.err) {
			t.Error("the original error is lost")
		}
	}
}

func TestTextLeavesOwnWordsAlone(t *testing.T) {
	for _, err := range []error{
		errors.New("年报文件有误"),
		Wrap("无法写入 /a/b.pdf", syscall.ENOSPC),
		fmt.Errorf("外层：%w", Wrap("无法写入 /a/b.pdf", syscall.ENOSPC)),
	} {
		if got := Text(err); got != err.Error() {
			t.Errorf("Text(%q) = %q", err, got)
		}
	}
	if Text(nil) != "" {
		t.Error("Text(nil)")
	}
}
