package office_test

import (
	"context"
	"testing"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/audit"
	"jemputbola/internal/dbtest"
	"jemputbola/internal/office"
)

func TestAdd(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		ctx := context.Background()
		s := office.NewStore(g)
		start := time.Now()
		o, added, err := s.Add(ctx, audit.System, "17.71")
		t.Logf("add 17.71: %v", time.Since(start))
		if err != nil || !added {
			t.Fatalf("add: %v %v", added, err)
		}
		if o.Government != "PEMERINTAH KOTA BENGKULU" || o.City != "Bengkulu" || o.Zone != "Asia/Jakarta" || o.Level != office.KabKota {
			t.Fatalf("office %+v", o)
		}
		var desa, bounds int64
		g.Raw("SELECT COUNT(*) FROM regions WHERE code LIKE '17.71.%' AND level = 'desa'").Scan(&desa)
		g.Raw("SELECT COUNT(*) FROM region_boundaries WHERE code LIKE '17.71.%'").Scan(&bounds)
		if desa != 67 || bounds != 67 {
			t.Fatalf("desa %d, boundaries %d", desa, bounds)
		}
		if _, added, err := s.Add(ctx, audit.System, "17.71"); err != nil || added {
			t.Fatalf("again: %v %v", added, err)
		}
		if _, _, err := s.Add(ctx, audit.System, "99.99"); err == nil {
			t.Fatal("unknown code accepted")
		}
		if _, _, err := s.Add(ctx, audit.System, "17.71.01"); err == nil {
			t.Fatal("kecamatan accepted")
		}
		start = time.Now()
		p, _, err := s.Add(ctx, audit.System, "17")
		t.Logf("add 17: %v", time.Since(start))
		if err != nil || p.Level != office.Provinsi || p.Government != "PEMERINTAH PROVINSI BENGKULU" {
			t.Fatalf("province %+v %v", p, err)
		}
		below, err := s.Below(ctx, "17")
		if err != nil || len(below) != 1 || below[0].Code != "17.71" {
			t.Fatalf("below %+v %v", below, err)
		}
		var parent string
		g.Raw("SELECT parent_code FROM regions WHERE code = '17.71'").Scan(&parent)
		if parent != "17" {
			t.Fatalf("parent of 17.71: %q", parent)
		}
	})
}
