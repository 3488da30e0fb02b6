package store

import (
	"testing"
	"time"
)

// The kinds of saves and backups are read by the user in the history, the
// backups and the command line's tables: each has its Chinese words, and an
// unknown one is shown as it is stored.
func TestLabels(t *testing.T) {
	tests := []struct{ got, want string }{
		{SaveManual.Label(), "手动保存"},
		{SaveAuto.Label(), "自动保存"},
		{SaveImport.Label(), "导入"},
		{SaveRestore.Label(), "恢复"},
		{SaveDelete.Label(), "删除"},
		{SaveConflict.Label(), "另一处的保存"},
		{SaveKind("typing").Label(), "typing"},
		{BackupDaily.Label(), "每日自动备份"},
		{BackupManual.Label(), "手动备份"},
		{BackupBeforeRestore.Label(), "恢复备份前的状态"},
		{BackupWAL.Label(), "异常退出后打开前的数据库与日志文件副本"},
		{BackupBeforeUpgrade.Label(), "升级前的数据库（旧版程序可以打开）"},
		{BackupKind("其他").Label(), "其他"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: %q, want %q", i, tt.got, tt.want)
		}
	}
}

// A daily backup's name holds its day only, so When says no hour for it.
func TestBackupWhen(t *testing.T) {
	at := time.Date(2026, 1, 2, 15, 4, 5, 0, time.Local)
	tests := []struct {
		kind BackupKind
		want string
	}{
		{BackupDaily, "2026-01-02"},
		{BackupManual, "2026-01-02 15:04:05"},
		{BackupBeforeUpgrade, "2026-01-02 15:04:05"},
	}
	for _, tt := range tests {
		if got := (Backup{Kind: tt.kind, Time: at}).When(); got != tt.want {
			t.Errorf("%s: When = %q, want %q", tt.kind, got, tt.want)
		}
	}
}
