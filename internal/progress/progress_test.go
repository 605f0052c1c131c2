package progress_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/audit"
	"jemputbola/internal/dbtest"
	"jemputbola/internal/progress"
	"jemputbola/internal/region"
	"jemputbola/internal/result"
	"jemputbola/internal/scope"
	"jemputbola/internal/site"
	"jemputbola/internal/team"
	"jemputbola/internal/visit"
)

// Two desa of one kecamatan and one of another; desaA has official figures on
// two dates, desaB on one, desaC none.
const (
	desaA = "17.02.06.2001"
	desaB = "17.02.06.2002"
	desaC = "17.02.07.2001"
)

type world struct {
	t     *testing.T
	g     *gorm.DB
	ctx   context.Context // works for Rejang Lebong, where the world is
	scope scope.Scope
	teams map[string]int64
	sites map[string]int64 // by desa code + kind
}

func newWorld(t *testing.T, g *gorm.DB) *world {
	ctx := dbtest.InOffice(t, g, "17.02")
	sc, _ := scope.From(ctx)
	rs := region.NewStore(g)
	figs := []region.Figure{
		{DesaCode: desaA, AsOf: "2026-01-31", WajibKTP: 1200, EktpRecorded: 1000, IkdActivated: 50, Source: region.SourceImport},
		{DesaCode: desaA, AsOf: "2026-03-31", WajibKTP: 1200, EktpRecorded: 1000, IkdActivated: 100, Source: region.SourceImport},
		{DesaCode: desaB, AsOf: "2026-03-31", WajibKTP: 600, EktpRecorded: 500, IkdActivated: 10, Source: region.SourceImport},
	}
	if err := rs.AddFigures(ctx, audit.System, figs); err != nil {
		t.Fatal(err)
	}
	w := &world{t: t, g: g, ctx: ctx, scope: sc, teams: map[string]int64{}, sites: map[string]int64{}}
	now := time.Now().UTC()
	for _, name := range []string{"Tim A", "Tim B"} {
		tm := team.Team{OfficeID: sc.OfficeID, Name: name, DailyCapacity: 100, CreatedAt: now, UpdatedAt: now}
		if err := g.Create(&tm).Error; err != nil {
			t.Fatal(err)
		}
		w.teams[name] = tm.ID
	}
	for _, d := range []string{desaA, desaB, desaC} {
		for _, k := range []site.Kind{site.Sekolah, site.Desa} {
			s := site.Site{OfficeID: sc.OfficeID, Name: d + string(k), Kind: k, DesaCode: d, CreatedAt: now, UpdatedAt: now}
			if err := g.Create(&s).Error; err != nil {
				t.Fatal(err)
			}
			w.sites[d+string(k)] = s.ID
		}
	}
	return w
}

// visit stores a visit done on day with a result of n activations.
func (w *world) visit(teamName, desa string, kind site.Kind, day string, n int64, verification string, fails ...int64) {
	w.t.Helper()
	start, _ := time.Parse(time.DateOnly, day)
	start = start.Add(time.Hour) // 08:00 WIB
	v := visit.Visit{OfficeID: w.scope.OfficeID, SiteID: w.sites[desa+string(kind)], TeamID: w.teams[teamName], Day: day, StartAt: start, EndAt: start.Add(time.Hour),
		Status: visit.Selesai, CreatedAt: start, UpdatedAt: start}
	if err := w.g.Create(&v).Error; err != nil {
		w.t.Fatal(err)
	}
	if n < 0 { // a visit without a result
		return
	}
	r := result.Result{OfficeID: w.scope.OfficeID, VisitID: v.ID, ClientID: fmt.Sprintf("client-%d", v.ID),
		Activations: n, PeopleServed: n + 5, Verification: verification, LoggedAt: start, UpdatedAt: start}
	if len(fails) > 0 {
		r.FailNoAndroid, r.FailNoEmail = fails[0], fails[1]
	}
	if err := w.g.Create(&r).Error; err != nil {
		w.t.Fatal(err)
	}
}

func TestProgress(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		w := newWorld(t, g)
		ctx := w.ctx
		w.visit("Tim A", desaA, site.Sekolah, "2026-03-31", 7, result.Verified)    // on the official date: already counted
		w.visit("Tim A", desaA, site.Sekolah, "2026-04-02", 20, result.Verified)   // after: counted
		w.visit("Tim B", desaA, site.Desa, "2026-04-03", 5, result.Unverified)     // after, not verified yet: counted
		w.visit("Tim B", desaA, site.Desa, "2026-04-04", 9, result.SentBack)       // sent back: not counted
		w.visit("Tim A", desaB, site.Desa, "2026-03-01", 4, result.Verified, 3, 1) // before desaB's figure
		w.visit("Tim A", desaC, site.Sekolah, "2026-02-10", 6, result.Unverified, 2, 5)
		w.visit("Tim B", desaC, site.Desa, "2026-04-10", -1, "") // done, no result logged
		s := progress.NewStore(g)

		t.Run("ByDesa", func(t *testing.T) {
			m, err := s.ByDesa(ctx)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]progress.Desa{
				desaA: {Field: 25, Verified: 20, VisitsDone: 4, LastVisit: "2026-04-04"},
				desaB: {Field: 0, Verified: 0, VisitsDone: 1, LastVisit: "2026-03-01"},
				desaC: {Field: 6, Verified: 0, VisitsDone: 2, LastVisit: "2026-04-10"}, // no figure: every result counts
			}
			for code, d := range want {
				if m[code] != d {
					t.Errorf("%s = %+v, want %+v", code, m[code], d)
				}
			}
		})
		t.Run("CoverageAddsFieldToOfficial", func(t *testing.T) {
			c, err := s.Coverage(ctx, 2026)
			if err != nil {
				t.Fatal(err)
			}
			var a region.Row
			for _, d := range c.Overview.Desa["17.02.06"] {
				if d.Code == desaA {
					a = d
				}
			}
			// 100 official + 25 field of 1000 recorded: 12.50%; target 300, gap 175.
			if a.Activated != 125 || a.Official != 100 || a.Field != 25 || a.CoverageBP != 1250 || a.TargetCount != 300 || a.Gap != 175 {
				t.Fatalf("desa A row %+v official %d field %d", a.Row, a.Official, a.Field)
			}
			k := c.Office
			if k.Activated != 100+10+25+6 || k.Official != 110 || k.Field != 31 || k.Recorded != 1500 {
				t.Fatalf("kabupaten %+v official %d field %d", k.Row, k.Official, k.Field)
			}
		})
		t.Run("Daily", func(t *testing.T) {
			all, err := s.Daily(ctx, "2026-03-01", "")
			if err != nil {
				t.Fatal(err)
			}
			if len(all) != 4 || all["2026-03-31"] != 7 || all["2026-04-02"] != 20 || all["2026-03-01"] != 4 || all["2026-04-04"] != 0 {
				t.Fatalf("daily = %v", all)
			}
			one, err := s.Daily(ctx, "", desaC)
			if err != nil || len(one) != 1 || one["2026-02-10"] != 6 {
				t.Fatalf("daily desa C = %v, %v", one, err)
			}
		})
		t.Run("OfficialHistory", func(t *testing.T) {
			pts, err := s.OfficialHistory(ctx, "")
			if err != nil {
				t.Fatal(err)
			}
			// Jan 31: desa A 50. Mar 31: desa A 100 + desa B 10.
			if len(pts) != 2 || pts[0] != (progress.OfficialPoint{AsOf: "2026-01-31", Activated: 50}) || pts[1].Activated != 110 {
				t.Fatalf("history = %+v", pts)
			}
		})
		t.Run("FieldBetween", func(t *testing.T) {
			m, err := s.FieldBetween(ctx, "2026-01-31", "2026-03-31")
			if err != nil {
				t.Fatal(err)
			}
			if m[desaA] != 7 || m[desaB] != 4 || m[desaC] != 6 || len(m) != 3 {
				t.Fatalf("between = %v", m)
			}
		})
		t.Run("Breakdown", func(t *testing.T) {
			b, err := s.Breakdown(ctx, "2026-01-01", "")
			if err != nil {
				t.Fatal(err)
			}
			if b.Total.Visits != 7 || b.Total.Activations != 7+20+5+4+6 {
				t.Fatalf("total %+v", b.Total)
			}
			if k := b.Kinds[string(site.Sekolah)]; k.Visits != 3 || k.Activations != 33 || k.PerVisit() != 11 {
				t.Errorf("sekolah %+v", k)
			}
			if len(b.Teams) != 2 || b.Teams[0].Name != "Tim A" || b.Teams[0].Visits != 4 || b.Teams[1].Activations != 5 {
				t.Errorf("teams %+v", b.Teams)
			}
			if len(b.Kecamatan) != 2 || b.Kecamatan[1].Key != "17.02.07" || b.Kecamatan[1].Failures[0] != 2 || b.Kecamatan[1].Failures[2] != 5 {
				t.Errorf("kecamatan %+v", b.Kecamatan)
			}
			if b.Kecamatan[1].TopReason() != 2 || b.Total.TopReason() != 2 || b.Total.Failed() != 11 {
				t.Errorf("top reason %d / %d, failed %d", b.Kecamatan[1].TopReason(), b.Total.TopReason(), b.Total.Failed())
			}
			april, err := s.Breakdown(ctx, "2026-04-01", "2026-04-03")
			if err != nil || april.Total.Visits != 2 || april.Total.Activations != 25 {
				t.Fatalf("april 1–3: %+v, %v", april.Total, err)
			}
		})
	})
}

// TestOutOfArea: residents of other desa served at a site are counted apart,
// never as the site's desa's coverage, by every reading of the field work.
func TestOutOfArea(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		w := newWorld(t, g)
		w.visit("Tim A", desaA, site.Sekolah, "2026-04-02", 30, result.Verified)
		w.visit("Tim B", desaA, site.Desa, "2026-04-03", 12, result.Unverified)
		w.visit("Tim B", desaA, site.Desa, "2026-04-04", 9, result.SentBack)
		g.Exec("UPDATE visit_results SET out_of_area = 10 WHERE activations = 30")
		g.Exec("UPDATE visit_results SET out_of_area = 2 WHERE activations IN (12, 9)")
		s := progress.NewStore(g)
		c, err := s.Coverage(w.ctx, 2026)
		if err != nil {
			t.Fatal(err)
		}
		if d := c.Desa[desaA]; d.Field != 20+10 || d.Verified != 20 || d.OutOfArea != 12 || c.OutOfArea() != 12 {
			t.Fatalf("desa A %+v, office out of area %d: want field 30 (20 verified), 12 out of area", d, c.OutOfArea())
		}
		if a, _, _ := c.DesaByCode(desaA); a.Activated != 100+30 {
			t.Fatalf("desa A counts %d, want 100 official + 30 of its residents", a.Activated)
		}
		daily, err := s.Daily(w.ctx, "2026-04-01", "")
		if err != nil || daily["2026-04-02"] != 20 || daily["2026-04-03"] != 10 {
			t.Fatalf("daily %v, %v", daily, err)
		}
		between, err := s.FieldBetween(w.ctx, "2026-03-31", "2026-04-30")
		if err != nil || between[desaA] != 30 {
			t.Fatalf("between %v, %v", between, err)
		}
	})
}
