package autoplan_test

import (
	"context"
	"testing"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/autoplan"
	"jemputbola/internal/dbtest"
	"jemputbola/internal/demo"
	"jemputbola/internal/planner/plannertest"
	"jemputbola/internal/progress"
	"jemputbola/internal/region"
	"jemputbola/internal/result"
	"jemputbola/internal/site"
	"jemputbola/internal/team"
	"jemputbola/internal/visit"
)

// TestDemoData loads the demo office into the planner and compares it with the
// baseline over the 8 weeks after today (run with -v for the figures).
func TestDemoData(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		ctx := context.Background()
		zone, _ := time.LoadLocation("Asia/Jakarta")
		now := time.Now().In(zone)
		if err := region.NewStore(g).EnsureBuiltin(ctx); err != nil {
			t.Fatal(err)
		}
		if _, err := demo.Seed(ctx, g, now); err != nil {
			t.Fatal(err)
		}
		from := now.AddDate(0, 0, 1).Format(time.DateOnly)
		to := now.AddDate(0, 0, 56).Format(time.DateOnly)
		cov := progress.NewCache(progress.NewStore(g))
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

// TestSentBackNotCounted: a result the ketua tim sent back neither uses up a
// site's eligible residents nor asks for a follow-up until it is corrected,
// as in every other reader.
func TestSentBackNotCounted(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		ctx := context.Background()
		zone, _ := time.LoadLocation("Asia/Jakarta")
		now := time.Date(2026, 5, 4, 9, 0, 0, 0, zone)
		if err := region.NewStore(g).EnsureBuiltin(ctx); err != nil {
			t.Fatal(err)
		}
		tm := team.Team{Name: "Tim A", DailyCapacity: 100, CreatedAt: now, UpdatedAt: now}
		if err := g.Create(&tm).Error; err != nil {
			t.Fatal(err)
		}
		sites := map[string]int64{}
		for i, verification := range []string{result.Verified, result.Unverified, result.SentBack} {
			s := site.Site{Name: "Sekolah " + verification, Kind: site.Sekolah, DesaCode: "17.02.06.2001", Eligible: 100, CreatedAt: now, UpdatedAt: now}
			if err := g.Create(&s).Error; err != nil {
				t.Fatal(err)
			}
			sites[verification] = s.ID
			start := now.AddDate(0, 0, -10+i)
			v := visit.Visit{SiteID: s.ID, TeamID: tm.ID, Day: start.Format(time.DateOnly), StartAt: start, EndAt: start.Add(time.Hour),
				Status: visit.Selesai, CreatedAt: start, UpdatedAt: start}
			if err := g.Create(&v).Error; err != nil {
				t.Fatal(err)
			}
			r := result.Result{VisitID: v.ID, ClientID: "client-" + verification, Activations: 30, PeopleServed: 35, FailNoEmail: 6,
				Verification: verification, LoggedAt: start, UpdatedAt: start}
			if err := g.Create(&r).Error; err != nil {
				t.Fatal(err)
			}
		}
		day := now.AddDate(0, 0, 1).Format(time.DateOnly)
		in, _, err := autoplan.Load(ctx, g, progress.NewCache(progress.NewStore(g)), day, day, nil, 14, now)
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
