package sqlite

import (
	"database/sql"
	"fmt"
	"time"

	"nianbao/data/store"
)

// The versions kept by the window on its own (auto saves while typing, the
// save as the window closes) are pruned by the rules of the rolling backups
// (store.Prunable decides, as for every backend). Versions the user made
// (保存, 新建, 导入, 恢复), the content another window's save replaced and a
// deleted report's last content are never pruned.

// pruneVersions removes the window's own versions of report id past their time.
func pruneVersions(tx *sql.Tx, id int64, now time.Time) error {
	rows, err := tx.Query(`SELECT id, saved_at FROM versions WHERE report_id = ? AND kind IN (?, ?)
		AND replaced_by NOT IN (?, ?) ORDER BY saved_at DESC, id DESC`,
		id, store.SaveAuto, store.SaveClose, store.SaveConflict, store.SaveDelete)
	if err != nil {
		return fmt.Errorf("读取报告的历史版本失败：%w", err)
	}
	var vs []store.Dated
	for rows.Next() {
		var v store.Dated
		var at string
		if err := rows.Scan(&v.ID, &at); err != nil {
			rows.Close()
			return fmt.Errorf("读取报告的历史版本失败：%w", err)
		}
		if v.At, err = parseTime(at); err != nil {
			rows.Close()
			return err
		}
		vs = append(vs, v)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("读取报告的历史版本失败：%w", err)
	}
	for _, vid := range store.Prunable(vs, now) {
		if _, err := tx.Exec(`DELETE FROM versions WHERE id = ?`, vid); err != nil {
			return fmt.Errorf("删除过期的历史版本失败：%w", err)
		}
	}
	return nil
}
