package region

import (
	"context"

	"jemputbola/internal/coverage"
	"jemputbola/internal/scope"
)

// Row is one region with its coverage against target.
type Row struct {
	Region
	coverage.Row
	DesaCount int    // kab/kota, kecamatan and office rows: how many desa they hold
	HasFigure bool   // desa rows: an official (or demo) figure exists
	AsOf      string // desa rows: date of the newest official figure, "" without one
	Official  int64  // IKD activated in the newest official figures
	Field     int64  // activations logged in the field after those figures' dates
}

// Overview is the coverage of an office's area: its own region, a province's
// kab/kota, the kecamatan and the desa.
type Overview struct {
	Office    Row              // the office's own region (kab/kota or provinsi)
	KabKota   []Row            // a province's kab/kota in code order; nil for a kab/kota office
	Kecamatan []Row            // in code order
	Desa      map[string][]Row // by kecamatan code, in code order
	AsOf      string           // newest figure date, "" when there are none
	Demo      bool             // some figures are demo figures
	Target    coverage.Target  // the office's target for the year
	TargetBP  int64            // the target as a share of e-KTP, applied to every part
}

// Overview sums the newest figure of every desa of ctx's office up to
// kecamatan, kab/kota and the office, and applies the office's target for
// year. field holds, per desa code, the activations logged in the field after
// that desa's newest figure: a desa's IKD count is its official count plus
// those (nil: official counts only). A province's 1,513 desa: done in memory.
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

// sum is what a region adds up from its desa.
type sum struct {
	figs     coverage.Figures
	official int64
	desa     int
}

func (a sum) add(b sum) sum {
	return sum{figs: a.figs.Add(b.figs), official: a.official + b.official, desa: a.desa + b.desa}
}

// overview rolls figs (by desa code) plus field up the regions of ctx's office.
func (s *Store) overview(ctx context.Context, year int, figs map[string]Figure, field map[string]int64) (Overview, error) {
	var o Overview
	regions, err := s.All(ctx)
	if err != nil {
		return o, err
	}
	if o.Target, err = s.Target(ctx, year); err != nil {
		return o, err
	}
	byKec := map[string]sum{}
	type desaRow struct {
		r    Region
		f    Figure
		ok   bool
		figs coverage.Figures
	}
	var desas []desaRow
	var total sum
	for _, r := range regions {
		if r.Level != LevelDesa || r.ParentCode == nil {
			continue
		}
		f, ok := figs[r.Code]
		if ok && f.AsOf > o.AsOf {
			o.AsOf = f.AsOf
		}
		o.Demo = o.Demo || (ok && f.Source == SourceDemo)
		c := f.Figures()
		c.Activated += field[r.Code]
		d := sum{figs: c, official: f.IkdActivated, desa: 1}
		byKec[*r.ParentCode] = byKec[*r.ParentCode].add(d)
		total = total.add(d)
		desas = append(desas, desaRow{r, f, ok, c})
	}
	// The target is the office's; its parts carry it as a share of their e-KTP.
	o.TargetBP = o.Target.ShareOf(total.figs.Recorded)
	row := func(r Region, x sum) Row {
		return Row{Region: r, Row: coverage.NewRow(x.figs, o.TargetBP), DesaCount: x.desa,
			Official: x.official, Field: x.figs.Activated - x.official}
	}
	o.Desa = map[string][]Row{}
	for _, d := range desas {
		kec := *d.r.ParentCode
		o.Desa[kec] = append(o.Desa[kec], Row{Region: d.r, Row: coverage.NewRow(d.figs, o.TargetBP), HasFigure: d.ok,
			AsOf: d.f.AsOf, Official: d.f.IkdActivated, Field: field[d.r.Code]})
	}
	byKab := map[string]sum{}
	sc, _ := scope.From(ctx) // All succeeded, so the scope is there
	for _, r := range regions {
		switch {
		case r.Code == sc.Code:
			o.Office = row(r, total)
			o.Office.Row = o.Target.Row(total.figs)
			if r.Level == LevelProvinsi {
				o.Office.Name = "Provinsi " + r.Name // the list names a province by its name alone
			}
		case r.Level == LevelKecamatan:
			o.Kecamatan = append(o.Kecamatan, row(r, byKec[r.Code]))
			if r.ParentCode != nil {
				byKab[*r.ParentCode] = byKab[*r.ParentCode].add(byKec[r.Code])
			}
		}
	}
	if !sc.Province() {
		return o, nil
	}
	// Each kab/kota row shows what its own office shows: against its own target.
	var ts []target
	if err := s.db.WithContext(ctx).Where("region_code LIKE ? AND year = ?", sc.Below(), year).Find(&ts).Error; err != nil {
		return o, err
	}
	targets := map[string]coverage.Target{}
	for _, t := range ts {
		targets[t.RegionCode] = coverage.Target{BP: t.TargetBP, Count: t.TargetCount}
	}
	for _, r := range regions {
		if r.Level == LevelKabKota {
			t, ok := targets[r.Code]
			if !ok {
				t = coverage.DefaultTarget
			}
			kab := row(r, byKab[r.Code])
			kab.Row = t.Row(byKab[r.Code].figs)
			o.KabKota = append(o.KabKota, kab)
		}
	}
	return o, nil
}
