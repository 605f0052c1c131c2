package progress_test

import (
	"context"
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
		ctx := context.Background()
		w := newWorld(t, g)
		w.visit("Tim A", desaC, site.Sekolah, "2026-02-10", 6, result.Verified)
		here, there := progress.NewCache(progress.NewStore(g)), progress.NewCache(progress.NewStore(g)) // two app instances
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

		// A write on this instance shows at the next read.
		w.visit("Tim B", desaC, site.Desa, "2026-02-11", 4, result.Verified)
		here.Changed()
		fresh, err := here.Get(ctx, now)
		if err != nil || fresh == first || fresh.Coverage.Kabupaten.Field != first.Coverage.Kabupaten.Field+4 {
			t.Fatalf("after a local write: field %d → %d (%v)", first.Coverage.Kabupaten.Field, fresh.Coverage.Kabupaten.Field, err)
		}
		// The other instance sees it once its recheck interval has passed.
		time.Sleep(1100 * time.Millisecond)
		if s, err := there.Get(ctx, now); err != nil || s.Coverage.Kabupaten.Field != fresh.Coverage.Kabupaten.Field {
			t.Fatalf("other instance after a second: field %d, want %d (%v)", s.Coverage.Kabupaten.Field, fresh.Coverage.Kabupaten.Field, err)
		}
		// A corrected result (same count of rows) is noticed by its update time.
		g.Model(&result.Result{}).Where("activations = 4").Updates(map[string]any{"activations": 9, "updated_at": time.Now().UTC()})
		here.Changed()
		if s, _ := here.Get(ctx, now); s.Coverage.Kabupaten.Field != fresh.Coverage.Kabupaten.Field+5 {
			t.Fatalf("after a correction: field %d", s.Coverage.Kabupaten.Field)
		}
		// Many readers at once after a change: all answered, one snapshot each.
		here.Changed()
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
