//go:build !linux

package assets

import (
	"bytes"
	"io"
)

// Reader gives the bytes of b, one of the files embedded in the program: on
// Linux read from the program file (see source_linux.go), here b itself.
func Reader(b []byte) io.ReaderAt { return bytes.NewReader(b) }
