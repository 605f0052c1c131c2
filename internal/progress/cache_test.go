package progress_test

import (
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/dbtest"
	"jemputbola/internal/progress"
	"jemputbola/internal/result"
	"jemputbola/internal/site"
)

func TestCache(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		w := newWorld(t, g)
		ctx := w.ctx
		w.visit("Tim A", desaC, site.Sekolah, "2026-02-10", 6, result.Verified)
		here, there := progress.NewCache(progress.NewStore(g), w.scope), progress.NewCache(progress.NewStore(g), w.scope) // two app instances
		now := time.Now()
		first, err := here.Get(ctx, now)
		if err != nil {
			t.Fatal(err)
		}
		if again, _ := here.Get(ctx, now); again != first {
			t.Fatal("nothing changed, yet the snapshot was rebuilt")
		}
		if _, err := there.Get(ctx, now); err != nil {
			t.Fatal(err)
		}

		// An urgent write on this instance shows at the next read.
		w.visit("Tim B", desaC, site.Desa, "2026-02-11", 4, result.Verified)
		here.ChangedNow()
		fresh, err := here.Get(ctx, now)
		if err != nil || fresh == first || fresh.Coverage.Office.Field != first.Coverage.Office.Field+4 {
			t.Fatalf("after an urgent write: field %d → %d (%v)", first.Coverage.Office.Field, fresh.Coverage.Office.Field, err)
		}
		// Other instances and lazy writes show within about a second: the
		// reader gets the older snapshot at once while it is refreshed.
		if s, _ := there.Get(ctx, now); s.Coverage.Office.Field != first.Coverage.Office.Field {
			t.Fatalf("other instance refreshed before its recheck: field %d", s.Coverage.Office.Field)
		}
		eventually(t, func() bool {
			s, err := there.Get(ctx, now)
			return err == nil && s.Coverage.Office.Field == fresh.Coverage.Office.Field
		})
		// A corrected result (same count of rows) is noticed by its update time.
		g.Model(&result.Result{}).Where("activations = 4").Updates(map[string]any{"activations": 9, "updated_at": time.Now().UTC()})
		here.Changed()
		eventually(t, func() bool {
			s, err := here.Get(ctx, now)
			return err == nil && s.Coverage.Office.Field == fresh.Coverage.Office.Field+5
		})
		// Many readers at once after a change: all answered.
		here.ChangedNow()
		var wg sync.WaitGroup
		for range 16 {
			wg.Go(func() {
				if s, err := here.Get(ctx, now); err != nil || s == nil {
					t.Errorf("concurrent Get: %v", err)
				}
			})
		}
		wg.Wait()
	})
}

// eventually polls cond for up to three seconds.
func eventually(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(3 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatal("condition not met within 3 s")
}
