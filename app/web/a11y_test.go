package web

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/app/job"
)

// a11yModules is where `make a11y-deps` installs axe-core and jsdom (not committed).
func a11yModules(t *testing.T) string {
	if d := os.Getenv("NIANBAO_A11Y_MODULES"); d != "" {
		return d
	}
	d, err := filepath.Abs(filepath.Join("..", "..", "build", "a11y", "node_modules"))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

type axeResult struct {
	File       string
	Fragment   bool
	Passes     int
	Violations []struct {
		ID, Impact, Help string
		Nodes            []string
	}
}

func runAxe(t *testing.T, args ...string) []axeResult {
	t.Helper()
	node, err := exec.LookPath("node")
	modules := a11yModules(t)
	if _, serr := os.Stat(filepath.Join(modules, "axe-core", "axe.min.js")); err != nil || serr != nil {
		t.Skip("axe-core 与 jsdom 未安装（make a11y-deps）")
	}
	cmd := exec.Command(node, append([]string{filepath.Join("testdata", "a11y", "check.js")}, args...)...)
	cmd.Env = append(os.Environ(), "NODE_PATH="+modules)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("axe: %v\n%s", err, stderr.String())
	}
	var res []axeResult
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("axe output: %v\n%s", err, out)
	}
	return res
}

// The page and the fragment (inside a host page, as a CMS shows it) pass
// every axe-core rule that jsdom can run.
func TestAccessibility(t *testing.T) {
	dir := t.TempDir()
	svg := []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="img" aria-label="共 5 件"><title>图一</title><rect width="5" height="5"/></svg>`)
	files, err := render(job.New(busy(t)), []chart{{Title: "图一", SVG: svg, Alt: "共 5 件"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, files); err != nil {
		t.Fatal(err)
	}
	// a control the checker must fault: no lang, a data cell naming no head, an image without text
	bad := filepath.Join(dir, "bad.html")
	os.WriteFile(bad, []byte(`<!DOCTYPE html><html><head><title>x</title></head><body><main><img src="a.png">`+
		`<table><tr><th id="h">a</th></tr><tr><td headers="nowhere">1</td></tr></table></main></body></html>`), 0o644)

	res := runAxe(t, filepath.Join(dir, IndexName), bad, "--fragment", filepath.Join(dir, FragmentName))
	if len(res) != 3 {
		t.Fatalf("%d results", len(res))
	}
	for _, r := range []axeResult{res[0], res[2]} {
		if r.Passes < 20 {
			t.Errorf("%s: only %d rules passed", r.File, r.Passes)
		}
		for _, v := range r.Violations {
			t.Errorf("%s: %s (%s): %s\n%s", r.File, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n"))
		}
	}
	got := map[string]bool{}
	for _, v := range res[1].Violations {
		got[v.ID] = true
	}
	for _, id := range []string{"html-has-lang", "image-alt", "td-headers-attr"} {
		if !got[id] {
			t.Errorf("the checker missed %s in the bad page (found %v)", id, got)
		}
	}
}
