package window

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"

	"nianbao/data/outfile"
)

// heapProfileEnv names a file the window writes a Go heap profile to as it
// closes, with the window's objects still alive: where the memory of a
// working day goes (app/window/memday/memory-day.sh; go tool pprof -top).
const heapProfileEnv = "NIANBAO_HEAPPROFILE"

// writeHeapProfile writes the heap profile when heapProfileEnv asks for one;
// the database is never written over.
func writeHeapProfile(dbPath string) {
	path := os.Getenv(heapProfileEnv)
	if path == "" {
		return
	}
	if err := outfile.Guard(path, outfile.Database(dbPath)...); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	runtime.GC()
	err := outfile.WriteFunc(path, os.Stdout, func(w io.Writer) error { return pprof.Lookup("heap").WriteTo(w, 0) })
	if err != nil {
		fmt.Fprintf(os.Stderr, "未能写入内存剖析 %s：%v\n", path, err)
	}
}
