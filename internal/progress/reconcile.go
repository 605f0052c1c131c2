package progress

import (
	"cmp"
	"slices"

	"jemputbola/internal/region"
)

// ReconcileRow sets one desa's field activations logged between two official
// figure dates beside the change of its official IKD count.
type ReconcileRow struct {
	Code, Name, Kecamatan string
	Field                 int64 // activations logged in the field after From up to To
	Official              int64 // change of the official IKD count from From to To
	Difference            int64 // Official − Field
	Comparable            bool  // the desa has a figure on or before both dates, a newer one at To
	Flagged               bool  // |Difference| > the threshold
}

// Reconciliation is every desa's comparison between two figure dates.
type Reconciliation struct {
	From, To  string
	Threshold int64
	Rows      []ReconcileRow // the largest disagreements first; desa without two figures last
	Flagged   int
}

// Reconcile compares, for every desa of cov, the field activations logged
// between two dates (field, by desa code) with the change between its figures
// on those dates (before and after, by desa code, as region.Store.FiguresOn
// returns them), and flags differences of more than threshold people.
func Reconcile(cov Coverage, before, after map[string]region.Figure, field map[string]int64, threshold int64) []ReconcileRow {
	var rows []ReconcileRow
	for _, k := range cov.Kecamatan {
		for _, d := range cov.Overview.Desa[k.Code] {
			b, hasB := before[d.Code]
			a, hasA := after[d.Code]
			r := ReconcileRow{Code: d.Code, Name: d.Name, Kecamatan: k.Name, Field: field[d.Code],
				Comparable: hasA && hasB && a.AsOf > b.AsOf}
			if r.Comparable {
				r.Official = a.IkdActivated - b.IkdActivated
				r.Difference = r.Official - r.Field
				r.Flagged = abs(r.Difference) > threshold
			}
			rows = append(rows, r)
		}
	}
	slices.SortStableFunc(rows, func(a, b ReconcileRow) int {
		if a.Comparable != b.Comparable {
			if a.Comparable {
				return -1
			}
			return 1
		}
		return cmp.Compare(abs(b.Difference), abs(a.Difference))
	})
	return rows
}

func abs(n int64) int64 { return max(n, -n) }
