//go:build unix

package office

import (
	"os/exec"
	"syscall"
	"time"
)

// killTree makes cmd run in a process group of its own, all of which is
// killed when its context ends: soffice starts soffice.bin, which would
// outlive a kill of the first alone.
func killTree(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
}
