//go:build windows

package infile

import "os"

// openNoBlock opens path for reading; Windows opens named pipes without
// waiting, and Open looks at the file first.
func openNoBlock(path string) (*os.File, error) { return os.Open(path) }
