// Package coveragepage renders Cakupan: the kepala dinas's dashboard of
// progress toward the IKD target, the coverage map, the desa table and page,
// the import of official figures, reconciliation and the monthly report.
package coveragepage

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"jemputbola/internal/chart"
	"jemputbola/internal/coverage"
	"jemputbola/internal/figimport"
	"jemputbola/internal/geo"
	"jemputbola/internal/locale"
	"jemputbola/internal/progress"
	"jemputbola/internal/region"
	"jemputbola/internal/result"
	"jemputbola/internal/settings"
	"jemputbola/internal/site"
	"jemputbola/internal/visit"

	"github.com/a-h/templ"
)

// MapDesa is one desa on the map.
type MapDesa struct {
	Row   region.Row
	Shape geo.Shape
	Class string // c0..c4: share of the target reached
}

// Marker is a dot on the map: a site or a planned visit.
type Marker struct {
	X, Y  float64
	Title string
	Href  string // "" for no link
}

// Map is the choropleth with its overlays.
type Map struct {
	Width, Height          float64
	Desa                   []MapDesa
	ShowSites, ShowPlanned bool
	Sites, Planned         []Marker
}

// Dashboard is the Cakupan page.
type Dashboard struct {
	Coverage   progress.Coverage
	Year       int
	Trend      chart.Chart
	Projection progress.Projection
	Breakdown  progress.Breakdown
	Map        Map

	Kecamatan Sorter    // the kecamatan table's order
	KecRows   []DesaRow // kecamatan with their visits done and latest visit

	ThisWeek, ThisMonth            int64 // field activations
	FieldVerified, FieldUnverified int64 // field activations after the official figures
	CSRF                           string
	CanTarget                      bool // kepala dinas and admin may change the target
}

// Legend classes, by the share of its target a desa has reached.
var Legend = []struct{ Class, Label string }{
	{"c0", "< 25% target"}, {"c1", "25–50%"}, {"c2", "50–75%"}, {"c3", "75–100%"}, {"c4", "target tercapai"},
}

func f(v float64) string { return chart.Num(v) }

func title(d MapDesa) string {
	return d.Row.Name + ": cakupan " + locale.Pct(d.Row.CoverageBP) + ", " + locale.Int(d.Row.Activated) + " dari target " + locale.Int(d.Row.TargetCount) + " (selisih " + locale.Int(d.Row.Gap) + ")"
}

// DesaHref is the page of one desa.
func DesaHref(code string) string { return "/cakupan/desa/" + code }

// perVisit formats activations per visit with one decimal, Indonesian style.
func perVisit(t progress.Tally) string {
	return strings.Replace(strconv.FormatFloat(t.PerVisit(), 'f', 1, 64), ".", ",", 1)
}

// reasonLabel names the reason at index i of result.Reasons, "—" for none.
func reasonLabel(i int) string {
	if i < 0 {
		return "—"
	}
	return result.Reasons[i].Label
}

func kindLabel(k string) string { return site.Kind(k).Label() }

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func i64(n int64) string { return locale.Int(n) }

// pctInput writes basis points for an input field: 3000 → "30", 2750 → "27,5".
func pctInput(bp int64) string {
	s := strconv.FormatInt(bp/100, 10)
	if frac := bp % 100; frac != 0 {
		s += "," + strings.TrimRight(strconv.FormatInt(frac+100, 10)[1:], "0")
	}
	return s
}

// perDay formats a daily rate with one decimal, Indonesian style.
func perDay(v float64) string {
	return strings.Replace(strconv.FormatFloat(v, 'f', 1, 64), ".", ",", 1)
}

// DesaRow is one line of the desa table.
type DesaRow struct {
	Row       region.Row
	Kecamatan string
	Activity  progress.Desa
}

// Sorter makes a table's column heads links that sort it.
type Sorter struct {
	Base string // the page's address with its other parameters, ending in ? or &
	Sort string
	Desc bool
}

// DesaTable is the sortable table of desa.
type DesaTable struct {
	Sorter
	Overview region.Overview
	Year     int
	Kec      string // kecamatan code filter, "" for all
	KecName  string
	Rows     []DesaRow
}

// sortHref links a column head: the same column flips direction.
func (t Sorter) sortHref(col string) templ.SafeURL {
	dir := "turun"
	if col == t.Sort && t.Desc {
		dir = "naik"
	}
	return templ.SafeURL(t.Base + "urut=" + col + "&arah=" + dir)
}

// sortMark shows which column sorts the table and which way.
func (t Sorter) sortMark(col string) string {
	switch {
	case col != t.Sort:
		return ""
	case t.Desc:
		return " ▼"
	}
	return " ▲"
}

// ariaSort is the column's aria-sort value.
func (t Sorter) ariaSort(col string) string {
	switch {
	case col != t.Sort:
		return "none"
	case t.Desc:
		return "descending"
	}
	return "ascending"
}

// DesaVisit is a visit with its result, on the desa page.
type DesaVisit struct {
	Visit     visit.Detail
	Result    result.Result
	HasResult bool
}

// DesaView is the page of one desa.
type DesaView struct {
	Row        region.Row
	Kecamatan  region.Row
	Year       int
	TargetBP   int64
	Activity   progress.Desa
	Figures    []region.Figure
	Trend      chart.Chart
	Sites      []site.Row
	Visits     []DesaVisit
	VisitTotal int
}

func kindName(k string) string {
	if k == "kelurahan" {
		return "Kelurahan"
	}
	return "Desa"
}

func sourceLabel(s string) string {
	if s == region.SourceDemo {
		return "Demo"
	}
	return "Impor resmi"
}

// ImportForm is the import page: the form, the problems of a refused file and
// the history of imports.
type ImportForm struct {
	CSRF     string
	AsOf     string
	FileName string
	Problems figimport.Errors
	History  []region.Import
}

// maxProblems bounds the problems listed; the rest are counted.
const maxProblems = 200

func (f ImportForm) shown() figimport.Errors { return f.Problems[:min(len(f.Problems), maxProblems)] }

// ReconcileRow compares one desa's field logs with its official change.
type ReconcileRow struct {
	Code, Name, Kecamatan string
	Field                 int64 // activations logged in the field between the dates
	Official              int64 // change of the official IKD count between the dates
	Difference            int64 // Official − Field
	Comparable            bool  // the desa has a figure on both dates
	Flagged               bool  // |Difference| > threshold
}

// Reconcile is the reconciliation page.
type Reconcile struct {
	Dates     []string // official figure dates, newest first
	From, To  string
	Threshold int64
	Rows      []ReconcileRow
	Flagged   int
	Error     string
}

// verdict explains a flagged difference.
func verdict(r ReconcileRow) string {
	switch {
	case !r.Comparable:
		return "Tidak ada angka resmi pada kedua tanggal"
	case !r.Flagged:
		return "Sesuai"
	case r.Difference < 0:
		return "Lapangan mencatat lebih banyak dari kenaikan resmi: periksa kemungkinan pencatatan berlebih"
	}
	return "Kenaikan resmi lebih besar dari catatan lapangan: aktivasi di loket atau hasil lapangan belum dicatat"
}

func signed(n int64) string {
	if n > 0 {
		return "+" + locale.Int(n)
	}
	return locale.Int(n)
}

// Report is the monthly report.
type Report struct {
	Month, End, Today time.Time
	Current           bool // the month is still running: End is today
	Months            []time.Time
	Office            settings.Office
	Kabupaten         string       // its name
	Row               coverage.Row // the kabupaten at End
	Projection        progress.Projection
	Breakdown         progress.Breakdown
	Gaps              []ReportGap // the kecamatan furthest from their target
}

// ReportGap is one kecamatan far from its target.
type ReportGap struct {
	Name       string
	CoverageBP int64
	Gap        int64
}

func monthName(t time.Time) string { return locale.Month(t.Month()) + " " + strconv.Itoa(t.Year()) }

// reasonCount is one failure reason with its count, for the report.
type reasonCount struct {
	Label string
	Count int64
}

// topReasons lists the reasons that turned residents away, most first.
func topReasons(t progress.Tally) []reasonCount {
	var rs []reasonCount
	for i, n := range t.Failures {
		if n > 0 {
			rs = append(rs, reasonCount{result.Reasons[i].Label, n})
		}
	}
	slices.SortStableFunc(rs, func(a, b reasonCount) int { return cmp.Compare(b.Count, a.Count) })
	return rs
}
