//go:build !windows

package infile

import (
	"os"
	"syscall"
)

// openNoBlock opens path for reading without waiting for a writer, as a FIFO
// would make open wait; reads of a regular file are unaffected.
func openNoBlock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
