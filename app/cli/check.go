package cli

import (
	"encoding/json"
	"fmt"

	"nianbao/data/check"
	"nianbao/data/report"
	"nianbao/data/syserr"
)

const checkUsage = `用法：nianbao check [--json] 文件...

检查年报文件（*.nianbao.json）：三张统计表的勾稽关系（规则 R1–R6）和常见问题。
同一批文件中有同一机关上一年度的报告时，也核对“上年结转”和“现行有效件数”（R5、R6）。

选项：
  --json   以 JSON 数组输出，每个发现一个对象，键为 file rule severity part row column expected actual message

退出状态：0 没有错误（可以有警告）；1 有报告存在错误；2 有文件无法读取或不是有效的年报文件（原因写在标准错误）。
`

// fileFinding is one line of `check --json`.
type fileFinding struct {
	File string `json:"file"`
	check.Finding
}

func runCheck(e *env, args []string) int {
	fs := newFlagSet("check")
	asJSON := fs.Bool("json", false, "")
	files, code, done := parse(e, fs, args, checkUsage, nil)
	if done {
		return code
	}
	if len(files) == 0 {
		fmt.Fprint(e.stderr, "请给出要检查的年报文件\n\n"+checkUsage)
		return exitFailure
	}

	status := exitOK
	reports := make([]*report.Report, len(files))
	for i, name := range files {
		r, err := report.ReadFile(name)
		if err != nil {
			fmt.Fprintln(e.stderr, syserr.Text(err))
			status = exitFailure
			continue
		}
		reports[i] = r
	}

	all := []fileFinding{}
	for i, r := range reports {
		if r == nil {
			continue
		}
		findings := check.Run(r, previousIn(reports, r))
		errs, warns := check.Counts(findings)
		if errs > 0 && status == exitOK {
			status = exitErrors
		}
		if *asJSON {
			for _, f := range findings {
				all = append(all, fileFinding{File: files[i], Finding: f})
			}
			continue
		}
		for _, f := range findings {
			fmt.Fprintf(e.stdout, "%s：%s %s：%s\n", files[i], severityWord(f.Severity), f.Rule, f.Message)
		}
		if errs+warns == 0 {
			fmt.Fprintf(e.stdout, "%s：%s %d 年，未发现问题\n", files[i], r.Agency, r.Year)
		} else {
			fmt.Fprintf(e.stdout, "%s：%s %d 年，%d 个错误，%d 个警告\n", files[i], r.Agency, r.Year, errs, warns)
		}
	}
	if *asJSON {
		out, err := json.MarshalIndent(all, "", "  ")
		if err != nil {
			fmt.Fprintf(e.stderr, "无法输出 JSON：%v\n", err)
			return exitFailure
		}
		fmt.Fprintf(e.stdout, "%s\n", out)
	}
	return status
}

// previousIn finds, among the reports of one batch, the same agency's report for
// the year before r's, so that a batch is checked across years as the database is.
func previousIn(reports []*report.Report, r *report.Report) *report.Report {
	for _, p := range reports {
		if p != nil && p.Agency == r.Agency && p.Year == r.Year-1 {
			return p
		}
	}
	return nil
}

func severityWord(s check.Severity) string {
	if s == check.Error {
		return "错误"
	}
	return "警告"
}
