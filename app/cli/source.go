package cli

import (
	"fmt"
	"nianbao/data/check"
	"nianbao/data/outfile"
	"nianbao/data/report"
	"path/filepath"
)

// source is the report a command prints, and where it came from.
type source struct {
	r, prev *report.Report
	history []*report.Report // earlier years of the agency in the database
	dir     string           // the folder of the default output file
	inputs  []outfile.Protected
}

// bundledFonts reads --fonts: auto (false) or bundled (true).
func bundledFonts(e *env, value string) (bundled, ok bool) {
	switch value {
	case "auto":
		return false, true
	case "bundled":
		return true, true
	}
	fmt.Fprintf(e.stderr, "选项 --fonts 的值应为 auto 或 bundled，实为 %s\n", value)
	return false, false
}

// printJob is what pdf and docx share: their options, and the report they print.
type printJob struct {
	out     string
	bundled bool // --fonts bundled
	charts  bool // --charts
	*source
}

// startPrint parses the options pdf and docx share and reads the report:
// --db, --agency, --year, -o, --fonts and --charts. done means the command
// ends with code (help asked for, or something wrong, already said).
func startPrint(e *env, name string, args []string, usage string) (job *printJob, code int, done bool) {
	fs := newFlagSet(name)
	db := fs.String("db", "", "")
	rf := addReportFlags(fs.String, fs.Int)
	var out string
	e.outputVar(fs, &out, "o")
	fonts := fs.String("fonts", "auto", "")
	withCharts := fs.Bool("charts", false, "")
	accept := fs.Bool("accept-doubtful", false, "")
	files, code, done := parse(e, fs, args, usage, nil)
	if done {
		return nil, code, true
	}
	bundled, ok := bundledFonts(e, *fonts)
	if !ok {
		return nil, exitFailure, true
	}
	src, code := loadSource(e, *db, rf, files, usage, *withCharts, *accept)
	if code != exitOK {
		return nil, code, true
	}
	return &printJob{out: out, bundled: bundled, charts: *withCharts, source: src}, exitOK, false
}

// target is the output path: -o, else the default name beside the input (in
// the current folder for a stored report), refused when it is an input or the
// open database.
func (j *printJob) target(e *env, defaultName string) (string, bool) {
	out := j.out
	if out == "" {
		out = filepath.Join(j.dir, defaultName)
	}
	if err := outfile.Guard(out, j.inputs...); err != nil {
		e.fail("", err)
		return "", false
	}
	return out, true
}

// warnErrors says on stderr when the report printed as what has check errors:
// the output is made all the same.
func (j *printJob) warnErrors(e *env, what string) {
	if errs, _ := check.Counts(check.Run(j.r, j.prev)); errs > 0 {
		fmt.Fprintf(e.stderr, "注意：这份报告有 %d 个检查错误（表格数字不相符），%s仍已生成。用 nianbao check 查看详情。\n", errs, what)
	}
}

// loadSource reads the one report a printing command works on: a file (a
// report file, or a Word file, PDF or web page; one with doubts only when
// accept, --accept-doubtful), or a stored report named by --agency and
// --year; with history, also the agency's earlier stored years, which only
// the trend charts need. It returns exitOK, or the command's exit status once
// what is wrong is said.
func loadSource(e *env, db string, rf reportFlags, files []string, usage string, history, accept bool) (*source, int) {
	src, ok := loadSourceOK(e, db, rf, files, usage, history, accept)
	switch {
	case src != nil:
		return src, exitOK
	case ok:
		return nil, exitDoubts
	}
	return nil, exitFailure
}

// loadSourceOK is loadSource; a nil source with ok is a file refused for its doubts.
func loadSourceOK(e *env, db string, rf reportFlags, files []string, usage string, history, accept bool) (*source, bool) {
	fromDB := *rf.agency != "" || *rf.year != 0
	src := &source{dir: "."}
	switch {
	case fromDB && len(files) > 0:
		fmt.Fprint(e.stderr, "请给出一个年报文件，或用 --agency 和 --year 指明数据库中的年报，二者不能同时使用\n\n"+usage)
		return nil, false
	case fromDB:
		s, ok := openStore(e, db)
		if !ok {
			return nil, false
		}
		defer closeStore(e, s)
		if src.r, ok = rf.find(e, s, usage); !ok {
			return nil, false
		}
		var err error
		if src.prev, err = s.Previous(src.r.Agency, src.r.Year); err != nil {
			e.fail("", err)
			return nil, false
		}
		if history {
			if src.history, err = s.Earlier(src.r.Agency, src.r.Year); err != nil {
				e.fail("", err)
				return nil, false
			}
		}
		src.inputs = outfile.Database(s.Path())
	case len(files) == 1:
		rd := newReader()
		defer closeReader(e, rd)
		r, reading, err := readAny(rd, files[0])
		if err != nil {
			e.fail("", err)
			return nil, false
		}
		if doubtful(reading) && !accept {
			refuseDoubtful(e, files[0], reading, "没有生成")
			return nil, true
		}
		sayDoubts(e.stderr, files[0], reading, false)
		src.r = r
		src.dir = filepath.Dir(files[0])
		src.inputs = outfile.Inputs(files[0])
	default:
		fmt.Fprint(e.stderr, "请给出一个年报文件\n\n"+usage)
		return nil, false
	}
	return src, true
}
