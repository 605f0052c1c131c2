// Package holiday knows the days an office does not go out: the libur
// nasional and cuti bersama built in (national.csv, with its source in
// SOURCE.md), each office's own days off, and the school holidays during
// which schools are not visited. Calendar joins them with the office's
// working week for the planner, the projection and the forms.
package holiday

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"time"
)

// Kind of day off.
type Kind string

// Kinds. National days are built in; cuti bersama are built in or added by an
// office; the others only an office adds.
const (
	National Kind = "nasional" // libur nasional
	Joint    Kind = "cuti"     // cuti bersama
	Local    Kind = "lokal"    // hari libur daerah or of the office
	School   Kind = "sekolah"  // libur sekolah: schools are closed, the office works
	Open     Kind = "masuk"    // the office works on a built-in day off
)

// OfficeKinds are the kinds an office adds, in the order its form offers them.
var OfficeKinds = []Kind{Local, Joint, School, Open}

// Label is the kind as the Hari Libur page names it.
func (k Kind) Label() string {
	switch k {
	case National:
		return "Libur nasional"
	case Joint:
		return "Cuti bersama"
	case Local:
		return "Libur daerah/kantor"
	case School:
		return "Libur sekolah"
	case Open:
		return "Kantor tetap masuk"
	}
	return string(k)
}

// Day is a day off, or a range of them (school holidays).
type Day struct {
	ID          int64  // 0 for a built-in day
	First, Last string // YYYY-MM-DD, both included; equal for one day
	Kind        Kind
	Name        string
	Estimate    bool // a built-in day no decree has set yet
}

// BuiltIn reports whether d ships with the app rather than an office's list.
func (d Day) BuiltIn() bool { return d.ID == 0 }

//go:embed national.csv
var nationalCSV []byte

// national is national.csv, read once; a bad line stops the program at
// start (and the test), never a page.
var national = mustParse(nationalCSV)

func mustParse(b []byte) []Day {
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		panic(err)
	}
	days := make([]Day, 0, len(rows))
	for i, r := range rows[1:] {
		if len(r) != 4 || (r[1] != string(National) && r[1] != string(Joint)) || (r[3] != "skb" && r[3] != "perkiraan") {
			panic(fmt.Sprintf("national.csv line %d: %q", i+2, r))
		}
		if _, err := time.Parse(time.DateOnly, r[0]); err != nil {
			panic(fmt.Sprintf("national.csv line %d: %v", i+2, err))
		}
		days = append(days, Day{First: r[0], Last: r[0], Kind: Kind(r[1]), Name: r[2], Estimate: r[3] == "perkiraan"})
	}
	return days
}

// NationalIn is the built-in days of year, in date order.
func NationalIn(year int) []Day {
	var out []Day
	prefix := fmt.Sprintf("%04d-", year)
	for _, d := range national {
		if d.First[:5] == prefix {
			out = append(out, d)
		}
	}
	return out
}

// Years is the years the built-in list covers, oldest first.
func Years() []int {
	var years []int
	for _, d := range national {
		y, _ := time.Parse(time.DateOnly, d.First)
		if len(years) == 0 || years[len(years)-1] != y.Year() {
			years = append(years, y.Year())
		}
	}
	return years
}
