package region

import (
	"context"

	"jemputbola/internal/coverage"
)

// Row is one region with its coverage against target.
type Row struct {
	Region
	coverage.Row
	DesaCount int  // kecamatan and kabupaten rows: how many desa they hold
	HasFigure bool // desa rows: an official (or demo) figure exists
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
// and applies the kabupaten's target for year. 156 desa: done in memory.
func (s *Store) Overview(ctx context.Context, year int) (Overview, error) {
	var o Overview
	regions, err := s.All(ctx)
	if err != nil {
		return o, err
	}
	figs, err := s.LatestFigures(ctx)
	if err != nil {
		return o, err
	}
	sums := map[string]coverage.Figures{}
	counts := map[string]int{}
	o.Desa = map[string][]Row{}
	var kab Region
	var kecs []Region
	for _, r := range regions {
		switch r.Level {
		case LevelKabupaten:
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
		sums[kec] = sums[kec].Add(f.Figures())
		counts[kec]++
		o.Desa[kec] = append(o.Desa[kec], Row{Region: r, Row: coverage.NewRow(f.Figures(), o.TargetBP), HasFigure: ok})
	}
	var total coverage.Figures
	desa := 0
	for _, k := range kecs {
		total = total.Add(sums[k.Code])
		desa += counts[k.Code]
		o.Kecamatan = append(o.Kecamatan, Row{Region: k, Row: coverage.NewRow(sums[k.Code], o.TargetBP), DesaCount: counts[k.Code]})
	}
	o.Kabupaten = Row{Region: kab, Row: coverage.NewRow(total, o.TargetBP), DesaCount: desa}
	return o, nil
}
