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
