package cli

import (
	"math"
	"os"
	"runtime/debug"
	"testing"
	"time"
)

// A command runs without collecting until its heap reaches the floor; the
// first collection gives the default pacing back.
func TestLightGC(t *testing.T) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOGC or GOMEMLIMIT is set: lightGC leaves the pacing as the user gave it")
	}
	defer func() {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	}()
	const floor = 16 << 20
	lightGC(floor)
	if got := debug.SetMemoryLimit(-1); got != floor {
		t.Fatalf("memory limit %d, want %d", got, floor)
	}
	var keep [][]byte
	deadline := time.Now().Add(10 * time.Second)
	for debug.SetMemoryLimit(-1) != math.MaxInt64 {
		if time.Now().After(deadline) {
			t.Fatal("the first collection did not restore the default pacing")
		}
		keep = append(keep, make([]byte, 1<<20))
		if len(keep) > 8 {
			keep = keep[:0] // garbage, never more than 8 MB live
		}
		time.Sleep(time.Millisecond)
	}
	if old := debug.SetGCPercent(100); old != 100 {
		t.Errorf("GC percent %d after the first collection, want 100", old)
	}
}
