package postgres

import (
	"fmt"
	"time"

	"nianbao/data/store"
)

// pruneVersions removes the window's own versions of report id (auto saves,
// saves at closing) past their time, in the transaction of the save that
// kept a new one, by the rules every backend shares (store.Prunable; see
// data/store/sqlite's pruneVersions). The versions the user made, the
// content another's save replaced and a deleted report's are never pruned:
// the query does not read them, and on a shared database the server's policy
// (server.sql's prune on versions) lets a unit's login delete no other row.
//
// A unit's login on a database that nianbao server init set up before
// versions were pruned has no right to delete them: its saves keep every
// version (as they did) until the administrator runs server init again,
// rather than fail.
func pruneVersions(tx conn, id int64, now time.Time) error {
	rows, err := tx.Query(`SELECT id, saved_at FROM versions WHERE report_id = $1 AND kind IN ($2, $3)
		AND replaced_by NOT IN ($4, $5) ORDER BY saved_at DESC, id DESC`,
		id, store.SaveAuto, store.SaveClose, store.SaveConflict, store.SaveDelete)
	if err != nil {
		return fmt.Errorf("读取报告的历史版本失败：%w", err)
	}
	var vs []store.Dated
	for rows.Next() {
		var v store.Dated
		if err := rows.Scan(&v.ID, &v.At); err != nil {
			rows.Close()
			return fmt.Errorf("读取报告的历史版本失败：%w", err)
		}
		v.At = v.At.Local()
		vs = append(vs, v)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("读取报告的历史版本失败：%w", err)
	}
	drop := store.Prunable(vs, stamp(now))
	if len(drop) == 0 {
		return nil
	}
	var may bool
	if err := tx.QueryRow(`SELECT has_table_privilege('versions', 'DELETE')`).Scan(&may); err != nil {
		return fmt.Errorf("读取报告的历史版本失败：%w", err)
	}
	if !may {
		return nil
	}
	if _, err := tx.Exec(`DELETE FROM versions WHERE id = ANY($1)`, drop); err != nil {
		return fmt.Errorf("删除过期的历史版本失败：%w", refusal(err))
	}
	return nil
}
