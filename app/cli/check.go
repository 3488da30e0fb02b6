package cli

import (
	"encoding/json"
	"fmt"

	"nianbao/data/check"
	"nianbao/data/report"
	"nianbao/data/syserr"
)

const checkUsage = `用法：nianbao check [--json] 文件...

检查年报文件（*.nianbao.json）：三张统计表的勾稽关系（规则 R1–R6）和常见问题，
包括正文所写数字与表格不符（W8）、信息处理费说明与三(六)2不符（W11），
以及落款日期、统计期限或正文年份像是别的报告年度的（W12）。
同一批文件中有同一机关上一年度的报告时，也核对“上年结转”和“现行有效件数”（R5、R6）、
正文与上一年度雷同（W9）和数字大幅变化（W10）；机关名称相同，或只差地名前缀
（如“淮安市洪泽区人民政府”与“洪泽区人民政府”）的相邻年度报告视为同一机关，
并说明按哪种方式配对。同一批中同年度其他单位的报告也比较正文是否雷同（W9）。
文件可以是年报文件（*.nianbao.json），也可以是收到的 Word 文件（.docx）、有文字层的 PDF、从网站保存的网页（.html/.htm），
以及经 LibreOffice 转换的 .doc、.wps、.rtf、.mht（见 nianbao convert）。
Word、PDF、网页中有需要人工核对之处（找不到、不是数字或找到两个不同的数的格子等）时，在标准错误中列出，
按读到的数字检查，退出状态至少为 1。

选项：
  --json   以 JSON 数组输出，每个发现一个对象，键为 file rule severity part row column expected actual message，
           以及（有时）difference（差额）、slip（可能录错的格）、text（所指的句子：part section field start end quote）；
           无法读取的文件也有一个对象：rule 为 FILE，message 为中文说明，cause 为系统的原话

退出状态：0 没有错误（可以有警告）；1 有报告存在错误，或有需要人工核对之处；2 有文件无法读取或不是有效的年报文件（原因写在标准错误）。
`

// fileFinding is one line of `check --json`.
type fileFinding struct {
	File string `json:"file"`
	check.Finding
	// Cause is, for a file that cannot be read (rule "FILE"), the system's own
	// words: the message is Chinese, scripts and support staff may want both.
	Cause string `json:"cause,omitempty"`
}

// unreadable is the --json line of a file that cannot be read.
func unreadable(name string, err error) fileFinding {
	return fileFinding{
		File:    name,
		Finding: check.Finding{Rule: "FILE", Severity: check.Error, Message: syserr.Text(err)},
		Cause:   syserr.Original(err),
	}
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
	all := []fileFinding{}
	reports := make([]*report.Report, len(files))
	rd := newReader()
	defer closeReader(e, rd)
	for i, name := range files {
		r, reading, err := readAny(rd, name)
		if err != nil {
			e.fail("", err)
			if *asJSON {
				all = append(all, unreadable(name, err))
			}
			status = exitFailure
			continue
		}
		if doubtful(reading) {
			// The figures as read are checked all the same; the doubts say
			// which of them a person must first compare with the file.
			sayDoubts(e.stderr, name, reading, false)
			status = max(status, exitErrors)
		}
		reports[i] = r
	}

	// One index of the batch's names and one of its sentences: pairing and
	// W9 between units cost a few look-ups a report, however many there are.
	checker := check.NewChecker()
	previous := check.NewPreviousIndex(reports)
	texts := check.NewSameYearIndex(nil)
	textID := make([]int, len(reports))
	for i, r := range reports {
		if r != nil {
			textID[i] = texts.Add(r)
		}
	}
	at := make(map[*report.Report]int, len(reports))
	for i, r := range reports {
		if r != nil {
			at[r] = i
		}
	}
	for i, r := range reports {
		if r == nil {
			continue
		}
		prev, how := previous.Of(r)
		if prev != nil {
			note := fmt.Sprintf("%s：与上一年度报告 %s（%s %d 年）对照，%s\n",
				files[i], files[at[prev]], prev.Agency, prev.Year, how.Describe(r, prev))
			if *asJSON {
				fmt.Fprint(e.stderr, note)
			} else {
				fmt.Fprint(e.stdout, note)
			}
		}
		findings := append(checker.Run(r, prev), texts.Findings(textID[i])...)
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
			e.fail("无法输出 JSON", err)
			return exitFailure
		}
		fmt.Fprintf(e.stdout, "%s\n", out)
	}
	return status
}

func severityWord(s check.Severity) string {
	if s == check.Error {
		return "错误"
	}
	return "警告"
}
