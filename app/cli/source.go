package cli

import (
	"fmt"
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
		src.inputs = databaseFiles(s)
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
