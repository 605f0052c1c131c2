package holiday

import (
	"fmt"
	"iter"
	"slices"
	"strconv"
	"time"
)

// Calendar is an office's working week with its days off: the built-in ones,
// its own, and the school holidays.
type Calendar struct {
	Week   []time.Weekday // the working days; never empty
	off    map[string]Day // date → the day off that closes the office
	school map[string]Day // date → the school holiday it falls in
	key    string         // changes whenever the week or the office's days off do
}

// New joins the working week with the built-in days off and the office's own.
func New(week []time.Weekday, own []Day) Calendar {
	c := Calendar{Week: week, off: map[string]Day{}, school: map[string]Day{}, key: fmt.Sprint(week)}
	for _, d := range national {
		c.off[d.First] = d
	}
	// An office's own days come after the built-in ones, so its "masuk" opens
	// a built-in day and its own name wins on a shared date.
	for _, d := range own {
		c.key += "," + strconv.FormatInt(d.ID, 10) // rows are never edited: their ids say what they hold
		for day := range d.Dates() {
			switch d.Kind {
			case School:
				c.school[day] = d
			case Open:
				delete(c.off, day)
			default:
				c.off[day] = d
			}
		}
	}
	return c
}

// Key identifies the calendar's content, for caches of pages that count its
// days.
func (c Calendar) Key() string { return c.key }

// Dates yields each date of d's range, YYYY-MM-DD.
func (d Day) Dates() iter.Seq[string] {
	return func(yield func(string) bool) {
		first, err1 := time.Parse(time.DateOnly, d.First)
		last, err2 := time.Parse(time.DateOnly, d.Last)
		if err1 != nil || err2 != nil {
			return
		}
		for t := first; !t.After(last); t = t.AddDate(0, 0, 1) {
			if !yield(t.Format(time.DateOnly)) {
				return
			}
		}
	}
}

// Off is the day off that closes the office on day (YYYY-MM-DD), if any.
func (c Calendar) Off(day string) (Day, bool) {
	d, ok := c.off[day]
	return d, ok
}

// SchoolBreak is the school holiday day falls in, if any.
func (c Calendar) SchoolBreak(day string) (Day, bool) {
	d, ok := c.school[day]
	return d, ok
}

// Works reports whether the office works on day: a working weekday that is
// not a day off.
func (c Calendar) Works(day time.Time) bool {
	_, off := c.off[day.Format(time.DateOnly)]
	return !off && slices.Contains(c.Week, day.Weekday())
}

// NextWorkingDay is the first working day after day; after a year without one
// (a calendar cannot stop a form) the day after.
func (c Calendar) NextWorkingDay(day time.Time) time.Time {
	for d := day.AddDate(0, 0, 1); d.Sub(day) <= 366*24*time.Hour; d = d.AddDate(0, 0, 1) {
		if c.Works(d) {
			return d
		}
	}
	return day.AddDate(0, 0, 1)
}

// Between lists, for the dates from..to (YYYY-MM-DD), the days off and the
// school holidays, each in date order.
func (c Calendar) Between(from, to string) (off, school []string) {
	for day := range (Day{First: from, Last: to}).Dates() {
		if _, ok := c.off[day]; ok {
			off = append(off, day)
		}
		if _, ok := c.school[day]; ok {
			school = append(school, day)
		}
	}
	return off, school
}
