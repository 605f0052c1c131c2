// Package regionpage renders the Wilayah pages: kecamatan list and desa list.
//
// The pages take the view models below, built by web/region.go from the
// coverage read model; every figure arrives formatted, every link built.
package regionpage

// Figures is one region's line: its population counts and coverage against
// the target.
type Figures struct {
	Code, Name  string
	Href        string // kecamatan rows: their desa list
	Kelurahan   bool   // desa rows: a kelurahan rather than a desa
	DesaCount   string // kecamatan and kabupaten rows
	HasFigure   bool   // desa rows: some figure exists
	WajibKTP    string
	Recorded    string
	Activated   string
	Coverage    string
	TargetCount string
	Gap         string
	Reached     int64 // share of the target reached, 0..100, for the bar
}

// Basis says what the figures build on.
type Basis struct {
	Year   string
	Target string // the target, "30%"
	AsOf   string // newest figure date, "" without figures
	Demo   bool
}

// Kecamatan is the view of the kabupaten's kecamatan.
type Kecamatan struct {
	Basis
	Kabupaten Figures
	Rows      []Figures
}

// Desa is the view of one kecamatan's desa.
type Desa struct {
	Basis
	Kecamatan Figures
	Rows      []Figures
}
