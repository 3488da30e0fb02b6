package cli

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"

	"nianbao/data/outfile"
	"nianbao/data/report"
	"nianbao/data/store"
	"nianbao/data/store/postgres"
	"nianbao/data/store/sqlite"
)

const backupUsage = `用法：nianbao backup [--db 路径] [-o 文件]

立即把数据库备份一份：一个一致的 SQLite 文件（其他程序正在写入时也一致），
可以用 nianbao list --db 文件 查看，用 nianbao restore --backup 文件 恢复。
不给 -o 时，备份存入数据库旁的备份文件夹（见 nianbao backups）。
对数据库服务器上的共享数据库（--db postgres://…），-o 写出一个数据库文件，含这个登录能看到的每份年报
（当前内容与曾用名），任何电脑都可以用 nianbao list --db 文件 查看；共享数据库本身由服务器备份（pg_dump）。

选项：
` + dbOption + `  -o 文件    备份写到这个文件；- 表示标准输出
`

const backupsUsage = `用法：nianbao backups [--db 路径]

列出数据库的备份（最新的在前）。备份存放在数据库文件旁的文件夹“<数据库文件名>-备份”中：
每天第一次使用时自动备份一份，每日备份保留一周，之后每周保留一份，保留一个月；
另有手动备份、从备份恢复前自动保存的状态，以及打开前发现日志文件（-wal）中
有未写入的内容时保存的数据库与日志文件副本。

选项：
` + dbOption

func runBackup(e *env, args []string) int {
	fs := newFlagSet("backup")
	db := fs.String("db", "", "")
	out := new(string)
	e.outputVar(fs, out, "o")
	if code, done := parseNoArgs(e, fs, args, backupUsage); done {
		return code
	}
	opened, ok := openStore(e, *db)
	if !ok {
		return exitFailure
	}
	defer closeStore(e, opened)
	if server, ok := opened.(*postgres.DB); ok {
		return serverCopy(e, server, *out)
	}
	s, ok := fileStore(e, opened)
	if !ok {
		return exitFailure
	}
	defer removeTempsOnSignal(s.Path())()
	if *out == "" {
		b, err := s.BackupNow(store.BackupManual)
		if err != nil {
			e.fail("", err)
			return exitFailure
		}
		fmt.Fprintf(e.stdout, "已备份：%s\n", b.Path)
		return exitOK
	}
	if !e.writeOutput(*out, outfile.Database(s.Path()), "", s.Snapshot) {
		return exitFailure
	}
	if !e.isStdout(*out) { // the backup itself is on standard output
		fmt.Fprintf(e.stdout, "已备份：%s\n", *out)
	}
	return exitOK
}

func runBackups(e *env, args []string) int {
	fs := newFlagSet("backups")
	db := fs.String("db", "", "")
	if code, done := parseNoArgs(e, fs, args, backupsUsage); done {
		return code
	}
	path, ok := dbPath(e, *db)
	if !ok {
		return exitFailure
	}
	bs, err := sqlite.Backups(path)
	if err != nil {
		e.fail("", err)
		return exitFailure
	}
	fmt.Fprintf(e.stdout, "备份文件夹：%s\n", sqlite.BackupDir(path))
	if len(bs) == 0 {
		fmt.Fprintln(e.stdout, "还没有备份。用 nianbao backup 立即备份一份。")
		return exitOK
	}
	rows := [][]string{{"备份时间", "种类", "大小", "文件"}}
	for _, b := range bs {
		rows = append(rows, []string{b.When(), b.Kind.Label(), strconv.FormatInt(b.Size, 10), b.Path})
	}
	printTable(e.stdout, rows)
	return exitOK
}

// restoreBackup is nianbao restore --backup: the whole database from a backup.
func restoreBackup(e *env, db, file string, allowEmpty bool) int {
	opened, ok := openStore(e, db)
	if !ok {
		return exitFailure
	}
	defer closeStore(e, opened)
	if _, local := opened.(store.Local); !local {
		return restoreIntoServer(e, opened, file)
	}
	s, ok := fileStore(e, opened)
	if !ok {
		return exitFailure
	}
	defer removeTempsOnSignal(s.Path())()
	if err := outfile.NotProtected(file, outfile.Database(s.Path())...); err != nil {
		fmt.Fprintf(e.stderr, "不能从正在使用的数据库本身恢复：%s\n", file)
		return exitFailure
	}
	before, err := s.RestoreBackup(file, allowEmpty)
	if errors.Is(err, store.ErrEmptyBackup) {
		e.fail("", fmt.Errorf("%w（确要把数据库恢复为没有年报的状态，请加 --allow-empty）", err))
		return exitFailure
	}
	if err != nil {
		e.fail("", err)
		return exitFailure
	}
	fmt.Fprintf(e.stdout, "已从备份 %s 恢复数据库 %s\n恢复前的数据库已另存为备份：%s\n", file, s.Path(), before.Path)
	return exitOK
}

// serverCopy writes to out a database file (SQLite) with every current
// report the login may read of the server's database, and their former
// names: a portable copy any PC opens with nianbao list --db 文件. The
// server's own backups (pg_dump) keep everything else.
func serverCopy(e *env, s *postgres.DB, out string) int {
	if out == "" {
		fmt.Fprintf(e.stderr, "请用 -o 给出副本的文件名，例如：nianbao backup --db 地址 -o 共享数据库副本.db\n\n%s", backupUsage)
		return exitFailure
	}
	if err := outfile.Guard(out); err != nil {
		e.fail("", err)
		return exitFailure
	}
	dir, err := os.MkdirTemp("", "nianbao-copy-")
	if err != nil {
		e.fail("无法建立临时文件夹", err)
		return exitFailure
	}
	defer os.RemoveAll(dir)
	local, err := sqlite.Open(filepath.Join(dir, "副本.db"))
	if err != nil {
		e.fail("", err)
		return exitFailure
	}
	defer local.Close()
	n, err := copyReports(s, local)
	if err != nil {
		e.fail("无法复制共享数据库的年报", err)
		return exitFailure
	}
	if err := outfile.WriteFunc(out, e.data, local.Snapshot); err != nil {
		e.fail("", err)
		return exitFailure
	}
	if !e.isStdout(out) {
		fmt.Fprintf(e.stdout, "已把 %s 中这个登录能看到的 %d 份年报复制到：%s（可用 nianbao list --db 文件 查看）\n", s.Where(), n, out)
	}
	return exitOK
}

// copyReports puts every current report of from, with its former name, into to.
func copyReports(from store.Store, to store.Store) (int, error) {
	list, err := from.List()
	if err != nil {
		return 0, err
	}
	reports := make([]*report.Report, 0, len(list))
	for _, sm := range list {
		r, err := from.Get(sm.ID)
		if err != nil {
			return 0, err
		}
		reports = append(reports, r)
	}
	if _, err := to.PutAll(reports, store.SaveImport); err != nil {
		return 0, err
	}
	for _, r := range reports {
		former, err := from.FormerName(r.Agency, r.Year)
		if err != nil {
			return 0, err
		}
		if former == "" {
			continue
		}
		if err := to.SetFormerName(r.Agency, r.Year, former); err != nil {
			return 0, err
		}
	}
	return len(reports), nil
}

// fileStore is s as a database file, or false (said) for a server's
// database, whose backups are the server's.
func fileStore(e *env, s store.Store) (store.Local, bool) {
	if l, ok := s.(store.Local); ok {
		return l, true
	}
	fmt.Fprintf(e.stderr, "%s 是数据库服务器上的共享数据库：它由服务器备份（请管理员用 pg_dump 等工具定期备份），"+
		"本程序不为它建立或恢复备份文件；要取出其中的年报，请用 nianbao export\n", storeWhere(s))
	return nil, false
}

// dbPath is the database path the --db option (else NIANBAO_DB) names, or the default one.
func dbPath(e *env, path string) (string, bool) {
	if path == "" {
		path = os.Getenv(envDB)
	}
	if postgres.IsURL(path) {
		fmt.Fprintf(e.stderr, "%s 是数据库服务器上的共享数据库：它由服务器备份（请管理员用 pg_dump 等工具定期备份），没有备份文件夹\n",
			postgres.Redact(path))
		return "", false
	}
	if path != "" {
		if abs, err := filepath.Abs(path); err == nil {
			path = abs
		}
		return path, true
	}
	p, err := sqlite.DefaultPath()
	if err != nil {
		e.fail("无法确定数据库位置", err)
		return "", false
	}
	return p, true
}

// removeTempsOnSignal makes a TERM or INT (kill, Ctrl+C) during a backup or
// restore of the database at path remove the database-sized temporary files it
// is writing before the command ends, as the signal would have ended it; the
// restore's transaction, never committed, leaves the database as it was.
// The returned function stops listening.
func removeTempsOnSignal(path string) func() {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-sig:
			sqlite.RemoveOwnTemps(path)
			code := 130 // 128 + SIGINT, as a shell reports it
			if s == syscall.SIGTERM {
				code = 143
			}
			os.Exit(code)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(sig)
		close(done)
	}
}

// storeOpened says when the database could only be opened read-only, and
// otherwise makes the day's automatic backup.
func storeOpened(e *env, s store.Local) {
	if s.ReadOnly() {
		fmt.Fprintf(e.stderr, "注意：%s：可以查看、导出，不能导入或修改。\n", s.ReadOnlyReason())
		return
	}
	if err := s.AutoBackup(); err != nil {
		e.fail("注意：今天的自动备份未能完成", err)
	}
}

// restoredText says what restoring version id of r really did.
func restoredText(r *report.Report, id int64, res store.Restored) string {
	switch {
	case res.Recreated:
		return fmt.Sprintf("已找回：%s %d 年的年报（历史版本 %d）", r.Agency, r.Year, id)
	case res.Unchanged:
		return fmt.Sprintf("未改动：%s %d 年的年报的当前内容已与历史版本 %d 相同，没有另存历史版本", r.Agency, r.Year, id)
	}
	return fmt.Sprintf("已恢复：%s %d 年的年报为历史版本 %d（恢复前的内容已保存为历史版本 %d）", r.Agency, r.Year, id, res.Kept)
}
