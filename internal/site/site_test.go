package site_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/dbtest"
	"jemputbola/internal/scope"
	"jemputbola/internal/site"
)

// setup returns a store and a context working for Kabupaten Rejang Lebong.
func setup(t *testing.T, g *gorm.DB) (*site.Store, context.Context) {
	t.Helper()
	return site.NewStore(g), dbtest.InOffice(t, g, "17.02")
}

func valid() site.Input {
	return site.Input{Name: "SMA Negeri 1 Rejang Lebong", Kind: site.Sekolah, DesaCode: "17.02.19.1001", Eligible: 300}
}

func ptr(f float64) *float64 { return &f }

func TestValidation(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		s, ctx := setup(t, g)
		cases := []struct {
			name, field, msg string // msg "" means any message
			edit             func(*site.Input)
		}{
			{"ErrNameRequired", "name", "Nama lokasi wajib diisi.", func(in *site.Input) { in.Name = "  " }},
			{"ErrNameTooLong", "name", "", func(in *site.Input) { in.Name = strings.Repeat("é", 151) }},
			{"ErrKind", "kind", "", func(in *site.Input) { in.Kind = "pasar" }},
			{"ErrKindEmpty", "kind", "", func(in *site.Input) { in.Kind = "" }},
			{"ErrDesaEmpty", "desa_code", "Pilih desa/kelurahan.", func(in *site.Input) { in.DesaCode = "" }},
			{"ErrDesaUnknown", "desa_code", "Pilih desa/kelurahan.", func(in *site.Input) { in.DesaCode = "99.99.99.9999" }},
			{"ErrDesaIsKecamatan", "desa_code", "Pilih desa/kelurahan.", func(in *site.Input) { in.DesaCode = "17.02.19" }},
			{"ErrEligibleNegative", "eligible", "", func(in *site.Input) { in.Eligible = -1 }},
			{"ErrEligibleHuge", "eligible", "", func(in *site.Input) { in.Eligible = site.MaxEligible + 1 }},
			{"ErrLatWithoutLng", "lat", "", func(in *site.Input) { in.Lat = ptr(-3.4) }},
			{"ErrLngWithoutLat", "lat", "", func(in *site.Input) { in.Lng = ptr(102.5) }},
			{"ErrOutsideIndonesia", "lat", "", func(in *site.Input) { in.Lat, in.Lng = ptr(51.5), ptr(-0.1) }},
			{"ErrLatTooFarSouth", "lat", "", func(in *site.Input) { in.Lat, in.Lng = ptr(-11.01), ptr(102.5) }},
			{"ErrLngTooFarEast", "lat", "", func(in *site.Input) { in.Lat, in.Lng = ptr(-3.4), ptr(141.5) }},
			{"ErrAddressTooLong", "address", "", func(in *site.Input) { in.Address = strings.Repeat("a", 201) }},
			{"ErrContactTooLong", "contact", "", func(in *site.Input) { in.Contact = strings.Repeat("a", 101) }},
			{"ErrNotesTooLong", "notes", "", func(in *site.Input) { in.Notes = strings.Repeat("a", 1001) }},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				in := valid()
				tc.edit(&in)
				_, err := s.Create(ctx, audit.System, in)
				got := apperr.FieldsOf(err)[tc.field]
				if got == "" || (tc.msg != "" && got != tc.msg) {
					t.Fatalf("Create = %v (fields %v), want a message on %s", err, apperr.FieldsOf(err), tc.field)
				}
				if apperr.CodeOf(err) != apperr.Invalid {
					t.Fatalf("code %v, want Invalid", apperr.CodeOf(err))
				}
			})
		}
		// The limits themselves are allowed.
		ok := []struct {
			name string
			edit func(*site.Input)
		}{
			{"OKLongestName", func(in *site.Input) { in.Name = strings.Repeat("é", 150) }},
			{"OKEligibleZero", func(in *site.Input) { in.Name, in.Eligible = "Zero", 0 }},
			{"OKEligibleMax", func(in *site.Input) { in.Name, in.Eligible = "Max", site.MaxEligible }},
			{"OKCornerOfIndonesia", func(in *site.Input) { in.Name, in.Lat, in.Lng = "Corner", ptr(-11), ptr(141) }},
			{"OKLongText", func(in *site.Input) {
				in.Name, in.Contact, in.Notes = "Long", strings.Repeat("a", 100), strings.Repeat("a", 1000)
			}},
		}
		for _, tc := range ok {
			t.Run(tc.name, func(t *testing.T) {
				in := valid()
				tc.edit(&in)
				if _, err := s.Create(ctx, audit.System, in); err != nil {
					t.Fatalf("Create: %v (fields %v)", err, apperr.FieldsOf(err))
				}
			})
		}
		t.Run("CheckWritesNothing", func(t *testing.T) {
			in := valid()
			in.Name = "Only checked"
			if err := s.Check(ctx, 0, in); err != nil {
				t.Fatal(err)
			}
			in.DesaCode = ""
			if apperr.FieldsOf(s.Check(ctx, 0, in))["desa_code"] == "" {
				t.Fatal("Check missed the desa")
			}
			if p, _ := s.List(ctx, site.Filter{Query: "only checked"}); p.Total != 0 {
				t.Fatal("Check wrote a row")
			}
		})
	})
}

func TestStore(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		s, ctx := setup(t, g)
		in := valid()
		in.Lat, in.Lng = ptr(-3.47), ptr(102.52)
		created, err := s.Create(ctx, audit.System, in)
		if err != nil {
			t.Fatal(err)
		}
		t.Run("ErrDuplicateNameInDesa", func(t *testing.T) {
			dup := valid()
			dup.Name = "sma negeri 1 rejang lebong"
			if _, err := s.Create(ctx, audit.System, dup); apperr.FieldsOf(err)["name"] != "Lokasi dengan nama ini sudah ada di desa tersebut." {
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
			if got, _ := s.Get(ctx, created.ID); got.Eligible != 320 || got.Lat == nil || *got.Lat != -3.47 {
				t.Fatalf("Get after update = %+v", got)
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
				{"KindAndKecamatan", site.Filter{Kind: site.Sekolah, KecamatanCode: "17.02.19"}, 2},
				{"Nothing", site.Filter{Query: "tidak ada"}, 0},
				{"WildcardIsLiteral", site.Filter{Query: "%"}, 0},
				{"UnderscoreIsLiteral", site.Filter{Query: "_"}, 0},
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
		t.Run("Order", func(t *testing.T) {
			p, err := s.List(ctx, site.Filter{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range p.Rows {
				got = append(got, r.KecamatanCode+" "+r.DesaName+" "+r.Name)
			}
			for i := 1; i < len(got); i++ {
				if got[i-1] > got[i] {
					t.Fatalf("not sorted by kecamatan, desa, name: %q", got)
				}
			}
		})
		t.Run("Paging", func(t *testing.T) {
			p, err := s.List(ctx, site.Filter{PerPage: 3, Page: 2})
			if err != nil || len(p.Rows) != 1 || p.Pages != 2 || p.Total != 4 {
				t.Fatalf("page 2: %d rows of %d pages, %v", len(p.Rows), p.Pages, err)
			}
			first, _ := s.List(ctx, site.Filter{PerPage: 3, Page: 1})
			if len(first.Rows) != 3 || first.Rows[2].ID == p.Rows[0].ID {
				t.Fatalf("page 1 has %d rows, overlapping page 2", len(first.Rows))
			}
			past, _ := s.List(ctx, site.Filter{PerPage: 3, Page: 9})
			if past.Page != 2 || len(past.Rows) != 1 {
				t.Fatalf("page past the end: page %d, %d rows", past.Page, len(past.Rows))
			}
			def, _ := s.List(ctx, site.Filter{})
			if def.Page != 1 || def.Pages != 1 {
				t.Fatalf("defaults: page %d of %d", def.Page, def.Pages)
			}
		})
		t.Run("DeleteRefusedWhileVisited", func(t *testing.T) {
			if err := g.Exec("CREATE TABLE visit_refs (site_id BIGINT REFERENCES sites(id))").Error; err != nil {
				t.Fatal(err)
			}
			g.Exec("INSERT INTO visit_refs (site_id) VALUES (?)", created.ID)
			if err := s.Delete(ctx, audit.System, created.ID); apperr.CodeOf(err) != apperr.Conflict ||
				apperr.MessageOf(err) != "Lokasi ini tidak dapat dihapus karena sudah memiliki kunjungan." {
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
			if err := s.Delete(ctx, audit.System, created.ID); apperr.CodeOf(err) != apperr.NotFound {
				t.Fatalf("delete twice: %v", err)
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

// TestOffices keeps each office to its own sites: another office's site id is
// not found, its desa cannot be chosen, and names are unique per office.
func TestOffices(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		s := site.NewStore(g)
		rl := dbtest.InOffice(t, g, "17.02")
		kota := dbtest.InOffice(t, g, "17.71")
		mine, err := s.Create(rl, audit.System, valid())
		if err != nil {
			t.Fatal(err)
		}
		notFound := func(name string, err error) {
			t.Helper()
			if apperr.CodeOf(err) != apperr.NotFound {
				t.Errorf("%s from another office: %v, want NotFound", name, err)
			}
		}
		t.Run("ErrOtherOfficeID", func(t *testing.T) {
			_, err := s.Get(kota, mine.ID)
			notFound("Get", err)
			in := valid()
			in.DesaCode = "17.71.01.1001"
			_, err = s.Update(kota, audit.System, mine.ID, in)
			notFound("Update", err)
			notFound("Delete", s.Delete(kota, audit.System, mine.ID))
			if got, err := s.Get(rl, mine.ID); err != nil || got.Name != mine.Name || got.OfficeID == 0 {
				t.Fatalf("own site after the other office's tries: %+v, %v", got, err)
			}
		})
		t.Run("ListsEmpty", func(t *testing.T) {
			if p, err := s.List(kota, site.Filter{}); err != nil || p.Total != 0 || len(p.Rows) != 0 {
				t.Fatalf("List = %d rows of %d, %v", len(p.Rows), p.Total, err)
			}
			if p, _ := s.List(kota, site.Filter{DesaCode: mine.DesaCode}); p.Total != 0 {
				t.Fatalf("List by the other office's desa = %d", p.Total)
			}
			if n, err := s.Count(kota); err != nil || n != 0 {
				t.Fatalf("Count = %d, %v", n, err)
			}
			if n, _ := s.Count(rl); n != 1 {
				t.Fatalf("own Count = %d", n)
			}
		})
		t.Run("ErrDesaOutsideOffice", func(t *testing.T) {
			for _, c := range []struct {
				ctx  context.Context
				desa string // a desa of the other office
			}{{kota, "17.02.19.1001"}, {rl, "17.71.01.1001"}} {
				in := valid()
				in.Name, in.DesaCode = "Di luar wilayah", c.desa
				_, err := s.Create(c.ctx, audit.System, in)
				if apperr.FieldsOf(err)["desa_code"] != "Pilih desa/kelurahan." {
					t.Fatalf("Create in %s: %v", in.DesaCode, err)
				}
				if apperr.FieldsOf(s.Check(c.ctx, 0, in))["desa_code"] == "" {
					t.Fatalf("Check missed desa %s", in.DesaCode)
				}
			}
			if _, err := s.Update(rl, audit.System, mine.ID, site.Input{Name: mine.Name, Kind: mine.Kind, DesaCode: "17.71.01.1001"}); apperr.FieldsOf(err)["desa_code"] == "" {
				t.Fatalf("Update into another office's desa: %v", err)
			}
		})
		t.Run("DesaOptionsOfOffice", func(t *testing.T) {
			gs, err := s.DesaOptions(kota)
			if err != nil || len(gs) == 0 {
				t.Fatalf("%d groups, %v", len(gs), err)
			}
			for _, grp := range gs {
				if !strings.HasPrefix(grp.Code, "17.71.") {
					t.Fatalf("kecamatan %s offered to Kota Bengkulu", grp.Code)
				}
			}
		})
		t.Run("NameUniquePerOffice", func(t *testing.T) {
			// The province covers Rejang Lebong's desa too, with sites of its own.
			prov := dbtest.InOffice(t, g, "17")
			if _, err := s.Create(prov, audit.System, valid()); err != nil {
				t.Fatalf("same name and desa in the province's office: %v", err)
			}
			if p, _ := s.List(rl, site.Filter{}); p.Total != 1 {
				t.Fatalf("Rejang Lebong sees %d sites", p.Total)
			}
		})
		t.Run("ErrNoScope", func(t *testing.T) {
			bg := context.Background()
			_, err := s.Create(bg, audit.System, valid())
			errs := map[string]error{"Create": err, "Check": s.Check(bg, 0, valid()), "Delete": s.Delete(bg, audit.System, mine.ID)}
			_, errs["Get"] = s.Get(bg, mine.ID)
			_, errs["List"] = s.List(bg, site.Filter{})
			_, errs["Count"] = s.Count(bg)
			_, errs["DesaOptions"] = s.DesaOptions(bg)
			for name, err := range errs {
				if !errors.Is(err, scope.ErrMissing) {
					t.Errorf("%s without scope: %v", name, err)
				}
			}
		})
		t.Run("ErrReadOnly", func(t *testing.T) {
			sc, _ := scope.From(rl)
			sc.ReadOnly = true
			ro := scope.With(context.Background(), sc)
			in := valid()
			in.Name = "Hanya dilihat"
			_, err := s.Create(ro, audit.System, in)
			errs := map[string]error{"Create": err, "Check": s.Check(ro, 0, in), "Delete": s.Delete(ro, audit.System, mine.ID)}
			_, errs["Update"] = s.Update(ro, audit.System, mine.ID, in)
			for name, err := range errs {
				if !errors.Is(err, scope.ErrReadOnly) {
					t.Errorf("%s read-only: %v", name, err)
				}
			}
			if got, err := s.Get(ro, mine.ID); err != nil || got.ID != mine.ID {
				t.Fatalf("read-only Get: %+v, %v", got, err)
			}
		})
	})
}
