package web

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/locale"
	"jemputbola/templates/coveragepage"
)

// defaultThreshold is the difference, in people, that gets highlighted.
const defaultThreshold = 10

// reconcile sets, per desa, the field activations logged between two official
// figure dates beside the change in the official IKD count, so the office sees
// where field logs and official data disagree (progress.Reconcile).
func (h *coverageHandlers) reconcile(c echo.Context) error {
	ctx := c.Request().Context()
	dates, err := h.regions.FigureDates(ctx)
	if err != nil {
		return err
	}
	v := coveragepage.Reconcile{Dates: dates}
	threshold := int64(defaultThreshold)
	if n, err := strconv.ParseInt(c.QueryParam("ambang"), 10, 64); err == nil && n >= 0 {
		threshold = n
	}
	v.Threshold, v.ThresholdText = strconv.FormatInt(threshold, 10), locale.Int(threshold)
	if len(dates) < 2 {
		return render(c, http.StatusOK, page(c, "Rekonsiliasi", "cakupan"), coveragepage.ReconcilePage(v))
	}
	v.From, v.To = dates[1], dates[0]
	if q := c.QueryParam("dari"); slices.Contains(dates, q) {
		v.From = q
	}
	if q := c.QueryParam("sampai"); slices.Contains(dates, q) {
		v.To = q
	}
	if v.From >= v.To {
		v.Error = "Tanggal awal harus sebelum tanggal akhir."
		return render(c, http.StatusUnprocessableEntity, page(c, "Rekonsiliasi", "cakupan"), coveragepage.ReconcilePage(v))
	}
	r, err := h.cache.Reconciliation(ctx, now(c), v.From, v.To, threshold)
	if err != nil {
		return err
	}
	v.Flagged = r.Flagged
	for _, row := range r.Rows {
		v.Rows = append(v.Rows, coveragepage.ReconcileRow{Href: desaHref(row.Code), Name: row.Name, Kecamatan: row.Kecamatan,
			Field: locale.Int(row.Field), Official: signed(row.Official), Difference: signed(row.Difference),
			Comparable: row.Comparable, Flagged: row.Flagged, Verdict: reconcileVerdict(row)})
	}
	return render(c, http.StatusOK, page(c, "Rekonsiliasi", "cakupan"), coveragepage.ReconcilePage(v))
}
