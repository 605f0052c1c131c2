package web

import (
	"cmp"
	"net/http"
	"slices"
	"strconv"

	"github.com/labstack/echo/v4"

	"jemputbola/templates/coveragepage"
)

// defaultThreshold is the difference, in people, that gets highlighted.
const defaultThreshold = 10

// reconcile sets, per desa, the field activations logged between two official
// figure dates beside the change in the official IKD count, so the office sees
// where field logs and official data disagree.
func (h *coverageHandlers) reconcile(c echo.Context) error {
	ctx := c.Request().Context()
	dates, err := h.regions.FigureDates(ctx)
	if err != nil {
		return err
	}
	v := coveragepage.Reconcile{Dates: dates, Threshold: defaultThreshold}
	if n, err := strconv.ParseInt(c.QueryParam("ambang"), 10, 64); err == nil && n >= 0 {
		v.Threshold = n
	}
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
	before, err := h.regions.FiguresOn(ctx, v.From)
	if err != nil {
		return err
	}
	after, err := h.regions.FiguresOn(ctx, v.To)
	if err != nil {
		return err
	}
	field, err := h.progress.FieldBetween(ctx, v.From, v.To)
	if err != nil {
		return err
	}
	cov, err := h.coverage(c)
	if err != nil {
		return err
	}
	for _, k := range cov.Kecamatan {
		for _, d := range cov.Overview.Desa[k.Code] {
			b, hasB := before[d.Code]
			a, hasA := after[d.Code]
			r := coveragepage.ReconcileRow{Code: d.Code, Name: d.Name, Kecamatan: k.Name, Field: field[d.Code],
				Comparable: hasA && hasB && a.AsOf > b.AsOf}
			if r.Comparable {
				r.Official = a.IkdActivated - b.IkdActivated
				r.Difference = r.Official - r.Field
				r.Flagged = max(r.Difference, -r.Difference) > v.Threshold
			}
			if r.Flagged {
				v.Flagged++
			}
			v.Rows = append(v.Rows, r)
		}
	}
	// The largest disagreements first; desa without two figures last.
	slices.SortStableFunc(v.Rows, func(a, b coveragepage.ReconcileRow) int {
		if a.Comparable != b.Comparable {
			if a.Comparable {
				return -1
			}
			return 1
		}
		return cmp.Compare(max(b.Difference, -b.Difference), max(a.Difference, -a.Difference))
	})
	return render(c, http.StatusOK, page(c, "Rekonsiliasi", "cakupan"), coveragepage.ReconcilePage(v))
}
