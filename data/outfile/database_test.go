package outfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNeverOverDatabase: no write and no Guard replaces a SQLite database or a
// file SQLite keeps a -wal, -shm or -journal beside; each refusal says how to
// restore a backup instead, and the file is left as it was.
func TestNeverOverDatabase(t *testing.T) {
	const db = "SQLite format 3\x00" + "rest of the database"
	tests := []struct {
		name    string
		content string
		beside  string // a companion file made beside the target
		link    bool   // write through a symbolic link to the target
		refused bool
	}{
		{name: "database", content: db, refused: true},
		{name: "database through a link", content: db, link: true, refused: true},
		{name: "plain file with -wal", content: "old pdf", beside: "-wal", refused: true},
		{name: "plain file with -shm", content: "old pdf", beside: "-shm", refused: true},
		{name: "plain file with -journal", content: "old pdf", beside: "-journal", refused: true},
		{name: "plain file", content: "old pdf"},
		{name: "shorter than the header", content: "SQLite"},
		{name: "text that starts alike", content: "SQLite format 2 and more text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			target := filepath.Join(dir, "a.db")
			if err := os.WriteFile(target, []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			if tt.beside != "" {
				if err := os.WriteFile(target+tt.beside, []byte("x"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			out := target
			if tt.link {
				out = filepath.Join(dir, "link.pdf")
				if err := os.Symlink(target, out); err != nil {
					t.Fatal(err)
				}
			}
			for _, op := range []struct {
				name string
				do   func() error
			}{
				{"Guard", func() error { return Guard(out) }},
				{"Write", func() error { return Write(out, []byte("%PDF"), nil) }},
			} {
				err := op.do()
				if tt.refused {
					if err == nil || !strings.Contains(err.Error(), "nianbao restore --backup") || !strings.Contains(err.Error(), out) {
						t.Errorf("%s: err = %v, want a refusal naming %s and restore --backup", op.name, err, out)
					}
					got, _ := os.ReadFile(target)
					if string(got) != tt.content {
						t.Errorf("%s: the file became %q", op.name, got)
					}
				} else if err != nil {
					t.Errorf("%s: %v, want the file written", op.name, err)
				}
			}
		})
	}
}

// TestNewFileBesideDatabase: a new file is written even in a folder
// that holds a database of another name.
func TestNewFileBesideDatabase(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "nianbao.db"), []byte("SQLite format 3\x00"), 0o600)
	os.WriteFile(filepath.Join(dir, "nianbao.db-wal"), nil, 0o600)
	if err := Write(filepath.Join(dir, "a.pdf"), []byte("%PDF"), nil); err != nil {
		t.Fatal(err)
	}
}
