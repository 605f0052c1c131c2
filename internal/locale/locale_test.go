package locale_test

import (
	"math"
	"strings"
	"testing"
	"time"

	"jemputbola/internal/locale"
)

func TestInt(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{0, "0"},
		{7, "7"},
		{999, "999"},
		{1000, "1.000"},
		{10425, "10.425"},
		{202820, "202.820"},
		{1234567, "1.234.567"},
		{-1500, "-1.500"},
		{-999, "-999"},
		{math.MinInt64, "-9.223.372.036.854.775.808"},
	}
	for _, tt := range tests {
		if got := locale.Int(tt.n); got != tt.want {
			t.Errorf("Int(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestPct(t *testing.T) {
	tests := []struct {
		bp   int64
		want string
	}{
		{0, "0,00%"},
		{5, "0,05%"},
		{514, "5,14%"},
		{3000, "30,00%"},
		{10000, "100,00%"},
		{123456, "1.234,56%"},
		{-514, "-5,14%"},
		{-5, "-0,05%"},
		{math.MinInt64, "-92.233.720.368.547.758,08%"},
	}
	for _, tt := range tests {
		if got := locale.Pct(tt.bp); got != tt.want {
			t.Errorf("Pct(%d) = %q, want %q", tt.bp, got, tt.want)
		}
	}
}

func TestDates(t *testing.T) {
	jkt, err := locale.LoadZone(locale.DefaultZone)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		t                     time.Time
		date, short, dateTime string
	}{
		{time.Date(2026, time.November, 30, 14, 5, 0, 0, jkt), "Senin, 30 November 2026", "30 Nov 2026", "30 Nov 2026 14.05"},
		{time.Date(2026, time.January, 4, 0, 0, 0, 0, jkt), "Minggu, 4 Januari 2026", "4 Jan 2026", "4 Jan 2026 00.00"},
		{time.Date(2026, time.August, 14, 9, 30, 0, 0, jkt), "Jumat, 14 Agustus 2026", "14 Agu 2026", "14 Agu 2026 09.30"},
		{time.Date(2025, time.December, 31, 23, 59, 0, 0, jkt), "Rabu, 31 Desember 2025", "31 Des 2025", "31 Des 2025 23.59"},
		// 17:30 UTC is already the next day in WIB (UTC+7).
		{time.Date(2026, time.May, 5, 17, 30, 0, 0, time.UTC).In(jkt), "Rabu, 6 Mei 2026", "6 Mei 2026", "6 Mei 2026 00.30"},
	}
	for _, tt := range tests {
		if got := locale.Date(tt.t); got != tt.date {
			t.Errorf("Date(%v) = %q, want %q", tt.t, got, tt.date)
		}
		if _, plain, _ := strings.Cut(tt.date, ", "); locale.PlainDate(tt.t) != plain {
			t.Errorf("PlainDate(%v) = %q, want %q", tt.t, locale.PlainDate(tt.t), plain)
		}
		if got := locale.ShortDate(tt.t); got != tt.short {
			t.Errorf("ShortDate(%v) = %q, want %q", tt.t, got, tt.short)
		}
		if got := locale.DateTime(tt.t); got != tt.dateTime {
			t.Errorf("DateTime(%v) = %q, want %q", tt.t, got, tt.dateTime)
		}
	}
}

func TestISODays(t *testing.T) {
	for iso, want := range map[string][2]string{
		"2026-11-04": {"Rabu, 4 November 2026", "4 November 2026"},
		"2026-13-01": {"2026-13-01", "2026-13-01"}, // not a day: shown as stored
		"":           {"", ""},
	} {
		if got := locale.DayText(iso); got != want[0] {
			t.Errorf("DayText(%q) = %q, want %q", iso, got, want[0])
		}
		if got := locale.DateText(iso); got != want[1] {
			t.Errorf("DateText(%q) = %q, want %q", iso, got, want[1])
		}
	}
}

func TestNames(t *testing.T) {
	months := []string{"Januari", "Februari", "Maret", "April", "Mei", "Juni",
		"Juli", "Agustus", "September", "Oktober", "November", "Desember"}
	for i, want := range months {
		if got := locale.Month(time.Month(i + 1)); got != want {
			t.Errorf("Month(%d) = %q, want %q", i+1, got, want)
		}
	}
	days := []string{"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"}
	for i, want := range days {
		if got := locale.Weekday(time.Weekday(i)); got != want {
			t.Errorf("Weekday(%d) = %q, want %q", i, got, want)
		}
	}
}

func TestLoadZone(t *testing.T) {
	tests := []struct {
		name    string
		offset  int
		wantErr bool
	}{
		{locale.DefaultZone, 7 * 3600, false},
		{"Asia/Makassar", 8 * 3600, false},
		{"Asia/Jayapura", 9 * 3600, false},
		{"Nowhere/Atlantis", 0, true},
	}
	for _, tt := range tests {
		loc, err := locale.LoadZone(tt.name)
		if (err != nil) != tt.wantErr {
			t.Errorf("LoadZone(%q) error = %v, wantErr %v", tt.name, err, tt.wantErr)
			continue
		}
		if err != nil {
			continue
		}
		if _, off := time.Date(2026, 1, 1, 0, 0, 0, 0, loc).Zone(); off != tt.offset {
			t.Errorf("LoadZone(%q) offset = %d, want %d", tt.name, off, tt.offset)
		}
	}
}
