// Package buildinfo tells which version of the program is running and from which commit it was built.
package buildinfo

import "runtime/debug"

// Version is the program's version. Release builds set it with
// -ldflags "-X nianbao/app/buildinfo.Version=…"; it matches FyneApp.toml.
var Version = "1.0.0"

// Name is the program's name as users see it.
const Name = "年报"

// Commit returns the VCS revision the binary was built from, as Go records it
// ("-dirty" appended for a modified tree), or "unknown" for a build outside git.
func Commit() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "unknown"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "-dirty"
	}
	return rev
}

// Creator is the string a PDF's Creator field carries: "年报 Nianbao 1.0.0".
func Creator() string { return Name + " Nianbao " + Version }
