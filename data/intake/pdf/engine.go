package pdf

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// wasmPageSize is the size of one page of WebAssembly memory.
const wasmPageSize = 64 << 10

// newPool starts PDFium in WebAssembly: pure Go through wazero, no system
// library, the same on Windows and Linux. Compiling PDFium's module to machine
// code is the slow part of a first read (seconds); the compiled code is kept
// in cacheDir, so a later start of the program loads it instead ("" keeps it
// in memory only).
//
// Each read gets a fresh instance (workers are not reused), so the memory of
// one document is given back when it is closed; the instance's memory is
// capped at memLimit bytes, and its calls stop when its context is done, which
// is how a read is stopped at its time limit.
func newPool(cacheDir string, memLimit int64) (pdfium.Pool, wazero.CompilationCache, error) {
	var cache wazero.CompilationCache
	if cacheDir != "" {
		if err := os.MkdirAll(cacheDir, 0o700); err == nil {
			cache, _ = wazero.NewCompilationCacheWithDir(cacheDir)
		}
	}
	if cache == nil {
		cache = wazero.NewCompilationCache()
	}
	rc := wazero.NewRuntimeConfig().
		WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
		WithCompilationCache(cache).
		WithCloseOnContextDone(true).
		WithMemoryLimitPages(uint32(memLimit / wasmPageSize))
	// A first compilation uses every core: it is the one wait a user sees.
	ctx := experimental.WithCompilationWorkers(context.Background(), runtime.NumCPU())
	pool, err := webassembly.Init(webassembly.Config{
		Context:       ctx,
		MinIdle:       0,
		MaxIdle:       1,
		MaxTotal:      4,
		FSConfig:      wazero.NewFSConfig(), // no file system: documents are given as bytes
		RuntimeConfig: rc,
		Stdout:        io.Discard,
		Stderr:        io.Discard,
	})
	if err != nil {
		cache.Close(context.Background())
		return nil, nil, err
	}
	return pool, cache, nil
}

// DefaultCacheDir is where the compiled PDFium is kept between runs: the
// user's cache folder (~/.cache/nianbao/pdfium on Linux,
// %LocalAppData%\nianbao\pdfium on Windows); "" when there is none.
func DefaultCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil || dir == "" {
		return ""
	}
	return filepath.Join(dir, "nianbao", "pdfium")
}
