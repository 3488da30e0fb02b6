//go:build !windows

package printing

import "os/exec"

func hideConsole(*exec.Cmd) {}
