package db_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"gorm.io/gorm"

	"jemputbola/internal/db"
	"jemputbola/internal/dbtest"
)

func TestMigrate(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		t.Run("RecordsVersion", func(t *testing.T) {
			v, err := db.SchemaVersion(g)
			if err != nil || v < 1 {
				t.Fatalf("schema version = %d, %v; want >= 1", v, err)
			}
		})
		t.Run("Idempotent", func(t *testing.T) {
			before, _ := db.SchemaVersion(g)
			if err := db.Migrate(g); err != nil {
				t.Fatalf("second migrate: %v", err)
			}
			after, _ := db.SchemaVersion(g)
			var n int64
			g.Raw("SELECT COUNT(*) FROM schema_migrations").Scan(&n)
			if before != after || n != int64(after) {
				t.Fatalf("version %d → %d with %d rows", before, after, n)
			}
		})
		t.Run("ForeignKeysEnforced", func(t *testing.T) {
			err := g.Exec("INSERT INTO team_members (team_id, user_id) VALUES (999, 999)").Error
			if err == nil {
				t.Fatal("insert with dangling foreign keys succeeded")
			}
		})
	})
}

func TestSQLitePragmas(t *testing.T) {
	g := dbtest.SQLite(t)
	var mode string
	g.Raw("PRAGMA journal_mode").Scan(&mode)
	if mode != "wal" {
		t.Errorf("journal_mode = %q, want wal", mode)
	}
	var timeout int
	g.Raw("PRAGMA busy_timeout").Scan(&timeout)
	if timeout < 5000 {
		t.Errorf("busy_timeout = %d, want >= 5000", timeout)
	}
	// FULL (2): a result the server acknowledged survives a power cut; NORMAL
	// in WAL may lose the last commits, which the tablet has already dropped.
	var writerSync int
	if err := g.Transaction(func(tx *gorm.DB) error { return tx.Raw("PRAGMA synchronous").Scan(&writerSync).Error }); err != nil {
		t.Fatal(err)
	}
	if writerSync != 2 {
		t.Errorf("the writer's synchronous = %d, want 2 (FULL)", writerSync)
	}
}

// TestSQLiteConcurrentWritesNeverLocked runs many writers at once, each doing a
// read-then-write transaction (the pattern that deadlocks with deferred
// transactions); every one must commit.
func TestSQLiteConcurrentWritesNeverLocked(t *testing.T) {
	g := dbtest.SQLite(t)
	const writers, each = 16, 25
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				errs <- g.Transaction(func(tx *gorm.DB) error {
					var n int64
					if err := tx.Raw("SELECT COUNT(*) FROM settings").Scan(&n).Error; err != nil {
						return err
					}
					return tx.Exec("INSERT INTO settings (key, value) VALUES (?, ?)", fmt.Sprintf("k%d-%d", w, i), fmt.Sprint(n)).Error
				})
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("concurrent write failed: %v", err)
		}
	}
	var n int64
	g.Raw("SELECT COUNT(*) FROM settings").Scan(&n)
	if n != writers*each {
		t.Fatalf("stored %d rows, want %d", n, writers*each)
	}
}

func TestOpenRejectsEmptyPath(t *testing.T) {
	if _, err := db.Open(db.Options{}); err == nil {
		t.Fatal("Open with no path and no URL succeeded")
	}
}

// TestSQLiteFileOwnerOnly: a new database file, which will hold password and
// session hashes, is readable by its owner alone.
func TestSQLiteFileOwnerOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "baru.db")
	g, err := db.Open(db.Options{SQLitePath: path})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close(g)
	for _, p := range []string{path, path + "-wal"} {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if perm := st.Mode().Perm(); perm != 0o600 {
			t.Errorf("%s has mode %o, want 600", filepath.Base(p), perm)
		}
	}
}
