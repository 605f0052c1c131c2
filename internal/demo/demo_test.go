package demo_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/auth"
	"jemputbola/internal/dbtest"
	"jemputbola/internal/demo"
	"jemputbola/internal/office"
	"jemputbola/internal/region"
	"jemputbola/internal/scope"
)

func TestSeed(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		ctx := context.Background()
		zone, _ := time.LoadLocation("Asia/Jakarta")
		now := time.Date(2026, 11, 25, 9, 30, 0, 0, zone) // a Wednesday
		seeded, err := demo.Seed(ctx, g, now)
		if err != nil || !seeded {
			t.Fatalf("Seed = %v, %v", seeded, err)
		}
		count := func(sql string, args ...any) int64 {
			var n int64
			if err := g.Raw(sql, args...).Scan(&n).Error; err != nil {
				t.Fatal(err)
			}
			return n
		}
		t.Run("Accounts", func(t *testing.T) {
			if n := count("SELECT COUNT(*) FROM users WHERE demo"); n != 19 {
				t.Errorf("%d demo users", n)
			}
			if _, err := auth.NewAuthenticator(g).SignIn(ctx, "operator1", demo.Password, "127.0.0.1"); err != nil {
				t.Errorf("operator1 cannot sign in: %v", err)
			}
		})
		in := func(code string) context.Context {
			o, err := office.NewStore(g).ByCode(ctx, code)
			if err != nil {
				t.Fatal(err)
			}
			return scope.With(ctx, office.Scope(o))
		}
		t.Run("FiguresMatchPublishedTotals", func(t *testing.T) {
			o, err := region.NewStore(g).Overview(in("17.02"), 2026, nil)
			if err != nil || o.Office.Recorded != 202820 || o.Office.Activated != 10425 || !o.Demo {
				t.Fatalf("overview %+v demo=%v, %v", o.Office.Row, o.Demo, err)
			}
			k, err := region.NewStore(g).Overview(in("17.71"), 2026, nil)
			if err != nil || k.Office.Activated != 12393 || k.Office.TargetCount != 67802 || k.Office.CoverageBP != 548 {
				t.Fatalf("Kota Bengkulu %+v, %v", k.Office.Row, err)
			}
		})
		t.Run("Desks", func(t *testing.T) {
			// Two loket each in Rejang Lebong and Kota Bengkulu, a tally every
			// working day of the four weeks before now (20 of them), none today.
			if n := count("SELECT COUNT(*) FROM service_points"); n != 4 {
				t.Errorf("%d service points, want 4", n)
			}
			if n := count("SELECT COUNT(*) FROM desk_tallies"); n != 4*20 {
				t.Errorf("%d desk tallies, want 80", n)
			}
			if n := count("SELECT COUNT(*) FROM desk_tallies WHERE day = ?", now.Format(time.DateOnly)); n != 0 {
				t.Errorf("%d tallies for today, left to the desk operator", n)
			}
		})
		t.Run("ProvinceMapIsWhole", func(t *testing.T) {
			o, err := region.NewStore(g).Overview(in("17"), 2026, nil)
			if err != nil || len(o.KabKota) != 10 {
				t.Fatalf("province: %d kab/kota, %v", len(o.KabKota), err)
			}
			for _, k := range o.KabKota {
				if k.Recorded == 0 || k.Activated == 0 {
					t.Errorf("%s %s has no figures", k.Code, k.Name)
				}
			}
			if n := count("SELECT COUNT(*) FROM teams t JOIN offices o ON o.id = t.office_id WHERE o.code = '17'"); n != 1 {
				t.Errorf("province teams: %d", n)
			}
		})
		t.Run("Sites", func(t *testing.T) {
			if n := count("SELECT COUNT(*) FROM sites WHERE kind = 'desa' AND demo"); n != 156+67 {
				t.Errorf("%d balai desa and kantor kelurahan, want 156 + 67", n)
			}
			if n := count("SELECT COUNT(*) FROM sites WHERE kind IN ('sekolah', 'opd') AND demo"); n < 30 {
				t.Errorf("%d schools and OPDs", n)
			}
		})
		t.Run("VisitsTodayForOperator1", func(t *testing.T) {
			n := count(`SELECT COUNT(*) FROM visits v JOIN team_members m ON m.team_id = v.team_id
				JOIN users u ON u.id = m.user_id WHERE u.username = 'operator1' AND v.day = ?`, "2026-11-25")
			if n == 0 {
				t.Error("operator1's team has no visit today")
			}
			if n := count("SELECT COUNT(*) FROM visits WHERE day < ? AND status <> 'selesai'", "2026-11-25"); n != 0 {
				t.Errorf("%d past visits not done", n)
			}
			if n := count("SELECT COUNT(*) FROM visits WHERE day >= ? AND status <> 'direncanakan'", "2026-11-25"); n != 0 {
				t.Errorf("%d planned visits not direncanakan", n)
			}
		})
		t.Run("ResultsForPastVisits", func(t *testing.T) {
			done := count("SELECT COUNT(*) FROM visits WHERE status = 'selesai'")
			if n := count("SELECT COUNT(*) FROM visit_results"); n != done || n == 0 {
				t.Errorf("%d results for %d visits done", n, done)
			}
			bad := count(`SELECT COUNT(*) FROM visit_results WHERE activations + fail_no_android + fail_no_signal + fail_no_email
				+ fail_incompatible_phone + fail_data_problem + fail_refused + fail_other > people_served OR activations < 0`)
			if bad != 0 {
				t.Errorf("%d results break the validation rule", bad)
			}
		})
		t.Run("NoTeamDoubleBooked", func(t *testing.T) {
			n := count(`SELECT COUNT(*) FROM visits a JOIN visits b ON a.team_id = b.team_id AND a.id < b.id
				AND a.start_at < b.end_at AND b.start_at < a.end_at`)
			if n != 0 {
				t.Errorf("%d overlapping visit pairs", n)
			}
		})
		t.Run("SecondSeedDoesNothing", func(t *testing.T) {
			seeded, err := demo.Seed(ctx, g, now)
			if err != nil || seeded {
				t.Fatalf("second Seed = %v, %v", seeded, err)
			}
		})
		t.Run("ErrRealAccounts", func(t *testing.T) {
			// Once a real account exists, demo accounts with a public password
			// would be a way in: --demo refuses.
			if err := g.Exec("UPDATE users SET demo = FALSE WHERE username = 'kadis'").Error; err != nil {
				t.Fatal(err)
			}
			if seeded, err := demo.Seed(ctx, g, now); !errors.Is(err, demo.ErrRealData) || seeded {
				t.Fatalf("Seed over a real account = %v, %v", seeded, err)
			}
		})
	})
}

func TestSeedScale(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		ctx := dbtest.InOffice(t, g, "17.02")
		sc := demo.Scale{Sites: 200, Teams: 5, Visits: 3000}
		if err := demo.SeedScale(ctx, g, time.Now(), sc); err != nil {
			t.Fatal(err)
		}
		var sites, teams, visits, results, overlaps int64
		g.Raw("SELECT COUNT(*) FROM sites").Scan(&sites)
		g.Raw("SELECT COUNT(*) FROM teams").Scan(&teams)
		g.Raw("SELECT COUNT(*) FROM visits WHERE status = 'selesai'").Scan(&visits)
		g.Raw("SELECT COUNT(*) FROM visit_results").Scan(&results)
		g.Raw(`SELECT COUNT(*) FROM visits a JOIN visits b ON a.team_id = b.team_id AND a.id < b.id
			AND a.start_at < b.end_at AND b.start_at < a.end_at`).Scan(&overlaps)
		if sites != 200 || teams != 5 || visits != 3000 || results != 3000 || overlaps != 0 {
			t.Fatalf("sites %d teams %d visits %d results %d overlaps %d", sites, teams, visits, results, overlaps)
		}
		if err := demo.SeedScale(ctx, g, time.Now(), demo.Scale{Sites: 10, Teams: 1, Visits: 2000}); err == nil {
			t.Fatal("more visits than a year of one team's slots: no error")
		}
	})
}
