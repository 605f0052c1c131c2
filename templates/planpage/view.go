// Package planpage renders Rencana otomatis: the planner's suggested visits
// beside the current plan, for a ketua tim to accept all or some.
package planpage

import (
	"slices"
	"strconv"
	"time"

	"jemputbola/internal/autoplan"
	"jemputbola/internal/locale"
	"jemputbola/internal/planner"
)

// Form is what the ketua tim chose.
type Form struct {
	From, To     string
	TeamIDs      []int64 // none: every team
	HorizonWeeks int
	Holidays     []string // days off besides weekends
}

// View is the page.
type View struct {
	Form    Form
	CSRF    string
	Errors  map[string]string
	Names   autoplan.Names
	Plan    planner.Plan // suggested visits
	Current planner.Plan // the visits already planned in the range
}

// teamOptions lists every team, sorted by name.
func (v View) teamOptions() []teamOption {
	var out []teamOption
	for id, name := range v.Names.Teams {
		out = append(out, teamOption{id, name, len(v.Form.TeamIDs) == 0 || slices.Contains(v.Form.TeamIDs, id)})
	}
	slices.SortFunc(out, func(a, b teamOption) int {
		if a.Name < b.Name {
			return -1
		}
		if a.Name > b.Name {
			return 1
		}
		return 0
	})
	return out
}

type teamOption struct {
	ID      int64
	Name    string
	Checked bool
}

// choice encodes a suggested visit for the accept form.
func choice(v planner.Visit) string {
	return strconv.FormatInt(v.TeamID, 10) + "|" + strconv.FormatInt(v.SiteID, 10) + "|" + v.Date + "|" + v.Start + "|" + v.End + "|" +
		strconv.FormatInt(v.ExpectedActivations, 10) + "|" + v.Followup
}

func reached(d *planner.Date) string {
	if d == nil {
		return "belum tercapai dalam 5 tahun"
	}
	t, err := time.Parse(time.DateOnly, *d)
	if err != nil {
		return *d
	}
	return locale.Date(t)
}

func day(d string) string {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return d
	}
	return locale.Weekday(t.Weekday()) + ", " + locale.ShortDate(t)
}

func i64(n int64) string { return locale.Int(n) }

func id(n int64) string { return strconv.FormatInt(n, 10) }
