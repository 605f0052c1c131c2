package chart_test

import (
	"strings"
	"testing"

	"jemputbola/internal/chart"
)

func build(pts []chart.Point, target int64) chart.Chart {
	return chart.Build(pts, target, 720, 340, "IKD aktif", "Aktivasi per minggu")
}

func TestBuild(t *testing.T) {
	pts := []chart.Point{{Label: "1 Nov", Total: 10000, Bar: 0}, {Label: "8 Nov", Total: 12000, Bar: 2000}, {Label: "15 Nov", Total: 13000, Bar: 1000}}
	c := build(pts, 60846)
	if len(c.Dots) != 3 || len(c.Bars) != 3 || len(strings.Fields(c.Line)) != 3 || len(c.Table) != 3 {
		t.Fatalf("dots %d bars %d line %q table %d", len(c.Dots), len(c.Bars), c.Line, len(c.Table))
	}
	// The total's axis tops at 100.000 (the target 60.846 rounded up to 1, 2 or 5 × 10ⁿ).
	total := c.Total.YTicks
	if last := total[len(total)-1]; last.Label != "100.000" || total[0].Label != "0" || total[0].Pos != c.Total.Bottom || last.Pos != c.Total.Top {
		t.Fatalf("total ticks %+v", total)
	}
	// Higher totals are drawn higher (smaller y); the target sits at 60.8% of the axis.
	if !(c.Dots[0].Y > c.Dots[1].Y && c.Dots[1].Y > c.Dots[2].Y) {
		t.Errorf("dots not rising: %+v", c.Dots)
	}
	if want := c.Total.Bottom - 0.60846*(c.Total.Bottom-c.Total.Top); c.TargetY < want-0.01 || c.TargetY > want+0.01 || c.TargetLabel != "Target 60.846" {
		t.Errorf("target y %.2f, want %.2f (%q)", c.TargetY, want, c.TargetLabel)
	}
	// The weeks have a panel and an axis of their own, below the total's: the
	// largest week is the tallest and reads against its own labels.
	period := c.Period.YTicks
	if c.Period.Top <= c.Total.Bottom || period[len(period)-1].Label != "2.000" || period[0].Pos != c.Period.Bottom {
		t.Fatalf("period panel %+v below total panel ending at %.1f", c.Period, c.Total.Bottom)
	}
	if c.Bars[0].H != 0 || c.Bars[1].Y != c.Period.Top || c.Bars[1].H <= c.Bars[2].H || !strings.Contains(c.Bars[1].Title, "2.000 aktivasi") {
		t.Errorf("bars %+v", c.Bars)
	}
	// Values are written, not only hovered: every bar when there is room, and the newest total.
	for i, b := range c.Bars {
		if b.Label != c.Table[i].Bar {
			t.Errorf("bar %d labelled %q, its value is %s", i, b.Label, c.Table[i].Bar)
		}
	}
	if c.Dots[2].Label != "13.000" || c.Dots[0].Label != "" {
		t.Errorf("line labels %q, %q: the newest total only", c.Dots[0].Label, c.Dots[2].Label)
	}
	if len(c.XTicks) == 0 || c.XTicks[len(c.XTicks)-1].Label != "15 Nov" {
		t.Errorf("x ticks %+v: the newest week is always labelled", c.XTicks)
	}
}

func TestBuildEdges(t *testing.T) {
	if c := build(nil, 100); len(c.Dots) != 0 || c.TargetY >= 0 {
		t.Fatalf("empty chart %+v", c)
	}
	c := build([]chart.Point{{Label: "a"}}, 0)
	if c.TargetY >= 0 || len(c.Dots) != 1 || c.Dots[0].Y != c.Total.Bottom {
		t.Fatalf("all zero, no target: %+v", c)
	}
	many := make([]chart.Point, 26)
	for i := range many {
		many[i].Bar = 1234
	}
	c = build(many, 10)
	if len(c.XTicks) > 9 {
		t.Errorf("%d x labels for 26 weeks: they would overlap", len(c.XTicks))
	}
	labelled := 0
	for _, b := range c.Bars {
		if b.Label != "" {
			labelled++
		}
	}
	if labelled == 0 || labelled == len(c.Bars) || c.Bars[len(c.Bars)-1].Label == "" {
		t.Errorf("%d of 26 narrow bars labelled: some, the newest among them, not all", labelled)
	}
}
