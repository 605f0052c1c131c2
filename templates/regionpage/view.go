// Package regionpage renders the Wilayah pages: kecamatan list and desa list.
package regionpage

// Figures is one region's line: its population counts and coverage against
// the target.
type Figures struct {
	Code, Name  string
	Kelurahan   bool // desa rows: a kelurahan rather than a desa
	DesaCount   int  // kecamatan and kabupaten rows
	HasFigure   bool // desa rows: some figure exists
	WajibKTP    int64
	Recorded    int64
	Activated   int64
	CoverageBP  int64
	TargetCount int64
	Gap         int64
}

// Basis says what the figures build on.
type Basis struct {
	Year     int
	TargetBP int64
	AsOf     string // newest figure date, "" without figures
	Demo     bool
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
