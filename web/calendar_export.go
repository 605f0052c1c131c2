package web

import (
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/export"
	"jemputbola/internal/visit"
)

// weekVisits returns the visits of the ?week= week the user may see, for exports.
func (h *visitHandlers) weekVisits(c echo.Context) (time.Time, []visit.Detail, error) {
	monday := weekStart(c.QueryParam("week"), now(c))
	scope, err := teamScope(c, h.teams)
	if err != nil {
		return monday, nil, err
	}
	f := visit.Filter{From: monday.Format(time.DateOnly), To: monday.AddDate(0, 0, 6).Format(time.DateOnly), TeamIDs: scope, IncludeCancelled: true}
	f.TeamID, _ = strconv.ParseInt(c.QueryParam("team_id"), 10, 64)
	vs, err := h.visits.List(c.Request().Context(), f)
	return monday, vs, err
}

func (h *visitHandlers) exportICS(c echo.Context) error {
	monday, vs, err := h.weekVisits(c)
	if err != nil {
		return err
	}
	return attachment(c, "jadwal-"+monday.Format(time.DateOnly)+".ics", "text/calendar; charset=utf-8", export.ICS(vs, time.Now()))
}

func (h *visitHandlers) exportCSV(c echo.Context) error { return h.exportWeek(c, false) }

func (h *visitHandlers) exportXLSX(c echo.Context) error { return h.exportWeek(c, true) }

// exportWeek sends the week's visits as a spreadsheet.
func (h *visitHandlers) exportWeek(c echo.Context, asXLSX bool) error {
	monday, vs, err := h.weekVisits(c)
	if err != nil {
		return err
	}
	return sendTable(c, export.VisitTable(vs), "jadwal-"+monday.Format(time.DateOnly), asXLSX)
}
