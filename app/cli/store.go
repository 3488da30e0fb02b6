package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"nianbao/app/buildinfo"
	"nianbao/data/check"
	"nianbao/data/intake"
	"nianbao/data/intake/anyfile"
	"nianbao/data/outfile"
	"nianbao/data/report"
	"nianbao/data/store"
	"nianbao/data/store/postgres"
	"nianbao/data/store/sqlite"
	"nianbao/data/syserr"
)

const dbOption = `  --db 路径   数据库文件，或共享数据库的地址 postgres://用户@主机:端口/数据库名?sslmode=verify-full
             （默认：环境变量 NIANBAO_DB 所指的，否则用户数据目录中的 nianbao/nianbao.db）
`

const importUsage = `用法：nianbao import [--db 路径] [--all-or-none] [--accept-doubtful] 文件...

把年报文件（*.nianbao.json）存入数据库。数据库中已有同一机关同一年度的年报时，
以文件内容替换，原内容保存为历史版本（可用 nianbao history / restore 找回）。
默认逐个导入：读不了的文件跳过并报告，其余照常导入。
文件可以是年报文件（*.nianbao.json），也可以是收到的 Word 文件（.docx）、有文字层的 PDF、从网站保存的网页（.html/.htm），
以及经 LibreOffice 转换的 .doc、.wps、.rtf、.mht（见 nianbao convert）。
其中有需要人工核对之处的文件不导入（列出这些地方，退出状态为 1），除非加 --accept-doubtful。

选项：
  --all-or-none   全部文件都能读取时才一起导入，有一个读不了就一个也不导入
  --accept-doubtful  也导入有存疑之处的文件：存疑的数字按读到的存入，在编辑窗口中标红，核对后确认或改正
` + dbOption

const exportUsage = `用法：nianbao export [--db 路径] --agency 机关名称 --year 年度 [-o 文件]

把数据库中的一份年报写成年报文件（*.nianbao.json）。

选项：
` + dbOption + `  --agency   机关名称
  --year     报告年度
  -o 文件    输出文件；默认为当前文件夹中的“<机关名称><年度>年政府信息公开工作年度报告.nianbao.json”；- 表示标准输出；不能是正在使用的数据库
`

const listUsage = `用法：nianbao list [--db 路径]

列出数据库中的年报：机关名称、年度、最后保存时间、错误数、警告数。

选项：
` + dbOption

const historyUsage = `用法：nianbao history [--db 路径] --agency 机关名称 --year 年度
      nianbao history [--db 路径] --deleted

列出一份年报保存过的历史版本（最新的在前），或列出已删除的年报。
用 nianbao restore --version 编号 恢复其中一个。

选项：
` + dbOption + `  --agency   机关名称
  --year     报告年度
  --deleted  列出已删除的年报
`

const restoreUsage = `用法：nianbao restore [--db 路径] --version 编号
      nianbao restore [--db 路径] --backup 文件

把一个历史版本恢复为当前内容（已删除的年报也由此找回）。当前内容如与它不同，先保存为历史版本，不会丢失。
编号见 nianbao history。
用 --backup 则把整个数据库恢复为一个备份（见 nianbao backups）；恢复前，当前的数据库先另存为一份备份。
备份必须是年报数据库文件；其中没有任何年报时不恢复（以免清空数据库），除非加 --allow-empty。
--db 是数据库服务器上的共享数据库时，把备份（或 nianbao backup -o 写出的副本）中的年报写回服务器：
内容不同的年报以备份中的内容保存，服务器上原来的内容保存为历史版本；相同的不改动；服务器上有而备份中没有的保留未动。
单位的登录只能恢复本单位的年报，恢复各单位的年报请用服务器管理员的登录。

选项：
` + dbOption + `  --version      历史版本编号
  --backup       备份文件
  --allow-empty  备份中没有年报也恢复（数据库将变为空）
`

const timeLayout = "2006-01-02 15:04:05"

// openStore opens the store --db names (path "" for NIANBAO_DB's, else the
// default file): a PostgreSQL server's database for a postgres:// address,
// else a database file, whose day's backup it makes.
func openStore(e *env, path string) (store.Store, bool) {
	if path == "" {
		path = os.Getenv(envDB)
	}
	if postgres.IsURL(path) {
		s, err := postgres.Open(path)
		if err != nil {
			e.fail("", err)
			return nil, false
		}
		if s.ReadOnly() {
			fmt.Fprintf(e.stderr, "注意：%s：可以查看、导出，不能导入或修改。\n", s.ReadOnlyReason())
		}
		return s, true
	}
	if path == "" {
		p, err := sqlite.DefaultPath()
		if err != nil {
			e.fail("无法确定数据库位置", err)
			return nil, false
		}
		path = p
	}
	s, err := sqlite.Open(path)
	if err != nil {
		e.fail("", err)
		return nil, false
	}
	s.OnWait(func(m string) { fmt.Fprintln(e.stderr, m) }) // a save waits for a restore
	storeOpened(e, s)
	return s, true
}

// envDB is the environment variable that names the database when --db does not.
const envDB = "NIANBAO_DB"

// storeWhere names the store in messages: its file, or its server's address
// (without the password).
func storeWhere(s store.Store) string {
	switch s := s.(type) {
	case store.Files:
		return s.Path()
	case *postgres.DB:
		return s.Where()
	}
	return ""
}

// databaseFiles is what no output may replace: a database file with its
// journal; nothing for a server's database.
func databaseFiles(s store.Store) []outfile.Protected {
	if f, ok := s.(store.Files); ok {
		return outfile.Database(f.Path())
	}
	return nil
}

// closeStore closes a store opened by openStore. Every write has committed by
// then, so a failure loses nothing; it is still said, since it may tell of a
// disk that is failing.
func closeStore(e *env, s store.Store) {
	if err := s.Close(); err != nil {
		fmt.Fprintf(e.stderr, "注意：关闭数据库 %s 时出错：%s\n", storeWhere(s), syserr.Text(err))
	}
}

func runImport(e *env, args []string) int {
	fs := newFlagSet("import")
	db := fs.String("db", "", "")
	together := fs.Bool("all-or-none", false, "")
	accept := fs.Bool("accept-doubtful", false, "")
	files, code, done := parse(e, fs, args, importUsage, nil)
	if done {
		return code
	}
	if len(files) == 0 {
		fmt.Fprint(e.stderr, "请给出要导入的年报文件\n\n"+importUsage)
		return exitFailure
	}
	s, ok := openStore(e, *db)
	if !ok {
		return exitFailure
	}
	defer closeStore(e, s)
	rd := newReader()
	defer closeReader(e, rd)
	if *together {
		return importTogether(e, s, rd, files, *accept)
	}

	status := exitOK
	for _, name := range files {
		r, reading, err := readAny(rd, name)
		if err != nil {
			e.fail("", err)
			status = exitFailure
			continue
		}
		if doubtful(reading) && !*accept {
			refuseDoubtful(e, name, reading, "没有导入")
			status = max(status, exitDoubts)
			continue
		}
		_, old, findErr := s.Find(r.Agency, r.Year)
		if findErr != nil && !errors.Is(findErr, store.ErrNotFound) {
			e.fail(name, findErr)
			status = exitFailure
			continue
		}
		verb, note := importVerb(old, r)
		id, err := s.Put(r, store.SaveImport)
		if err != nil {
			e.fail(name+"：无法保存", err)
			status = exitFailure
			continue
		}
		if err := markDoubtful(e, s, id, name, r, reading); err != nil {
			e.fail(name+"：已导入，但无法标出存疑的格子", err)
			status = exitFailure
		}
		printImported(e, s, name, verb, note, r)
	}
	return status
}

// markDoubtful keeps, beside the stored report id, the texts of its doubtful
// cells as the editor keeps a cell that is not a figure: red until a person
// confirms or corrects it. It says on stderr which they are.
func markDoubtful(e *env, s store.Store, id int64, name string, r *report.Report, reading *intake.Reading) error {
	invalid := invalidTexts(reading)
	if !doubtful(reading) {
		return nil
	}
	sayDoubts(e.stderr, name, reading, false)
	if len(invalid) == 0 {
		return nil
	}
	l, err := s.Load(id)
	if err != nil {
		return err
	}
	if _, err := s.Update(id, l.Revision, r, store.SaveImport, invalid); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "%s：存疑的 %d 个数字已按读到的导入，在编辑窗口中标红，请核对原件后确认或改正\n", name, len(invalid))
	return nil
}

// importTogether reads every file first and saves them all in one transaction,
// or, when any cannot be read or saved, none.
func importTogether(e *env, s store.Store, rd *anyfile.Reader, files []string, accept bool) int {
	reports := make([]*report.Report, 0, len(files))
	readings := make([]*intake.Reading, 0, len(files))
	failed := false
	for _, name := range files {
		r, reading, err := readAny(rd, name)
		if err != nil {
			e.fail("", err)
			failed = true
			continue
		}
		if doubtful(reading) && !accept {
			refuseDoubtful(e, name, reading, "不能导入")
			failed = true
			continue
		}
		reports = append(reports, r)
		readings = append(readings, reading)
	}
	if failed {
		fmt.Fprintf(e.stderr, "有文件无法读取，按 --all-or-none 一个也没有导入（共 %d 个文件）\n", len(files))
		return exitFailure
	}
	type seen struct{ verb, note string }
	verbs := make([]seen, len(reports))
	// A report is saved over the one before it in this import with its agency
	// and year (the same file given twice, say), not over the database's.
	type key struct {
		agency string
		year   int
	}
	earlier := map[key]int{}
	for i, r := range reports {
		k := key{r.Agency, r.Year}
		if j, ok := earlier[k]; ok {
			verbs[i].verb, verbs[i].note = batchVerb(reports[j], r, files[j])
			earlier[k] = i
			continue
		}
		earlier[k] = i
		_, old, err := s.Find(r.Agency, r.Year)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			e.fail(files[i], err)
			return exitFailure
		}
		verbs[i].verb, verbs[i].note = importVerb(old, r)
	}
	ids, err := s.PutAll(reports, store.SaveImport)
	if err != nil {
		e.fail("无法保存，一个也没有导入", err)
		return exitFailure
	}
	status := exitOK
	for i, r := range reports {
		if err := markDoubtful(e, s, ids[i], files[i], r, readings[i]); err != nil {
			e.fail(files[i]+"：已导入，但无法标出存疑的格子", err)
			status = exitFailure
		}
		printImported(e, s, files[i], verbs[i].verb, verbs[i].note, r)
	}
	return status
}

// printImported says what import did with one file, with the report's counts.
func printImported(e *env, s store.Store, name, verb, note string, r *report.Report) {
	prev, _ := s.Previous(r.Agency, r.Year)
	errs, warns := check.Counts(check.Run(r, prev))
	fmt.Fprintf(e.stdout, "%s：%s %s %d 年（%s%d 个错误，%d 个警告）\n", name, verb, r.Agency, r.Year, note, errs, warns)
}

// reportFlags are the options that name a stored report.
type reportFlags struct {
	agency *string
	year   *int
}

func addReportFlags(fsAgency func(string, string, string) *string, fsYear func(string, int, string) *int) reportFlags {
	return reportFlags{agency: fsAgency("agency", "", ""), year: fsYear("year", 0, "")}
}

// find loads the report the flags name.
func (f reportFlags) find(e *env, s store.Store, usage string) (*report.Report, bool) {
	if strings.TrimSpace(*f.agency) == "" || *f.year == 0 {
		fmt.Fprint(e.stderr, "请用 --agency 和 --year 指明机关名称和年度\n\n"+usage)
		return nil, false
	}
	_, r, err := locate(e, s, *f.agency, *f.year)
	if errors.Is(err, store.ErrNotFound) {
		fmt.Fprintf(e.stderr, "数据库中没有 %s %d 年的年报（用 nianbao list 查看已有的年报）\n", *f.agency, *f.year)
		return nil, false
	}
	if err != nil {
		e.fail("", err)
		return nil, false
	}
	return r, true
}

func runExport(e *env, args []string) int {
	fs := newFlagSet("export")
	db := fs.String("db", "", "")
	rf := addReportFlags(fs.String, fs.Int)
	out := new(string)
	e.outputVar(fs, out, "o")
	if code, done := parseNoArgs(e, fs, args, exportUsage); done {
		return code
	}
	s, ok := openStore(e, *db)
	if !ok {
		return exitFailure
	}
	defer closeStore(e, s)
	r, ok := rf.find(e, s, exportUsage)
	if !ok {
		return exitFailure
	}
	cleanForOutput(e, s, r)
	data, err := report.Marshal(r)
	if err != nil {
		e.fail("", err)
		return exitFailure
	}
	if *out == "" {
		*out = outfile.FileName(r.DefaultTitle(), ".nianbao.json")
	}
	write := func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}
	if !e.writeOutput(*out, databaseFiles(s), "无法写出", write) {
		return exitFailure
	}
	if !e.isStdout(*out) { // the file itself is on standard output
		fmt.Fprintf(e.stdout, "已导出：%s\n", *out)
	}
	return exitOK
}

func runList(e *env, args []string) int {
	fs := newFlagSet("list")
	db := fs.String("db", "", "")
	if code, done := parseNoArgs(e, fs, args, listUsage); done {
		return code
	}
	s, ok := openStore(e, *db)
	if !ok {
		return exitFailure
	}
	defer closeStore(e, s)
	list, err := s.List()
	if err != nil {
		e.fail("", err)
		return exitFailure
	}
	if len(list) == 0 {
		fmt.Fprintln(e.stdout, "数据库中还没有年报。用 nianbao import 文件 导入，或打开窗口新建。")
		return exitOK
	}
	rows := [][]string{{"机关名称", "年度", "最后保存", "错误", "警告"}}
	for _, r := range list {
		rows = append(rows, []string{r.Agency, strconv.Itoa(r.Year), r.SavedAt.Format(timeLayout),
			strconv.Itoa(r.Errors), strconv.Itoa(r.Warnings)})
	}
	printTable(e.stdout, rows)
	return exitOK
}

func runHistory(e *env, args []string) int {
	fs := newFlagSet("history")
	db := fs.String("db", "", "")
	rf := addReportFlags(fs.String, fs.Int)
	deleted := fs.Bool("deleted", false, "")
	if code, done := parseNoArgs(e, fs, args, historyUsage); done {
		return code
	}
	if !*deleted && (strings.TrimSpace(*rf.agency) == "" || *rf.year == 0) {
		fmt.Fprint(e.stderr, "请用 --agency 和 --year 指明年报，或用 --deleted 列出已删除的年报\n\n"+historyUsage)
		return exitFailure
	}
	s, ok := openStore(e, *db)
	if !ok {
		return exitFailure
	}
	defer closeStore(e, s)
	var versions []store.Version
	var err error
	if *deleted {
		versions, err = s.Deleted()
	} else {
		versions, err = s.Versions(*rf.agency, *rf.year)
	}
	if err != nil {
		e.fail("", err)
		return exitFailure
	}
	if len(versions) == 0 {
		if *deleted {
			fmt.Fprintln(e.stdout, "没有已删除的年报。")
		} else {
			fmt.Fprintf(e.stdout, "%s %d 年的年报没有历史版本。\n", *rf.agency, *rf.year)
		}
		return exitOK
	}
	rows := [][]string{{"编号", "机关名称", "年度", "保存时间", "方式", "错误", "警告"}}
	for _, v := range versions {
		rows = append(rows, []string{strconv.FormatInt(v.ID, 10), v.Agency, strconv.Itoa(v.Year),
			v.SavedAt.Format(timeLayout), v.Kind.Label(), strconv.Itoa(v.Errors), strconv.Itoa(v.Warnings)})
	}
	printTable(e.stdout, rows)
	return exitOK
}

func runRestore(e *env, args []string) int {
	fs := newFlagSet("restore")
	db := fs.String("db", "", "")
	id := fs.Int64("version", 0, "")
	backup := fs.String("backup", "", "")
	allowEmpty := fs.Bool("allow-empty", false, "")
	rest, code, done := parse(e, fs, args, restoreUsage, nil)
	if done {
		return code
	}
	if *backup != "" && len(rest) == 0 && *id == 0 {
		return restoreBackup(e, *db, *backup, *allowEmpty)
	}
	if len(rest) > 0 || *id <= 0 {
		fmt.Fprint(e.stderr, "请用 --version 给出要恢复的历史版本编号（见 nianbao history）\n\n"+restoreUsage)
		return exitFailure
	}
	s, ok := openStore(e, *db)
	if !ok {
		return exitFailure
	}
	defer closeStore(e, s)
	r, err := s.Version(*id)
	if err != nil {
		e.fail(fmt.Sprintf("找不到历史版本 %d", *id), err)
		return exitFailure
	}
	res, err := s.Restore(*id)
	if err != nil {
		e.fail(fmt.Sprintf("无法恢复历史版本 %d", *id), err)
		return exitFailure
	}
	fmt.Fprintf(e.stdout, "%s\n", restoredText(r, *id, res))
	return exitOK
}

// printTable prints rows in aligned columns; a Chinese character takes two
// columns of a terminal, so widths are counted in display cells.
func printTable(w io.Writer, rows [][]string) {
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for i, cell := range row {
			row[i] = escapeTerminal(cell, false)
			widths[i] = max(widths[i], displayWidth(row[i]))
		}
	}
	for _, row := range rows {
		var b strings.Builder
		for i, cell := range row {
			b.WriteString(cell)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(cell)+2))
			}
		}
		fmt.Fprintln(w, b.String())
	}
}

func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x1100 && utf8.RuneLen(r) >= 3 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

func runVersion(e *env, args []string) int {
	fs := newFlagSet("version")
	if _, code, done := parse(e, fs, args, versionUsage, nil); done {
		return code
	}
	line := "年报 nianbao " + buildinfo.Version
	if c := buildinfo.Commit(); c != "" { // a build outside git has none to name
		line += "（提交 " + c + "）"
	}
	fmt.Fprintln(e.stdout, line)
	return exitOK
}

const versionUsage = `用法：nianbao version

显示程序的版本和构建它的提交。
`
