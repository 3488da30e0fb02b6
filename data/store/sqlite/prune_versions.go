package sqlite

import (
	"database/sql"
	"fmt"
	"time"

	"nianbao/data/store"
)

// The versions kept by the window on its own (auto saves while typing, the
// save as the window closes) are pruned by the rules of the rolling backups
// (see pruneDaily): every one of the last day, then the newest of each day
// for a week, then the newest of each week for five weeks, and always the
// newest dailyCount. Versions the user made (保存, 新建, 导入, 恢复), the
// content another window's save replaced and a deleted report's last content
// are never pruned. Ages are measured from now, but never from later than the
// day after the newest of them: a clock that jumped ahead costs no version.
const versionsAllKeep = 24 * time.Hour

// pruneVersions removes the window's own versions of report id past their time.
func pruneVersions(tx *sql.Tx, id int64, now time.Time) error {
	rows, err := tx.Query(`SELECT id, saved_at FROM versions WHERE report_id = ? AND kind IN (?, ?)
		AND replaced_by NOT IN (?, ?) ORDER BY saved_at DESC, id DESC`,
		id, store.SaveAuto, store.SaveClose, store.SaveConflict, store.SaveDelete)
	if err != nil {
		return fmt.Errorf("读取报告的历史版本失败：%w", err)
	}
	type kept struct {
		id int64
		at time.Time
	}
	var vs []kept
	for rows.Next() {
		var v kept
		var at string
		if err := rows.Scan(&v.id, &at); err != nil {
			rows.Close()
			return fmt.Errorf("读取报告的历史版本失败：%w", err)
		}
		if v.at, err = parseTime(at); err != nil {
			rows.Close()
			return err
		}
		if !v.at.After(now) { // one dated after now counts for nothing until its time comes
			vs = append(vs, v)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("读取报告的历史版本失败：%w", err)
	}
	if len(vs) == 0 {
		return nil
	}
	ref := now
	if next := vs[0].at.Add(versionsAllKeep); next.Before(ref) {
		ref = next
	}
	days, weeks := map[string]bool{}, map[string]bool{}
	for i, v := range vs { // newest first
		age := ref.Sub(v.at)
		day := v.at.Local().Format("2006-01-02")
		y, w := v.at.Local().ISOWeek()
		week := fmt.Sprint(y, "-", w)
		switch {
		case age < versionsAllKeep || i < dailyCount:
		case age < dailyKeep && !days[day]:
		case age < weeklyKeep && !weeks[week]:
		default:
			if _, err := tx.Exec(`DELETE FROM versions WHERE id = ?`, v.id); err != nil {
				return fmt.Errorf("删除过期的历史版本失败：%w", err)
			}
			continue
		}
		days[day], weeks[week] = true, true
	}
	return nil
}
