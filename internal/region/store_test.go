package region_test

import (
	"context"
	"testing"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/dbtest"
	"jemputbola/internal/region"
)

func seedDemoFigures(t *testing.T, g *gorm.DB, asOf string) {
	t.Helper()
	rs, err := region.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var fs []region.Figure
	for _, d := range region.DemoFigures(rs) {
		fs = append(fs, region.Figure{DesaCode: d.DesaCode, AsOf: asOf, WajibKTP: d.WajibKTP,
			EktpRecorded: d.Recorded, IkdActivated: d.Activated, Source: region.SourceDemo})
	}
	if err := region.NewStore(g).AddFigures(context.Background(), audit.System, fs); err != nil {
		t.Fatal(err)
	}
}

func TestStore(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		ctx := context.Background()
		s := region.NewStore(g)
		if err := s.EnsureBuiltin(ctx); err != nil {
			t.Fatal(err)
		}
		t.Run("EnsureBuiltinIdempotent", func(t *testing.T) {
			if err := s.EnsureBuiltin(ctx); err != nil {
				t.Fatal(err)
			}
			all, err := s.All(ctx)
			if err != nil || len(all) != 1+15+156 {
				t.Fatalf("All = %d regions, %v; want 172", len(all), err)
			}
		})
		t.Run("GetNotFound", func(t *testing.T) {
			if _, err := s.Get(ctx, "99.99"); apperr.CodeOf(err) != apperr.NotFound {
				t.Fatalf("Get unknown: %v", err)
			}
		})
		t.Run("OverviewWithoutFigures", func(t *testing.T) {
			o, err := s.Overview(ctx, 2026, nil)
			if err != nil {
				t.Fatal(err)
			}
			if o.Kabupaten.Recorded != 0 || o.Kabupaten.CoverageBP != 0 || o.Kabupaten.Gap != 0 || o.AsOf != "" || len(o.Kecamatan) != 15 {
				t.Fatalf("empty overview: %+v", o.Kabupaten)
			}
		})
		seedDemoFigures(t, g, "2026-01-01")
		t.Run("OverviewMatchesPublishedTotals", func(t *testing.T) {
			o, err := s.Overview(ctx, 2026, nil)
			if err != nil {
				t.Fatal(err)
			}
			k := o.Kabupaten
			if k.Recorded != 202820 || k.Activated != 10425 || k.CoverageBP != 514 || k.TargetCount != 60846 || k.Gap != 50421 {
				t.Fatalf("kabupaten row %+v", k.Row)
			}
			if !o.Demo || o.AsOf != "2026-01-01" || k.DesaCount != 156 {
				t.Fatalf("demo %v asOf %q desa %d", o.Demo, o.AsOf, k.DesaCount)
			}
			var sum int64
			desa := 0
			for _, kec := range o.Kecamatan {
				sum += kec.Recorded
				desa += len(o.Desa[kec.Code])
			}
			if sum != 202820 || desa != 156 {
				t.Fatalf("kecamatan sum %d over %d desa", sum, desa)
			}
		})
		t.Run("FieldActivationsAddToOfficial", func(t *testing.T) {
			o, err := s.Overview(ctx, 2026, map[string]int64{"17.02.06.2001": 7, "17.02.07.2001": 3})
			if err != nil {
				t.Fatal(err)
			}
			k := o.Kabupaten
			if k.Activated != 10435 || k.Official != 10425 || k.Field != 10 || k.Gap != 50411 {
				t.Fatalf("kabupaten with field: %+v official %d field %d", k.Row, k.Official, k.Field)
			}
			for _, d := range o.Desa["17.02.06"] {
				if d.Code == "17.02.06.2001" && (d.Field != 7 || d.Activated != d.Official+7 || d.AsOf != "2026-01-01") {
					t.Fatalf("desa row %+v", d)
				}
			}
		})
		t.Run("NewestFigureWins", func(t *testing.T) {
			f := region.Figure{DesaCode: "17.02.06.2001", AsOf: "2026-02-01", WajibKTP: 10, EktpRecorded: 10, IkdActivated: 5, Source: region.SourceImport}
			if err := s.AddFigures(ctx, audit.System, []region.Figure{f}); err != nil {
				t.Fatal(err)
			}
			latest, err := s.LatestFigures(ctx)
			if err != nil || latest["17.02.06.2001"].IkdActivated != 5 || len(latest) != 156 {
				t.Fatalf("latest = %+v (%d), %v", latest["17.02.06.2001"], len(latest), err)
			}
		})
		t.Run("DefaultTarget", func(t *testing.T) {
			bp, err := s.TargetBP(ctx, "17.02", 2030)
			if err != nil || bp != 3000 {
				t.Fatalf("TargetBP = %d, %v", bp, err)
			}
		})
	})
}
