package cli

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"strings"

	"nianbao/data/store/postgres"
)

const serverUsage = `用法：nianbao server init        --db postgres://管理员@主机:端口/数据库名
      nianbao server add-unit    --db 地址 --agency 单位名称 [--office] [--json]
      nianbao server remove-unit --db 地址 --user 用户名
      nianbao server list-units  --db 地址 [--json]

管理数据库服务器（PostgreSQL）上的共享数据库：一个政务公开办和它的各单位共用一个数据库，
每个单位只能查看和修改本单位的年报（由服务器的行级安全规则保证，用其他工具连接也一样）。

  init         在一个空数据库中建立年报的表、角色和权限规则；程序升级后可再运行一次。
               需要管理员的登录：数据库的所有者，并能建立角色（CREATEROLE）。
  add-unit     为一个单位建立登录，显示用户名和一次性密码（只显示这一次，服务器上不保存密码本身）。
               加 --office 则是政务公开办的登录：可以查看所有单位的年报、维护名单，只能修改本机关的年报。
  remove-unit  删除一个登录（该单位的年报保留）。
  list-units   列出所有单位和政务公开办的登录。

选项：
  --db 地址    共享数据库的地址（默认：环境变量 NIANBAO_DB）；
               要验证服务器的证书，在地址后加 ?sslmode=verify-full&sslrootcert=根证书文件
  --agency     单位名称，与年报上的机关名称一致
  --office     建立的是政务公开办的登录
  --user       要删除的登录的用户名（见 list-units）
  --json       以 JSON 输出，供脚本使用（add-unit：{"user": …, "password": …}）
`

func runServer(e *env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		if len(args) == 0 {
			fmt.Fprint(e.stderr, "请给出要做的事：init、add-unit、remove-unit 或 list-units\n\n"+serverUsage)
			return exitFailure
		}
		fmt.Fprint(e.stdout, serverUsage)
		return exitOK
	}
	verb := args[0]
	fs := newFlagSet("server " + verb)
	db := fs.String("db", "", "")
	agency := fs.String("agency", "", "")
	office := fs.Bool("office", false, "")
	user := fs.String("user", "", "")
	asJSON := fs.Bool("json", false, "")
	if code, done := parseNoArgs(e, fs, args[1:], serverUsage); done {
		return code
	}
	switch verb {
	case "init", "add-unit", "remove-unit", "list-units":
	default:
		fmt.Fprintf(e.stderr, "未知的 server 命令：%s\n\n%s", verb, serverUsage)
		return exitFailure
	}
	if *db == "" {
		*db = os.Getenv(envDB)
	}
	if !postgres.IsURL(*db) {
		fmt.Fprint(e.stderr, "server 命令需要共享数据库的地址：--db postgres://用户@主机:端口/数据库名\n\n"+serverUsage)
		return exitFailure
	}
	s, err := postgres.Open(*db)
	if err != nil {
		e.fail("", err)
		return exitFailure
	}
	defer closeStore(e, s)
	switch verb {
	case "init":
		return serverInit(e, s)
	case "add-unit":
		return serverAddUnit(e, s, *db, *agency, *office, *asJSON)
	case "remove-unit":
		return serverRemoveUnit(e, s, *user)
	}
	return serverListUnits(e, s, *asJSON)
}

func serverInit(e *env, s *postgres.DB) int {
	if err := s.Init(); err != nil {
		e.fail("", err)
		return exitFailure
	}
	fmt.Fprintf(e.stdout, "已把 %s 设置为共享数据库（年报数据库版本 %d）。\n用 nianbao server add-unit --agency 单位名称 为各单位建立登录。\n",
		s.Where(), postgres.Schema())
	return exitOK
}

func serverAddUnit(e *env, s *postgres.DB, address, agency string, office, asJSON bool) int {
	if strings.TrimSpace(agency) == "" {
		fmt.Fprint(e.stderr, "请用 --agency 给出单位名称\n\n"+serverUsage)
		return exitFailure
	}
	l, err := s.AddUnit(agency, office)
	if err != nil {
		e.fail("", err)
		return exitFailure
	}
	if asJSON {
		data, err := json.MarshalIndent(struct {
			User     string `json:"user"`
			Password string `json:"password"`
		}{l.User, l.Password}, "", "  ")
		if err != nil {
			e.fail("", err)
			return exitFailure
		}
		fmt.Fprintln(e.stdout, string(data))
		return exitOK
	}
	kind := "单位"
	if office {
		kind = "政务公开办"
	}
	fmt.Fprintf(e.stdout, "已为%s“%s”建立登录：\n  用户名：%s\n  密码：%s\n  连接地址：%s\n"+
		"密码只显示这一次，服务器上不保存密码本身：请当面或通过可靠的途径交给该%s。\n",
		kind, l.Agency, l.User, l.Password, unitAddress(address, l.User), kind)
	return exitOK
}

// unitAddress is the administrator's address with the new login's user name
// and without any password: what the unit enters into its program.
func unitAddress(address, user string) string {
	u, err := url.Parse(address)
	if err != nil {
		return ""
	}
	u.User = url.User(user)
	return u.String()
}

func serverRemoveUnit(e *env, s *postgres.DB, user string) int {
	if strings.TrimSpace(user) == "" {
		fmt.Fprint(e.stderr, "请用 --user 给出要删除的登录的用户名（见 nianbao server list-units）\n\n"+serverUsage)
		return exitFailure
	}
	if err := s.RemoveUnit(user); err != nil {
		e.fail("", err)
		return exitFailure
	}
	fmt.Fprintf(e.stdout, "已删除登录 %s（该单位的年报仍保留在数据库中）\n", user)
	return exitOK
}

func serverListUnits(e *env, s *postgres.DB, asJSON bool) int {
	units, err := s.Units()
	if err != nil {
		e.fail("", err)
		return exitFailure
	}
	if asJSON {
		if units == nil {
			units = []postgres.Login{}
		}
		data, err := json.MarshalIndent(units, "", "  ")
		if err != nil {
			e.fail("", err)
			return exitFailure
		}
		fmt.Fprintln(e.stdout, string(data))
		return exitOK
	}
	if len(units) == 0 {
		fmt.Fprintln(e.stdout, "还没有单位的登录。用 nianbao server add-unit --agency 单位名称 建立。")
		return exitOK
	}
	rows := [][]string{{"用户名", "单位", "类型", "建立时间"}}
	for _, l := range units {
		kind := "单位"
		if l.Office {
			kind = "政务公开办"
		}
		rows = append(rows, []string{l.User, l.Agency, kind, l.Created.Format(timeLayout)})
	}
	printTable(e.stdout, rows)
	return exitOK
}
