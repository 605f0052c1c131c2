// Package chart lays out the small server-rendered SVG charts of the app: a
// running total with a target line over weekly bars. It computes coordinates
// only; templates draw them, so pages need no chart script or CDN.
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

// Bar is one drawn bar with its hover title.
type Bar struct {
	X, Y, W, H float64
	Title      string
}

// Chart is a laid-out chart in a Width × Height viewBox.
type Chart struct {
	Width, Height float64
	Left, Bottom  float64 // plot area edges
	Line          string  // SVG polyline points of the totals
	Dots          []Bar   // the line's points (W, H unused), with titles
	Bars          []Bar
	TargetY       float64 // y of the target line; < 0 when there is no target
	TargetLabel   string
	YTicks        []Tick
	XTicks        []Tick
}

const (
	padLeft   = 64.0
	padRight  = 12.0
	padTop    = 12.0
	padBottom = 28.0
	barShare  = 0.3 // bars use the bottom 30% of the plot, on their own scale
)

// Build lays out points against target (0: none) in a w × h box.
func Build(points []Point, target int64, w, h float64) Chart {
	c := Chart{Width: w, Height: h, Left: padLeft, Bottom: h - padBottom, TargetY: -1}
	if len(points) == 0 {
		return c
	}
	top := max(target, 1)
	var barTop int64 = 1
	for _, p := range points {
		top = max(top, p.Total)
		barTop = max(barTop, p.Bar)
	}
	top = niceCeil(top)
	plotW, plotH := w-padLeft-padRight, c.Bottom-padTop
	step := plotW / float64(len(points))
	y := func(v int64) float64 { return c.Bottom - float64(v)/float64(top)*plotH }
	var line strings.Builder
	for i, p := range points {
		x := padLeft + step*(float64(i)+0.5)
		bh := float64(p.Bar) / float64(barTop) * plotH * barShare
		c.Bars = append(c.Bars, Bar{X: x - step*0.35, Y: c.Bottom - bh, W: step * 0.7, H: bh,
			Title: p.Label + ": " + locale.Int(p.Bar) + " aktivasi lapangan"})
		c.Dots = append(c.Dots, Bar{X: x, Y: y(p.Total), Title: p.Label + ": " + locale.Int(p.Total) + " IKD aktif"})
		if i > 0 {
			line.WriteByte(' ')
		}
		line.WriteString(Num(x) + "," + Num(y(p.Total)))
		if every := max(1, len(points)/8); (len(points)-1-i)%every == 0 { // spaced back from the newest
			c.XTicks = append(c.XTicks, Tick{Pos: x, Label: p.Label})
		}
	}
	c.Line = line.String()
	for i := range 5 {
		v := top * int64(i) / 4
		c.YTicks = append(c.YTicks, Tick{Pos: y(v), Label: locale.Int(v)})
	}
	if target > 0 {
		c.TargetY, c.TargetLabel = y(target), "Target "+locale.Int(target)
	}
	return c
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
