// Package chart lays out the small server-rendered SVG charts of the app: a
// running total with its target line, and under it each period's own amount
// as bars on a scale of their own, each panel with its labelled axis. It
// computes coordinates only; templates draw them, so pages need no chart
// script or CDN.
package chart

import (
	"strconv"
	"strings"

	"jemputbola/internal/locale"
)

// Point is one x position of the chart.
type Point struct {
	Label string // x axis label, e.g. "3 Nov"
	Total int64  // running total, drawn as the line
	Bar   int64  // the period's own amount, drawn as a bar
}

// Tick is an axis mark.
type Tick struct {
	Pos   float64
	Label string
}

// Bar is one drawn bar or dot with its hover title; Label, when not "", is
// its value written beside it, readable without hovering.
type Bar struct {
	X, Y, W, H float64
	Title      string
	Label      string
}

// Panel is one plot of the chart: its vertical extent and labelled axis.
type Panel struct {
	Top, Bottom float64
	Title       string
	YTicks      []Tick
}

// Chart is a laid-out chart in a Width × Height viewBox: the running total
// above, the period amounts below, sharing the x axis.
type Chart struct {
	Width, Height float64
	Left, Right   float64 // plot area's x edges
	Total, Period Panel
	Line          string // SVG polyline points of the totals
	Dots          []Bar  // the line's points (W, H unused); the newest is labelled
	Bars          []Bar
	TargetY       float64 // y of the target line in the total panel; < 0 when there is no target
	TargetLabel   string
	XTicks        []Tick // under the period panel
	XAxis         float64
	Table         []Row // every point in words, oldest first, for the table beside the chart
}

// Row is one point as a table shows it.
type Row struct{ Label, Bar, Total string }

const (
	padLeft     = 64.0
	padRight    = 56.0 // room for the newest total's label
	titleHeight = 18.0
	panelGap    = 34.0
	axisHeight  = 22.0
	totalShare  = 0.62 // of the plotting height, for the total panel
	labelRoom   = 30.0 // width a bar's value needs to be written above it
)

// Build lays out points against target (0: none) in a w × h box; totalTitle
// and periodTitle name the two panels.
func Build(points []Point, target int64, w, h float64, totalTitle, periodTitle string) Chart {
	c := Chart{Width: w, Height: h, Left: padLeft, Right: w - padRight, TargetY: -1, XAxis: h - 6}
	plotH := h - 2*titleHeight - panelGap - axisHeight
	c.Total = Panel{Top: titleHeight, Bottom: titleHeight + plotH*totalShare, Title: totalTitle}
	c.Period = Panel{Top: c.Total.Bottom + panelGap + titleHeight, Bottom: h - axisHeight, Title: periodTitle}
	if len(points) == 0 {
		return c
	}
	totalTop, barTop := max(target, 1), int64(1)
	for _, p := range points {
		totalTop, barTop = max(totalTop, p.Total), max(barTop, p.Bar)
	}
	totalTop, barTop = niceCeil(totalTop), niceCeil(barTop)
	yTotal := scale(c.Total, totalTop)
	yBar := scale(c.Period, barTop)
	step := (c.Right - c.Left) / float64(len(points))
	labelEvery := max(1, int(labelRoom/step+0.999)) // every bar when there is room, else every k-th back from the newest
	var line strings.Builder
	for i, p := range points {
		x := c.Left + step*(float64(i)+0.5)
		fromNewest := len(points) - 1 - i
		b := Bar{X: x - step*0.35, Y: yBar(p.Bar), W: step * 0.7, H: c.Period.Bottom - yBar(p.Bar),
			Title: p.Label + ": " + locale.Int(p.Bar) + " aktivasi"}
		if fromNewest%labelEvery == 0 {
			b.Label = locale.Int(p.Bar)
		}
		c.Bars = append(c.Bars, b)
		dot := Bar{X: x, Y: yTotal(p.Total), Title: p.Label + ": " + locale.Int(p.Total)}
		if fromNewest == 0 {
			dot.Label = locale.Int(p.Total)
		}
		c.Dots = append(c.Dots, dot)
		c.Table = append(c.Table, Row{Label: p.Label, Bar: locale.Int(p.Bar), Total: locale.Int(p.Total)})
		if i > 0 {
			line.WriteByte(' ')
		}
		line.WriteString(Num(x) + "," + Num(yTotal(p.Total)))
		if every := max(1, len(points)/8); fromNewest%every == 0 {
			c.XTicks = append(c.XTicks, Tick{Pos: x, Label: p.Label})
		}
	}
	c.Line = line.String()
	c.Total.YTicks, c.Period.YTicks = ticks(totalTop, 4, yTotal), ticks(barTop, 2, yBar)
	if target > 0 {
		c.TargetY, c.TargetLabel = yTotal(target), "Target "+locale.Int(target)
	}
	return c
}

// scale maps 0..top onto the panel, top at its top edge.
func scale(p Panel, top int64) func(int64) float64 {
	return func(v int64) float64 { return p.Bottom - float64(v)/float64(top)*(p.Bottom-p.Top) }
}

// ticks are n+1 evenly spaced marks from 0 to top.
func ticks(top int64, n int, y func(int64) float64) []Tick {
	out := make([]Tick, 0, n+1)
	for i := range n + 1 {
		v := top * int64(i) / int64(n)
		out = append(out, Tick{Pos: y(v), Label: locale.Int(v)})
	}
	return out
}

// niceCeil rounds v up to 1, 2 or 5 times a power of ten, for round axis labels.
func niceCeil(v int64) int64 {
	p := int64(1)
	for p*10 <= v {
		p *= 10
	}
	for _, m := range []int64{1, 2, 5, 10} {
		if m*p >= v {
			return m * p
		}
	}
	return 10 * p
}

// Num formats a coordinate with one decimal.
func Num(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
