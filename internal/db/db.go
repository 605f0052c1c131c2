// Package db opens the app's database (SQLite by default, PostgreSQL for scale)
// and brings its schema up to date.
package db

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gorm.io/driver/postgres"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Dialects the app runs on.
const (
	SQLite   = "sqlite"
	Postgres = "postgres"
)

// Options selects the database: a PostgreSQL URL when set, otherwise a SQLite file.
type Options struct {
	SQLitePath  string
	DatabaseURL string
}

// Open connects to the database and applies pending migrations.
func Open(o Options) (*gorm.DB, error) {
	cfg := &gorm.Config{Logger: logger.Discard, TranslateError: true}
	var (
		g   *gorm.DB
		err error
	)
	if o.DatabaseURL != "" {
		g, err = gorm.Open(postgres.Open(o.DatabaseURL), cfg)
	} else {
		g, err = openSQLite(o.SQLitePath, cfg)
	}
	if err != nil {
		return nil, err
	}
	if err := Migrate(g); err != nil {
		Close(g)
		return nil, err
	}
	return g, nil
}

// openSQLite opens the file in WAL mode. BEGIN IMMEDIATE (_txlock) takes the write
// lock at the start of a transaction, so concurrent writers queue on busy_timeout
// instead of failing with "database is locked" when a read lock cannot be upgraded.
func openSQLite(path string, cfg *gorm.Config) (*gorm.DB, error) {
	if path == "" {
		return nil, fmt.Errorf("sqlite path is empty")
	}
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("create database folder: %w", err)
		}
	}
	dsn := "file:" + path + "?_journal_mode=WAL&_busy_timeout=10000&_foreign_keys=1&_synchronous=NORMAL&_txlock=immediate"
	g, err := gorm.Open(sqlite.Open(dsn), cfg)
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	sqlDB, err := g.DB()
	if err != nil {
		return nil, err
	}
	sqlDB.SetMaxOpenConns(4)
	sqlDB.SetMaxIdleConns(4)
	return g, nil
}

// Dialect reports which database g talks to.
func Dialect(g *gorm.DB) string {
	if strings.HasPrefix(g.Dialector.Name(), "postgres") {
		return Postgres
	}
	return SQLite
}

// Close releases the connection pool; errors are ignored because nothing can be done.
func Close(g *gorm.DB) {
	if sqlDB, err := g.DB(); err == nil {
		_ = sqlDB.Close()
	}
}
