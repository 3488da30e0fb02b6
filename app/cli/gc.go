package cli

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
)

// commandHeap is the heap a command runs in before its first collection.
const commandHeap = 64 << 20

// lightGC lets a command allocate its first floor bytes without collecting
// (issue 23.7). A command is short and its heap small: pdf of a report
// allocates some tens of MB in all, which the default pacing (a first goal
// of 4 MB, then twice the live heap) collected five or six times, a fifth of
// the command's CPU, to free memory the exit frees anyway. When the heap
// reaches floor, the memory limit collects once and the default pacing takes
// over, so that a large command (a combine of thousands of reports, a
// server) is collected as before. GOGC or GOMEMLIMIT given by the user win.
func lightGC(floor int64) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(floor)
	// the sentinel becomes unreachable at once: the first collection, forced
	// by the limit, runs the cleanup, which restores the default pacing
	sentinel := &struct {
		_ *int
		_ [32]byte
	}{}
	runtime.AddCleanup(sentinel, func(struct{}) {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	}, struct{}{})
}
