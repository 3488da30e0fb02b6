// Package roundtrip holds only tests: every example report written by the
// program's own writers (app/word, app/web) and read back through the
// readers of data/intake must equal its source, figures and every sentence.
// The tests live here because data/ may not import app/, not even in tests.
package roundtrip
