package web

import (
	"strconv"
	"strings"
	"time"

	"jemputbola/internal/audit"
	"jemputbola/internal/auth"
	"jemputbola/internal/confirm"
	"jemputbola/internal/desk"
	"jemputbola/internal/holiday"
	"jemputbola/internal/locale"
	"jemputbola/internal/office"
	"jemputbola/internal/site"
	"jemputbola/internal/visit"
	"jemputbola/templates/auditpage"
	"jemputbola/web/paths"
)

// codeWords are the fields whose values are codes, by kind of data and
// field, with the words their owners give them.
var codeWords = map[string]func(string) string{
	"user.Role":                 func(v string) string { return auth.Role(v).Label() },
	"site.Kind":                 func(v string) string { return site.Kind(v).Label() },
	"visit.Status":              func(v string) string { return visit.Status(v).Label() },
	"day_off.Kind":              func(v string) string { return holiday.Kind(v).Label() },
	"service_point.Kind":        func(v string) string { return desk.Kind(v).Label() },
	"visit_confirmation.Status": func(v string) string { return confirm.Status(v).Label() },
	"office.CSVLocale":          csvLocaleName,
	"office.csv_locale":         csvLocaleName,
	"office.WorkingDays":        weekdayWords,
	"office.working_days":       weekdayWords,
	"office.Zone":               office.ZoneLabel,
	"office.Level":              levelWords,
}

// levelWords names an office's level.
func levelWords(level string) string {
	if level == office.Provinsi {
		return "Provinsi"
	}
	return "Kabupaten/kota"
}

// weekdayWords names the days of a stored working week: "Senin, Selasa".
func weekdayWords(days string) string {
	var names []string
	for _, d := range (office.Office{WorkingDays: days}).WorkingWeek() {
		names = append(names, locale.Weekday(d))
	}
	return strings.Join(names, ", ")
}

// auditDetails is what e changed, as the Audit page lists it.
func auditDetails(e audit.Entry, zone *time.Location) []auditpage.Detail {
	if !e.Changed() {
		return nil // a sign-in's address is in its sentence
	}
	var out []auditpage.Detail
	for _, d := range e.Details(zone) {
		if w := codeWords[e.Entity+"."+d.Key]; w != nil {
			d.Before, d.After = wordsOf(w, d.Before), wordsOf(w, d.After)
		}
		out = append(out, auditpage.Detail{Field: d.Field, Before: d.Before, After: d.After})
	}
	return out
}

func wordsOf(w func(string) string, v string) string {
	if v == "" || v == "—" {
		return v
	}
	return w(v)
}

// auditHref is the page of the thing e changed, "" when it has none, is
// gone, or e records an access (its sentence says all there is).
func auditHref(e audit.Entry) string {
	if !e.Changed() || e.Action == audit.Delete {
		return ""
	}
	id, _ := strconv.ParseInt(e.EntityID, 10, 64)
	switch e.Entity {
	case "user":
		return paths.Users
	case "team":
		return paths.For(paths.Team, id)
	case "site":
		return paths.For(paths.SiteEdit, id)
	case "visit", "visit_confirmation":
		return paths.For(paths.Visit, id)
	case "result":
		return paths.For(paths.Visit, e.Number("VisitID"))
	case "letter":
		return paths.For(paths.Visit, e.Number("kunjungan"))
	case "service_point", "desk_tally":
		return paths.Desk
	case "office":
		return paths.Settings
	case "targets":
		return paths.Coverage
	case "figure_imports", "population_figures":
		return paths.FigureImport
	case "day_off":
		return paths.Holidays
	case "region_boundaries":
		return paths.Regions
	case "audit_entries":
		return paths.Privacy
	}
	return ""
}
