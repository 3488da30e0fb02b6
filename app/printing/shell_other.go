//go:build !windows

package printing

import "errors"

var errNotWindows = errors.New("只在 Windows 上可用")

func shellExecute(verb, file, params string) error { return errNotWindows }

func windowsPrinters() ([]Printer, error) { return nil, errNotWindows }
