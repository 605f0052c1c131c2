package office

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/scope"
)

// Calendar is an office's working week and its days off: the planner only
// proposes visits, and the projection only counts desk days, on working days
// that are not holidays.
type Calendar struct {
	WorkingDays []time.Weekday // Monday first; never empty
	Holidays    []string       // YYYY-MM-DD, sorted, each once
}

// MaxHolidays bounds an office's list: two years of national, local and
// cuti bersama days with room to spare.
const MaxHolidays = 100

// mondayToFriday is the working week of an office that has not set its own.
var mondayToFriday = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}

// Calendar returns o's calendar; a stored value that cannot be read counts as
// Monday to Friday without holidays.
func (o Office) Calendar() Calendar {
	c := Calendar{}
	for _, s := range strings.Split(o.WorkingDays, ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil && n >= 1 && n <= 7 {
			c.WorkingDays = append(c.WorkingDays, time.Weekday(n%7))
		}
	}
	if len(c.WorkingDays) == 0 {
		c.WorkingDays = slices.Clone(mondayToFriday)
	}
	c.Holidays, _ = ParseHolidays(o.Holidays)
	return c
}

// Works reports whether day is a working day that is not a holiday.
func (c Calendar) Works(day time.Time) bool {
	return slices.Contains(c.WorkingDays, day.Weekday()) && !slices.Contains(c.Holidays, day.Format(time.DateOnly))
}

// NextWorkingDay is the first working day after day.
func (c Calendar) NextWorkingDay(day time.Time) time.Time {
	for d := day.AddDate(0, 0, 1); ; d = d.AddDate(0, 0, 1) {
		if c.Works(d) || d.Sub(day) > 366*24*time.Hour { // a year of holidays cannot stop the form
			return d
		}
	}
}

// errHolidayFormat says how to write a day off, naming what was written.
func errHolidayFormat(written string) error {
	return apperr.Errorf(apperr.Invalid, "Tulis hari libur sebagai TTTT-BB-HH (mis. 2026-12-25), dipisah koma atau baris baru: “%s” bukan tanggal seperti itu.", written)
}

// ParseHolidays reads dates separated by commas, semicolons, spaces or new
// lines into a sorted list without repeats. Errors: Invalid naming the format.
func ParseHolidays(text string) ([]string, error) {
	var days []string
	for _, s := range strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ';' || r == ' ' || r == '\n' || r == '\r' || r == '\t' }) {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			return nil, errHolidayFormat(s)
		}
		days = append(days, d.Format(time.DateOnly))
	}
	slices.Sort(days)
	return slices.Compact(days), nil
}

// Validate checks the calendar. Errors: Invalid with fields working_days and
// holidays.
func (c *Calendar) Validate() error {
	var f apperr.Fields
	if len(c.WorkingDays) == 0 {
		f.Add("working_days", "Pilih paling sedikit satu hari kerja.")
	}
	if len(c.Holidays) > MaxHolidays {
		f.Add("holidays", "Paling banyak "+strconv.Itoa(MaxHolidays)+" hari libur; hapus yang sudah lewat.")
	}
	slices.SortFunc(c.WorkingDays, func(a, b time.Weekday) int { return isoWeekday(a) - isoWeekday(b) })
	c.WorkingDays = slices.Compact(c.WorkingDays)
	return f.Err()
}

// isoWeekday numbers Monday 1 to Sunday 7, as the offices table stores them.
func isoWeekday(d time.Weekday) int {
	if d == time.Sunday {
		return 7
	}
	return int(d)
}

// SetCalendar validates and stores the calendar of ctx's office with an
// audit entry. Errors: Invalid, scope.ErrReadOnly.
func (s *Store) SetCalendar(ctx context.Context, who audit.Actor, c Calendar) error {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return err
	}
	if err := c.Validate(); err != nil {
		return err
	}
	days := make([]string, len(c.WorkingDays))
	for i, d := range c.WorkingDays {
		days[i] = strconv.Itoa(isoWeekday(d))
	}
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		before, err := NewStore(tx).Get(ctx, sc.OfficeID)
		if err != nil {
			return err
		}
		after := before
		after.WorkingDays, after.Holidays = strings.Join(days, ","), strings.Join(c.Holidays, ",")
		err = tx.Model(&Office{}).Where("id = ?", sc.OfficeID).
			Updates(map[string]any{"working_days": after.WorkingDays, "holidays": after.Holidays}).Error
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, who, audit.Update, "office", before.Code, storedCalendar(before), storedCalendar(after))
	})
}

// storedCalendar is what the audit trail keeps of a calendar: the columns as
// stored, readable without decoding weekday numbers.
func storedCalendar(o Office) map[string]string {
	return map[string]string{"working_days": o.WorkingDays, "holidays": o.Holidays}
}
