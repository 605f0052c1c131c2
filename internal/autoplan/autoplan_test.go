package autoplan_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"jemputbola/internal/audit"
	"jemputbola/internal/autoplan"
	"jemputbola/internal/dbtest"
	"jemputbola/internal/demo"
	"jemputbola/internal/desk"
	"jemputbola/internal/holiday"
	kantor "jemputbola/internal/office"
	"jemputbola/internal/planner"
	"jemputbola/internal/planner/plannertest"
	"jemputbola/internal/progress"
	"jemputbola/internal/region"
	"jemputbola/internal/result"
	"jemputbola/internal/scope"
	"jemputbola/internal/site"
	"jemputbola/internal/visit"
)

// TestDemoData loads the demo office into the planner and compares it with the
// baseline over the 8 weeks after today (run with -v for the figures).
func TestDemoData(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		ctx := dbtest.InOffice(t, g, "17.02")
		sc, _ := scope.From(ctx)
		now := sc.Now(time.Now())
		if _, err := demo.Seed(ctx, g, now); err != nil {
			t.Fatal(err)
		}
		from := now.AddDate(0, 0, 1).Format(time.DateOnly)
		to := now.AddDate(0, 0, 56).Format(time.DateOnly)
		cov := progress.NewCache(progress.NewStore(g), sc)
		in, names, err := autoplan.Load(ctx, g, cov, from, to, nil, 56, now)
		if err != nil {
			t.Fatal(err)
		}
		if len(in.Teams) != 4 || len(in.Sites) != 196 || len(in.Desa) != 156 || len(names.Sites) != 196 {
			t.Fatalf("teams %d sites %d desa %d", len(in.Teams), len(in.Sites), len(in.Desa))
		}
		if len(in.Existing) == 0 || in.TargetGap <= 0 || len(in.Yield) == 0 || len(in.Followups) == 0 {
			t.Fatalf("existing %d, gap %d, yields %v, follow-ups %d", len(in.Existing), in.TargetGap, in.Yield, len(in.Followups))
		}
		for _, v := range in.Existing {
			if v.Start != "08:00" && v.Start != "13:00" {
				t.Fatalf("existing visit at %s: times must be office-local", v.Start)
			}
		}
		only, _, err := autoplan.Load(ctx, g, cov, from, to, []int64{in.Teams[0].ID}, 56, now)
		if err != nil || len(only.Teams) != 1 {
			t.Fatalf("one team: %d, %v", len(only.Teams), err)
		}
		plannertest.CompareWithBaseline(t, "demo", in)
	})
}

// office is one office of a test: its scope and its planner's input.
type office struct {
	ctx context.Context
	sc  scope.Scope
}

func inOffice(t *testing.T, g *gorm.DB, code string) office {
	ctx := dbtest.InOffice(t, g, code)
	sc, err := scope.From(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return office{ctx, sc}
}

// The rows are inserted directly: the stores refuse visits in the past.

func (o office) team(t *testing.T, g *gorm.DB, name string, at time.Time) int64 {
	t.Helper()
	var id int64
	if err := g.Raw("INSERT INTO teams (office_id, name, daily_capacity, created_at, updated_at) VALUES (?, ?, 100, ?, ?) RETURNING id",
		o.sc.OfficeID, name, at, at).Scan(&id).Error; err != nil || id == 0 {
		t.Fatalf("insert team: %v", err)
	}
	return id
}

func (o office) site(t *testing.T, g *gorm.DB, name, desa string, at time.Time) int64 {
	t.Helper()
	var id int64
	if err := g.Raw("INSERT INTO sites (office_id, name, kind, desa_code, eligible, created_at, updated_at) VALUES (?, ?, ?, ?, 100, ?, ?) RETURNING id",
		o.sc.OfficeID, name, string(site.Sekolah), desa, at, at).Scan(&id).Error; err != nil || id == 0 {
		t.Fatalf("insert site: %v", err)
	}
	return id
}

func (o office) visit(t *testing.T, g *gorm.DB, siteID, teamID int64, start time.Time, status visit.Status) int64 {
	t.Helper()
	var id int64
	if err := g.Raw(`INSERT INTO visits (office_id, site_id, team_id, day, start_at, end_at, expected_activations, notes, status, cancel_reason, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, 0, '', ?, '', ?, ?) RETURNING id`, o.sc.OfficeID, siteID, teamID, start.Format(time.DateOnly), start.UTC(), start.Add(time.Hour).UTC(),
		string(status), start.UTC(), start.UTC()).Scan(&id).Error; err != nil || id == 0 {
		t.Fatalf("insert visit: %v", err)
	}
	return id
}

// result stores 30 activations of 35 served, 6 turned away for want of an email.
func (o office) result(t *testing.T, g *gorm.DB, visitID int64, verification string, at time.Time) {
	t.Helper()
	r := result.Result{OfficeID: o.sc.OfficeID, VisitID: visitID, ClientID: uuid.NewString(), Activations: 30, PeopleServed: 35, FailNoEmail: 6,
		Verification: verification, LoggedAt: at, UpdatedAt: at}
	if err := g.Create(&r).Error; err != nil {
		t.Fatal(err)
	}
}

func (o office) load(g *gorm.DB, day string, teamIDs []int64, now time.Time) (planner.Input, autoplan.Names, error) {
	return autoplan.Load(o.ctx, g, progress.NewCache(progress.NewStore(g), o.sc), day, day, teamIDs, 14, now)
}

// TestSentBackNotCounted: a result the ketua tim sent back neither uses up a
// site's eligible residents nor asks for a follow-up until it is corrected,
// as in every other reader.
func TestSentBackNotCounted(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		o := inOffice(t, g, "17.02")
		now := time.Date(2026, 5, 4, 9, 0, 0, 0, o.sc.Zone)
		teamID := o.team(t, g, "Tim A", now)
		sites := map[string]int64{}
		for i, verification := range []string{result.Verified, result.Unverified, result.SentBack} {
			sites[verification] = o.site(t, g, "Sekolah "+verification, "17.02.06.2001", now)
			start := now.AddDate(0, 0, -10+i)
			o.result(t, g, o.visit(t, g, sites[verification], teamID, start, visit.Selesai), verification, start)
		}
		in, _, err := o.load(g, now.AddDate(0, 0, 1).Format(time.DateOnly), nil, now)
		if err != nil {
			t.Fatal(err)
		}
		eligible := map[int64]int64{}
		for _, s := range in.Sites {
			eligible[s.ID] = s.Eligible
		}
		for verification, want := range map[string]int64{result.Verified: 70, result.Unverified: 70, result.SentBack: 100} {
			if got := eligible[sites[verification]]; got != want {
				t.Errorf("site with a result %q: eligible %d, want %d", verification, got, want)
			}
		}
		followed := map[int64]bool{}
		for _, f := range in.Followups {
			followed[f.SiteID] = true
		}
		for verification, want := range map[string]bool{result.Verified: true, result.Unverified: true, result.SentBack: false} {
			if followed[sites[verification]] != want {
				t.Errorf("site with a result %q: follow-up %v, want %v", verification, followed[sites[verification]], want)
			}
		}
	})
}

// TestOfficeIsolation: each office plans with its own teams, sites, visits and
// results only.
func TestOfficeIsolation(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		a, b := inOffice(t, g, "17.02"), inOffice(t, g, "17.71")
		var desaB string
		g.Raw("SELECT code FROM regions WHERE code LIKE '17.71.%' AND level = ? ORDER BY code LIMIT 1", region.LevelDesa).Scan(&desaB)
		now := time.Date(2026, 5, 4, 9, 0, 0, 0, a.sc.Zone)
		day := now.AddDate(0, 0, 1)
		// Office A: a site with a result turning residents away, and a
		// visit planned tomorrow at another site.
		teamA := a.team(t, g, "Tim 1", now)
		siteA := a.site(t, g, "Sekolah A", "17.02.06.2001", now)
		a.result(t, g, a.visit(t, g, siteA, teamA, now.AddDate(0, 0, -5), visit.Selesai), result.Verified, now)
		a.visit(t, g, a.site(t, g, "Sekolah A2", "17.02.06.2001", now), teamA, day, visit.Direncanakan)
		// Office B: a team of the same name and one site, nothing done yet.
		teamB := b.team(t, g, "Tim 1", now)
		siteB := b.site(t, g, "Sekolah B", desaB, now)

		in, names, err := b.load(g, day.Format(time.DateOnly), nil, now)
		if err != nil {
			t.Fatal(err)
		}
		if len(in.Teams) != 1 || in.Teams[0].ID != teamB || len(names.Teams) != 1 {
			t.Errorf("teams of office B: %+v, names %v", in.Teams, names.Teams)
		}
		if len(in.Sites) != 1 || in.Sites[0].ID != siteB || in.Sites[0].Eligible != 100 {
			t.Errorf("sites of office B: %+v", in.Sites)
		}
		if len(in.Existing) != 0 || len(in.Followups) != 0 || len(in.Yield) != 0 {
			t.Errorf("office B sees office A's visits %v, follow-ups %v, yields %v", in.Existing, in.Followups, in.Yield)
		}
		for _, d := range in.Desa {
			if !b.sc.Under(d.Code) {
				t.Errorf("office B plans desa %s", d.Code)
			}
		}
		if only, _, err := b.load(g, day.Format(time.DateOnly), []int64{teamA}, now); err != nil || len(only.Teams) != 0 {
			t.Errorf("office B asking for office A's team: %+v, %v", only.Teams, err)
		}

		in, _, err = a.load(g, day.Format(time.DateOnly), nil, now)
		if err != nil {
			t.Fatal(err)
		}
		if len(in.Teams) != 1 || in.Teams[0].ID != teamA || len(in.Sites) != 2 || len(in.Existing) != 1 ||
			len(in.Followups) != 1 || in.Followups[0].SiteID != siteA {
			t.Errorf("office A: teams %v, sites %d, existing %v, follow-ups %v", in.Teams, len(in.Sites), in.Existing, in.Followups)
		}

		if _, _, err := autoplan.Load(context.Background(), g, progress.NewCache(progress.NewStore(g), a.sc), day.Format(time.DateOnly),
			day.Format(time.DateOnly), nil, 14, now); !errors.Is(err, scope.ErrMissing) {
			t.Errorf("Load without a scope: %v", err)
		}
	})
}

// TestOfficeCalendar plans on the office's own working week, around its
// own and the built-in days off, and keeps schools out of school holidays,
// with nothing typed into the plan.
func TestOfficeCalendar(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		o := inOffice(t, g, "17.02")
		now := o.sc.Now(time.Now())
		if _, err := demo.Seed(o.ctx, g, now); err != nil {
			t.Fatal(err)
		}
		monday := now.AddDate(0, 0, 7*5-int(now.Weekday())+1) // a Monday past the demo's planned weeks
		saturday, local := monday.AddDate(0, 0, 5), monday.AddDate(0, 0, 1).Format(time.DateOnly)
		if err := kantor.NewStore(g).SetWorkingWeek(o.ctx, audit.System, []time.Weekday{time.Saturday, time.Monday, time.Tuesday}); err != nil {
			t.Fatal(err)
		}
		days := holiday.NewStore(g)
		if _, err := days.Add(o.ctx, audit.System, holiday.Day{Kind: holiday.Local, First: local, Name: "HUT Kabupaten"}); err != nil {
			t.Fatal(err)
		}
		if _, err := days.Add(o.ctx, audit.System, holiday.Day{Kind: holiday.School, First: saturday.Format(time.DateOnly), Last: saturday.AddDate(0, 0, 14).Format(time.DateOnly), Name: "Libur semester"}); err != nil {
			t.Fatal(err)
		}
		to := monday.AddDate(0, 0, 6).Format(time.DateOnly)
		in, names, err := autoplan.Load(o.ctx, g, progress.NewCache(progress.NewStore(g), o.sc), monday.Format(time.DateOnly), to, nil, 14, now)
		if err != nil {
			t.Fatal(err)
		}
		plan, err := planner.Suggest(in)
		if err != nil {
			t.Fatal(err)
		}
		visits := map[string]int{}
		for _, v := range plan.Visits {
			visits[v.Date]++
			if v.Date == saturday.Format(time.DateOnly) && names.Sites[v.SiteID].Kind == site.Sekolah {
				t.Fatalf("a school visited in the school holidays: %+v", v)
			}
		}
		if visits[local] > 0 || visits[monday.AddDate(0, 0, 2).Format(time.DateOnly)] > 0 {
			t.Fatalf("visits on the local holiday or on a Wednesday off: %v", visits)
		}
		if visits[monday.Format(time.DateOnly)] == 0 || visits[saturday.Format(time.DateOnly)] == 0 {
			t.Fatalf("no visits on the working Monday or Saturday: %v", visits)
		}

		// The built-in days off count without anything added: Natal 2026.
		in, _, err = autoplan.Load(o.ctx, g, progress.NewCache(progress.NewStore(g), o.sc), "2026-12-21", "2026-12-31", nil, 14, now)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(in.Holidays, "2026-12-25") || !slices.Contains(in.Holidays, "2026-12-24") {
			t.Fatalf("holidays of 21–31 Dec 2026: %v, want the Natal and its cuti bersama", in.Holidays)
		}
	})
}

// TestDeskRate: the projection counts on the desks' measured yield once the
// loket tallies of the last four weeks exist, not on the assumed 100 a day.
func TestDeskRate(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		o := inOffice(t, g, "17.02")
		now := o.sc.Now(time.Now())
		day := now.Format(time.DateOnly)
		in, _, err := o.load(g, day, nil, now)
		if err != nil || in.DeskPerDay != nil {
			t.Fatalf("without tallies: %v, %v; want the default", in.DeskPerDay, err)
		}
		s := desk.NewStore(g)
		p, err := s.AddPoint(o.ctx, audit.System, desk.PointInput{Name: "MPP Curup", Kind: desk.MPP, DesaCode: "17.02.06.2001"})
		if err != nil {
			t.Fatal(err)
		}
		works, total := 0, int64(0)
		for i := 1; i <= 28; i++ {
			d := now.AddDate(0, 0, -i)
			if d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
				continue
			}
			works++
			if i%2 == 0 {
				continue // a day without a tally still counts as a working day
			}
			n := int64(30 + i)
			total += n
			if _, _, err := s.Save(o.ctx, audit.System, 0, desk.Input{PointID: p.ID, Day: d.Format(time.DateOnly),
				Outcome: result.Outcome{Activations: n, PeopleServed: n}}); err != nil {
				t.Fatal(err)
			}
		}
		in, _, err = o.load(g, day, nil, now)
		if err != nil || in.DeskPerDay == nil {
			t.Fatalf("with tallies: %v, %v", in.DeskPerDay, err)
		}
		if want := float64(total) / float64(works); *in.DeskPerDay != want {
			t.Fatalf("desk per working day %v, want %v", *in.DeskPerDay, want)
		}
	})
}
