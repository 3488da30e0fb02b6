//go:build !windows

package cli

// attachConsole is needed only by the Windows GUI build; elsewhere a program
// started from a terminal already writes to it.
func attachConsole() {}
