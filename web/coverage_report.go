package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/locale"
	"jemputbola/internal/progress"
	"jemputbola/templates/coveragepage"
)

// reportGaps is how many kecamatan (of a province: kab/kota) with the
// largest gap the report lists.
const reportGaps = 5

// report is the one-page A4 monthly report for the Bupati and the province.
func (h *coverageHandlers) report(c echo.Context) error {
	ctx, now := c.Request().Context(), now(c)
	month, err := time.ParseInLocation("2006-01", c.QueryParam("bulan"), now.Location())
	if err != nil {
		month = now
	}
	cal, err := h.days.Calendar(ctx)
	if err != nil {
		return err
	}
	m, err := h.cache.Month(ctx, month, now, cal.Works)
	if err != nil {
		return err
	}
	k := m.Coverage.Office
	v := coveragepage.Report{Month: monthName(m.Start), End: locale.Date(m.End), EndYear: strconv.Itoa(m.End.Year()), Today: locale.Date(now),
		Kabupaten: k.Name, Row: coverageFigures(k), OutOfArea: locale.Int(m.Coverage.OutOfArea()), Desk: locale.Int(m.Coverage.Desk()), Projection: projectionView(m.Projection), Breakdown: breakdownView(m.Breakdown)}
	parts := m.Coverage.Kecamatan
	if v.ByKabKota = len(m.Coverage.KabKota) > 0; v.ByKabKota {
		parts = m.Coverage.KabKota
	}
	for _, g := range progress.LargestGaps(parts, reportGaps) {
		v.Gaps = append(v.Gaps, coverageFigures(g))
	}
	o, err := h.offices.Current(ctx)
	if err != nil {
		return err
	}
	v.Office = letterheadView(o)
	for mo := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, now.Location()); len(v.Months) < 12; mo = mo.AddDate(0, -1, 0) {
		v.Months = append(v.Months, coveragepage.MonthOption{Value: mo.Format("2006-01"), Label: monthName(mo), Selected: mo.Equal(m.Start)})
	}
	return render(c, http.StatusOK, page(c, "Laporan bulanan", "cakupan"), coveragepage.ReportPage(v))
}

// monthName is "November 2026".
func monthName(t time.Time) string { return locale.Month(t.Month()) + " " + strconv.Itoa(t.Year()) }
