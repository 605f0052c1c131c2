package geo

import (
	"math"
	"testing"
)

func TestSimplify(t *testing.T) {
	line := [][2]float64{{0, 0}, {1, 0.1}, {2, -0.1}, {3, 0}, {3, 5}, {3.2, 6}, {3, 10}}
	got := simplify(line, 0.5)
	want := [][2]float64{{0, 0}, {3, 0}, {3, 10}}
	if len(got) != len(want) {
		t.Fatalf("simplify = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("simplify = %v, want %v", got, want)
		}
	}
	// Every dropped point lies within the tolerance of the kept outline.
	for _, p := range line {
		best := math.Inf(1)
		for i := 1; i < len(got); i++ {
			best = math.Min(best, segmentDistance(p, got[i-1], got[i]))
		}
		if best > 0.5 {
			t.Errorf("%v is %.2f from the simplified line", p, best)
		}
	}
	if short := simplify(line[:2], 0.5); len(short) != 2 {
		t.Errorf("two points must stay: %v", short)
	}
}
