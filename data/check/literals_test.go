package check

import (
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"nianbao/data/report"
)

// TestExampleLiterals holds busyReport's literals to the example file they
// copy, so that the rule tests built on them test the real example.
func TestExampleLiterals(t *testing.T) {
	data, err := os.ReadFile("../../assets/examples/fictional-busy-2024.nianbao.json")
	if err != nil {
		t.Fatal(err)
	}
	want, err := report.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if got := busyReport(); !reflect.DeepEqual(got, want) {
		t.Errorf("busyReport() differs from the example file:\n got %+v\nwant %+v", got, want)
	}
}

func TestCompareRules(t *testing.T) {
	ids := []string{"W10", "R2", "W2", "R10", "R1", "W1"}
	slices.SortFunc(ids, compareRules)
	if got, want := strings.Join(ids, " "), "R1 R2 R10 W1 W2 W10"; got != want {
		t.Errorf("sorted %s, want %s", got, want)
	}
}
