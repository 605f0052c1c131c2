package office_test

import (
	"bytes"
	"context"
	"errors"
	"image"
	pngenc "image/png"
	"slices"
	"testing"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/dbtest"
	"jemputbola/internal/office"
	"jemputbola/internal/scope"
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
		if stored, err := s.Get(ctx, o.ID); err != nil || stored.CSVLocale != office.CSVIndonesian || stored.AuditRetentionYears != office.DefaultAuditRetention {
			t.Fatalf("stored with CSV locale %q and retention %d, want the defaults (%v)", stored.CSVLocale, stored.AuditRetentionYears, err)
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

func TestLetterhead(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		ctx := dbtest.InOffice(t, g, "17.71")
		s := office.NewStore(g)
		o, err := s.Current(ctx)
		if err != nil || o.Name != "Dinas Kependudukan dan Pencatatan Sipil Kota Bengkulu" || o.Region() != "Kota Bengkulu" {
			t.Fatalf("defaults %+v, %v", o, err)
		}
		bad := []struct {
			name, field string
			edit        func(*office.Letterhead)
		}{
			{"ErrGovernmentRequired", "government", func(l *office.Letterhead) { l.Government = "" }},
			{"ErrNameRequired", "name", func(l *office.Letterhead) { l.Name = " " }},
			{"ErrHeadRequired", "head_name", func(l *office.Letterhead) { l.HeadName = "" }},
			{"ErrNIPDigits", "head_nip", func(l *office.Letterhead) { l.HeadNIP = "19700101abc" }},
			{"ErrPatternWithoutCounter", "pattern", func(l *office.Letterhead) { l.Pattern = "470/Dukcapil/{yyyy}" }},
		}
		for _, tc := range bad {
			t.Run(tc.name, func(t *testing.T) {
				l := office.Letterhead{Government: "PEMERINTAH KOTA BENGKULU", Name: "Dinas", Address: "Jl. A", City: "Bengkulu", HeadName: "Kepala"}
				tc.edit(&l)
				if err := s.SetLetterhead(ctx, audit.System, l); apperr.FieldsOf(err)[tc.field] == "" {
					t.Fatalf("SetLetterhead = %v, want a message on %s", err, tc.field)
				}
			})
		}
		want := office.Letterhead{Government: "PEMERINTAH KOTA BENGKULU", Name: "Dinas Dukcapil Kota Bengkulu", Address: "Jl. B",
			City: "Bengkulu", HeadName: "Drs. Kepala", HeadNIP: "19700101 199001 1 001", Pattern: "470/{n}/Dukcapil.{romawi}/{yyyy}"}
		if err := s.SetLetterhead(ctx, audit.System, want); err != nil {
			t.Fatal(err)
		}
		if o, err := s.Current(ctx); err != nil || o.Letterhead() != want {
			t.Fatalf("letterhead %+v, %v; want %+v", o.Letterhead(), err, want)
		}
		// Another office's letterhead is untouched.
		rl := dbtest.InOffice(t, g, "17.02")
		if o, _ := s.Current(rl); o.City != "Rejang Lebong" || o.HeadName != "" {
			t.Fatalf("Rejang Lebong changed: %+v", o.Letterhead())
		}
		ro := scope.With(context.Background(), scope.Scope{OfficeID: o.ID, Code: o.Code, ReadOnly: true})
		if err := s.SetLetterhead(ro, audit.System, want); !errors.Is(err, scope.ErrReadOnly) {
			t.Fatalf("read-only view: %v", err)
		}
	})
}

func TestLogo(t *testing.T) {
	var png bytes.Buffer
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	if err := pngenc.Encode(&png, img); err != nil {
		t.Fatal(err)
	}
	good := map[string][]byte{
		"image/png":     png.Bytes(),
		"image/svg+xml": []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4" fill="#0a0"/></svg>`),
	}
	for want, b := range good {
		if got, err := office.CheckLogo(b); err != nil || got != want {
			t.Errorf("CheckLogo(%s) = %q, %v", want, got, err)
		}
	}
	bad := map[string][]byte{
		"empty":         nil,
		"text":          []byte("hello"),
		"png header":    append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 20)...),
		"svg script":    []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`),
		"svg handler":   []byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>`),
		"svg link":      []byte(`<svg xmlns="http://www.w3.org/2000/svg"><image href="http://x/y.png"/></svg>`),
		"html":          []byte(`<html><body>x</body></html>`),
		"too large svg": append([]byte(`<svg xmlns="http://www.w3.org/2000/svg">`), make([]byte, office.MaxLogo)...),
	}
	for name, b := range bad {
		if _, err := office.CheckLogo(b); apperr.CodeOf(err) != apperr.Invalid {
			t.Errorf("%s: accepted (%v)", name, err)
		}
	}
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		ctx := dbtest.InOffice(t, g, "17.71")
		s := office.NewStore(g)
		if err := s.SetLogo(ctx, audit.System, png.Bytes()); err != nil {
			t.Fatal(err)
		}
		b, typ, err := s.Logo(ctx)
		if err != nil || typ != "image/png" || !bytes.Equal(b, png.Bytes()) {
			t.Fatalf("logo %d bytes %q, %v", len(b), typ, err)
		}
		if b, _, _ := s.Logo(dbtest.InOffice(t, g, "17.02")); len(b) != 0 {
			t.Fatal("another office got the logo")
		}
	})
}

func TestWorkingWeek(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		ctx := dbtest.InOffice(t, g, "17.71")
		s := office.NewStore(g)
		o, err := s.Current(ctx)
		if err != nil || !slices.Equal(o.WorkingWeek(), []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}) {
			t.Fatalf("default week %v, %v: want Monday to Friday", o.WorkingWeek(), err)
		}
		if err := s.SetWorkingWeek(ctx, audit.System, nil); apperr.FieldsOf(err)["working_days"] == "" {
			t.Fatalf("no working day accepted: %v", err)
		}
		if err := s.SetWorkingWeek(ctx, audit.System, []time.Weekday{time.Saturday, time.Monday, time.Saturday}); err != nil {
			t.Fatal(err)
		}
		o, _ = s.Current(ctx)
		if !slices.Equal(o.WorkingWeek(), []time.Weekday{time.Monday, time.Saturday}) || o.WorkingDays != "1,6" {
			t.Fatalf("week %v (%q), want Monday and Saturday once each", o.WorkingWeek(), o.WorkingDays)
		}
		if other, _ := s.Current(dbtest.InOffice(t, g, "17.02")); len(other.WorkingWeek()) != 5 {
			t.Fatalf("another office's week changed: %v", other.WorkingWeek())
		}
		ro := scope.With(context.Background(), scope.Scope{OfficeID: o.ID, Code: o.Code, ReadOnly: true})
		if err := s.SetWorkingWeek(ro, audit.System, []time.Weekday{time.Monday}); !errors.Is(err, scope.ErrReadOnly) {
			t.Fatalf("read-only view: %v", err)
		}
	})
}
