package cli

import (
	"errors"
	"fmt"
	"strings"

	"nianbao/data/report"
	"nianbao/data/store"
	"nianbao/data/store/sqlite"
)

// restoreIntoServer is nianbao restore --backup 文件 on a server's database:
// the reports of a database file (a backup of this program, or a portable
// copy written by nianbao backup --db 服务器 -o) are written back into the
// server. Unlike a file's restore, nothing on the server is replaced
// wholesale: a report whose content differs from the copy's is saved as a
// restore, its content kept as a version (nianbao history shows it); a
// report the copy does not have stays as it is; the same content is left
// alone. A login writes what the server lets it write: a unit's login its
// own agency's reports, the 政务公开办's its own (combined) report, the
// administrator's (who ran server init) every report; the others are named.
func restoreIntoServer(e *env, s store.Store, file string) int {
	src, done, err := sqlite.OpenBackup(file)
	if errors.Is(err, store.ErrEmptyBackup) {
		fmt.Fprintf(e.stderr, "%s 中没有年报，没有可恢复的\n", file)
		return exitFailure
	}
	if err != nil {
		e.fail("", err)
		return exitFailure
	}
	defer done()
	list, err := src.List()
	if err != nil {
		e.fail("无法读取备份中的年报", err)
		return exitFailure
	}
	var restored, same int
	var refused []string
	for _, sm := range list {
		r, err := src.Get(sm.ID)
		if err != nil {
			e.fail(fmt.Sprintf("无法读取备份中%s%d年度的报告", sm.Agency, sm.Year), err)
			return exitFailure
		}
		name := fmt.Sprintf("%s%d年度", r.Agency, r.Year)
		_, cur, err := s.Find(r.Agency, r.Year)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			e.fail("无法读取服务器上"+name+"的报告", err)
			return exitFailure
		}
		if cur != nil && report.Same(cur, r) {
			same++
			continue
		}
		if _, err := s.Put(r, store.SaveRestore); errors.Is(err, store.ErrNotAllowed) {
			refused = append(refused, name)
			continue
		} else if err != nil {
			e.fail(fmt.Sprintf("恢复%s的报告失败（之前的 %d 份已恢复）", name, restored), err)
			return exitFailure
		}
		restored++
		former, err := src.FormerName(r.Agency, r.Year)
		if err == nil && former != "" {
			err = s.SetFormerName(r.Agency, r.Year, former)
		}
		if err != nil {
			e.fail("恢复"+name+"的原机关名称失败", err)
			return exitFailure
		}
	}
	fmt.Fprintf(e.stdout, "已从 %s 向 %s 恢复 %d 份年报（服务器上原来的内容保存为历史版本）", file, storeWhere(s), restored)
	if same > 0 {
		fmt.Fprintf(e.stdout, "；%d 份与服务器上的相同，未改动", same)
	}
	fmt.Fprintln(e.stdout, "。服务器上有而备份中没有的年报保留未动。")
	if len(refused) > 0 {
		fmt.Fprintf(e.stderr, "以下 %d 份年报不属于这个登录的单位，服务器不允许它写入，没有恢复：%s\n"+
			"要恢复各单位的年报，请用服务器管理员的登录（运行 nianbao server init 时用的）。\n", len(refused), strings.Join(refused, "、"))
		return exitFailure
	}
	return exitOK
}
