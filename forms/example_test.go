package forms

import (
	"testing"

	"nianbao/assets"
	"nianbao/data/report"
)

// exampleReport is the shared example, 中卫市民政局 2023.
func exampleReport(t testing.TB) *report.Report {
	t.Helper()
	r, err := report.Parse(assets.ExampleReport)
	if err != nil {
		t.Fatalf("parse the example: %v", err)
	}
	return r
}
