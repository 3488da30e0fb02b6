package sqlite

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/data/syserr"

	"github.com/mattn/go-sqlite3"
)

// TestTextOnSQLite: SQLite errors met on a real database, read through
// syserr (as every front door reads them) once the store is linked: locked by another
// connection, read-only, not a database; and the kinds that need a broken disk.
func TestTextOnSQLite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.db")
	a, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=0")
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if _, err := a.Exec("CREATE TABLE t(x); BEGIN EXCLUSIVE; INSERT INTO t VALUES(1)"); err != nil {
		t.Fatal(err)
	}
	b, _ := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=0")
	defer b.Close()
	_, errLocked := b.Exec("INSERT INTO t VALUES(2)")
	a.Exec("COMMIT")

	ro, _ := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	defer ro.Close()
	_, errRO := ro.Exec("INSERT INTO t VALUES(3)")

	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte(strings.Repeat("这不是数据库", 200)), 0o644)
	j, _ := sql.Open("sqlite3", junk)
	defer j.Close()
	_, errNotDB := j.Exec("SELECT * FROM t")

	tests := []struct {
		err     error
		want    string
		english string
	}{
		{errLocked, "已锁定", "locked"},
		{errRO, "只读", "readonly"},
		{errNotDB, "已损坏", "not a database"},
		{sqlite3.Error{Code: sqlite3.ErrIoErr}, "磁盘出错", "I/O"},
		{sqlite3.Error{Code: sqlite3.ErrFull}, "磁盘空间已满", "full"},
		{sqlite3.Error{Code: sqlite3.ErrCorrupt}, "已损坏", "malformed"},
		{sqlite3.Error{Code: sqlite3.ErrCantOpen}, "无法打开数据库文件", "unable"},
		{sqlite3.Error{Code: sqlite3.ErrBusy}, "已锁定", "busy"},
	}
	for _, tt := range tests {
		if tt.err == nil {
			t.Errorf("no error for %q", tt.english)
			continue
		}
		wrapped := fmt.Errorf("写入数据库 %s 失败：%w", path, tt.err)
		got := syserr.Text(wrapped)
		if !strings.Contains(got, tt.want) || strings.Contains(got, tt.english) || !strings.Contains(got, path) {
			t.Errorf("Text(%v) = %q, want %q without %q", wrapped, got, tt.want, tt.english)
		}
		if d := syserr.Describe(tt.err); !strings.Contains(d, tt.want) {
			t.Errorf("Describe(%v) = %q", tt.err, d)
		}
	}
}
