//go:build !linux

package assets

// ReleaseFontPages does nothing outside Linux: see release_linux.go.
func ReleaseFontPages() {}
