// Package buildinfo tells which version of the program is running and from which commit it was built.
package buildinfo

import "runtime/debug"

// Version is the program's version. Release builds set it with
// -ldflags "-X nianbao/app/buildinfo.Version=…"; it matches FyneApp.toml.
var Version = "1.0.0"

// Name is the program's name as users see it.
const Name = "年报"

// Commit returns the VCS revision the binary was built from, as Go records it
// ("-dirty" appended for a modified tree), or "" for a build outside git.
func Commit() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	return commitOf(info.Settings)
}

func commitOf(settings []debug.BuildSetting) string {
	rev, dirty := "", false
	for _, s := range settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return ""
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "-dirty"
	}
	return rev
}

// About is the program's name, version and, for a build from git, its commit,
// as 关于 and `nianbao version` say them: "年报（Nianbao）1.0.0，提交 0a1b2c3d4e5f".
// A build without a commit says nothing of one.
func About() string { return about(Commit()) }

func about(commit string) string {
	s := Name + "（Nianbao）" + Version
	if commit != "" {
		s += "，提交 " + commit
	}
	return s
}

// Creator is the string a PDF's Creator field carries: "年报 Nianbao 1.0.0".
func Creator() string { return Name + " Nianbao " + Version }
