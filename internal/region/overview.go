package region

import (
	"context"

	"jemputbola/internal/coverage"
)

// Row is one region with its coverage against target.
type Row struct {
	Region
	coverage.Row
	DesaCount int    // kecamatan and kabupaten rows: how many desa they hold
	HasFigure bool   // desa rows: an official (or demo) figure exists
	AsOf      string // desa rows: date of the newest official figure, "" without one
	Official  int64  // IKD activated in the newest official figures
	Field     int64  // activations logged in the field after those figures' dates
}

// Overview is the coverage of the whole kabupaten, its kecamatan and desa.
type Overview struct {
	Kabupaten Row
	Kecamatan []Row
	Desa      map[string][]Row // by kecamatan code, in code order
	AsOf      string           // newest figure date, "" when there are none
	Demo      bool             // some figures are demo figures
	TargetBP  int64
}

// Overview sums the newest figure of every desa up to kecamatan and kabupaten
// and applies the kabupaten's target for year. field holds, per desa code, the
// activations logged in the field after that desa's newest figure: a desa's
// IKD count is its official count plus those (nil: official counts only).
// 156 desa: done in memory.
func (s *Store) Overview(ctx context.Context, year int, field map[string]int64) (Overview, error) {
	figs, err := s.LatestFigures(ctx)
	if err != nil {
		return Overview{}, err
	}
	return s.overview(ctx, year, figs, field)
}

// OverviewOn is Overview as it stood at the end of day asOf (YYYY-MM-DD):
// each desa at its newest figure on or before that day.
func (s *Store) OverviewOn(ctx context.Context, year int, asOf string, field map[string]int64) (Overview, error) {
	figs, err := s.FiguresOn(ctx, asOf)
	if err != nil {
		return Overview{}, err
	}
	return s.overview(ctx, year, figs, field)
}

// overview rolls figs (by desa code) plus field up to kecamatan and kabupaten.
func (s *Store) overview(ctx context.Context, year int, figs map[string]Figure, field map[string]int64) (Overview, error) {
	var o Overview
	regions, err := s.All(ctx)
	if err != nil {
		return o, err
	}
	sums := map[string]coverage.Figures{}
	official := map[string]int64{}
	counts := map[string]int{}
	o.Desa = map[string][]Row{}
	var kab Region
	var kecs []Region
	for _, r := range regions {
		switch r.Level {
		case LevelKabKota:
			kab = r
		case LevelKecamatan:
			kecs = append(kecs, r)
		}
	}
	if o.TargetBP, err = s.TargetBP(ctx, kab.Code, year); err != nil {
		return o, err
	}
	for _, r := range regions {
		if r.Level != LevelDesa || r.ParentCode == nil {
			continue
		}
		f, ok := figs[r.Code]
		if ok && f.AsOf > o.AsOf {
			o.AsOf = f.AsOf
		}
		o.Demo = o.Demo || (ok && f.Source == SourceDemo)
		kec := *r.ParentCode
		figs := f.Figures()
		figs.Activated += field[r.Code]
		sums[kec] = sums[kec].Add(figs)
		official[kec] += f.IkdActivated
		counts[kec]++
		o.Desa[kec] = append(o.Desa[kec], Row{Region: r, Row: coverage.NewRow(figs, o.TargetBP), HasFigure: ok,
			AsOf: f.AsOf, Official: f.IkdActivated, Field: field[r.Code]})
	}
	var total coverage.Figures
	var totalOfficial int64
	desa := 0
	for _, k := range kecs {
		total = total.Add(sums[k.Code])
		totalOfficial += official[k.Code]
		desa += counts[k.Code]
		o.Kecamatan = append(o.Kecamatan, Row{Region: k, Row: coverage.NewRow(sums[k.Code], o.TargetBP), DesaCount: counts[k.Code],
			Official: official[k.Code], Field: sums[k.Code].Activated - official[k.Code]})
	}
	o.Kabupaten = Row{Region: kab, Row: coverage.NewRow(total, o.TargetBP), DesaCount: desa,
		Official: totalOfficial, Field: total.Activated - totalOfficial}
	return o, nil
}
