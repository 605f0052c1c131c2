package region_test

import (
	"context"
	"testing"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/coverage"
	"jemputbola/internal/dbtest"
	"jemputbola/internal/region"
)

func seedDemoFigures(t *testing.T, g *gorm.DB, asOf string) {
	t.Helper()
	rs, err := region.Subtree("17.02")
	if err != nil {
		t.Fatal(err)
	}
	var fs []region.Figure
	for _, d := range region.DemoFigures(rs) {
		fs = append(fs, region.Figure{DesaCode: d.DesaCode, AsOf: asOf, WajibKTP: d.WajibKTP,
			EktpRecorded: d.Recorded, IkdActivated: d.Activated, Source: region.SourceDemo})
	}
	if err := region.NewStore(g).AddFigures(dbtest.InOffice(t, g, "17.02"), audit.System, fs); err != nil {
		t.Fatal(err)
	}
}

func TestStore(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		ctx := dbtest.InOffice(t, g, "17.02")
		s := region.NewStore(g)
		t.Run("AllOfTheOffice", func(t *testing.T) {
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
			if o.Office.Recorded != 0 || o.Office.CoverageBP != 0 || o.Office.Gap != 0 || o.AsOf != "" || len(o.Kecamatan) != 15 {
				t.Fatalf("empty overview: %+v", o.Office)
			}
		})
		seedDemoFigures(t, g, "2026-01-01")
		t.Run("OverviewMatchesPublishedTotals", func(t *testing.T) {
			o, err := s.Overview(ctx, 2026, nil)
			if err != nil {
				t.Fatal(err)
			}
			k := o.Office
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
			k := o.Office
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
			tg, err := s.Target(ctx, 2030)
			if err != nil || tg != coverage.DefaultTarget {
				t.Fatalf("Target = %+v, %v", tg, err)
			}
		})
		t.Run("AbsoluteTarget", func(t *testing.T) {
			if err := s.SetTarget(ctx, audit.System, 2031, coverage.Target{Count: 70000}); err != nil {
				t.Fatal(err)
			}
			o, err := s.Overview(ctx, 2031, nil)
			if err != nil {
				t.Fatal(err)
			}
			// 70,000 of 202,820 recorded (latest figures) is 34.52%, rounded up for the parts.
			if o.Office.TargetCount != 70000 || o.Target.Count != 70000 || o.TargetBP != (coverage.Target{Count: 70000}).ShareOf(o.Office.Recorded) {
				t.Fatalf("office row %+v, target %+v, bp %d", o.Office.Row, o.Target, o.TargetBP)
			}
			if err := s.SetTarget(ctx, audit.System, 2031, coverage.Target{}); apperr.CodeOf(err) != apperr.Invalid {
				t.Fatalf("empty target: %v", err)
			}
		})
		t.Run("OtherOfficeSeesNone", func(t *testing.T) {
			kota := dbtest.InOffice(t, g, "17.71")
			if _, err := s.Get(kota, "17.02.06.2001"); apperr.CodeOf(err) != apperr.NotFound {
				t.Fatalf("Get of another office's desa: %v", err)
			}
			latest, err := s.LatestFigures(kota)
			if err != nil || len(latest) != 0 {
				t.Fatalf("Kota Bengkulu sees %d figures, %v", len(latest), err)
			}
			if _, err := s.ImportFigures(kota, audit.System, "2026-03-01", "x.csv",
				[]region.Figure{{DesaCode: "17.02.06.2001", WajibKTP: 1, EktpRecorded: 1}}); apperr.CodeOf(err) != apperr.Invalid {
				t.Fatalf("import into another office's desa: %v", err)
			}
			if _, err := s.All(context.Background()); err == nil {
				t.Fatal("All without a scope: no error")
			}
		})
		t.Run("ProvinceRollsUpItsKabKota", func(t *testing.T) {
			prov := dbtest.InOffice(t, g, "17")
			o, err := s.Overview(prov, 2026, nil)
			if err != nil {
				t.Fatal(err)
			}
			mine, err := s.Overview(ctx, 2026, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(o.KabKota) != 10 || o.Office.DesaCount != 1513 || o.Office.Activated != mine.Office.Activated {
				t.Fatalf("province: %d kab/kota, %d desa, %d activated (Rejang Lebong %d)", len(o.KabKota), o.Office.DesaCount, o.Office.Activated, mine.Office.Activated)
			}
			for _, k := range o.KabKota {
				if k.Code == "17.02" && (k.Row != mine.Office.Row) {
					t.Fatalf("province row of 17.02 %+v, office's own %+v", k.Row, mine.Office.Row)
				}
			}
			// The province keeps no figures of a desa whose kab/kota has an office.
			codes, err := s.DesaCodes(prov)
			if err != nil || codes["17.02.06.2001"] || !codes["17.01.01.2001"] {
				t.Fatalf("province desa codes: %d, %v", len(codes), err)
			}
			// …and the province above takes none of the kab/kota's.
			codes, err = s.DesaCodes(ctx)
			if err != nil || len(codes) != 156 || !codes["17.02.06.2001"] {
				t.Fatalf("Rejang Lebong's desa codes with a province office above: %d, %v", len(codes), err)
			}
			if in, err := s.HasDesa(prov, "17.02.06.2001"); err != nil || !in {
				t.Fatalf("a province's area holds its kab/kota's desa: %v, %v", in, err)
			}
			if in, err := s.HasDesa(ctx, "17.71.01.1001"); err != nil || in {
				t.Fatalf("Rejang Lebong holds a Kota Bengkulu desa: %v, %v", in, err)
			}
		})
	})
}
