package holiday_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/dbtest"
	"jemputbola/internal/holiday"
	"jemputbola/internal/office"
	"jemputbola/internal/scope"
)

// TestNational2026 holds the built-in list to the 2026 decree: 17 days of
// libur nasional and 8 of cuti bersama, and the names date-holidays gets
// wrong.
func TestNational2026(t *testing.T) {
	count := map[holiday.Kind]int{}
	names := map[string]string{}
	for _, d := range holiday.NationalIn(2026) {
		count[d.Kind]++
		names[d.First] = d.Name
		if d.Estimate {
			t.Errorf("2026 day %+v is an estimate; the decree sets it", d)
		}
	}
	if count[holiday.National] != 17 || count[holiday.Joint] != 8 {
		t.Fatalf("2026: %d libur nasional and %d cuti bersama, want 17 and 8", count[holiday.National], count[holiday.Joint])
	}
	for day, want := range map[string]string{
		"2026-01-16": "Isra Mikraj", "2026-08-25": "Maulid", "2026-04-05": "Paskah",
		"2026-03-21": "Idul Fitri", "2026-03-20": "Cuti Bersama Idul Fitri", "2026-12-24": "Cuti Bersama",
	} {
		if !strings.Contains(names[day], want) {
			t.Errorf("%s is %q, want %q in its name", day, names[day], want)
		}
	}
	next := holiday.NationalIn(2027)
	if len(next) == 0 || !next[0].Estimate || !slices.Equal(holiday.Years(), []int{2026, 2027}) {
		t.Fatalf("2027: %d days, first %+v; years %v", len(next), next, holiday.Years())
	}
	for _, d := range next {
		if d.First == "2027-01-05" && !strings.Contains(d.Name, "Isra Mikraj") {
			t.Errorf("27 Rajab 1448 named %q", d.Name)
		}
	}
}

func date(s string) time.Time {
	t, _ := time.Parse(time.DateOnly, s)
	return t
}

func nextDay(s string) string { return date(s).AddDate(0, 0, 1).Format(time.DateOnly) }

func TestCalendar(t *testing.T) {
	week := []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}
	cal := holiday.New(week, []holiday.Day{
		{ID: 1, Kind: holiday.Local, First: "2026-12-07", Last: "2026-12-07", Name: "HUT Kabupaten"},
		{ID: 2, Kind: holiday.Open, First: "2026-12-24", Last: "2026-12-24", Name: "Loket buka"},
		{ID: 3, Kind: holiday.School, First: "2026-12-21", Last: "2027-01-02", Name: "Libur semester ganjil"},
	})
	for day, works := range map[string]bool{
		"2026-12-25": false, // Natal, built in
		"2026-12-24": true,  // cuti bersama the office works
		"2026-12-07": false, // its own day off
		"2026-12-08": true,
		"2026-12-22": true,  // school holidays close schools, not the office
		"2026-12-26": false, // Saturday
	} {
		if cal.Works(date(day)) != works {
			t.Errorf("Works(%s) = %v, want %v", day, !works, works)
		}
	}
	if d, ok := cal.Off("2026-12-25"); !ok || d.Kind != holiday.National || !d.BuiltIn() {
		t.Errorf("Off(25 Dec) = %+v, %v", d, ok)
	}
	if d, ok := cal.SchoolBreak("2027-01-02"); !ok || d.ID != 3 {
		t.Errorf("SchoolBreak(2 Jan) = %+v, %v", d, ok)
	}
	off, school := cal.Between("2026-12-20", "2027-01-03")
	if !slices.Equal(off, []string{"2026-12-25", "2027-01-01"}) || len(school) != 13 {
		t.Errorf("Between: off %v, %d school days", off, len(school))
	}
	if got := cal.NextWorkingDay(date("2026-12-31")); !got.Equal(date("2027-01-04")) {
		t.Errorf("NextWorkingDay(31 Dec) = %s, want Monday 4 Jan (1 Jan is Tahun Baru)", got.Format(time.DateOnly))
	}
}

func TestStore(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		ctx := dbtest.InOffice(t, g, "17.02")
		s := holiday.NewStore(g)
		year := time.Now().Year()
		in := func(mmdd string) string { return fmt.Sprintf("%d-%s", year, mmdd) }
		years := holiday.Years()
		builtIn := holiday.NationalIn(years[len(years)-1])[0].First // a day the office may open
		for name, c := range map[string]struct {
			d     holiday.Day
			field string
		}{
			"NoKind":      {holiday.Day{First: in("03-02"), Name: "x"}, "kind"},
			"BuiltInKind": {holiday.Day{Kind: holiday.National, First: in("03-02"), Name: "x"}, "kind"},
			"NoName":      {holiday.Day{Kind: holiday.Local, First: in("03-02"), Name: " \x00 "}, "name"},
			"LongName":    {holiday.Day{Kind: holiday.Local, First: in("03-02"), Name: strings.Repeat("a", 101)}, "name"},
			"NoDate":      {holiday.Day{Kind: holiday.Local, First: "2 Maret", Name: "x"}, "first"},
			"FarYear":     {holiday.Day{Kind: holiday.Local, First: "2099-03-02", Name: "x"}, "first"},
			"Backwards":   {holiday.Day{Kind: holiday.Local, First: in("03-02"), Last: in("03-01"), Name: "x"}, "last"},
			"LongLocal":   {holiday.Day{Kind: holiday.Local, First: in("03-02"), Last: in("03-20"), Name: "x"}, "last"},
			"LongSchool":  {holiday.Day{Kind: holiday.School, First: in("01-02"), Last: in("04-20"), Name: "x"}, "last"},
			"OpenWorkday": {holiday.Day{Kind: holiday.Open, First: nextDay(builtIn), Name: "x"}, "first"},
		} {
			if _, err := s.Add(ctx, audit.System, c.d); apperr.FieldsOf(err)[c.field] == "" {
				t.Errorf("%s: %v, want a message at %s", name, err, c.field)
			}
		}
		d, err := s.Add(ctx, audit.System, holiday.Day{Kind: holiday.School, First: in("06-22"), Last: in("07-11"), Name: " Libur kenaikan kelas "})
		if err != nil || d.ID == 0 || d.Name != "Libur kenaikan kelas" {
			t.Fatalf("add school holidays: %+v, %v", d, err)
		}
		if _, err := s.Add(ctx, audit.System, holiday.Day{Kind: holiday.School, First: in("06-22"), Last: in("07-11"), Name: "lagi"}); apperr.CodeOf(err) != apperr.Conflict || apperr.FieldsOf(err)["first"] == "" {
			t.Fatalf("the same range again: %v, want Conflict at first", err)
		}
		open, err := s.Add(ctx, audit.System, holiday.Day{Kind: holiday.Open, First: builtIn, Name: "Loket buka"})
		if err != nil {
			t.Fatal(err)
		}
		cal, err := s.Calendar(ctx)
		if _, off := cal.Off(builtIn); err != nil || off {
			t.Fatalf("calendar after opening %s: %v", builtIn, err)
		}
		if _, ok := cal.SchoolBreak(in("07-01")); !ok {
			t.Fatal("school holidays not in the calendar")
		}

		other := dbtest.InOffice(t, g, "17.71")
		if own, _ := s.Own(other); len(own) != 0 {
			t.Fatalf("another office sees %d days off", len(own))
		}
		if _, err := s.Remove(other, audit.System, d.ID); apperr.CodeOf(err) != apperr.NotFound {
			t.Fatalf("another office removed a day off: %v", err)
		}
		o, _ := office.NewStore(g).Current(ctx)
		ro := scope.With(context.Background(), scope.Scope{OfficeID: o.ID, Code: o.Code, ReadOnly: true})
		if _, err := s.Remove(ro, audit.System, d.ID); !errors.Is(err, scope.ErrReadOnly) {
			t.Fatalf("read-only view: %v", err)
		}
		if _, err := s.Remove(ctx, audit.System, open.ID); err != nil {
			t.Fatal(err)
		}
		if own, _ := s.Own(ctx); len(own) != 1 || own[0].ID != d.ID {
			t.Fatalf("after removing: %+v", own)
		}
		var entries int64
		g.Raw("SELECT COUNT(*) FROM audit_entries WHERE entity = 'day_off'").Scan(&entries)
		if entries != 3 {
			t.Fatalf("%d audit entries, want 3 (two added, one removed)", entries)
		}
	})
}
