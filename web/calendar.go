package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

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

// week renders the calendar: teams as rows, Monday..Sunday as columns.
func (h *visitHandlers) week(c echo.Context) error {
	ctx := c.Request().Context()
	now := h.now()
	monday := weekStart(c.QueryParam("week"), now)
	w := visitpage.Week{Today: now.Format(time.DateOnly), TeamID: c.QueryParam("team_id"), Kec: c.QueryParam("kec")}
	for i := range 7 {
		w.Days = append(w.Days, monday.AddDate(0, 0, i))
	}
	w.Prev, w.Next = monday.AddDate(0, 0, -7).Format(time.DateOnly), monday.AddDate(0, 0, 7).Format(time.DateOnly)
	scope, err := teamScope(c, h.teams)
	if err != nil {
		return err
	}
	f := visit.Filter{From: w.Days[0].Format(time.DateOnly), To: w.Days[6].Format(time.DateOnly), TeamIDs: scope,
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
		row := visitpage.WeekRow{TeamName: t.Name, Cells: make([][]visit.Detail, 7)}
		for _, v := range visits {
			if v.TeamID == t.ID {
				i := int(v.Start.Sub(monday).Hours() / 24)
				if i >= 0 && i < 7 {
					row.Cells[i] = append(row.Cells[i], v)
				}
			}
		}
		w.Rows = append(w.Rows, row)
	}
	w.Total = len(visits)
	w.Export, w.ExportQuery = "/jadwal/ekspor", "week="+w.Days[0].Format(time.DateOnly)+"&team_id="+w.TeamID
	for _, d := range w.Days[:5] {
		w.Share = append(w.Share, visitpage.ShareLink{Day: d, Href: whatsAppURL(d, visits)})
	}
	u, _ := currentUser(c)
	w.CanPlan = u.Role.In(planners...)
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
	o, err := h.regions.Overview(c.Request().Context(), h.now().Year(), nil) // names only
	kecamatan = []components.Option{{Value: "", Label: "Semua kecamatan"}}
	for _, k := range o.Kecamatan {
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
