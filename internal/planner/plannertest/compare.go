// Package plannertest is the planner's quality harness, for tests and
// benchmarks only: generated kabupaten of several shapes, and a comparison
// of the planner with the plain baseline on any input.
package plannertest

import (
	"testing"
	"time"

	"jemputbola/internal/planner"
)

// CompareWithBaseline plans in with Suggest and Baseline, logs expected
// activations and days until the target for both, and fails the test unless
// the planner expects more and reaches the target no later.
func CompareWithBaseline(t testing.TB, name string, in planner.Input) {
	t.Helper()
	p, err := planner.Suggest(in)
	if err != nil {
		t.Fatal(err)
	}
	b, err := planner.Baseline(in)
	if err != nil {
		t.Fatal(err)
	}
	days := func(d *planner.Date) int {
		if d == nil {
			return -1
		}
		from, _ := time.Parse(time.DateOnly, in.From)
		to, _ := time.Parse(time.DateOnly, *d)
		return int(to.Sub(from).Hours() / 24)
	}
	ratio := float64(p.ExpectedActivations) / float64(max(b.ExpectedActivations, 1))
	t.Logf("%-10s planner %7d  baseline %7d  ratio %.2f  days to target: planner %d, baseline %d (-1: beyond 5 years)",
		name, p.ExpectedActivations, b.ExpectedActivations, ratio, days(p.TargetReachedOn), days(b.TargetReachedOn))
	if p.ExpectedActivations <= b.ExpectedActivations {
		t.Errorf("%s: planner %d does not beat baseline %d", name, p.ExpectedActivations, b.ExpectedActivations)
	}
	if pd, bd := days(p.TargetReachedOn), days(b.TargetReachedOn); bd >= 0 && (pd < 0 || pd > bd) {
		t.Errorf("%s: planner reaches the target after %d days, baseline after %d", name, pd, bd)
	}
}
