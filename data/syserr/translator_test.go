package syserr

import (
	"os/exec"
	"strings"
	"testing"
)

// The packages that read and write report files import syserr; since SQLite's
// errors are said by the store (see Translator), none of them links the
// database driver.
func TestNoDatabaseDriverBelowFiles(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to list the imports")
	}
	for _, pkg := range []string{"nianbao/data/syserr", "nianbao/data/report"} {
		out, err := exec.Command(goTool, "list", "-deps", pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", pkg, err)
		}
		for _, dep := range strings.Fields(string(out)) {
			if strings.Contains(dep, "sqlite") {
				t.Errorf("%s links %s", pkg, dep)
			}
		}
	}
}
