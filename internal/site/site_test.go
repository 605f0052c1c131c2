package site_test

import (
	"context"
	"testing"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/dbtest"
	"jemputbola/internal/region"
	"jemputbola/internal/site"
)

func setup(t *testing.T, g *gorm.DB) *site.Store {
	t.Helper()
	if err := region.NewStore(g).EnsureBuiltin(context.Background()); err != nil {
		t.Fatal(err)
	}
	return site.NewStore(g)
}

func valid() site.Input {
	return site.Input{Name: "SMA Negeri 1 Rejang Lebong", Kind: site.Sekolah, DesaCode: "17.02.19.1001", Eligible: 300}
}

func ptr(f float64) *float64 { return &f }

func TestValidation(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		s := setup(t, g)
		cases := []struct {
			name, field string
			edit        func(*site.Input)
		}{
			{"ErrNameRequired", "name", func(in *site.Input) { in.Name = "  " }},
			{"ErrKind", "kind", func(in *site.Input) { in.Kind = "pasar" }},
			{"ErrDesaUnknown", "desa_code", func(in *site.Input) { in.DesaCode = "99.99.99.9999" }},
			{"ErrDesaIsKecamatan", "desa_code", func(in *site.Input) { in.DesaCode = "17.02.19" }},
			{"ErrEligibleNegative", "eligible", func(in *site.Input) { in.Eligible = -1 }},
			{"ErrEligibleHuge", "eligible", func(in *site.Input) { in.Eligible = 2_000_000 }},
			{"ErrLatWithoutLng", "lat", func(in *site.Input) { in.Lat = ptr(-3.4) }},
			{"ErrOutsideIndonesia", "lat", func(in *site.Input) { in.Lat, in.Lng = ptr(51.5), ptr(-0.1) }},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				in := valid()
				tc.edit(&in)
				_, err := s.Create(context.Background(), audit.System, in)
				if apperr.FieldsOf(err)[tc.field] == "" {
					t.Fatalf("Create = %v, want a message on %s", err, tc.field)
				}
			})
		}
	})
}

func TestStore(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		ctx := context.Background()
		s := setup(t, g)
		in := valid()
		in.Lat, in.Lng = ptr(-3.47), ptr(102.52)
		created, err := s.Create(ctx, audit.System, in)
		if err != nil {
			t.Fatal(err)
		}
		t.Run("ErrDuplicateNameInDesa", func(t *testing.T) {
			dup := valid()
			dup.Name = "sma negeri 1 rejang lebong"
			if _, err := s.Create(ctx, audit.System, dup); apperr.FieldsOf(err)["name"] == "" {
				t.Fatalf("duplicate: %v", err)
			}
			dup.DesaCode = "17.02.19.1002" // same name in another desa is fine
			if _, err := s.Create(ctx, audit.System, dup); err != nil {
				t.Fatalf("same name elsewhere: %v", err)
			}
		})
		t.Run("Update", func(t *testing.T) {
			up := in
			up.Eligible = 320
			got, err := s.Update(ctx, audit.System, created.ID, up)
			if err != nil || got.Eligible != 320 {
				t.Fatalf("Update = %+v, %v", got, err)
			}
			if _, err := s.Update(ctx, audit.System, 999999, up); apperr.CodeOf(err) != apperr.NotFound {
				t.Fatalf("update unknown: %v", err)
			}
		})
		for _, extra := range []site.Input{
			{Name: "Dinas Kesehatan", Kind: site.OPD, DesaCode: "17.02.19.1002", Eligible: 150},
			{Name: "Balai Desa Derati", Kind: site.Desa, DesaCode: "17.02.06.2001", Eligible: 900},
		} {
			if _, err := s.Create(ctx, audit.System, extra); err != nil {
				t.Fatal(err)
			}
		}
		t.Run("ListFilters", func(t *testing.T) {
			cases := []struct {
				name string
				f    site.Filter
				want int64
			}{
				{"All", site.Filter{}, 4},
				{"Kind", site.Filter{Kind: site.OPD}, 1},
				{"Kecamatan", site.Filter{KecamatanCode: "17.02.06"}, 1},
				{"QueryAnyCase", site.Filter{Query: "REJANG"}, 2},
				{"Nothing", site.Filter{Query: "tidak ada"}, 0},
			}
			for _, tc := range cases {
				t.Run(tc.name, func(t *testing.T) {
					p, err := s.List(ctx, tc.f)
					if err != nil || p.Total != tc.want || int64(len(p.Rows)) != tc.want {
						t.Fatalf("List = %d rows of %d, %v; want %d", len(p.Rows), p.Total, err, tc.want)
					}
				})
			}
			p, _ := s.List(ctx, site.Filter{KecamatanCode: "17.02.06"})
			if p.Rows[0].DesaName != "Derati" || p.Rows[0].KecamatanName != "Kota Padang" {
				t.Errorf("names %q / %q", p.Rows[0].DesaName, p.Rows[0].KecamatanName)
			}
		})
		t.Run("Paging", func(t *testing.T) {
			p, err := s.List(ctx, site.Filter{PerPage: 3, Page: 2})
			if err != nil || len(p.Rows) != 1 || p.Pages != 2 {
				t.Fatalf("page 2: %d rows of %d pages, %v", len(p.Rows), p.Pages, err)
			}
		})
		t.Run("DeleteRefusedWhileVisited", func(t *testing.T) {
			if err := g.Exec("CREATE TABLE visit_refs (site_id BIGINT REFERENCES sites(id))").Error; err != nil {
				t.Fatal(err)
			}
			g.Exec("INSERT INTO visit_refs (site_id) VALUES (?)", created.ID)
			if err := s.Delete(ctx, audit.System, created.ID); apperr.CodeOf(err) != apperr.Conflict {
				t.Fatalf("delete referenced: %v", err)
			}
			if _, err := s.Get(ctx, created.ID); err != nil {
				t.Fatalf("site lost after refused delete: %v", err)
			}
			g.Exec("DELETE FROM visit_refs")
			if err := s.Delete(ctx, audit.System, created.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Get(ctx, created.ID); apperr.CodeOf(err) != apperr.NotFound {
				t.Fatalf("deleted site: %v", err)
			}
		})
		t.Run("AuditTrail", func(t *testing.T) {
			_, n, err := audit.NewStore(g).List(ctx, audit.Filter{Entity: "site"})
			if err != nil || n < 5 {
				t.Fatalf("%d site audit entries, %v", n, err)
			}
		})
		t.Run("DesaOptions", func(t *testing.T) {
			gs, err := s.DesaOptions(ctx)
			n := 0
			for _, g := range gs {
				n += len(g.Desa)
			}
			if err != nil || len(gs) != 15 || n != 156 {
				t.Fatalf("%d groups, %d desa, %v", len(gs), n, err)
			}
		})
	})
}
