package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"jemputbola/internal/config"
	"jemputbola/internal/db"
	"jemputbola/internal/locale"
)

// backupCmd handles `backup FILE`: a consistent copy of the SQLite database,
// safe to take while the server runs.
func backupCmd(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	if len(args) != 1 || args[0] == "" || strings.HasPrefix(args[0], "-") {
		return errors.New("gunakan: backup BERKAS (berkas cadangan baru, mis. cadangan-2026-11-20.db)")
	}
	path := args[0]
	if err := checkSource(getenv); err != nil {
		return err
	}
	_, g, err := openDB(getenv)
	if err != nil {
		return err
	}
	defer db.Close(g)
	if err := db.Backup(ctx, g, path); err != nil {
		return err
	}
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(stdout, "Cadangan ditulis ke %s (%s, %s byte).\n", path, megabytes(st.Size()), locale.Int(st.Size()))
	return err
}

// checkSource refuses a SQLite path that does not exist yet: opening it would
// create an empty database and "back up" nothing, hiding a wrong JEMPUTBOLA_DB.
func checkSource(getenv func(string) string) error {
	cfg, err := config.Load(getenv)
	if err != nil || cfg.DatabaseURL != "" {
		return err
	}
	if _, err := os.Stat(cfg.SQLitePath); err != nil {
		return fmt.Errorf("basis data %s tidak ditemukan (periksa JEMPUTBOLA_DB): %w", cfg.SQLitePath, err)
	}
	return nil
}

// megabytes formats a size the Indonesian way: 12,3 MB.
func megabytes(n int64) string {
	return strings.Replace(fmt.Sprintf("%.1f MB", float64(n)/(1<<20)), ".", ",", 1)
}
