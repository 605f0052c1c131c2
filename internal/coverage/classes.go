package coverage

import (
	"slices"

	"jemputbola/internal/locale"
)

// Classes colours a map: the areas still short of their target fall into
// four classes of about equal size by the share of the target they have
// reached (quartiles), so the map tells them apart even when all are far from
// it; the areas that reached it are a fifth class.
type Classes struct {
	Breaks [3]int64 // share of the target, basis points: class i holds shares below Breaks[i]
}

// Reached is the class of the areas that reached their target.
const Reached = 4

// ShareOfTarget is activated as basis points of target (10000 = reached).
func ShareOfTarget(activated, target int64) int64 {
	if target <= 0 {
		return 10000
	}
	return activated * 10000 / target
}

// Quartiles finds the breaks among shares (ShareOfTarget of each area);
// those at or above 10000 are left out, they are Reached.
func Quartiles(shares []int64) Classes {
	var short []int64
	for _, s := range shares {
		if s < 10000 {
			short = append(short, s)
		}
	}
	slices.Sort(short)
	var c Classes
	for i := range c.Breaks {
		c.Breaks[i] = 10000
		if n := len(short); n > 0 {
			c.Breaks[i] = short[n*(i+1)/4]
		}
	}
	return c
}

// Of is the class (0 to Reached) of an area with activated of target.
func (c Classes) Of(activated, target int64) int {
	s := ShareOfTarget(activated, target)
	if s >= 10000 {
		return Reached
	}
	class := 0
	for _, b := range c.Breaks {
		if s >= b {
			class++
		}
	}
	return class
}

// Class is one class as a legend names it.
type Class struct {
	Index int
	Label string
}

// Legend names the classes that can hold an area, lowest first: a class
// whose bounds are equal (many areas with one share) is left out.
func (c Classes) Legend() []Class {
	bounds := append([]int64{0}, c.Breaks[:]...)
	bounds = append(bounds, 10000)
	var out []Class
	for i := range 4 {
		lo, hi := bounds[i], bounds[i+1]
		if lo >= hi {
			continue
		}
		label := locale.Pct(lo) + "–" + locale.Pct(hi) + " dari target"
		if i == 0 {
			label = "di bawah " + locale.Pct(hi) + " dari target"
		}
		out = append(out, Class{Index: i, Label: label})
	}
	return append(out, Class{Index: Reached, Label: "target tercapai"})
}
