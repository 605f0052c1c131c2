// Package homepage renders Beranda: what this person must do today, by role.
package homepage

import (
	"time"

	"jemputbola/internal/audit"
	"jemputbola/internal/visit"
)

// View is everything Beranda may show; each role sees its own sections.
type View struct {
	Name      string
	Today     time.Time
	Zone      *time.Location
	Role      string // auth role value
	CanPlan   bool
	CanManage bool
	Teams     []TeamLine
	Upcoming  []visit.Detail // the user's teams' visits from today on
	Progress  Progress
	TopGaps   []GapRow // desa with the largest gap to target
	Recent    []audit.Entry
	Counts    Counts
}

// Progress is the kabupaten's coverage against its target.
type Progress struct {
	Name                            string
	Recorded, Activated, CoverageBP int64
	TargetBP, TargetCount, Gap      int64
	Demo                            bool // some figures are demo figures
}

// GapRow is one desa far from its target.
type GapRow struct {
	Name          string
	KecamatanCode string // its Wilayah page
	Activated     int64
	CoverageBP    int64
	Gap           int64
}

// TeamLine is one team the user leads or works in.
type TeamLine struct {
	ID        int64
	Name      string
	Operators int
	Capacity  int
}

// Counts are the installation's totals, for the admin.
type Counts struct {
	Users, Teams, Sites int64
}
