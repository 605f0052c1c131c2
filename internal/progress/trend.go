package progress

import (
	"slices"
	"time"
)

const day = "2006-01-02"

// Week is one week of the trend: the field activations logged in it and the
// estimated IKD count at its end.
type Week struct {
	Start time.Time // Monday
	Field int64     // field activations on visits that week
	Total int64     // estimated IKD activated at the end of the week
}

// Series holds official points and daily field activations and answers the
// estimated IKD count on any day: the newest official sum on or before it,
// plus that point's carry (field activations of desa whose own figure is
// older), plus the field activations logged after that official date. On the
// snapshot's day it equals the coverage's kabupaten total.
type Series struct {
	official []OfficialPoint
	days     []string // sorted days with field activations
	cum      []int64  // cum[i] = activations on days[0..i]
}

// NewSeries builds a series; daily must cover every day after the oldest
// official date that matters to the caller.
func NewSeries(official []OfficialPoint, daily map[string]int64) *Series {
	s := &Series{official: official}
	for d := range daily {
		s.days = append(s.days, d)
	}
	slices.Sort(s.days)
	var sum int64
	for _, d := range s.days {
		sum += daily[d]
		s.cum = append(s.cum, sum)
	}
	return s
}

// fieldUpTo is the activations on days <= d.
func (s *Series) fieldUpTo(d string) int64 {
	i, found := slices.BinarySearch(s.days, d)
	if found {
		return s.cum[i]
	}
	if i == 0 {
		return 0
	}
	return s.cum[i-1]
}

// At returns the estimated IKD count at the end of day t. Before the first
// official figure it counts back from that figure by the field activations
// logged since, so the line does not start from zero.
func (s *Series) At(t time.Time) int64 {
	d := t.Format(day)
	if len(s.official) == 0 {
		return s.fieldUpTo(d)
	}
	if first := s.official[0]; d < first.AsOf {
		return max(0, first.Activated+first.Carry-(s.fieldUpTo(first.AsOf)-s.fieldUpTo(d)))
	}
	var p OfficialPoint
	for _, q := range s.official {
		if q.AsOf > d {
			break
		}
		p = q
	}
	return p.Activated + p.Carry + s.fieldUpTo(d) - s.fieldUpTo(p.AsOf)
}

// FieldBetween returns the field activations on days from start to end, inclusive.
func (s *Series) FieldBetween(start, end time.Time) int64 {
	return s.fieldUpTo(end.Format(day)) - s.fieldUpTo(start.AddDate(0, 0, -1).Format(day))
}

// Monday returns the Monday of t's week, at midnight in t's zone.
func Monday(t time.Time) time.Time {
	t = dateOf(t)
	return t.AddDate(0, 0, -(int(t.Weekday())+6)%7)
}

// Weeks returns n weeks ending with today's week; the current week's total is
// the estimate at today, not at its Sunday.
func (s *Series) Weeks(today time.Time, n int) []Week {
	today = dateOf(today)
	first := Monday(today).AddDate(0, 0, -7*(n-1))
	ws := make([]Week, 0, n)
	for i := range n {
		start := first.AddDate(0, 0, 7*i)
		end := start.AddDate(0, 0, 6)
		if end.After(today) {
			end = today
		}
		ws = append(ws, Week{Start: start, Field: s.FieldBetween(start, end), Total: s.At(end)})
	}
	return ws
}

// Projection answers when the target is reached at the recent pace and what
// pace reaches it by the end of the year.
type Projection struct {
	Gap              int64      // activations still missing
	Last28           int64      // estimated activations gained in the last 28 days
	PerDay           float64    // Last28 / 28
	ReachedOn        *time.Time // at PerDay; nil when the pace is zero or it takes over 10 years
	DaysLeft         int        // calendar days left in the year, today included
	WorkdaysLeft     int        // the office's working days left in the year, today included
	NeededPerDay     int64      // ceil(Gap / DaysLeft)
	NeededPerWorkday int64      // ceil(Gap / WorkdaysLeft)
}

// Project computes the projection for gap from the series at today; works
// tells the office's working days (its week, less its days off).
func Project(s *Series, gap int64, today time.Time, works func(time.Time) bool) Projection {
	today = dateOf(today)
	p := Projection{Gap: gap, Last28: s.At(today) - s.At(today.AddDate(0, 0, -28))}
	p.PerDay = float64(p.Last28) / 28
	switch {
	case gap == 0:
		p.ReachedOn = &today
	case p.PerDay > 0:
		days := int((float64(gap) + p.PerDay - 1e-9) / p.PerDay) // ceil
		if days < 3650 {
			d := today.AddDate(0, 0, days)
			p.ReachedOn = &d
		}
	}
	end := time.Date(today.Year(), 12, 31, 0, 0, 0, 0, today.Location())
	for d := today; !d.After(end); d = d.AddDate(0, 0, 1) {
		p.DaysLeft++
		if works(d) {
			p.WorkdaysLeft++
		}
	}
	p.NeededPerDay = ceilDiv(gap, int64(p.DaysLeft))
	p.NeededPerWorkday = ceilDiv(gap, int64(p.WorkdaysLeft))
	return p
}

func ceilDiv(a, b int64) int64 {
	if b <= 0 || a <= 0 {
		return 0
	}
	return (a + b - 1) / b
}

// dateOf drops the time of day, keeping the zone.
func dateOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
}
