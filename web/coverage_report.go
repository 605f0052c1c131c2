package web

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/progress"
	"jemputbola/templates/coveragepage"
)

// reportGaps is how many kecamatan with the largest gap the report lists.
const reportGaps = 5

// report is the one-page A4 monthly report for the Bupati and the province.
func (h *coverageHandlers) report(c echo.Context) error {
	ctx, now := c.Request().Context(), h.now()
	month, err := time.ParseInLocation("2006-01", c.QueryParam("bulan"), now.Location())
	if err != nil {
		month = now
	}
	m, err := h.cache.Month(ctx, month, now)
	if err != nil {
		return err
	}
	k := m.Coverage.Kabupaten
	v := coveragepage.Report{Month: m.Start, End: m.End, Today: now, Current: m.Current, Kabupaten: k.Name,
		Row: k.Row, Projection: m.Projection, Breakdown: m.Breakdown}
	for _, g := range progress.LargestGaps(m.Coverage.Kecamatan, reportGaps) {
		v.Gaps = append(v.Gaps, coveragepage.ReportGap{Name: g.Name, CoverageBP: g.CoverageBP, Gap: g.Gap})
	}
	if v.Office, err = h.settings.Office(ctx); err != nil {
		return err
	}
	for m := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, now.Location()); len(v.Months) < 12; m = m.AddDate(0, -1, 0) {
		v.Months = append(v.Months, m)
	}
	return render(c, http.StatusOK, page(c, "Laporan bulanan", "cakupan"), coveragepage.ReportPage(v))
}
