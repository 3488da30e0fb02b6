//go:build windows

package report

import "os"

// openNoBlock opens path for reading; Windows opens named pipes without
// waiting, and openRegular looks at the file first.
func openNoBlock(path string) (*os.File, error) { return os.Open(path) }
