package sqlite

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"nianbao/data/store"
)

// A restore that takes longer than the busy timeout (a large database) holds
// back every writer of other programs and of its own until it ends; each of
// them then saves: imports into the restored state, and an editor whose
// revision the restore overtook keeps its work, with the restored content
// kept as a version beside it. Nothing told 已保存 is lost.
func TestSlowRestoreWriters(t *testing.T) {
	s, path := openTemp(t)
	id := mustPut(t, s, sample("中卫市民政局", 2023, 1), store.SaveManual)
	b, err := s.BackupNow(store.BackupManual)
	if err != nil {
		t.Fatal(err)
	}
	editor, err := Open(path) // the window of another program, with the report open
	if err != nil {
		t.Fatal(err)
	}
	defer editor.Close()
	var (
		mu      sync.Mutex
		notices []string
		saved   []string
	)
	editor.OnWait(func(m string) { mu.Lock(); notices = append(notices, m); mu.Unlock() })
	loaded, err := editor.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	mustPut(t, s, sample("中卫市民政局", 2023, 2), store.SaveManual) // saved after the backup: the restore overtakes it

	importers := make([]*DB, 3)
	for i := range importers {
		if importers[i], err = Open(path); err != nil {
			t.Fatal(err)
		}
		defer importers[i].Close()
	}
	started := make(chan struct{})
	duringRestore = func() {
		close(started)
		time.Sleep(busyTimeout + 2*time.Second)
	}
	defer func() { duringRestore = nil }()

	var wg sync.WaitGroup
	errs := make(chan error, 10)
	for w, is := range importers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-started
			agency := fmt.Sprintf("恢复时导入的%d号机关", w)
			if _, err := is.Put(sample(agency, 2023, w), store.SaveImport); err != nil {
				errs <- fmt.Errorf("import beside a slow restore: %w", err)
				return
			}
			mu.Lock()
			saved = append(saved, agency)
			mu.Unlock()
		}()
	}
	var edited store.Saved
	wg.Add(1)
	go func() {
		defer wg.Done()
		<-started
		r := sample("中卫市民政局", 2023, 3) // what the user typed
		var err error
		if edited, err = editor.Update(id, loaded.Revision, r, store.SaveAuto, nil); err != nil {
			errs <- fmt.Errorf("autosave beside a slow restore: %w", err)
		}
	}()
	before, err := s.RestoreBackup(b.Path, false)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	if t.Failed() {
		return
	}
	now, kept := agencies(t, path), agencies(t, before.Path)
	for _, a := range saved {
		if !now[a] {
			t.Errorf("%s, imported while the restore ran, is not in the restored database (before it: %v)", a, kept[a])
		}
	}
	if len(saved) != len(importers) {
		t.Errorf("%d of %d imports saved", len(saved), len(importers))
	}
	if edited.Conflict == nil {
		t.Error("the save over a revision the restore overtook reports no conflict")
	}
	got, err := s.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	if want := sample("中卫市民政局", 2023, 3).Preamble; got.Preamble != want {
		t.Errorf("current content %q, want the editor's %q", got.Preamble, want)
	}
	versions, err := s.Versions("中卫市民政局", 2023)
	if err != nil {
		t.Fatal(err)
	}
	restored := false
	for _, v := range versions {
		r, err := s.Version(v.ID)
		if err != nil {
			t.Fatal(err)
		}
		restored = restored || r.Preamble == sample("中卫市民政局", 2023, 1).Preamble
	}
	if !restored {
		t.Error("the restored content is not kept as a version")
	}
	if len(notices) != 1 || !strings.Contains(notices[0], "正在从备份恢复") || !strings.Contains(notices[0], path) {
		t.Errorf("notices %q: want one that says the database %s is being restored", notices, path)
	}
}

// A database busy for another reason than a restore (a program holding its
// write lock) fails after the busy timeout as before, also where a restore
// ran earlier, and says nothing of a restore.
func TestBusyWithoutRestore(t *testing.T) {
	s, path := openTemp(t)
	mustPut(t, s, sample("中卫市民政局", 2023, 1), store.SaveManual)
	b, err := s.BackupNow(store.BackupManual)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.RestoreBackup(b.Path, false); err != nil {
		t.Fatal(err)
	}
	defer func(d time.Duration) { restoreWait = d }(restoreWait)
	restoreWait = 3 * busyTimeout // a wrong wait shows as a late failure
	other, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	var notices []string
	other.OnWait(func(m string) { notices = append(notices, m) })
	tx, err := s.db.Begin() // holds the write lock
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	start := time.Now()
	_, err = other.Put(sample("沙坡头区民政局", 2023, 1), store.SaveImport)
	waited := time.Since(start)
	if err == nil {
		t.Fatal("saved while another program held the write lock")
	}
	if !strings.Contains(err.Error(), "正忙") || strings.Contains(err.Error(), "恢复") {
		t.Errorf("error %q", err)
	}
	if waited >= restoreWait {
		t.Errorf("waited %v for a restore that was not running", waited)
	}
	if len(notices) != 0 {
		t.Errorf("notices %q without a restore", notices)
	}
}
