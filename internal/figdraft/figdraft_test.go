package figdraft_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/dbtest"
	"jemputbola/internal/figdraft"
	"jemputbola/internal/figimport"
	"jemputbola/internal/scope"
)

func user(t *testing.T, g *gorm.DB, ctx context.Context, name string) int64 {
	t.Helper()
	sc, _ := scope.From(ctx)
	now := time.Now().UTC()
	var id int64
	if err := g.Raw(`INSERT INTO users (office_id, username, name, role, password_hash, active, demo, created_at, updated_at)
		VALUES (?, ?, ?, 'kepala_dinas', 'x', TRUE, FALSE, ?, ?) RETURNING id`, sc.OfficeID, name, name, now, now).Scan(&id).Error; err != nil || id == 0 {
		t.Fatalf("add user %s: %v", name, err)
	}
	return id
}

// TestDrafts: a draft reads back whole for its uploader in its office only;
// a user's new draft replaces their old one; one past MaxAge is gone; a
// read-only scope keeps none.
func TestDrafts(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		ctx, there := dbtest.InOffice(t, g, "17.02"), dbtest.InOffice(t, g, "17.71")
		kadis, colleague, elsewhere := user(t, g, ctx, "kadis"), user(t, g, ctx, "admin"), user(t, g, there, "kadis.kota")
		s := figdraft.NewStore(g)
		parsed := figimport.Parsed{Rows: []figimport.Row{{Line: 5, DesaCode: "17.02.06.2001", WajibKTP: 1200, Recorded: 1000, Activated: 150}},
			Skipped: []figimport.Skipped{{Line: 1, Reason: figimport.SkippedTitle}}, Formulas: 2}
		id, err := s.Save(ctx, kadis, "2026-11-04", "rekap.xlsx", parsed)
		if err != nil {
			t.Fatal(err)
		}
		d, err := s.Get(ctx, kadis, id)
		if err != nil || d.AsOf != "2026-11-04" || d.FileName != "rekap.xlsx" || len(d.Parsed.Rows) != 1 || d.Parsed.Rows[0] != parsed.Rows[0] ||
			d.Parsed.Skipped[0] != parsed.Skipped[0] || d.Parsed.Formulas != 2 {
			t.Fatalf("read back %+v, %v", d, err)
		}
		for name, get := range map[string]func() error{
			"a colleague":    func() error { _, err := s.Get(ctx, colleague, id); return err },
			"another office": func() error { _, err := s.Get(there, elsewhere, id); return err },
		} {
			if err := get(); !errors.Is(err, figdraft.ErrGone) {
				t.Errorf("%s reads the draft: %v", name, err)
			}
		}
		next, err := s.Save(ctx, kadis, "2026-11-05", "rekap-2.xlsx", parsed)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Get(ctx, kadis, id); !errors.Is(err, figdraft.ErrGone) {
			t.Errorf("the replaced draft is still there: %v", err)
		}
		g.Exec("UPDATE figure_drafts SET created_at = ? WHERE id = ?", time.Now().UTC().Add(-figdraft.MaxAge-time.Minute), next)
		if _, err := s.Get(ctx, kadis, next); !errors.Is(err, figdraft.ErrGone) {
			t.Errorf("a draft past MaxAge is still there: %v", err)
		}
		view, _ := scope.From(ctx)
		view.ReadOnly = true
		if _, err := s.Save(scope.With(ctx, view), kadis, "2026-11-04", "x.csv", parsed); !errors.Is(err, scope.ErrReadOnly) {
			t.Errorf("a read-only view saved a draft: %v", err)
		}
	})
}
