//go:build race

package pdf

// raceBuild: the race detector makes PDFium's compilation and the host calls
// of a large read many times slower (TestBadFiles and TestLimits took two
// minutes under it, 20 s without); those tests and TestCacheShared run in the
// Makefile's second pass over this package, without it.
const raceBuild = true
