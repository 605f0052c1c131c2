// Package homepage renders Beranda: what this person must do today, by role.
//
// The page takes the view models below, built by web/home.go; every figure
// arrives formatted, every link built.
package homepage

import "jemputbola/templates/components"

// View is everything Beranda may show; each role sees its own sections.
type View struct {
	Name      string
	Today     string // the date, spelled out
	Operator  bool   // the operator's sections: their teams' visits and teams
	ShowGaps  bool   // ketua tim and kepala dinas: the desa to visit next
	CanPlan   bool
	CanManage bool
	Teams     []TeamLine
	Upcoming  []Upcoming // the user's teams' visits from today on
	SentBack  []components.SentBack
	Progress  Progress
	TopGaps   []GapRow // desa with the largest gap to target
	Recent    []Change
	Counts    Counts
}

// Upcoming is one visit of the user's teams.
type Upcoming struct {
	Href       string
	Day, Hours string // "Rabu, 2 Desember 2026", "08.00–12.00"
	SiteName   string
	DesaName   string
	TeamName   string
	Status     string
}

// Change is one line of the audit trail.
type Change struct {
	When, Username, What string
	Href                 string // the page of the thing changed, "" for none
}

// Progress is the kabupaten's coverage against its target.
type Progress struct {
	Name                          string
	Recorded, Activated, Coverage string
	Target, TargetCount, Gap      string
	Demo                          bool // some figures are demo figures
}

// GapRow is one desa far from its target.
type GapRow struct {
	Name      string
	Href      string // its kecamatan's Wilayah page
	Activated string
	Coverage  string
	Gap       string
}

// TeamLine is one team the user leads or works in.
type TeamLine struct {
	Href string
	Name string
}

// Counts are the installation's totals, for the admin.
type Counts struct {
	Users, Teams, Sites string
}
