//go:build race

package pdf

// raceBuild: the race detector makes PDFium's compilation many times slower;
// TestCacheShared then runs in the Makefile's run without it.
const raceBuild = true
