package db_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"jemputbola/internal/auth"
	"jemputbola/internal/db"
	"jemputbola/internal/dbtest"
	"jemputbola/internal/office"
	"jemputbola/internal/progress"
	"jemputbola/internal/region"
	"jemputbola/internal/result"
	"jemputbola/internal/scope"
)

// TestUpgradeFromRelease1 opens a database made by the first release (schema
// version 3, created with that release's binary: an account, an imported
// figure, a target, a site, a team, a visit done and its result) and checks
// that upgrading it keeps every row and that the new features work on it.
func TestUpgradeFromRelease1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "jb.db")
	release1, err := os.ReadFile("testdata/release1.db")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, release1, 0o600); err != nil {
		t.Fatal(err)
	}

	g, err := db.Open(db.Options{SQLitePath: path})
	if err != nil {
		t.Fatalf("upgrade: %v", err)
	}
	defer db.Close(g)
	ctx := context.Background()
	if v, err := db.SchemaVersion(g); err != nil || v < 5 {
		t.Fatalf("schema version %d after upgrade, %v", v, err)
	}
	if _, err := auth.NewAuthenticator(g).SignIn(ctx, "kadis", "kata-sandi-lama-1", "127.0.0.1"); err != nil {
		t.Fatalf("the old account cannot sign in: %v", err)
	}
	var r result.Result
	if err := g.First(&r).Error; err != nil || r.Activations != 33 || r.FailNoEmail != 6 || r.ClientID != "5f0c7d0e-0000-4000-8000-00000000a001" {
		t.Fatalf("result %+v, %v", r, err)
	}
	// The install's rows now belong to its one office, Rejang Lebong.
	o, err := office.NewStore(g).ByCode(ctx, "17.02")
	if err != nil || o.Government != "PEMERINTAH KABUPATEN REJANG LEBONG" {
		t.Fatalf("office 17.02 after upgrade: %+v, %v", o, err)
	}
	var orphans int64
	for _, table := range []string{"users", "sites", "teams", "visits", "visit_results", "audit_entries"} {
		var n int64
		g.Raw("SELECT COUNT(*) FROM "+table+" WHERE office_id IS NULL OR office_id <> ?", o.ID).Scan(&n)
		orphans += n
	}
	if orphans != 0 {
		t.Fatalf("%d rows without the office", orphans)
	}
	ctx = scope.With(ctx, office.Scope(o))
	rs := region.NewStore(g)
	if tg, err := rs.Target(ctx, 2026); err != nil || tg.BP != 2750 {
		t.Fatalf("target %+v, %v", tg, err)
	}
	// Coverage on the upgraded data: 80 official + 33 logged after the figure's date.
	cov, err := progress.NewStore(g).Coverage(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if k := cov.Office; k.Activated != 113 || k.Official != 80 || k.Recorded != 1000 || k.TargetBP != 2750 {
		t.Fatalf("kabupaten %+v", k.Row)
	}
	// Tables of later releases are there and usable.
	if _, err := rs.Imports(ctx, 10); err != nil {
		t.Fatalf("figure imports: %v", err)
	}
}

// TestDaysOffFromSettings: the holidays typed into Pengaturan before migration
// 012 become the office's own days off, on both databases.
func TestDaysOffFromSettings(t *testing.T) {
	for name, opts := range map[string]func() db.Options{
		db.SQLite:   func() db.Options { return db.Options{SQLitePath: filepath.Join(t.TempDir(), "jb.db")} },
		db.Postgres: func() db.Options { return db.Options{DatabaseURL: dbtest.PostgresURL(t)} },
	} {
		t.Run(name, func(t *testing.T) {
			g, err := db.OpenAt(opts(), 11)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close(g)
			for code, days := range map[string]string{"17.02": "2026-12-07,2027-01-02", "17.71": ""} {
				if err := g.Exec("INSERT INTO regions (code, name, level) VALUES (?, ?, 'kabkota')", code, code).Error; err != nil {
					t.Fatal(err)
				}
				if err := g.Exec(`INSERT INTO offices (code, level, zone, government, name, address, city, head_name, head_nip, head_rank, logo_type, working_days, holidays, demo, created_at)
					VALUES (?, 'kabkota', 'Asia/Jakarta', '', '', '', '', '', '', '', '', '1,2,3,4,5', ?, FALSE, CURRENT_TIMESTAMP)`, code, days).Error; err != nil {
					t.Fatal(err)
				}
			}
			if err := db.Migrate(g); err != nil {
				t.Fatal(err)
			}
			var rows []struct{ Code, Kind, FirstDay, LastDay string }
			if err := g.Raw(`SELECT o.code, d.kind, d.first_day, d.last_day FROM days_off d JOIN offices o ON o.id = d.office_id ORDER BY d.first_day`).Scan(&rows).Error; err != nil {
				t.Fatal(err)
			}
			if len(rows) != 2 || rows[0].Code != "17.02" || rows[0].FirstDay != "2026-12-07" || rows[0].LastDay != "2026-12-07" ||
				rows[1].FirstDay != "2027-01-02" || rows[0].Kind != "lokal" {
				t.Fatalf("days off after the upgrade: %+v", rows)
			}
		})
	}
}
