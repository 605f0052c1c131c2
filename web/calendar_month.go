package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/locale"
	"jemputbola/internal/visit"
	"jemputbola/templates/visitpage"
)

// month renders the month grid of ?month=YYYY-MM (this month by default).
func (h *visitHandlers) month(c echo.Context) error {
	now := now(c)
	first := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, now.Location())
	if t, err := time.ParseInLocation("2006-01", c.QueryParam("month"), now.Location()); err == nil {
		first = t
	}
	start := weekStart(first.Format(time.DateOnly), now)
	end := start
	for end.Before(first.AddDate(0, 1, 0)) {
		end = end.AddDate(0, 0, 7)
	}
	scope, err := teamScope(c, h.teams)
	if err != nil {
		return err
	}
	f := visit.Filter{From: start.Format(time.DateOnly), To: end.AddDate(0, 0, -1).Format(time.DateOnly),
		TeamIDs: scope, KecamatanCode: c.QueryParam("kec"), IncludeCancelled: true}
	f.TeamID, _ = strconv.ParseInt(c.QueryParam("team_id"), 10, 64)
	visits, err := h.visits.List(c.Request().Context(), f)
	if err != nil {
		return err
	}
	cal, err := h.days.Calendar(c.Request().Context())
	if err != nil {
		return err
	}
	byDay := map[string][]visitpage.Chip{}
	for _, v := range visits {
		byDay[v.Day] = append(byDay[v.Day], visitChip(v))
	}
	m := visitpage.Month{Title: locale.Month(first.Month()) + " " + strconv.Itoa(first.Year()), Month: first.Format("2006-01"),
		First: first.Format(time.DateOnly), TeamID: c.QueryParam("team_id"), Kec: c.QueryParam("kec"),
		Prev: first.AddDate(0, -1, 0).Format("2006-01"), Next: first.AddDate(0, 1, 0).Format("2006-01")}
	today := now.Format(time.DateOnly)
	for d := start; d.Before(end); d = d.AddDate(0, 0, 7) {
		var week []visitpage.MonthDay
		for i := range 7 {
			day := d.AddDate(0, 0, i)
			key := day.Format(time.DateOnly)
			week = append(week, visitpage.MonthDay{Num: strconv.Itoa(day.Day()), Today: key == today, InMonth: day.Month() == first.Month(),
				DayOff: dayOff(cal, day), Visits: byDay[key]})
		}
		m.Weeks = append(m.Weeks, week)
	}
	teams, err := h.teams.List(c.Request().Context())
	if err != nil {
		return err
	}
	if m.Teams, m.Kecamatan, err = h.filterOptions(c, scope, teams); err != nil {
		return err
	}
	return render(c, http.StatusOK, page(c, "Jadwal bulanan", "jadwal"), visitpage.MonthPage(m))
}
