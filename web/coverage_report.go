package web

import (
	"cmp"
	"net/http"
	"slices"
	"time"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/coverage"
	"jemputbola/internal/progress"
	"jemputbola/internal/region"
	"jemputbola/templates/coveragepage"
)

// reportGaps is how many kecamatan with the largest gap the report lists.
const reportGaps = 5

// report is the one-page A4 monthly report for the Bupati and the province.
func (h *coverageHandlers) report(c echo.Context) error {
	ctx, now := c.Request().Context(), h.now()
	month, err := time.ParseInLocation("2006-01", c.QueryParam("bulan"), now.Location())
	if err != nil || month.After(now) {
		month = time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, now.Location())
	}
	end := month.AddDate(0, 1, -1)
	if end.After(now) {
		end = now
	}
	cov, err := h.progress.Coverage(ctx, month.Year())
	if err != nil {
		return err
	}
	s, err := h.progress.Series(ctx, month, "")
	if err != nil {
		return err
	}
	v := coveragepage.Report{Month: month, End: end, Today: now, Coverage: cov, Current: end.Equal(now)}
	v.Activated = s.At(end)
	v.Row = coverage.NewRow(coverage.Figures{WajibKTP: cov.Kabupaten.WajibKTP, Recorded: cov.Kabupaten.Recorded, Activated: v.Activated}, cov.TargetBP)
	v.Projection = progress.Project(s, v.Row.Gap, end)
	if v.Breakdown, err = h.progress.Breakdown(ctx, month.Format(time.DateOnly), end.Format(time.DateOnly)); err != nil {
		return err
	}
	if v.Office, err = h.settings.Office(ctx); err != nil {
		return err
	}
	v.Gaps = largestKecamatanGaps(cov, reportGaps)
	for m := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, now.Location()); len(v.Months) < 12; m = m.AddDate(0, -1, 0) {
		v.Months = append(v.Months, m)
	}
	return render(c, http.StatusOK, page(c, "Laporan bulanan", "cakupan"), coveragepage.ReportPage(v))
}

// largestKecamatanGaps returns the n kecamatan furthest from their target.
func largestKecamatanGaps(cov progress.Coverage, n int) []region.Row {
	ks := slices.Clone(cov.Kecamatan)
	slices.SortStableFunc(ks, func(a, b region.Row) int { return cmp.Compare(b.Gap, a.Gap) })
	return ks[:min(n, len(ks))]
}
