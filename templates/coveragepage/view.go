// Package coveragepage renders Cakupan: the kepala dinas's dashboard of
// progress toward the IKD target, the coverage map, the desa table and page,
// the import of official figures, reconciliation and the monthly report.
//
// The pages take the view models below, built by web/coverage*.go from the
// coverage read model; every figure arrives formatted, every link built.
package coveragepage

import (
	"net/url"

	"github.com/a-h/templ"

	"jemputbola/internal/chart"
	"jemputbola/templates/letterpage"
	"jemputbola/web/paths"
)

// Basis says which official figures the numbers build on.
type Basis struct {
	Year   string // the target's year
	Target string // the target in words: "30% dari perekaman KTP-el" or "67.802 orang"
	AsOf   string // newest official figure date, "" without figures
	Demo   bool   // some figures are demo figures
}

// Figures is one region's coverage against its target.
type Figures struct {
	Name                                                    string
	Recorded, Activated, Coverage, Target, TargetCount, Gap string
}

// MapDesa is one desa on the map.
type MapDesa struct {
	Code, Href, Name string
	Figures          string // its coverage in a sentence, shown on hover and in the panel a tap opens
	Class            string // c0..c4: the class of its share of the target (coverage.Classes)
	Path             string // the boundary; "" for a dot at X, Y
	X, Y             float64
}

// LegendItem is one colour class of the map.
type LegendItem struct{ Class, Label string }

// Marker is a dot on the map: a site or a planned visit.
type Marker struct {
	X, Y  float64
	Title string
	Href  string // "" for no link
}

// Map is the choropleth with its overlays.
type Map struct {
	ByKabKota              bool // a province's map: its kab/kota, not desa
	Width, Height          float64
	Desa                   []MapDesa
	Legend                 []LegendItem // the colour classes, lowest first
	Labels                 []Marker     // kecamatan (a province: kab/kota) names at their centres
	ShowSites, ShowPlanned bool
	Sites, Planned         []Marker
}

// MapView is the map on its own page.
type MapView struct {
	Basis
	Kabupaten  string
	Map        Map
	Letterhead letterpage.Office // printed above the map
}

// Projection is where the current pace leads.
type Projection struct {
	Reached          bool   // no gap left
	Behind           bool   // a gap is left
	Last28, PerDay   string // activations in the last 28 days, and per day
	ReachedOn        string // the day the target is reached at this pace, "" when not in sight
	NeededPerDay     string
	NeededPerWorkday string
	WorkdaysLeft     string
}

// Failure is one reason's count in a row of the kendala table.
type Failure struct {
	Count string
	Top   bool // the row's most frequent reason
}

// Tally is what a group of visits achieved: a site kind, a team, a kecamatan.
type Tally struct {
	Name, Href                  string // Href "" for no link
	Visits, Served, Activations string
	PerVisit                    string // activations per visit
	TopReason                   string // the most frequent failure, "—" for none
	Failures                    []Failure
}

// ReasonCount is one failure reason with its count.
type ReasonCount struct {
	Label, Count string
}

// Breakdown splits the visits done by site kind, team and kecamatan.
type Breakdown struct {
	Kinds      []Tally // every site kind, in display order
	Teams      []Tally
	Kecamatan  []Tally
	Total      Tally
	Reasons    []string      // failure reason labels, the kendala table's columns
	AnyFailed  bool          // somebody was turned away
	TopReasons []ReasonCount // the reasons that turned residents away, most first
}

// Dashboard is the Cakupan page.
type Dashboard struct {
	Basis
	Kabupaten  Figures
	Trend      chart.Chart
	Projection Projection
	Breakdown  Breakdown
	Map        Map

	Kecamatan Sorter     // the parts table's order
	KecRows   []DesaRow  // kecamatan (a province: kab/kota) with their visits done and latest visit
	ByKabKota bool       // a province: the table and map show its kab/kota
	Homes     []HomeLine // a province: out-of-area residents by the kab/kota they live in

	ThisWeek, ThisMonth            string // field activations
	FieldVerified, FieldUnverified string // field activations after the official figures
	OutOfArea                      string // of residents of other desa, counted for none
	Desk                           string // at the loket after the official figures
	CanTarget                      bool   // kepala dinas and admin may change the target
	PartsOpen                      bool   // the kecamatan table shows open: it was just sorted
	Today                          string // ISO day, where the results download ends unless changed
}

func f(v float64) string { return chart.Num(v) }

// DesaRow is one line of the desa table, or of the dashboard's kecamatan table.
type DesaRow struct {
	Figures
	Href       string // the desa page, or the kecamatan's desa table
	Kecamatan  string
	VisitsDone string
	LastVisit  string // "—" for none
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
	Basis
	Kec     string // kecamatan code filter, "" for all
	KecName string
	Query   string    // the search, "" for none
	Rows    []DesaRow // this page's
	Total   int       // desa that match, on every page
	Page    int
	Pages   int
}

// sortHref links a column head: the same column flips direction.
func (t Sorter) sortHref(col string) templ.SafeURL {
	dir := "turun"
	if col == t.Sort && t.Desc {
		dir = "naik"
	}
	return templ.SafeURL(t.Base + "urut=" + col + "&arah=" + dir)
}

// clearSearch is the table without its search, its kecamatan kept.
func (t DesaTable) clearSearch() string {
	if t.Kec != "" {
		return paths.CoverageDesa + "?kec=" + url.QueryEscape(t.Kec)
	}
	return paths.CoverageDesa
}

// searchNote says what the count is of, when a search narrows it.
func (t DesaTable) searchNote() string {
	if t.Query == "" {
		return ""
	}
	return " cocok dengan \"" + t.Query + "\""
}

// pageBase is the address of the table in its order, ready for a page number.
func (t Sorter) pageBase() string {
	dir := "naik"
	if t.Desc {
		dir = "turun"
	}
	return t.Base + "urut=" + t.Sort + "&arah=" + dir + "&"
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

// FigureLine is one official figure in a desa's history.
type FigureLine struct {
	AsOf, WajibKTP, Recorded, Activated string
	Source                              string // "Impor resmi" or "Demo"
}

// SiteLine is one lokasi sasaran of a desa.
type SiteLine struct {
	Name, Kind, Eligible, Address string
}

// DesaVisit is a visit with its result, on the desa page.
type DesaVisit struct {
	Href, Day, SiteName, TeamName, Status string
	HasResult                             bool
	Activations, PeopleServed             string
	Verification                          string
}

// DesaView is the page of one desa.
type DesaView struct {
	Figures
	Code          string
	Kind          string // "Desa" or "Kelurahan"
	Kecamatan     string
	KecamatanHref string // the kecamatan's desa table
	PlanHref      string // a new visit in the kecamatan; "" for who may not plan here
	Year, Target  string
	VisitsDone    string
	AsOf          string       // the newest official figure's date, "" without one
	Official      string       // IKD active in that figure
	Field         string       // field activations after it
	Verified      string       // of Field, verified
	History       []FigureLine // official figures, oldest first
	Trend         chart.Chart
	Sites         []SiteLine
	Visits        []DesaVisit
	VisitTotal    int // all visits; Visits holds the newest
}

// Problem is one refused line of an uploaded file.
type Problem struct {
	Line    int // 0 for the file as a whole
	Message string
}

// ImportLine is one past import.
type ImportLine struct {
	At, AsOf, FileName, Rows, Replaced, Username string
}

// ImportForm is the import page: the form, the problems of a refused file and
// the history of imports.
type ImportForm struct {
	CSRF         string
	AsOf         string
	FileName     string
	Problems     []Problem // the first of them
	ProblemCount int       // all of them
	History      []ImportLine
}

// TargetForm is the page that sets the office's target for this year or the next.
type TargetForm struct {
	CSRF     string
	Years    []TargetYear
	Year     string // the year the form is for
	Value    string // as typed: "30", "27,5", "67.802"
	Count    bool   // the value is a number of residents, not a share
	Recorded string // e-KTP recorded, which a share is of
	Error    string // the value's problem, "" for none
}

// TargetYear is the target in force for one year.
type TargetYear struct{ Year, Target string }

// ImportPreview is a checked file before it is stored: what it will change.
type ImportPreview struct {
	CSRF, Store, Drop string // the token; where the store and cancel buttons post
	FileName, AsOf    string // AsOf in words
	Desa              string // rows, formatted
	Replacing         string // desa whose figures of the same date it replaces
	OldIKD, NewIKD    string // IKD over the file's desa: before the date, and in the file
	Rows              []PreviewRow
	More              int // rows not listed
	Skipped           []SkippedLine
	FormulaNote       string
}

// PreviewRow is one desa of a previewed file: its figures before and after.
type PreviewRow struct {
	Code, Name, Kecamatan               string
	OldAsOf, OldRecorded, OldActivated  string // "—" for a desa without figures yet
	NewWajib, NewRecorded, NewActivated string
	Change                              string // of IKD, signed; "" without old figures
	Replaces                            bool   // old figures of the same date go
}

// SkippedLine is a line of the file passed over, and why.
type SkippedLine struct{ Line, Reason string }

// ReconcileRow compares one desa's field logs with its official change.
type ReconcileRow struct {
	Href, Name, Kecamatan string
	Field                 string // activations logged in the field between the dates
	Official              string // change of the official IKD count between the dates, signed
	Difference            string // Official − Field, signed
	Comparable            bool   // the desa has a figure on both dates
	Flagged               bool   // |Difference| > threshold
	Verdict               string
}

// Reconcile is the reconciliation page.
type Reconcile struct {
	Dates         []string // official figure dates, newest first
	From, To      string
	Threshold     string // as typed in its field
	ThresholdText string // formatted for the sentence
	Rows          []ReconcileRow
	Flagged       int
	Error         string
}

// MonthOption is one month the report can show.
type MonthOption struct {
	Value, Label string
	Selected     bool
}

// Report is the monthly report.
type Report struct {
	Month      string // "November 2026"
	End        string // the day the figures are of
	EndYear    string
	Today      string
	Months     []MonthOption
	Office     letterpage.Office // the letterhead and signatory
	Kabupaten  string            // its name
	Row        Figures           // the kabupaten at End
	Projection Projection
	Breakdown  Breakdown
	OutOfArea  string    // activations of residents of other desa, counted for none
	Desk       string    // activations at the loket after the official figures
	Gaps       []Figures // the kecamatan (a province: kab/kota) furthest from their target
	ByKabKota  bool      // a province's report
}

// mapUnit names what a map's shapes are.
func mapUnit(m Map) string {
	if m.ByKabKota {
		return "kabupaten/kota"
	}
	return "desa/kelurahan"
}

// gapUnit names the rows of the report's gap table.
func gapUnit(r Report) string {
	if r.ByKabKota {
		return "Kabupaten/kota"
	}
	return "Kecamatan"
}

// HomeLine is one kab/kota's residents served out of their own desa.
type HomeLine struct {
	Name, Count string
}
