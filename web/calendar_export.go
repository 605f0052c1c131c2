package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/export"
	"jemputbola/internal/office"
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

func attachment(c echo.Context, name, contentType string, body []byte) error {
	c.Response().Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	return c.Blob(http.StatusOK, contentType, body)
}

// csvLocale is the CSV locale the signed-in user's office picked, also when
// a province user downloads one of its kab/kota's tables.
func csvLocale(c echo.Context) export.Locale {
	if ownOffice(c).CSVLocale == office.CSVInternational {
		return export.International
	}
	return export.Indonesian
}

func (h *visitHandlers) exportICS(c echo.Context) error {
	monday, vs, err := h.weekVisits(c)
	if err != nil {
		return err
	}
	return attachment(c, "jadwal-"+monday.Format(time.DateOnly)+".ics", "text/calendar; charset=utf-8", export.ICS(vs, time.Now()))
}

func (h *visitHandlers) exportCSV(c echo.Context) error {
	monday, vs, err := h.weekVisits(c)
	if err != nil {
		return err
	}
	body, err := export.CSV(vs, csvLocale(c))
	if err != nil {
		return err
	}
	return attachment(c, "jadwal-"+monday.Format(time.DateOnly)+".csv", "text/csv; charset=utf-8", body)
}

func (h *visitHandlers) exportXLSX(c echo.Context) error {
	monday, vs, err := h.weekVisits(c)
	if err != nil {
		return err
	}
	body, err := export.XLSX(vs)
	if err != nil {
		return err
	}
	return attachment(c, "jadwal-"+monday.Format(time.DateOnly)+".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body)
}
