// Package dbtest gives tests a fresh, migrated database: a real SQLite file, and a
// real PostgreSQL schema when a server answers.
package dbtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"jemputbola/internal/audit"
	"jemputbola/internal/db"
	"jemputbola/internal/office"
	"jemputbola/internal/scope"
)

// DefaultPostgresURL is the server the development machines run.
const DefaultPostgresURL = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

// SQLite opens a fresh migrated SQLite file in the test's temp dir (WAL on, as in production).
func SQLite(tb testing.TB) *gorm.DB {
	tb.Helper()
	g, err := db.Open(db.Options{SQLitePath: filepath.Join(tb.TempDir(), "test.db")})
	if err != nil {
		tb.Fatalf("open sqlite: %v", err)
	}
	tb.Cleanup(func() { db.Close(g) })
	return g
}

// PostgresURL returns a URL to a fresh, empty schema of its own on the test server
// (TEST_DATABASE_URL, else DefaultPostgresURL); the schema is dropped after the test.
// It skips the test with a clear message when no server answers, unless
// JEMPUTBOLA_REQUIRE_POSTGRES=1 (set in CI), where it fails instead.
func PostgresURL(tb testing.TB) string {
	tb.Helper()
	base := os.Getenv("TEST_DATABASE_URL")
	if base == "" {
		base = DefaultPostgresURL
	}
	admin, err := gorm.Open(postgres.Open(base), &gorm.Config{Logger: logger.Discard})
	if err == nil {
		err = admin.Exec("SELECT 1").Error
	}
	if err != nil {
		msg := fmt.Sprintf("PostgreSQL not reachable at %s (%v); start it or set TEST_DATABASE_URL", base, err)
		if os.Getenv("JEMPUTBOLA_REQUIRE_POSTGRES") == "1" {
			tb.Fatal(msg)
		}
		tb.Skip(msg)
	}
	schema := "t_" + randomHex(8)
	if err := admin.Exec("CREATE SCHEMA " + schema).Error; err != nil {
		tb.Fatalf("create schema: %v", err)
	}
	tb.Cleanup(func() {
		admin.Exec("DROP SCHEMA " + schema + " CASCADE")
		db.Close(admin)
	})
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatalf("parse %s: %v", base, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// Postgres opens a fresh migrated schema on the test server (see PostgresURL).
func Postgres(tb testing.TB) *gorm.DB {
	tb.Helper()
	g, err := db.Open(db.Options{DatabaseURL: PostgresURL(tb)})
	if err != nil {
		tb.Fatalf("open postgres: %v", err)
	}
	tb.Cleanup(func() { db.Close(g) })
	return g
}

// Each runs fn as a subtest on SQLite and on PostgreSQL, each with a fresh database.
func Each(t *testing.T, fn func(t *testing.T, g *gorm.DB)) {
	t.Helper()
	t.Run(db.SQLite, func(t *testing.T) { fn(t, SQLite(t)) })
	t.Run(db.Postgres, func(t *testing.T) { fn(t, Postgres(t)) })
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// Env selects the database of tests that run on one (the handler tests):
// JEMPUTBOLA_TEST_DB=postgres picks PostgreSQL, anything else SQLite. CI runs
// those tests once with each.
const Env = "JEMPUTBOLA_TEST_DB"

// Selected opens a fresh database of the kind Env names.
func Selected(tb testing.TB) *gorm.DB {
	tb.Helper()
	if os.Getenv(Env) == "postgres" {
		return Postgres(tb)
	}
	return SQLite(tb)
}

// InOffice adds the office of a region code (with its regions) to g and
// returns a context working for it.
func InOffice(tb testing.TB, g *gorm.DB, code string) context.Context {
	tb.Helper()
	o, _, err := office.NewStore(g).Add(context.Background(), audit.System, code)
	if err != nil {
		tb.Fatalf("add office %s: %v", code, err)
	}
	return scope.With(context.Background(), office.Scope(o))
}
