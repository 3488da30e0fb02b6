//go:build !linux || !cgo

package kit

// trimC does nothing where the C allocator is not glibc's: see trim_linux.go.
func trimC() {}
