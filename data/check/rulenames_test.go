package check

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestEveryRuleHasAName: every rule a finding of this package can carry is
// named in words, and no name is a code or English.
func TestEveryRuleHasAName(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	rules := map[string]bool{CopiedTextRule: true}
	lit := regexp.MustCompile(`Rule: *"([A-Z][0-9]+)"`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range lit.FindAllSubmatch(src, -1) {
			rules[string(m[1])] = true
		}
	}
	if len(rules) < 18 {
		t.Fatalf("found only %d rules in the sources: %v", len(rules), rules)
	}
	latin := regexp.MustCompile(`[A-Za-z]`)
	for r := range rules {
		name := RuleName(r)
		if name == RuleName("") || latin.MatchString(name) {
			t.Errorf("RuleName(%q) = %q", r, name)
		}
	}
}

// TestRuleNamesListsEveryRuleOfAReport: 使用说明 explains every rule a
// report's findings can carry, errors apart from warnings.
func TestRuleNamesListsEveryRuleOfAReport(t *testing.T) {
	errs, warns := RuleNames()
	if len(errs) != 4 || len(warns) != 14 {
		t.Fatalf("%d errors, %d warnings", len(errs), len(warns))
	}
	listed := map[string]bool{}
	for _, n := range append(errs, warns...) {
		listed[n] = true
	}
	for r, n := range ruleNames {
		if r != "H1" && !listed[n] {
			t.Errorf("%s (%s) is not listed", r, n)
		}
	}
	if errs[0] != RuleName("R1") || warns[len(warns)-1] != RuleName("W12") {
		t.Errorf("order: %v %v", errs, warns)
	}
}
