package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"nianbao/app/sheet"
	"nianbao/data/check"
	"nianbao/data/combine"
	"nianbao/data/infile"
	"nianbao/data/outfile"
	"nianbao/data/report"
	"nianbao/data/store"
)

const combineUsage = `用法：nianbao combine --agency 机关 --year 年度 [--roster 名单.txt] [-o 合计.nianbao.json]
                      [--xlsx 汇总.xlsx] [--exclude 单位] [--json] [--accept-doubtful] 文件或文件夹...
      nianbao combine --db 路径 --agency 机关 --year 年度 [--roster 名单.txt] [--save] [-o …] [--xlsx …]

汇总下属单位的年报：逐个单位列出收报情况（未收到 / 已逾期 / 有错误 / 有警告 / 通过）、
错误数和警告数，把计入的单位的二、三、四部分每个数字相加（收费金额精确到小数点后 6 位），
检查合计的勾稽关系；本级报告也在其中时，逐格核对本级报告所填数字与各单位合计（规则 H1）。
文件夹中所有 *.json 文件和 .docx、.pdf、.html、.htm、.doc、.wps、.rtf、.mht 文件（含子文件夹）都作为年报读入。
文件可以是年报文件（*.nianbao.json），也可以是收到的 Word 文件（.docx）、有文字层的 PDF、从网站保存的网页（.html/.htm），
以及经 LibreOffice 转换的 .doc、.wps、.rtf、.mht（见 nianbao convert）。
有需要人工核对之处的 Word、PDF、网页不计入，在收报情况中列出这些地方，除非加 --accept-doubtful。

选项：
  --agency 机关   汇总的机关（本级政府），如“某某县人民政府”
  --year 年度     报告年度
  --roster 文件   名单：UTF-8 文本，每行一个单位，可写“名称<Tab>类型[<Tab>分组]”，
                  类型为 部门、乡镇、街道 或 下级政府；一行“【分组名】”为以下各行的分组。
                  名单中没有报告的单位为“未收到”（部门过 1 月 31 日、政府过 3 月 31 日为“已逾期”）
  --exclude 单位  不计入合计的单位（可重复）
  -o 文件         把合计写成年报文件：机关和年度如所给，数字为合计，正文为空
                  （数据库或输入中已有本级报告时用它的正文）
  --xlsx 文件     写出汇总表格（.xlsx）：按印刷格式排的三张表、各单位数据及合计行、检查结果、收报情况
  --json          以 JSON 输出结果
  --accept-doubtful  有存疑之处的 Word、PDF、网页也计入，存疑的数字按读到的相加（存疑之处列在标准错误中）
  --db 路径       用数据库中该年度的报告和名单代替文件（给了 --roster 时先把它存为该年度的名单）
  --save          （与 --db 同用）把合计存为本级报告：没有则新建；已有则逐格列出变化后只替换数字，
                  正文不动，原内容保存为历史版本；并记下合计包含哪些单位，上级汇总时不会重复计算
  --replace-unit  （与 --save 同用）机关是其他机关名单中的单位、它的报告是它自己填报的时，
                  确认仍把合计存为它的报告（否则不保存，以免 --agency 写错时替换了单位的数字）

退出状态：0 名单中的单位都已收到且计入的单位没有错误；1 有单位未收到，或有计入的单位（或合计）存在错误；
2 有文件无法读取、是其他年度的报告、同一单位有两份报告（信息中写明文件），或用法有误。
`

// names is a repeatable string option.
type names []string

func (n *names) String() string     { return strings.Join(*n, ",") }
func (n *names) Set(v string) error { *n = append(*n, v); return nil }

// combineArgs are the options of one `nianbao combine`.
type combineArgs struct {
	agency, rosterPath, out, xlsx, db string
	year                              int
	asJSON, save, replaceUnit         bool
	acceptDoubtful                    bool // --accept-doubtful
	exclude                           names
	inputs                            []string
}

// errShown is a failure whose message was printed already.
var errShown = errors.New("已说明")

func runCombine(e *env, args []string) int {
	fs := newFlagSet("combine")
	var a combineArgs
	fs.StringVar(&a.agency, "agency", "", "")
	fs.IntVar(&a.year, "year", 0, "")
	fs.StringVar(&a.rosterPath, "roster", "", "")
	e.outputVar(fs, &a.out, "o")
	e.outputVar(fs, &a.xlsx, "xlsx")
	fs.BoolVar(&a.asJSON, "json", false, "")
	fs.StringVar(&a.db, "db", "", "")
	fs.BoolVar(&a.save, "save", false, "")
	fs.BoolVar(&a.replaceUnit, "replace-unit", false, "")
	fs.BoolVar(&a.acceptDoubtful, "accept-doubtful", false, "")
	fs.Var(&a.exclude, "exclude", "")
	inputs, code, done := parse(e, fs, args, combineUsage, nil)
	if done {
		return code
	}
	a.inputs = inputs
	a.agency = strings.TrimSpace(a.agency)
	if msg := a.usageError(); msg != "" {
		fmt.Fprint(e.stderr, msg)
		return exitFailure
	}
	status, err := a.run(e)
	if err != nil {
		if !errors.Is(err, errShown) {
			e.fail("", err)
		}
		return exitFailure
	}
	return status
}

// usageError says what is wrong with the options, or "".
func (a *combineArgs) usageError() string {
	switch {
	case a.agency == "" || a.year == 0:
		return "请用 --agency 和 --year 指明汇总的机关和年度\n\n" + combineUsage
	case a.year < report.MinYear || a.year > report.MaxYear:
		return fmt.Sprintf("年度 %d 无效，应为 %d 至 %d\n", a.year, report.MinYear, report.MaxYear)
	case a.db == "" && len(a.inputs) == 0:
		return "请给出各单位的年报文件或所在的文件夹（或用 --db 汇总数据库中的报告）\n\n" + combineUsage
	case a.db != "" && len(a.inputs) > 0:
		return fmt.Sprintf("用了 --db 时汇总数据库中的报告，不再读文件：%s\n", strings.Join(a.inputs, " "))
	case a.save && a.db == "":
		return "--save 须与 --db 同用\n"
	case a.replaceUnit && !a.save:
		return "--replace-unit 须与 --save 同用\n"
	case a.out != "" && a.out == a.xlsx:
		return "-o 和 --xlsx 不能是同一个文件\n"
	}
	return ""
}

// run combines and writes the outputs; it returns the round's exit status.
func (a *combineArgs) run(e *env) (int, error) {
	var found combine.Found
	if a.db == "" {
		var err error
		if found, err = combine.ExpandPaths(a.inputs); err != nil {
			return 0, err
		}
	}
	files := found.Files
	protected := outfile.Inputs(files...)
	if a.rosterPath != "" {
		protected = append(protected, outfile.Inputs(a.rosterPath)...)
	}
	var st store.Store
	if a.db != "" {
		var ok bool
		if st, ok = openStore(e, a.db); !ok {
			return 0, errShown
		}
		defer st.Close()
		protected = append(protected, databaseFiles(st)...)
	}
	for _, o := range []string{a.out, a.xlsx} {
		if o == "" {
			continue
		}
		if err := outfile.Guard(o, protected...); err != nil {
			return 0, err
		}
	}
	roster, err := a.roster(e, st)
	if err != nil {
		return 0, err
	}
	opts := combine.Options{Agency: a.agency, Year: a.year, Roster: roster, Now: time.Now(), Exclude: map[string]bool{}}
	for _, x := range a.exclude {
		opts.Exclude[strings.TrimSpace(x)] = true
	}
	var res *combine.Result
	if st != nil {
		res, err = combine.FromDatabase(st, opts)
	} else {
		res, err = combineFiles(e, found, opts, a.acceptDoubtful)
	}
	var beyond *combine.BeyondError
	if errors.As(err, &beyond) && res != nil {
		err = nil // the round stands; its sum is refused where it would be written or saved
	}
	if err != nil {
		return 0, err
	}
	if err := unknownExcluded(res, opts.Exclude); err != nil {
		return 0, err
	}
	if a.asJSON {
		if err := printCombineJSON(e.stdout, res); err != nil {
			return 0, fmt.Errorf("无法输出 JSON：%w", err)
		}
	} else {
		printCombine(e.stdout, res)
		a.offerRecombine(e.stdout, res)
	}
	// The spreadsheet first: it holds any sum, so that it is there whatever
	// becomes of the combined report.
	if err := a.writeSheet(e, res); err != nil {
		return 0, err
	}
	if (a.save || a.out != "") && res.Beyond != nil {
		return 0, fmt.Errorf("合计未保存为年报：%w", res.Beyond)
	}
	if a.save {
		if status := a.saveCombined(e, st, res); status != exitOK {
			return 0, errShown
		}
	}
	if err := a.writeReport(e, res); err != nil {
		return 0, err
	}
	return res.ExitCode(), nil
}

// offerRecombine gives, for every stale sum of a lower government in the
// database, the command that combines it again.
func (a *combineArgs) offerRecombine(w io.Writer, res *combine.Result) {
	if a.db == "" {
		return
	}
	for _, p := range res.Problems {
		if p.Kind == combine.Stale {
			fmt.Fprintf(w, "重新汇总“%s”：nianbao combine --db %s --agency %s --year %d --save\n",
				p.Unit, shellWord(a.db), shellWord(p.Unit), res.Year)
		}
	}
}

// shellWord is s as one word of a command line to copy.
func shellWord(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"\\$`&|;<>()*?[]#~!{}") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// roster reads the roster file (and stores it with --db), or the stored one.
func (a *combineArgs) roster(e *env, st store.Store) ([]combine.Unit, error) {
	if a.rosterPath == "" {
		if st == nil {
			return nil, nil
		}
		units, from, err := st.Roster(a.agency, a.year)
		if err != nil {
			return nil, err
		}
		if from != 0 && from != a.year {
			fmt.Fprintf(e.stderr, "%s %d 年还没有名单，沿用 %d 年的名单（%d 个单位）\n", a.agency, a.year, from, len(units))
		}
		return units, nil
	}
	data, err := infile.ReadFile(a.rosterPath, infile.Roster)
	if err != nil {
		return nil, fmt.Errorf("无法读取名单：%w", err)
	}
	roster, err := combine.ParseRoster(a.rosterPath, data)
	if err != nil {
		return nil, err
	}
	if st != nil {
		if err := st.SetRoster(a.agency, a.year, roster); err != nil {
			return nil, err
		}
		fmt.Fprintf(e.stderr, "已把名单 %s（%d 个单位）存为%s %d 年的名单\n", a.rosterPath, len(roster), a.agency, a.year)
	}
	return roster, nil
}

// unknownExcluded refuses an --exclude that names no unit: a typing slip
// would otherwise count the unit silently.
func unknownExcluded(res *combine.Result, exclude map[string]bool) error {
	known := map[string]bool{}
	for _, u := range res.Units {
		known[u.Name] = true
	}
	for x := range exclude {
		if !known[x] {
			return fmt.Errorf("--exclude：没有名为“%s”的单位", x)
		}
	}
	return nil
}

// writeReport writes -o.
func (a *combineArgs) writeReport(e *env, res *combine.Result) error {
	if a.out == "" {
		return nil
	}
	data, err := report.Marshal(res.Combined)
	if err == nil {
		err = outfile.Write(a.out, data, e.data)
	}
	if err != nil {
		return fmt.Errorf("无法写出合计 %s：%w", a.out, err)
	}
	if a.out != outfile.Stdout {
		fmt.Fprintf(e.stderr, "合计已写入 %s\n", a.out)
	}
	return nil
}

// writeSheet writes --xlsx.
func (a *combineArgs) writeSheet(e *env, res *combine.Result) error {
	if a.xlsx == "" {
		return nil
	}
	err := outfile.WriteFunc(a.xlsx, e.data, func(w io.Writer) error { return sheet.Write(w, res) })
	if err != nil {
		return fmt.Errorf("无法写出汇总表格 %s：%w", a.xlsx, err)
	}
	if a.xlsx != outfile.Stdout {
		fmt.Fprintf(e.stderr, "汇总表格已写入 %s\n", a.xlsx)
	}
	return nil
}

// combineFiles reads the report files one at a time into a round.
// A Word file, PDF or web page with doubts is not read unless accept
// (--accept-doubtful): then its figures are summed as read and its doubts
// said on stderr.
func combineFiles(e *env, found combine.Found, opts combine.Options, accept bool) (*combine.Result, error) {
	b := combine.NewBatch(opts)
	for _, s := range found.Skipped {
		b.NotRead(s)
	}
	rd := newReader()
	defer closeReader(e, rd)
	for _, f := range found.Files {
		r, reading, err := readAny(rd, f)
		if err != nil {
			b.Unreadable(f, err)
			continue
		}
		if doubtful(reading) {
			if !accept {
				b.Unreadable(f, doubtsError(f, reading))
				continue
			}
			sayDoubts(e.stderr, f, reading, false)
		}
		if err := b.Add(combine.Receive(f, r)); err != nil {
			return nil, err
		}
	}
	return b.Finish()
}

// saveCombined stores the sum as the agency's own report, listing first what
// changes cell by cell. A report of a unit on another agency's roster is the
// unit's own: it is replaced only with --replace-unit (a mistyped --agency
// would otherwise put a sum over it). What was done is said once it is done.
func (a *combineArgs) saveCombined(e *env, st store.Store, res *combine.Result) int {
	_, existing, err := st.Find(res.Agency, res.Year)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		e.fail("", err)
		return exitFailure
	}
	if existing != nil && !a.replaceUnit {
		if msg, err := unitNotSum(st, res.Agency, res.Year); err != nil || msg != "" {
			if err == nil {
				err = errors.New(msg)
			}
			e.fail("", err)
			return exitFailure
		}
	}
	var changes []combine.Change
	if existing != nil {
		old, err := combine.FiguresOf(existing)
		if err != nil {
			e.fail("", err)
			return exitFailure
		}
		changes = combine.Changes(&old, &res.Sum)
	}
	if _, err := st.SaveCombined(res.Combined, res.Members); err != nil {
		e.fail(fmt.Sprintf("合计未保存为%s %d 年的报告", res.Agency, res.Year), err)
		return exitFailure
	}
	if existing == nil {
		fmt.Fprintf(e.stderr, "数据库中原没有%s %d 年的报告，已新建一份（正文为空，数字为合计 %d 个单位）\n", res.Agency, res.Year, len(res.Members))
		return exitOK
	}
	fmt.Fprintf(e.stderr, "已更新%s %d 年报告的数字（正文不变，合计 %d 个单位，原内容保存为历史版本），共 %d 处变化：\n",
		res.Agency, res.Year, len(res.Members), len(changes))
	for _, c := range changes {
		fmt.Fprintf(e.stderr, "  %s：%s → %s\n", c.Cell.Label, c.Cell.Text(c.Old), c.Cell.Text(c.New))
	}
	return exitOK
}

// unitNotSum says why the stored report of agency is a unit's own and not a
// sum: a report not saved as a sum, of an agency with no roster of its own,
// that another agency's roster lists as a unit. "" when it may be replaced.
func unitNotSum(st store.Store, agency string, year int) (string, error) {
	members, err := st.Members(agency, year)
	if err != nil || len(members) > 0 {
		return "", err
	}
	if _, from, err := st.Roster(agency, year); err != nil || from != 0 {
		return "", err
	}
	by, err := st.ListedBy(agency, year)
	if err != nil || by == "" {
		return "", err
	}
	return fmt.Sprintf("“%s”是“%s”名单中的单位，数据库中它 %d 年的报告是它自己填报的，不是汇总的；未保存，以免合计替换它的数字。"+
		"若 --agency 写错了，请改正；若确要把合计存为它的报告，请加 --replace-unit", agency, by, year), nil
}

func printCombine(w io.Writer, res *combine.Result) {
	var b bytes.Buffer
	for _, u := range res.Units {
		fmt.Fprintf(&b, "%s\t%s（%s）", u.Status.Label(), u.Name, combine.TypeLabel(u.Type))
		if u.Source != "" {
			fmt.Fprintf(&b, "\t%d 个错误，%d 个警告\t%s", u.Errors, u.Warnings, u.Source)
			if !u.At.IsZero() {
				fmt.Fprintf(&b, "（%s）", u.At.Local().Format("2006-01-02 15:04"))
			}
			b.WriteString("\t")
			for i, v := range u.Key().Values() {
				if i > 0 {
					b.WriteString(" ")
				}
				fmt.Fprintf(&b, "%s %d", combine.KeyFigureLabels[i], v)
			}
		} else {
			deadline := combine.Deadline(u.Type, res.Year)
			fmt.Fprintf(&b, "\t截止 %d 月 %d 日", deadline.Month(), deadline.Day())
		}
		if u.LeftOutWhy != "" {
			fmt.Fprintf(&b, "\t未计入：%s", u.LeftOutWhy)
		}
		b.WriteString("\n")
	}
	for _, p := range res.Problems {
		fmt.Fprintf(&b, "注意：%s\n", p.Message)
	}
	for _, u := range res.Units {
		for _, f := range u.Findings {
			if f.Rule == check.CopiedTextRule {
				fmt.Fprintf(&b, "“%s”：%s %s：%s\n", u.Name, severityWord(f.Severity), f.Rule, f.Message)
			}
		}
	}
	for _, f := range res.Findings {
		fmt.Fprintf(&b, "合计：%s %s：%s\n", severityWord(f.Severity), f.Rule, f.Message)
	}
	if bad := res.ErrorUnits(); len(bad) > 0 && len(res.Findings) > 0 {
		fmt.Fprintf(&b, "合计中有错误的单位：%s（合计的错误多由它们而来）\n", strings.Join(bad, "、"))
	}
	for _, f := range res.Hierarchy {
		fmt.Fprintf(&b, "本级报告：%s %s：%s\n", severityWord(f.Severity), f.Rule, f.Message)
	}
	errs, warns := check.Counts(res.Findings)
	fmt.Fprintf(&b, "%s %d 年汇总：%s；合计 %d 个错误，%d 个警告\n", res.Agency, res.Year, res.Summary(), errs, warns+len(res.Hierarchy))
	w.Write(b.Bytes())
}

type jsonUnit struct {
	Unit     string           `json:"unit"`
	Type     string           `json:"type"`
	Group    string           `json:"group"`
	Rostered bool             `json:"rostered"`
	Status   string           `json:"status"`
	Received string           `json:"received,omitempty"`
	Source   string           `json:"source,omitempty"`
	Older    []string         `json:"older,omitempty"`
	Errors   int              `json:"errors"`
	Warnings int              `json:"warnings"`
	Included bool             `json:"included"`
	LeftOut  string           `json:"left_out,omitempty"`
	Key      map[string]int64 `json:"key_figures,omitempty"`
}

type jsonProblem struct {
	Unit    string   `json:"unit"`
	Files   []string `json:"files"`
	Message string   `json:"message"`
}

type jsonResult struct {
	Agency    string          `json:"agency"`
	Year      int             `json:"year"`
	Units     []jsonUnit      `json:"units"`
	Problems  []jsonProblem   `json:"problems"`
	Findings  []check.Finding `json:"findings"`
	Hierarchy []check.Finding `json:"hierarchy"`
	Members   []string        `json:"members"`
	Exit      int             `json:"exit"`
}

func printCombineJSON(w io.Writer, res *combine.Result) error {
	out := jsonResult{Agency: res.Agency, Year: res.Year, Units: []jsonUnit{}, Problems: []jsonProblem{},
		Findings: append([]check.Finding{}, res.Findings...), Hierarchy: append([]check.Finding{}, res.Hierarchy...),
		Members: append([]string{}, res.Members...), Exit: res.ExitCode()}
	for _, u := range res.Units {
		ju := jsonUnit{Unit: u.Name, Type: u.Type, Group: u.Group, Rostered: u.Rostered, Status: u.Status.Label(),
			Source: u.Source, Older: u.Older, Errors: u.Errors, Warnings: u.Warnings, Included: u.Included, LeftOut: u.LeftOutWhy}
		if u.Source != "" {
			ju.Received = u.At.Format(time.RFC3339)
			ju.Key = map[string]int64{}
			for i, v := range u.Key().Values() {
				ju.Key[combine.KeyFigureLabels[i]] = v
			}
		}
		out.Units = append(out.Units, ju)
	}
	for _, p := range res.Problems {
		out.Problems = append(out.Problems, jsonProblem{Unit: p.Unit, Files: p.Sources, Message: p.Message})
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}
