package chart_test

import (
	"strings"
	"testing"

	"jemputbola/internal/chart"
)

func TestBuild(t *testing.T) {
	pts := []chart.Point{{Label: "1 Nov", Total: 10000, Bar: 0}, {Label: "8 Nov", Total: 12000, Bar: 2000}, {Label: "15 Nov", Total: 13000, Bar: 1000}}
	c := chart.Build(pts, 60846, 720, 260)
	if len(c.Dots) != 3 || len(c.Bars) != 3 || len(strings.Fields(c.Line)) != 3 {
		t.Fatalf("dots %d bars %d line %q", len(c.Dots), len(c.Bars), c.Line)
	}
	// The axis tops at 100.000 (the target 60.846 rounded up to 1, 2 or 5 × 10ⁿ).
	if last := c.YTicks[len(c.YTicks)-1]; last.Label != "100.000" || c.YTicks[0].Label != "0" || c.YTicks[0].Pos != c.Bottom {
		t.Fatalf("y ticks %+v", c.YTicks)
	}
	// Higher totals are drawn higher (smaller y); the target sits at 60.8% of the axis.
	if !(c.Dots[0].Y > c.Dots[1].Y && c.Dots[1].Y > c.Dots[2].Y) {
		t.Errorf("dots not rising: %+v", c.Dots)
	}
	plotTop := c.YTicks[len(c.YTicks)-1].Pos
	if want := c.Bottom - 0.60846*(c.Bottom-plotTop); c.TargetY < want-0.01 || c.TargetY > want+0.01 || c.TargetLabel != "Target 60.846" {
		t.Errorf("target y %.2f, want %.2f (%q)", c.TargetY, want, c.TargetLabel)
	}
	// Bars use their own scale: the largest week is the tallest, an empty week has none.
	if c.Bars[0].H != 0 || c.Bars[1].H <= c.Bars[2].H || !strings.Contains(c.Bars[1].Title, "2.000 aktivasi") {
		t.Errorf("bars %+v", c.Bars)
	}
	if len(c.XTicks) == 0 || c.XTicks[len(c.XTicks)-1].Label != "15 Nov" {
		t.Errorf("x ticks %+v: the newest week is always labelled", c.XTicks)
	}
}

func TestBuildEdges(t *testing.T) {
	if c := chart.Build(nil, 100, 720, 260); len(c.Dots) != 0 || c.TargetY >= 0 {
		t.Fatalf("empty chart %+v", c)
	}
	c := chart.Build([]chart.Point{{Label: "a"}}, 0, 720, 260)
	if c.TargetY >= 0 || len(c.Dots) != 1 || c.Dots[0].Y != c.Bottom {
		t.Fatalf("all zero, no target: %+v", c)
	}
	many := make([]chart.Point, 26)
	if c := chart.Build(many, 10, 720, 260); len(c.XTicks) > 9 {
		t.Errorf("%d x labels for 26 weeks: they would overlap", len(c.XTicks))
	}
}
