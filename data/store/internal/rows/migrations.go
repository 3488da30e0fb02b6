package rows

import (
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
)

// Migration is a step of a backend's schema: Version n takes a database from
// version n-1 to n.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// Migrations reads and orders the steps in fsys's folder migrations, named
// NNNN_name.sql and numbered from 1 without gaps, as both backends embed
// theirs.
func Migrations(fsys fs.FS) ([]Migration, error) {
	entries, err := fs.ReadDir(fsys, "migrations")
	if err != nil {
		return nil, fmt.Errorf("读取数据库迁移脚本失败：%w", err)
	}
	var out []Migration
	for _, e := range entries {
		name := e.Name()
		num, _, ok := strings.Cut(name, "_")
		n, err := strconv.Atoi(num)
		if !ok || err != nil || n < 1 {
			return nil, fmt.Errorf("数据库迁移脚本 %s 的文件名应以编号开头，如 0001_init.sql", name)
		}
		data, err := fs.ReadFile(fsys, path.Join("migrations", name))
		if err != nil {
			return nil, fmt.Errorf("读取数据库迁移脚本 %s 失败：%w", name, err)
		}
		out = append(out, Migration{Version: n, Name: name, SQL: string(data)})
	}
	for i, m := range out { // ReadDir sorts by name, hence by zero-padded number
		if m.Version != i+1 {
			return nil, fmt.Errorf("数据库迁移脚本编号不连续：第 %d 个是 %s", i+1, m.Name)
		}
	}
	return out, nil
}
