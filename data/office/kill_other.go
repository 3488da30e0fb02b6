//go:build !unix

package office

import (
	"os/exec"
	"time"
)

// killTree: on Windows soffice.exe waits for soffice.bin, and the kill of the
// context ends it; WaitDelay bounds the wait for its output.
func killTree(cmd *exec.Cmd) { cmd.WaitDelay = 5 * time.Second }
