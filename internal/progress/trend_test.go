package progress_test

import (
	"testing"
	"time"

	"jemputbola/internal/progress"
)

func day(s string) time.Time {
	t, err := time.ParseInLocation(time.DateOnly, s, time.UTC)
	if err != nil {
		panic(err)
	}
	return t
}

func TestSeriesAt(t *testing.T) {
	official := []progress.OfficialPoint{{AsOf: "2026-03-01", Activated: 1000}, {AsOf: "2026-04-01", Activated: 1500}}
	daily := map[string]int64{"2026-02-20": 30, "2026-03-01": 40, "2026-03-10": 100, "2026-04-01": 7, "2026-04-05": 50}
	s := progress.NewSeries(official, daily)
	cases := []struct {
		day  string
		want int64
	}{
		{"2026-02-10", 1000 - 40 - 30}, // before the first count: counted back by the field logs since
		{"2026-02-20", 1000 - 40},
		{"2026-03-01", 1000}, // the day of a count: the count itself
		{"2026-03-09", 1000},
		{"2026-03-10", 1100},
		{"2026-03-31", 1100},
		{"2026-04-01", 1500}, // a newer count replaces the estimate
		{"2026-04-05", 1550},
		{"2026-12-31", 1550},
	}
	for _, tc := range cases {
		if got := s.At(day(tc.day)); got != tc.want {
			t.Errorf("At(%s) = %d, want %d", tc.day, got, tc.want)
		}
	}
	if got := progress.NewSeries(nil, daily).At(day("2026-03-10")); got != 170 {
		t.Errorf("without official figures At = %d, want the field sum 170", got)
	}
	if got := progress.NewSeries(nil, nil).At(day("2026-03-10")); got != 0 {
		t.Errorf("empty series At = %d", got)
	}
}

func TestWeeks(t *testing.T) {
	daily := map[string]int64{"2026-11-02": 5, "2026-11-08": 6, "2026-11-09": 10, "2026-11-12": 1}
	s := progress.NewSeries([]progress.OfficialPoint{{AsOf: "2026-10-01", Activated: 100}}, daily)
	ws := s.Weeks(day("2026-11-12").Add(15*time.Hour), 3) // a Thursday afternoon
	if len(ws) != 3 {
		t.Fatalf("%d weeks", len(ws))
	}
	want := []progress.Week{
		{Start: day("2026-10-26"), Field: 0, Total: 100},
		{Start: day("2026-11-02"), Field: 11, Total: 111},
		{Start: day("2026-11-09"), Field: 11, Total: 122}, // the current week ends today
	}
	for i, w := range want {
		if !ws[i].Start.Equal(w.Start) || ws[i].Field != w.Field || ws[i].Total != w.Total {
			t.Errorf("week %d = %+v, want %+v", i, ws[i], w)
		}
	}
	if m := progress.Monday(day("2026-11-15")); !m.Equal(day("2026-11-09")) {
		t.Errorf("Monday of a Sunday = %v", m)
	}
}

func TestProject(t *testing.T) {
	today := day("2026-11-24") // a Tuesday
	steady := map[string]int64{}
	for d := today.AddDate(0, 0, -27); !d.After(today); d = d.AddDate(0, 0, 1) {
		steady[d.Format(time.DateOnly)] = 10 // 280 in the last 28 days
	}
	s := progress.NewSeries([]progress.OfficialPoint{{AsOf: "2026-01-01", Activated: 5000}}, steady)
	// The office works Monday to Friday except Natal (25 Dec) and its cuti bersama (24 Dec).
	works := func(d time.Time) bool {
		wd, md := d.Weekday(), d.Format("01-02")
		return wd != time.Saturday && wd != time.Sunday && md != "12-24" && md != "12-25"
	}
	p := progress.Project(s, 1000, today, works)
	// 1000 at 10 a day: 100 days. 38 days left in 2026 (24 Nov–31 Dec), 26 of them working days.
	if p.Last28 != 280 || p.PerDay != 10 || p.ReachedOn == nil || !p.ReachedOn.Equal(today.AddDate(0, 0, 100)) {
		t.Fatalf("projection %+v reached %v", p, p.ReachedOn)
	}
	if p.DaysLeft != 38 || p.WorkdaysLeft != 26 || p.NeededPerDay != 27 || p.NeededPerWorkday != 39 {
		t.Fatalf("needed: %+v", p)
	}
	if p := progress.Project(progress.NewSeries(nil, nil), 1000, today, works); p.ReachedOn != nil || p.PerDay != 0 {
		t.Fatalf("no activity: reached %v", p.ReachedOn)
	}
	if p := progress.Project(s, 0, today, works); p.ReachedOn == nil || !p.ReachedOn.Equal(today) || p.NeededPerDay != 0 {
		t.Fatalf("target met: %+v", p)
	}
	slow := map[string]int64{today.Format(time.DateOnly): 1}
	if p := progress.Project(progress.NewSeries(nil, slow), 1_000_000, today, works); p.ReachedOn != nil {
		t.Fatalf("over ten years away should be nil, got %v", p.ReachedOn)
	}
}
