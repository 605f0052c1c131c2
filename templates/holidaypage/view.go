// Package holidaypage renders Hari Libur: the built-in libur nasional and cuti
// bersama of a year beside the office's own days off and school holidays.
package holidaypage

import "jemputbola/templates/components"

// View is the page for one year.
type View struct {
	Year      int
	Years     []YearLink
	CSRF      string
	MayChange bool  // the form and the delete buttons are shown
	Days      []Row // the days the office closes, built-in and its own, in date order
	School    []Row // school holidays, by first day
	Estimate  bool  // some built-in day of the year is an estimate
	Form      Form
	components.Problems
}

// YearLink is a tab to another year.
type YearLink struct {
	Year    int
	Href    string
	Current bool
}

// Row is one day off, or a range of them.
type Row struct {
	When     string // "Jum, 25 Des 2026" or "22 Des 2026 – 3 Jan 2027"
	Name     string
	Kind     string // "Libur nasional", "Cuti bersama", …
	Source   string // "SKB 3 Menteri", "Perkiraan" or "Kantor"
	Opened   bool   // a built-in day the office works anyway
	DropHref string // the delete action of the office's own row; "" for a built-in one
}

// Form is the add form as typed.
type Form struct {
	Kind, First, Last, Name string
	Kinds                   []components.Option
}
