package cli

import (
	"errors"
	"fmt"
	"strings"

	"nianbao/data/report"
	"nianbao/data/store"
)

const renameUsage = `用法：nianbao rename [--db 路径] --agency 机关名称 --year 年度 [--to 新名称]

改正数据库中一份年报的机关名称，原内容保存为历史版本。旧版本保存的名称
（结尾有空格、含零宽空格等看不见的字符、超过 100 个字）现在的版本不接受：
不给 --to 时改为去掉这些字符后的名称（--agency 也可以写这个名称）；
报告中其他旧版本保存的文字一并改正，并逐项说明。

选项：
` + dbOption + `  --agency   现在的机关名称
  --year     报告年度
  --to       新名称
`

// locate finds the stored report of agency and year; a name as an older
// release stored it (a trailing space, an invisible character: not one a
// user can type) is found by its cleaned name too, and said.
func locate(e *env, s store.Store, agency string, year int) (int64, *report.Report, error) {
	id, r, err := s.Find(agency, year)
	if !errors.Is(err, store.ErrNotFound) {
		return id, r, err
	}
	all, lerr := s.List()
	if lerr != nil {
		return 0, nil, lerr
	}
	want := report.CleanText(report.FieldAgency, agency)
	var found []store.Summary
	for _, sum := range all {
		if sum.Year == year && sum.Agency != agency && report.CleanText(report.FieldAgency, sum.Agency) == want {
			found = append(found, sum)
		}
	}
	switch len(found) {
	case 0:
		return 0, nil, err
	case 1:
		fmt.Fprintf(e.stderr, "注意：数据库中这份年报的机关名称是旧版本保存的“%s”\n", escapeTerminal(found[0].Agency, false))
		r, err := s.Get(found[0].ID)
		return found[0].ID, r, err
	}
	names := make([]string, len(found))
	for i, f := range found {
		names[i] = "“" + escapeTerminal(f.Agency, false) + "”"
	}
	return 0, nil, fmt.Errorf("数据库中有 %d 份 %d 年的年报的机关名称去掉看不见的字符和空格后都是“%s”：%s；请用 nianbao rename 先把它们改成不同的名称",
		len(found), year, want, strings.Join(names, "、"))
}

// cleanForOutput makes a report an older release stored fit the text rules
// before it is written out (a file the program and the other machine read
// back), saying each change and how to make it in the database too.
func cleanForOutput(e *env, s store.Store, r *report.Report) {
	old := r.Agency
	fixes := report.Clean(r)
	if len(fixes) == 0 {
		return
	}
	for _, c := range fixes {
		fmt.Fprintf(e.stderr, "注意：%s\n", oneLine(c).Message())
	}
	// The cleaned name finds the report (see locate) unless another report
	// has it; the old one may hold characters no keyboard types.
	name := r.Agency
	if _, _, err := s.Find(name, r.Year); !errors.Is(err, store.ErrNotFound) || old == name {
		name = old
	}
	fmt.Fprintf(e.stderr, "数据库中的内容没有改动；要在数据库中也改正，请用：nianbao rename --agency %s --year %d\n", argQuote(name), r.Year)
}

// oneLine is c with its texts written on one line: a name an older release
// stored may hold a line break, which would split the message.
func oneLine(c report.Cleaned) report.Cleaned {
	c.Old, c.New = escapeTerminal(c.Old, false), escapeTerminal(c.New, false)
	return c
}

// argQuote quotes a name for a shell command line the user may copy.
func argQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func runRename(e *env, args []string) int {
	fs := newFlagSet("rename")
	db := fs.String("db", "", "")
	rf := addReportFlags(fs.String, fs.Int)
	to := fs.String("to", "", "")
	if code, done := parseNoArgs(e, fs, args, renameUsage); done {
		return code
	}
	if strings.TrimSpace(*rf.agency) == "" || *rf.year == 0 {
		fmt.Fprint(e.stderr, "请用 --agency 和 --year 指明机关名称和年度\n\n"+renameUsage)
		return exitFailure
	}
	s, ok := openStore(e, *db)
	if !ok {
		return exitFailure
	}
	defer closeStore(e, s)
	id, r, err := locate(e, s, *rf.agency, *rf.year)
	if errors.Is(err, store.ErrNotFound) {
		fmt.Fprintf(e.stderr, "数据库中没有 %s %d 年的年报（用 nianbao list 查看已有的年报）\n", *rf.agency, *rf.year)
		return exitFailure
	}
	if err != nil {
		e.fail("", err)
		return exitFailure
	}
	old := r.Agency
	name := *to
	if name == "" {
		name = report.CleanText(report.FieldAgency, old)
	}
	if m := report.TextProblem(report.FieldAgency, name); m != "" {
		fmt.Fprintf(e.stderr, "新名称“%s”%s\n", name, m)
		return exitFailure
	}
	if name == old && len(report.Clean(r)) == 0 { // r is reloaded to be saved
		fmt.Fprintf(e.stderr, "机关名称“%s”已符合要求；要改为别的名称，请用 --to 给出新名称\n", old)
		return exitFailure
	}
	return rename(e, s, id, name)
}

// rename saves report id under the agency name, with the rest of its text
// cleaned (each change said), keeping the old content as a version.
func rename(e *env, s store.Store, id int64, name string) int {
	l, err := s.Load(id)
	if err != nil {
		e.fail("", err)
		return exitFailure
	}
	r := l.Report
	old := r.Agency
	r.Agency = name
	for _, c := range report.Clean(r) {
		fmt.Fprintf(e.stdout, "%s\n", oneLine(c).Message())
	}
	if _, err := s.Update(id, l.Revision, r, store.SaveManual, l.Invalid); err != nil {
		if errors.Is(err, store.ErrConflict) {
			fmt.Fprintf(e.stderr, "数据库中已有“%s”%d 年的年报，不能把“%s”改成这个名称；请先导出、删除或改名其中一份\n", name, r.Year, old)
			return exitFailure
		}
		e.fail("无法改名", err)
		return exitFailure
	}
	fmt.Fprintf(e.stdout, "已把“%s”%d 年的年报改名为“%s”（原内容已保存为历史版本，列在原名称下，nianbao history --deleted 可见）\n", old, r.Year, name)
	return exitOK
}
