// Package quietstart silences the standard logger before any Fyne package
// initialises. Fyne's lang package logs during its init when the locale is
// one it cannot parse (LANG=C.UTF-8: "Fyne error: Error parsing user locale
// C"), which would put English lines on every command's stderr.
//
// It is a module of its own because Go initialises packages in order of
// import path among those whose imports are ready: "cn.nianbao/…" sorts
// before "fyne.io/…", which no package of the module "nianbao" does. The
// window turns the logger back on (window.Run) for its own diagnostics.
package quietstart

import (
	"io"
	"log"
)

func init() { log.SetOutput(io.Discard) }
