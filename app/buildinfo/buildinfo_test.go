package buildinfo

import (
	"os"
	"regexp"
	"runtime/debug"
	"testing"
)

// TestVersionMatchesFyneApp keeps the version of a plain `go build` in step with
// FyneApp.toml, the one the release builds and packages take theirs from.
func TestVersionMatchesFyneApp(t *testing.T) {
	toml, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]+)"`).FindSubmatch(toml)
	if m == nil {
		t.Fatal("FyneApp.toml has no Version")
	}
	if got := string(m[1]); got != Version {
		t.Errorf("buildinfo.Version = %q, FyneApp.toml says %q", Version, got)
	}
}

// TestCreatorFollowsStampedVersion: release builds stamp Version with -X after
// the package is compiled, so Creator must read it when called, not hold a copy.
func TestCreatorFollowsStampedVersion(t *testing.T) {
	old := Version
	defer func() { Version = old }()
	Version = "2.3.4"
	if got, want := Creator(), "年报 Nianbao 2.3.4"; got != want {
		t.Errorf("Creator() = %q, want %q", got, want)
	}
}

// TestAboutNamesACommitOnlyWhenThereIsOne: a build outside git says no commit
// (not "提交 unknown"); one from git names it, marked when the tree was modified.
func TestAboutNamesACommitOnlyWhenThereIsOne(t *testing.T) {
	for _, tt := range []struct {
		settings []debug.BuildSetting
		want     string
	}{
		{nil, "年报（Nianbao）" + Version},
		{[]debug.BuildSetting{{Key: "vcs", Value: "git"}}, "年报（Nianbao）" + Version},
		{[]debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123"}}, "年报（Nianbao）" + Version + "，提交 0123456789ab"},
		{[]debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789ab"}, {Key: "vcs.modified", Value: "true"}}, "年报（Nianbao）" + Version + "，提交 0123456789ab-dirty"},
	} {
		if got := about(commitOf(tt.settings)); got != tt.want {
			t.Errorf("about(%v) = %q, want %q", tt.settings, got, tt.want)
		}
	}
}
