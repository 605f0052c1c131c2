package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/holiday"
	"jemputbola/internal/locale"
	"jemputbola/internal/team"
	"jemputbola/internal/visit"
	"jemputbola/templates/components"
	"jemputbola/templates/visitpage"
)

// weekStart returns the Monday of the week holding the ?week= day (today by default).
func weekStart(param string, now time.Time) time.Time {
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	if t, err := time.ParseInLocation(time.DateOnly, param, now.Location()); err == nil {
		day = t
	}
	return day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
}

// dayOff names the day off and the school holiday of d, for a calendar cell.
func dayOff(cal holiday.Calendar, d time.Time) visitpage.DayOff {
	var o visitpage.DayOff
	if off, ok := cal.Off(d.Format(time.DateOnly)); ok {
		o.Off = off.Name
	}
	if sb, ok := cal.SchoolBreak(d.Format(time.DateOnly)); ok {
		o.School = sb.Name
	}
	return o
}

// week renders the calendar: teams as rows, Monday..Sunday as columns.
func (h *visitHandlers) week(c echo.Context) error {
	ctx := c.Request().Context()
	now := now(c)
	monday := weekStart(c.QueryParam("week"), now)
	sunday := monday.AddDate(0, 0, 6)
	w := visitpage.Week{From: locale.Date(monday), To: locale.Date(sunday), Monday: monday.Format(time.DateOnly), Month: monday.Format("2006-01"),
		Prev: monday.AddDate(0, 0, -7).Format(time.DateOnly), Next: monday.AddDate(0, 0, 7).Format(time.DateOnly),
		TeamID: c.QueryParam("team_id"), Kec: c.QueryParam("kec")}
	today := now.Format(time.DateOnly)
	cal, err := h.days.Calendar(ctx)
	if err != nil {
		return err
	}
	for i := range 7 {
		d := monday.AddDate(0, 0, i)
		w.Days = append(w.Days, visitpage.Day{Weekday: locale.Weekday(d.Weekday()), Date: locale.ShortDate(d), Today: d.Format(time.DateOnly) == today,
			DayOff: dayOff(cal, d)})
	}
	scope, err := teamScope(c, h.teams)
	if err != nil {
		return err
	}
	f := visit.Filter{From: w.Monday, To: sunday.Format(time.DateOnly), TeamIDs: scope,
		KecamatanCode: w.Kec, IncludeCancelled: true}
	f.TeamID, _ = strconv.ParseInt(w.TeamID, 10, 64)
	visits, err := h.visits.List(ctx, f)
	if err != nil {
		return err
	}
	teams, err := h.teams.List(ctx)
	if err != nil {
		return err
	}
	if w.Teams, w.Kecamatan, err = h.filterOptions(c, scope, teams); err != nil {
		return err
	}
	for _, t := range teams {
		if !inScope(scope, t.ID) {
			continue
		}
		if f.TeamID != 0 && t.ID != f.TeamID {
			continue
		}
		row := visitpage.WeekRow{TeamName: t.Name, Cells: make([][]visitpage.Chip, 7)}
		for _, v := range visits {
			if v.TeamID == t.ID {
				i := int(v.Start.Sub(monday).Hours() / 24)
				if i >= 0 && i < 7 {
					row.Cells[i] = append(row.Cells[i], visitChip(v))
				}
			}
		}
		w.Rows = append(w.Rows, row)
	}
	w.Total = locale.Int(int64(len(visits)))
	for i := range 5 {
		d := monday.AddDate(0, 0, i)
		w.Share = append(w.Share, visitpage.ShareLink{Weekday: locale.Weekday(d.Weekday()), Href: whatsAppURL(d, visits)})
	}
	w.CanPlan = mayChange(c, planners...)
	return render(c, http.StatusOK, page(c, "Jadwal "+locale.ShortDate(monday), "jadwal"), visitpage.WeekPage(w))
}

// filterOptions lists the teams the user may see and every kecamatan, for the calendar filters.
func (h *visitHandlers) filterOptions(c echo.Context, scope []int64, ts []team.Detail) (teams, kecamatan []components.Option, err error) {
	teams = []components.Option{{Value: "", Label: "Semua tim"}}
	for _, t := range ts {
		if inScope(scope, t.ID) {
			teams = append(teams, components.Option{Value: strconv.FormatInt(t.ID, 10), Label: t.Name})
		}
	}
	ks, err := h.regions.Kecamatan(c.Request().Context())
	kecamatan = []components.Option{{Value: "", Label: "Semua kecamatan"}}
	for _, k := range ks {
		kecamatan = append(kecamatan, components.Option{Value: k.Code, Label: k.Name})
	}
	return teams, kecamatan, err
}

func inScope(scope []int64, id int64) bool {
	if scope == nil {
		return true
	}
	for _, s := range scope {
		if s == id {
			return true
		}
	}
	return false
}
