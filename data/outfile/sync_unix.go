//go:build !windows

package outfile

import "os"

// syncDir makes the rename durable. A failure is not reported: the file itself
// is complete, and some file systems cannot sync a folder.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
