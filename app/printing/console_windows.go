package printing

import (
	"os/exec"
	"syscall"
)

// createNoWindow is CREATE_NO_WINDOW: no console flashes up for powershell or cmd.
const createNoWindow = 0x08000000

func hideConsole(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{HideWindow: true, CreationFlags: createNoWindow}
}
