package buildinfo

import (
	"os"
	"regexp"
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
