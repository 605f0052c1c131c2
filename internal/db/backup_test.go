package db_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"jemputbola/internal/audit"
	"jemputbola/internal/db"
	"jemputbola/internal/dbtest"
	"jemputbola/internal/loadgen"
	"jemputbola/internal/result"
	"jemputbola/internal/scope"
)

// ackLog records the client ids whose Log call returned: acknowledged writes.
type ackLog struct {
	mu  sync.Mutex
	ids []string
	err error
}

func (a *ackLog) add(id string, err error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if err != nil {
		a.err = errors.Join(a.err, err)
		return
	}
	a.ids = append(a.ids, id)
}

func (a *ackLog) snapshot() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]string(nil), a.ids...)
}

// writeResults logs results for the tablet's visits until stop is closed.
func writeResults(ctx context.Context, results *result.Store, tab loadgen.Tablet, stop <-chan struct{}, acks *ackLog) {
	for _, visitID := range tab.VisitIDs {
		select {
		case <-stop:
			return
		default:
		}
		id := uuid.NewString()
		_, _, err := results.Log(ctx, audit.System, tab.UserID, result.Input{ClientID: id, VisitID: visitID, Outcome: result.Outcome{Activations: 1, PeopleServed: 2}})
		acks.add(id, err)
	}
}

// TestBackupWhileWriting takes a backup while goroutines keep logging results:
// every result acknowledged before the backup started must be in it, and the
// copy must pass SQLite's integrity check.
func TestBackupWhileWriting(t *testing.T) {
	ctx := context.Background()
	g := dbtest.SQLite(t)
	fx, err := loadgen.Prepare(ctx, g, loadgen.FixtureConfig{Tablets: 4, Visits: 20_000})
	if err != nil {
		t.Fatal(err)
	}
	ctx = scope.With(ctx, fx.Scope)
	results := result.NewStore(g)
	acks := &ackLog{}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for _, tab := range fx.Tablets {
		wg.Go(func() { writeResults(ctx, results, tab, stop, acks) })
	}
	waitFor(t, func() bool { return len(acks.snapshot()) >= 200 })

	before := acks.snapshot()
	path := filepath.Join(t.TempDir(), "cadangan.db")
	err = db.Backup(ctx, g, path)
	during := len(acks.snapshot()) - len(before)
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatalf("backup: %v", err)
	}
	if acks.err != nil {
		t.Fatalf("writers failed: %v", acks.err)
	}
	t.Logf("%d results acknowledged before the backup, %d while it ran", len(before), during)

	stored := backupClientIDs(t, path)
	for _, id := range before {
		if !stored[id] {
			t.Fatalf("result %s acknowledged before the backup is not in it", id)
		}
	}
	t.Run("RefusesExistingFile", func(t *testing.T) {
		err := db.Backup(ctx, g, path)
		if err == nil || !strings.Contains(err.Error(), "sudah ada") {
			t.Fatalf("second backup to %s: %v, want a refusal", path, err)
		}
		entries, _ := os.ReadDir(filepath.Dir(path))
		if len(entries) != 1 {
			t.Fatalf("backup folder holds %d files, want only the backup (no temporary files left)", len(entries))
		}
	})
}

// backupClientIDs opens the backup read-only, checks its integrity and
// returns the client ids of its results.
func backupClientIDs(t *testing.T, path string) map[string]bool {
	t.Helper()
	b, err := gorm.Open(sqlite.Open("file:"+path+"?mode=ro"), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close(b)
	var check []string
	if err := b.Raw("PRAGMA integrity_check").Scan(&check).Error; err != nil || len(check) != 1 || check[0] != "ok" {
		t.Fatalf("integrity_check of the backup: %v %v", check, err)
	}
	var ids []string
	if err := b.Raw("SELECT client_id FROM visit_results").Scan(&ids).Error; err != nil {
		t.Fatal(err)
	}
	set := make(map[string]bool, len(ids))
	for _, id := range ids {
		set[id] = true
	}
	return set
}

func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); !ok(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("timed out waiting for the writers")
		}
	}
}

func TestBackupRefusesPostgres(t *testing.T) {
	err := db.Backup(context.Background(), dbtest.Postgres(t), filepath.Join(t.TempDir(), "x.db"))
	if !errors.Is(err, db.ErrBackupPostgres) || !strings.Contains(err.Error(), "pg_dump") {
		t.Fatalf("backup on PostgreSQL: %v, want a pointer to pg_dump", err)
	}
}
