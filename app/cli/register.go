package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"nianbao/app/registersheet"
	"nianbao/data/infile"
	"nianbao/data/office"
	"nianbao/data/outfile"
	"nianbao/data/register"
	"nianbao/data/register/spreadsheet"
	"nianbao/data/report"
	"nianbao/data/store"
	"nianbao/data/workdays"
)

const registerUsage = `用法：nianbao register 子命令 [选项]

依申请公开台账：登记每件政府信息公开申请，按条例计算答复期限，提醒到期和超期，
并按台账计算年报第三部分（收到和处理政府信息公开申请情况）。

子命令：
  import    导入单位自己的台账表格（.xlsx、.csv、.xls）
  list      列出台账中的申请
  due       列出已超期和即将到期的申请（有超期的，退出状态为 1）
  export    把台账导出为 .xlsx（含个人信息）
  fill      按台账填写年报第三部分，列出改动的每一格
  lock      标记某年度的年报已发布（锁定），fill 和 import 不再改动它
  erase     清除某年度申请中的个人信息（姓名、联系方式、证件号码），计数保留
  calendar  查看或添加节假日安排（新一年的放假通知、本地放假日）
  rules     显示计算期限和第三部分的规则

每个子命令都可加 --help 查看说明，例如：nianbao register due --help
`

const registerImportUsage = `用法：nianbao register import [--db 路径] --agency 机关名称 [--map 列名=字段]... [--force] 文件

导入单位自己的台账表格（.xlsx，UTF-8、GBK 编码的 .csv，或经本机 LibreOffice 转换的 .xls、.et）。
表格上方可以有标题行，表头可以是两层合并单元格；日期可以是 Excel 日期、2025.3.5、2025年3月5日 等。
各列按列名对应到台账的字段，对应关系会列出；对应不了的列不导入。
有一格读不懂的行（日期、申请人类型、申请方式、办理结果等）整行不导入，逐行列出原因，退出状态为 1；
程序不猜测：例如“申请内容不明确”可能是（四）3 或（六）1，须由经办人确定。
登记编号与台账中已有的相同的，以表格内容更新。

选项：
` + dbOption + `  --agency   机关名称（台账属于哪个机关）
  --map      列名=字段，指定一列对应的字段（可多次使用；字段写“不导入”则忽略这一列）。字段有：
             %s
  --force    收到日期在已发布（锁定）年度的申请也导入
`

const registerListUsage = `用法：nianbao register list [--db 路径] --agency 机关名称 [--year 年度] [--state 状态] [--type 申请人类型] [--outcome 办理结果] [--names] [--today 日期]

列出台账中的申请：登记编号、收到日期、申请人类型、状态、答复期限、答复日期、办理结果，
以及办理中值得注意之处（补正告知晚于7个工作日、延期告知晚于原期限、超期答复）。
默认不显示申请人姓名（个人信息），加 --names 才显示。

选项：
` + dbOption + `  --agency   机关名称
  --year     只列收到日期在这一年的申请
  --state    只列这一状态的：办理中、待补正、征求意见中、已延期、待缴费、已答复、已办结待定结果
  --type     只列这一类申请人的：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他
  --outcome  只列这一办理结果的，如“予以公开”“部分公开”“重复申请”
  --names    显示申请人姓名或名称
  --today    按这一天计算状态（默认今天），如 2025-03-05
`

const registerDueUsage = `用法：nianbao register due [--db 路径] --agency 机关名称 [--within 天数] [--all] [--today 日期]

列出已超过答复期限的申请和即将到期的申请（默认 3 个工作日内），按期限先后排列；
补正期限、缴费期限已过而尚未办结的也列出（应按逾期不补正、逾期未缴费办结）。
有已超期的申请时退出状态为 1，否则为 0。

选项：
` + dbOption + `  --agency   机关名称
  --within   列出多少个工作日内到期的（默认 3）
  --all      列出所有未办结的申请
  --today    按这一天计算（默认今天），如 2025-03-05
`

const registerExportUsage = `用法：nianbao register export [--db 路径] --agency 机关名称 [--year 年度] [-o 文件.xlsx]

把台账导出为 .xlsx 表格，供存档或打印。表格含申请人姓名、联系方式、证件号码等个人信息，
请妥善保管，不得公开。导出的表格可以再用 nianbao register import 导入。

选项：
` + dbOption + `  --agency   机关名称
  --year     只导出收到日期在这一年的申请
  -o 文件    输出文件；默认为当前文件夹中的“<机关名称>政府信息公开申请台账.xlsx”；- 表示标准输出
`

const registerFillUsage = `用法：nianbao register fill [--db 路径] --agency 机关名称 --year 年度 [--dry-run] [--force]

按台账计算这一年度年报的第三部分（收到和处理政府信息公开申请情况），列出每一个要改动的格子（原数 → 新数），
然后写入数据库中的年报；原内容保存为历史版本（可用 nianbao history / restore 找回）。数据库中还没有这一年度的年报时新建一份。
已发布（锁定）的年度不改动，只列出差异，退出状态为 1，除非加 --force。
台账中有申请人类型未分类或已办结而未确定结果的申请时，逐件列出，不写入（退出状态为 1），除非加 --force。
计数规则（nianbao register rules 可再次查看）：
%s
选项：
` + dbOption + `  --agency   机关名称
  --year     报告年度
  --dry-run  只列出差异，不写入
  --force    已发布（锁定）的年度或有未计入的申请时也写入
`

const registerLockUsage = `用法：nianbao register lock [--db 路径] --agency 机关名称 --year 年度 [--unlock]

标记这一年度的年报已发布（锁定）：register fill 不再改动它的第三部分（只列出与台账的差异），
register import 不再导入收到日期在这一年的申请，除非加 --force。--unlock 取消锁定。

选项：
` + dbOption + `  --agency   机关名称
  --year     报告年度
  --unlock   取消锁定
`

const registerEraseUsage = `用法：nianbao register erase [--db 路径] --agency 机关名称 --year 年度

清除收到日期在这一年度的申请中的个人信息（申请人姓名或名称、联系方式、证件号码），
保存期满后使用。申请的日期、类型、办理过程和结果保留，第三部分的计数不变。
清除前的数据库备份中仍有这些信息，备份按保存期限自动删除。

选项：
` + dbOption + `  --agency   机关名称
  --year     年度
`

const registerCalendarUsage = `用法：nianbao register calendar [--db 路径] [--add 文件 [--name 名称]]

列出已知的节假日安排（程序自带 2024–2026 年国务院办公厅的放假通知）；--add 添加一个节假日安排文件：
新一年的放假通知，或本地另行放假的日子。文件是文本，每行一项，# 开头的是说明：
  # 国务院办公厅关于2027年部分节假日安排的通知
  year 2027                          （这一年的安排已完整）
  off 2027-02-05..2027-02-11 春节    （放假日，可写一天或一段）
  on 2027-02-14 春节调休上班          （调休上班日）
最后一个已知年度之后的期限只按周末推算，显示为“待定”。

选项：
` + dbOption + `  --add      节假日安排文件
  --name     这份安排的名称（默认为文件名）；同名的再次添加则替换
`

type registerCommand struct {
	usage string
	run   func(e *env, args []string) int
}

func registerCommands() map[string]registerCommand {
	return map[string]registerCommand{
		"import":   {fmt.Sprintf(registerImportUsage, fieldNames()), runRegisterImport},
		"list":     {registerListUsage, runRegisterList},
		"due":      {registerDueUsage, runRegisterDue},
		"export":   {registerExportUsage, runRegisterExport},
		"fill":     {fmt.Sprintf(registerFillUsage, numbered(register.CountingRules)), runRegisterFill},
		"lock":     {registerLockUsage, runRegisterLock},
		"erase":    {registerEraseUsage, runRegisterErase},
		"calendar": {registerCalendarUsage, runRegisterCalendar},
		"rules":    {"用法：nianbao register rules\n\n显示计算答复期限和第三部分的规则。\n", runRegisterRules},
	}
}

func fieldNames() string {
	var names []string
	for _, f := range spreadsheet.Fields {
		names = append(names, string(f))
	}
	return strings.Join(names, "、")
}

func numbered(rules []string) string {
	var b strings.Builder
	for i, r := range rules {
		fmt.Fprintf(&b, "  %d. %s\n", i+1, r)
	}
	return b.String()
}

func runRegister(e *env, args []string) int {
	if len(args) == 0 || args[0] == "--help" || args[0] == "-h" || args[0] == "help" {
		w := e.stdout
		if len(args) == 0 {
			w = e.stderr
		}
		fmt.Fprint(w, registerUsage)
		if len(args) == 0 {
			return exitFailure
		}
		return exitOK
	}
	c, ok := registerCommands()[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "未知的台账子命令：%s\n\n%s", args[0], registerUsage)
		return exitFailure
	}
	return c.run(e, args[1:])
}

// registerFlags are the options every register subcommand has.
type registerFlags struct {
	db, agency *string
	year       *int
	today      *string
}

func newRegisterFlags(fs *flag.FlagSet) registerFlags {
	return registerFlags{db: fs.String("db", "", ""), agency: fs.String("agency", "", ""), year: fs.Int("year", 0, ""),
		today: fs.String("today", "", "")}
}

// open opens the store and its register; needYear says --year is required.
func (f registerFlags) open(e *env, usage string, needYear bool) (store.Store, store.Register, bool) {
	if strings.TrimSpace(*f.agency) == "" || needYear && *f.year == 0 {
		what := "请用 --agency 指明机关名称"
		if needYear {
			what = "请用 --agency 和 --year 指明机关名称和年度"
		}
		fmt.Fprint(e.stderr, what+"\n\n"+usage)
		return nil, nil, false
	}
	if *f.year != 0 && (*f.year < report.MinYear || *f.year > report.MaxYear) {
		fmt.Fprintf(e.stderr, "年度 %d 不对，应在 %d 到 %d 之间\n", *f.year, report.MinYear, report.MaxYear)
		return nil, nil, false
	}
	return openRegister(e, *f.db)
}

// openRegister opens the store at db and its register, closing the store again
// when it keeps none.
func openRegister(e *env, db string) (store.Store, store.Register, bool) {
	s, ok := openStore(e, db)
	if !ok {
		return nil, nil, false
	}
	reg, ok := s.(store.Register)
	if !ok {
		fmt.Fprintln(e.stderr, "这个数据库不保存依申请公开台账")
		closeStore(e, s)
		return nil, nil, false
	}
	return s, reg, true
}

// openedRegister is an open register with the calendar its deadlines are counted
// in; the caller closes store.
type openedRegister struct {
	store store.Store
	reg   store.Register
	cal   *workdays.Calendar
}

// openWithCalendar opens the register (as open does, --year optional) and reads
// its calendar, closing the store again when the calendar cannot be read.
func (f registerFlags) openWithCalendar(e *env, usage string) (openedRegister, bool) {
	s, reg, ok := f.open(e, usage, false)
	if !ok {
		return openedRegister{}, false
	}
	cal, ok := calendar(e, reg)
	if !ok {
		closeStore(e, s)
		return openedRegister{}, false
	}
	return openedRegister{store: s, reg: reg, cal: cal}, true
}

// openDated reads --today, then opens the register with its calendar: how
// the subcommands that tell deadlines (list, due, export) begin.
func (f registerFlags) openDated(e *env, usage string) (openedRegister, time.Time, bool) {
	today, ok := f.day(e)
	if !ok {
		return openedRegister{}, today, false
	}
	o, ok := f.openWithCalendar(e, usage)
	return o, today, ok
}

// applications lists the agency's applications received in year (0: every
// year), saying why when it cannot.
func (o openedRegister) applications(e *env, agency string, year int) ([]register.Application, bool) {
	apps, err := o.reg.Applications(agency, year)
	if err != nil {
		e.fail("", err)
		return nil, false
	}
	return apps, true
}

// day reads --today ("" for today).
func (f registerFlags) day(e *env) (time.Time, bool) {
	if *f.today == "" {
		now := time.Now()
		return workdays.Day(now.Year(), now.Month(), now.Day()), true
	}
	t, err := time.Parse(time.DateOnly, *f.today)
	if err != nil {
		fmt.Fprintf(e.stderr, "--today 的日期“%s”应写作 2025-03-05\n", *f.today)
		return t, false
	}
	return t, true
}

// calendar is the shipped calendar with the user's additions.
func calendar(e *env, reg store.Register) (*workdays.Calendar, bool) {
	texts, err := reg.CalendarAdditions()
	if err == nil {
		var cal *workdays.Calendar
		if cal, err = workdays.New(texts...); err == nil {
			return cal, true
		}
	}
	e.fail("读取节假日安排失败", err)
	return nil, false
}

// listFlag collects the values of an option given several times.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// columnMap reads the --map options, 列名=字段.
func columnMap(values []string) (map[string]spreadsheet.Field, error) {
	m := map[string]spreadsheet.Field{}
	for _, v := range values {
		head, field, ok := strings.Cut(v, "=")
		head, field = strings.TrimSpace(head), strings.TrimSpace(field)
		if !ok || head == "" {
			return nil, fmt.Errorf("--map %s：应写作 列名=字段，如 --map 来文单位=申请人", v)
		}
		if field == "不导入" || field == "" {
			m[head] = spreadsheet.FieldNone
			continue
		}
		f, known := spreadsheet.ParseField(field)
		if !known {
			return nil, fmt.Errorf("--map %s：没有“%s”这个字段；字段有：%s", v, field, fieldNames())
		}
		m[head] = f
	}
	return m, nil
}

func runRegisterImport(e *env, args []string) int {
	usage := registerCommands()["import"].usage
	fs := newFlagSet("register import")
	rf := newRegisterFlags(fs)
	var maps listFlag
	fs.Var(&maps, "map", "")
	force := fs.Bool("force", false, "")
	files, code, done := parse(e, fs, args, usage, nil)
	if done {
		return code
	}
	if len(files) != 1 {
		fmt.Fprint(e.stderr, "请给出一个台账表格文件\n\n"+usage)
		return exitFailure
	}
	mapping, err := columnMap(maps)
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitFailure
	}
	o, ok := rf.openWithCalendar(e, usage)
	if !ok {
		return exitFailure
	}
	defer closeStore(e, o.store)
	res, err := spreadsheet.ReadFile(files[0], spreadsheet.Options{Map: mapping, Calendar: o.cal,
		Office: office.Converter{Program: office.Find()}})
	if err != nil {
		e.fail("", err)
		return exitFailure
	}
	printMapping(e, files[0], res)
	apps, refused, err := lockedOut(o.reg, *rf.agency, res, *force)
	if err != nil {
		e.fail("", err)
		return exitFailure
	}
	return storeImported(e, o.reg, *rf.agency, res, apps, refused)
}

func printMapping(e *env, file string, res *spreadsheet.Result) {
	where := filepath.Base(file)
	if res.Sheet != "" {
		where += "（工作表“" + res.Sheet + "”）"
	}
	fmt.Fprintf(e.stdout, "%s：表头在第 %d 行，各列对应如下：\n", where, res.HeaderRow)
	for _, c := range res.Columns {
		if c.Header == "" && c.Field == spreadsheet.FieldNone {
			continue
		}
		switch {
		case c.Field == spreadsheet.FieldDue:
			fmt.Fprintf(e.stdout, "  %s 列“%s” → 不导入（答复期限由程序按条例计算）\n", c.Letter, c.Header)
		case c.Field == spreadsheet.FieldNone:
			fmt.Fprintf(e.stdout, "  %s 列“%s” → 不导入（列名对应不了；可用 --map 指定）\n", c.Letter, c.Header)
		case c.ByUser:
			fmt.Fprintf(e.stdout, "  %s 列“%s” → %s（按 --map）\n", c.Letter, c.Header, c.Field)
		default:
			fmt.Fprintf(e.stdout, "  %s 列“%s” → %s\n", c.Letter, c.Header, c.Field)
		}
	}
}

// lockedOut drops the applications received in a locked year (unless force),
// returning them as problems.
func lockedOut(reg store.Register, agency string, res *spreadsheet.Result, force bool) ([]register.Application, []spreadsheet.Problem, error) {
	if force {
		return res.Apps, nil, nil
	}
	locked := map[int]bool{}
	var keep []register.Application
	var refused []spreadsheet.Problem
	for i, a := range res.Apps {
		y := a.Received.Year()
		is, seen := locked[y]
		if !seen {
			var err error
			if is, err = reg.YearLocked(agency, y); err != nil {
				return nil, nil, err
			}
			locked[y] = is
		}
		if is {
			refused = append(refused, spreadsheet.Problem{Row: res.Rows[i],
				Reason: fmt.Sprintf("收到日期在 %d 年，该年度的年报已发布（锁定），没有导入；确需导入请加 --force", y)})
			continue
		}
		keep = append(keep, a)
	}
	return keep, refused, nil
}

func storeImported(e *env, reg store.Register, agency string, res *spreadsheet.Result, apps []register.Application, refused []spreadsheet.Problem) int {
	existing, err := reg.Applications(agency, 0)
	if err != nil {
		e.fail("", err)
		return exitFailure
	}
	known := map[string]bool{}
	for _, a := range existing {
		known[a.Number] = true
	}
	updated := 0
	for _, a := range apps {
		if known[a.Number] {
			updated++
		}
	}
	if len(apps) > 0 {
		if _, err := reg.PutApplications(agency, apps); err != nil {
			e.fail("导入失败，台账没有改动", err)
			return exitFailure
		}
	}
	fmt.Fprintf(e.stdout, "已导入“%s”的台账：新增 %d 件，更新 %d 件\n", agency, len(apps)-updated, updated)
	problems := append(slices.Clone(res.Problems), refused...)
	if len(problems) == 0 {
		return exitOK
	}
	slices.SortStableFunc(problems, func(a, b spreadsheet.Problem) int { return a.Row - b.Row })
	fmt.Fprintf(e.stderr, "以下 %d 行没有导入：\n", len(problems))
	for _, p := range problems {
		fmt.Fprintf(e.stderr, "  %s\n", p)
	}
	return exitErrors
}

func runRegisterList(e *env, args []string) int {
	usage := registerListUsage
	fs := newFlagSet("register list")
	rf := newRegisterFlags(fs)
	state := fs.String("state", "", "")
	typ := fs.String("type", "", "")
	outcome := fs.String("outcome", "", "")
	names := fs.Bool("names", false, "")
	if code, done := parseNoArgs(e, fs, args, usage); done {
		return code
	}
	filter, ok := listFilter(e, *state, *typ, *outcome)
	if !ok {
		return exitFailure
	}
	o, today, ok := rf.openDated(e, usage)
	if !ok {
		return exitFailure
	}
	defer closeStore(e, o.store)
	apps, ok := o.applications(e, *rf.agency, *rf.year)
	if !ok {
		return exitFailure
	}
	head := "登记编号\t收到日期\t申请人类型\t状态\t答复期限\t答复日期\t办理结果"
	if *names {
		head = "登记编号\t收到日期\t申请人\t申请人类型\t状态\t答复期限\t答复日期\t办理结果"
	}
	fmt.Fprintln(e.stdout, head+"\t提醒")
	n := 0
	for i := range apps {
		a := &apps[i]
		st := a.State(o.cal, today)
		if !filter(a, st) {
			continue
		}
		n++
		fmt.Fprintln(e.stdout, listLine(a, o.cal, st, *names)+"\t"+strings.Join(a.Warnings(o.cal), "；"))
	}
	fmt.Fprintf(e.stdout, "共 %d 件\n", n)
	return exitOK
}

func listLine(a *register.Application, cal *workdays.Calendar, st register.State, names bool) string {
	c := a.Clock(cal)
	due := dateText(c.Due)
	if c.Provisional {
		due += "（待定）"
	}
	outcome := ""
	if a.Ended() {
		outcome = a.Outcome.Label()
	}
	cols := []string{oneField(a.Number), dateText(a.Received), a.Type.String(), string(st), due, dateText(a.Answered), outcome}
	if names {
		cols = slices.Insert(cols, 2, oneField(a.Applicant))
	}
	return strings.Join(cols, "\t")
}

// oneField keeps a value in its column: tabs and line breaks become spaces.
func oneField(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func dateText(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.Format(time.DateOnly)
}

// listFilter reads --state, --type and --outcome.
func listFilter(e *env, state, typ, outcome string) (func(*register.Application, register.State) bool, bool) {
	var want register.State
	if state != "" {
		want = register.State(state)
		if !slices.Contains(register.States, want) {
			fmt.Fprintf(e.stderr, "--state 的“%s”不是台账的状态\n", state)
			return nil, false
		}
	}
	var t register.ApplicantType
	if typ != "" {
		var ok bool
		if t, ok = register.ParseType(typ); !ok {
			fmt.Fprintf(e.stderr, "--type 的“%s”不是申请人类型（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他）\n", typ)
			return nil, false
		}
	}
	var o register.Outcome
	if outcome != "" {
		var ok bool
		if o, ok = register.ParseOutcome(outcome); !ok {
			fmt.Fprintf(e.stderr, "--outcome 的“%s”不是第三部分的办理结果\n", outcome)
			return nil, false
		}
	}
	return func(a *register.Application, st register.State) bool {
		return (want == "" || st == want) && (t == register.TypeUnknown || a.Type == t) && (o == register.OutcomeNone || a.Outcome == o)
	}, true
}

func runRegisterDue(e *env, args []string) int {
	usage := registerDueUsage
	fs := newFlagSet("register due")
	rf := newRegisterFlags(fs)
	within := fs.Int("within", 3, "")
	all := fs.Bool("all", false, "")
	if code, done := parseNoArgs(e, fs, args, usage); done {
		return code
	}
	o, today, ok := rf.openDated(e, usage)
	if !ok {
		return exitFailure
	}
	defer closeStore(e, o.store)
	apps, ok := o.applications(e, *rf.agency, 0)
	if !ok {
		return exitFailure
	}
	var due []register.Due
	for i := range apps {
		if d, ok := apps[i].NextDue(o.cal, today); ok && (*all || d.Overdue || d.Lapsed || d.Soon(*within)) {
			due = append(due, d)
		}
	}
	slices.SortStableFunc(due, func(a, b register.Due) int { return a.By.Compare(b.By) })
	return printDue(e, o.cal, today, due, *within)
}

func printDue(e *env, cal *workdays.Calendar, today time.Time, due []register.Due, within int) int {
	overdue, soon := 0, 0
	for _, d := range due {
		when := ""
		switch {
		case d.Overdue:
			overdue++
			when = fmt.Sprintf("已超期 %d 个工作日", -d.Left)
		case d.Lapsed:
			when = fmt.Sprintf("已过 %d 个工作日，应办结", -d.Left)
		case d.Left == 0:
			soon++
			when = "今天到期"
		default:
			if d.Soon(within) {
				soon++
			}
			when = fmt.Sprintf("还有 %d 个工作日", d.Left)
		}
		by := dateText(d.By)
		if d.Provisional {
			by += "（待定）"
		}
		fmt.Fprintf(e.stdout, "%s\t%s\t%s %s\t%s\t%s\n", oneField(d.App.Number), dateText(d.App.Received), d.What, by, when,
			d.App.State(cal, today))
	}
	fmt.Fprintf(e.stdout, "%d 件申请 %d 个工作日内到期，%d 件已超期\n", soon, within, overdue)
	if overdue > 0 {
		return exitErrors
	}
	return exitOK
}

func runRegisterExport(e *env, args []string) int {
	usage := registerExportUsage
	fs := newFlagSet("register export")
	rf := newRegisterFlags(fs)
	out := new(string)
	e.outputVar(fs, out, "o")
	if code, done := parseNoArgs(e, fs, args, usage); done {
		return code
	}
	o, today, ok := rf.openDated(e, usage)
	if !ok {
		return exitFailure
	}
	defer closeStore(e, o.store)
	apps, ok := o.applications(e, *rf.agency, *rf.year)
	if !ok {
		return exitFailure
	}
	if *out == "" {
		*out = outfile.FileName(*rf.agency+"政府信息公开申请台账", ".xlsx")
	}
	write := func(w io.Writer) error { return registersheet.Write(w, *rf.agency, apps, o.cal, today) }
	if !e.writeOutput(*out, databaseFiles(o.store), "无法写出", write) {
		return exitFailure
	}
	where := *out
	if e.isStdout(*out) {
		where = "标准输出"
	}
	fmt.Fprintf(e.stderr, "已导出 %d 件申请：%s\n注意：这份表格含申请人姓名、联系方式、证件号码等个人信息，请妥善保管，不得公开。\n", len(apps), where)
	return exitOK
}

func runRegisterFill(e *env, args []string) int {
	usage := registerCommands()["fill"].usage
	fs := newFlagSet("register fill")
	rf := newRegisterFlags(fs)
	dry := fs.Bool("dry-run", false, "")
	force := fs.Bool("force", false, "")
	if code, done := parseNoArgs(e, fs, args, usage); done {
		return code
	}
	s, reg, ok := rf.open(e, usage, true)
	if !ok {
		return exitFailure
	}
	defer closeStore(e, s)
	agency, year := *rf.agency, *rf.year
	_, r, err := s.Find(agency, year)
	isNew := errors.Is(err, store.ErrNotFound)
	if isNew {
		r = report.New(agency, year)
	} else if err != nil {
		e.fail("", err)
		return exitFailure
	}
	apps, err := reg.Applications(agency, 0)
	if err != nil {
		e.fail("", err)
		return exitFailure
	}
	last, err := s.Previous(agency, year)
	if err != nil {
		e.fail("", err)
		return exitFailure
	}
	f := register.Fill(apps, year, last)
	changes := register.Changes(r.Applications, f.Table)
	locked, err := reg.YearLocked(agency, year)
	if err != nil {
		e.fail("", err)
		return exitFailure
	}
	blocked := printFill(e, r, f, changes, locked, *force)
	if len(changes) == 0 || *dry {
		return blocked
	}
	if blocked != exitOK {
		return blocked
	}
	r.Applications = f.Table
	if _, err := s.Put(r, store.SaveManual); err != nil {
		e.fail("写入失败，年报没有改动", err)
		return exitFailure
	}
	if isNew {
		fmt.Fprintf(e.stdout, "已新建 %s %d 年的年报，写入第三部分 %d 格\n", agency, year, len(changes))
	} else {
		fmt.Fprintf(e.stdout, "已写入 %d 格；原内容已保存为历史版本（nianbao history --agency %s --year %d 查看）\n", len(changes), argQuote(agency), year)
	}
	return exitOK
}

// printFill says what filling would change and whether it may be written:
// exitErrors when the year is locked or applications are uncounted (unless force).
func printFill(e *env, r *report.Report, f register.Filled, changes []register.Change, locked, force bool) int {
	fmt.Fprintf(e.stdout, "按台账计算 %s %d 年第三部分：本年新收 %d 件，上年结转 %d 件，办结 %d 件，结转下年度 %d 件\n", r.Agency, r.Year,
		f.Table[report.RowNew][report.ColTotal], f.Table[report.RowCarriedOver][report.ColTotal],
		f.Table[report.RowTotal][report.ColTotal], f.Table[report.RowCarriedForward][report.ColTotal])
	if f.CarriedFromReport {
		fmt.Fprintf(e.stdout, "注意：台账中没有 %d 年以前收到的申请，“二、上年结转”取自上年年报的“四、结转下年度继续办理”；这些申请的办理结果不在台账中\n", r.Year)
	}
	if len(changes) == 0 {
		fmt.Fprintln(e.stdout, "第三部分与台账一致，没有需要改动的格子")
	} else {
		fmt.Fprintf(e.stdout, "要改动的格子（%d 个，原数 → 新数）：\n", len(changes))
		for _, c := range changes {
			fmt.Fprintf(e.stdout, "  %s：%d → %d\n", c.Where(), c.Old, c.New)
		}
	}
	status := exitOK
	if len(f.Uncounted) > 0 {
		fmt.Fprintf(e.stderr, "以下 %d 件申请没有计入任何一格，请在台账中确定：\n", len(f.Uncounted))
		for _, u := range f.Uncounted {
			fmt.Fprintf(e.stderr, "  %s\n", u)
		}
		if !force {
			status = exitErrors
		}
	}
	if locked && len(changes) > 0 && !force {
		fmt.Fprintln(e.stdout, "差异所涉及的申请（台账计入该格的申请）：")
		for _, d := range register.Compare(r.Applications, f) {
			fmt.Fprintf(e.stdout, "  %s\n", d.Explain())
		}
		fmt.Fprintf(e.stderr, "%s %d 年的年报已发布（锁定），没有改动；以上是年报与台账的差异。确需改动请加 --force\n", r.Agency, r.Year)
		status = exitErrors
	} else if status != exitOK && len(changes) > 0 {
		fmt.Fprintln(e.stderr, "没有写入；确需按现有台账写入请加 --force")
	}
	return status
}

func runRegisterLock(e *env, args []string) int {
	fs := newFlagSet("register lock")
	rf := newRegisterFlags(fs)
	unlock := fs.Bool("unlock", false, "")
	if code, done := parseNoArgs(e, fs, args, registerLockUsage); done {
		return code
	}
	s, reg, ok := rf.open(e, registerLockUsage, true)
	if !ok {
		return exitFailure
	}
	defer closeStore(e, s)
	if err := reg.LockYear(*rf.agency, *rf.year, !*unlock); err != nil {
		e.fail("", err)
		return exitFailure
	}
	if *unlock {
		fmt.Fprintf(e.stdout, "已取消锁定：%s %d 年\n", *rf.agency, *rf.year)
	} else {
		fmt.Fprintf(e.stdout, "已锁定：%s %d 年的年报已发布，register fill 不再改动它\n", *rf.agency, *rf.year)
	}
	return exitOK
}

func runRegisterErase(e *env, args []string) int {
	fs := newFlagSet("register erase")
	rf := newRegisterFlags(fs)
	if code, done := parseNoArgs(e, fs, args, registerEraseUsage); done {
		return code
	}
	s, reg, ok := rf.open(e, registerEraseUsage, true)
	if !ok {
		return exitFailure
	}
	defer closeStore(e, s)
	n, err := reg.ErasePersonal(*rf.agency, *rf.year)
	if err != nil {
		e.fail("", err)
		return exitFailure
	}
	fmt.Fprintf(e.stdout, "已清除 %s %d 年 %d 件申请的个人信息（姓名或名称、联系方式、证件号码），计数不变\n", *rf.agency, *rf.year, n)
	return exitOK
}

func runRegisterCalendar(e *env, args []string) int {
	fs := newFlagSet("register calendar")
	db := fs.String("db", "", "")
	add := fs.String("add", "", "")
	name := fs.String("name", "", "")
	if code, done := parseNoArgs(e, fs, args, registerCalendarUsage); done {
		return code
	}
	s, reg, ok := openRegister(e, *db)
	if !ok {
		return exitFailure
	}
	defer closeStore(e, s)
	if *add != "" {
		data, err := infile.ReadFile(*add, infile.Calendar)
		if err != nil {
			e.fail("", err)
			return exitFailure
		}
		if _, err := workdays.Parse(string(data)); err != nil {
			e.fail(*add, err)
			return exitFailure
		}
		if *name == "" {
			*name = strings.TrimSuffix(filepath.Base(*add), filepath.Ext(*add))
		}
		if err := reg.AddCalendar(*name, string(data)); err != nil {
			e.fail("", err)
			return exitFailure
		}
		fmt.Fprintf(e.stdout, "已添加节假日安排：%s\n", *name)
	}
	cal, ok := calendar(e, reg)
	if !ok {
		return exitFailure
	}
	years := cal.Years()
	keys := make([]int, 0, len(years))
	for y := range years {
		keys = append(keys, y)
	}
	slices.Sort(keys)
	for _, y := range keys {
		fmt.Fprintf(e.stdout, "%d 年\t%d 个工作日\t%s\n", y, cal.CountInYear(y), years[y])
	}
	fmt.Fprintf(e.stdout, "%d 年以后的期限只按周末推算，显示为“待定”\n", cal.LastKnown())
	return exitOK
}

func runRegisterRules(e *env, args []string) int {
	if len(args) > 0 {
		fmt.Fprint(e.stderr, "多余的参数："+strings.Join(args, " ")+"\n")
		return exitFailure
	}
	fmt.Fprintf(e.stdout, "答复期限的计算：\n%s\n第三部分的计数：\n%s", numbered(register.ClockRules), numbered(register.CountingRules))
	return exitOK
}
