package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jemputbola/internal/dbtest"
)

func TestBackupCommand(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "jb.db") // backup is SQLite's, whichever database the suite runs on
	env := func(k string) string {
		if k == "JEMPUTBOLA_DB" {
			return dbPath
		}
		return ""
	}
	ctx := context.Background()
	if err := run(ctx, []string{"migrate"}, env, strings.NewReader(""), io.Discard); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "cadangan.db")
	var out strings.Builder
	if err := run(ctx, []string{"backup", path}, env, strings.NewReader(""), &out); err != nil {
		t.Fatalf("backup: %v", err)
	}
	if st, err := os.Stat(path); err != nil || st.Size() == 0 || !strings.Contains(out.String(), "Cadangan ditulis ke "+path) {
		t.Fatalf("backup wrote %v (%v), said %q", st, err, out.String())
	}
	t.Run("RefusesExistingFile", func(t *testing.T) {
		err := run(ctx, []string{"backup", path}, env, strings.NewReader(""), io.Discard)
		if err == nil || !strings.Contains(err.Error(), "sudah ada") {
			t.Fatalf("backup over an existing file: %v", err)
		}
	})
	t.Run("NeedsOneFile", func(t *testing.T) {
		if err := run(ctx, []string{"backup"}, env, strings.NewReader(""), io.Discard); err == nil || !strings.Contains(err.Error(), "backup BERKAS") {
			t.Fatalf("backup without a file: %v", err)
		}
	})
	t.Run("MissingDatabase", func(t *testing.T) {
		missing := func(k string) string {
			if k == "JEMPUTBOLA_DB" {
				return filepath.Join(t.TempDir(), "salah.db")
			}
			return env(k)
		}
		err := run(ctx, []string{"backup", filepath.Join(t.TempDir(), "b.db")}, missing, strings.NewReader(""), io.Discard)
		if err == nil || !strings.Contains(err.Error(), "tidak ditemukan") {
			t.Fatalf("backup of a missing database: %v", err)
		}
	})
}

func TestBackupCommandOnPostgres(t *testing.T) {
	pg := dbtest.PostgresURL(t)
	env := func(k string) string {
		if k == "DATABASE_URL" {
			return pg
		}
		return ""
	}
	err := run(context.Background(), []string{"backup", filepath.Join(t.TempDir(), "b.db")}, env, strings.NewReader(""), io.Discard)
	if err == nil || !strings.Contains(err.Error(), "pg_dump") {
		t.Fatalf("backup on PostgreSQL: %v, want a pointer to pg_dump", err)
	}
}
