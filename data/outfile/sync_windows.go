//go:build windows

package outfile

// syncDir: Windows has no folder sync; NTFS journals the rename itself.
func syncDir(string) {}
