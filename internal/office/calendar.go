package office

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/scope"
)

// mondayToFriday is the working week of an office that has not set its own.
var mondayToFriday = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}

// WorkingWeek is the weekdays o works, Monday first and never empty; a stored
// value that cannot be read counts as Monday to Friday. Its days off are
// package holiday's.
func (o Office) WorkingWeek() []time.Weekday {
	var week []time.Weekday
	for _, s := range strings.Split(o.WorkingDays, ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil && n >= 1 && n <= 7 {
			week = append(week, time.Weekday(n%7))
		}
	}
	if len(week) == 0 {
		return slices.Clone(mondayToFriday)
	}
	return week
}

// isoWeekday numbers Monday 1 to Sunday 7, as the offices table stores them.
func isoWeekday(d time.Weekday) int {
	if d == time.Sunday {
		return 7
	}
	return int(d)
}

// SetWorkingWeek stores the weekdays ctx's office works, with an audit entry.
// Errors: Invalid with field working_days, scope.ErrReadOnly.
func (s *Store) SetWorkingWeek(ctx context.Context, who audit.Actor, week []time.Weekday) error {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return err
	}
	if len(week) == 0 {
		var f apperr.Fields
		f.Add("working_days", "Pilih paling sedikit satu hari kerja.")
		return f.Err()
	}
	week = slices.Clone(week)
	slices.SortFunc(week, func(a, b time.Weekday) int { return isoWeekday(a) - isoWeekday(b) })
	days := make([]string, 0, len(week))
	for _, d := range slices.Compact(week) {
		days = append(days, strconv.Itoa(isoWeekday(d)))
	}
	const column = "working_days"
	after := strings.Join(days, ",")
	return s.update(ctx, who, sc.OfficeID, map[string]any{column: after},
		func(o Office) any { return map[string]string{column: o.WorkingDays} }, map[string]string{column: after})
}
