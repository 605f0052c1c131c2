// Package locale formats numbers, percentages and dates the Indonesian way
// for the UI: dots group thousands, a comma marks decimals, and times use a
// dot between hours and minutes ("14.05").
package locale

import (
	"strconv"
	"time"

	// Embedded zone database, so a bare machine or container without
	// /usr/share/zoneinfo still knows Asia/Jakarta.
	_ "time/tzdata"
)

// DefaultZone is the zone used when none is configured (WIB).
const DefaultZone = "Asia/Jakarta"

var months = [...]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni",
	"Juli", "Agustus", "September", "Oktober", "November", "Desember"}

var shortMonths = [...]string{"Jan", "Feb", "Mar", "Apr", "Mei", "Jun",
	"Jul", "Agu", "Sep", "Okt", "Nov", "Des"}

var weekdays = [...]string{"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"}

// Int formats n with dots as thousands separators: 202820 → "202.820".
func Int(n int64) string {
	// Work on the unsigned magnitude so math.MinInt64 does not overflow.
	u := uint64(n)
	if n < 0 {
		u = -u
	}
	s := strconv.FormatUint(u, 10)
	b := make([]byte, 0, len(s)+len(s)/3+1)
	if n < 0 {
		b = append(b, '-')
	}
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, '.')
		}
		b = append(b, s[i])
	}
	return string(b)
}

// Pct formats basis points (hundredths of a percent) as a percentage with a
// decimal comma and two decimals: 514 → "5,14%", 123456 → "1.234,56%".
func Pct(bp int64) string {
	// Split on the magnitude so the sign is not repeated by Int or lost for
	// values between -1% and 0%.
	whole, frac := bp/100, bp%100
	sign := ""
	if bp < 0 {
		sign, whole, frac = "-", -whole, -frac
	}
	return sign + Int(whole) + "," + strconv.FormatInt(frac+100, 10)[1:] + "%"
}

// Month returns the Indonesian month name: time.November → "November".
func Month(m time.Month) string {
	if m < time.January || m > time.December {
		return strconv.Itoa(int(m))
	}
	return months[m-1]
}

// Weekday returns the Indonesian weekday name: time.Monday → "Senin".
func Weekday(d time.Weekday) string {
	if d < time.Sunday || d > time.Saturday {
		return strconv.Itoa(int(d))
	}
	return weekdays[d]
}

// Date formats t as "Senin, 30 November 2026" in t's own location.
func Date(t time.Time) string { return Weekday(t.Weekday()) + ", " + PlainDate(t) }

// PlainDate formats t as "30 November 2026" in t's own location, for prose.
func PlainDate(t time.Time) string {
	return strconv.Itoa(t.Day()) + " " + Month(t.Month()) + " " + strconv.Itoa(t.Year())
}

// DayText spells out a YYYY-MM-DD day as Date does ("Senin, 30 November
// 2026"); anything else (a malformed or empty day) stays as it is.
func DayText(iso string) string { return fromISO(iso, Date) }

// DateText spells out a YYYY-MM-DD day as PlainDate does ("30 November
// 2026"); anything else stays as it is.
func DateText(iso string) string { return fromISO(iso, PlainDate) }

func fromISO(iso string, format func(time.Time) string) string {
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return iso
	}
	return format(t)
}

// ShortDate formats t as "30 Nov 2026" in t's own location.
func ShortDate(t time.Time) string {
	return strconv.Itoa(t.Day()) + " " + shortMonths[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// DayDate formats t as "Jum, 25 Des 2026" in t's own location.
func DayDate(t time.Time) string {
	return Weekday(t.Weekday())[:3] + ", " + ShortDate(t)
}

// DateTime formats t as "30 Nov 2026 14.05" in t's own location.
func DateTime(t time.Time) string {
	return ShortDate(t) + " " + t.Format("15.04")
}

// LoadZone returns the named location; the embedded tzdata makes this work
// without a system zone database.
func LoadZone(name string) (*time.Location, error) {
	return time.LoadLocation(name)
}
