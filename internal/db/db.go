// Package db opens the app's database (SQLite by default, PostgreSQL for scale)
// and brings its schema up to date.
package db

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

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
		g, err = openPostgres(o.DatabaseURL, cfg)
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
// synchronous=FULL syncs the log at every commit: what the server acknowledged
// survives a power cut (the tablet drops a result from its queue on a 201).
func openSQLite(path string, cfg *gorm.Config) (*gorm.DB, error) {
	if path == "" {
		return nil, fmt.Errorf("sqlite path is empty")
	}
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("create database folder: %w", err)
		}
	}
	// A new database holds password and session hashes: only the owner may
	// read it, like a backup (SQLite gives its -wal and -shm files the same).
	if f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600); err == nil {
		if err := f.Close(); err != nil {
			return nil, fmt.Errorf("create database file: %w", err)
		}
	} else if !errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("create database file: %w", err)
	}
	dsn := "file:" + path + "?_journal_mode=WAL&_busy_timeout=10000&_foreign_keys=1&_synchronous=FULL&_txlock=immediate&_cslike=1"
	writer, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	writer.SetMaxOpenConns(1)
	writer.SetMaxIdleConns(1)
	writer.SetConnMaxIdleTime(0)
	reader, err := sql.Open("sqlite3", dsn+"&_query_only=1")
	if err != nil {
		return nil, errors.Join(fmt.Errorf("open sqlite %s: %w", path, err), writer.Close())
	}
	reader.SetMaxOpenConns(sqliteReaders)
	reader.SetMaxIdleConns(sqliteReaders)
	pool := &splitPool{writer: writer, reader: reader}
	g, err := gorm.Open(sqlite.New(sqlite.Config{DSN: dsn, Conn: pool}), cfg)
	if err != nil {
		return nil, errors.Join(fmt.Errorf("open sqlite %s: %w", path, err), pool.Close())
	}
	return g, nil
}

// sqliteReaders is how many reads run at once beside the one writer.
const sqliteReaders = 4

// postgresConns bounds each instance's PostgreSQL connections: several
// instances must stay under the server's max_connections (100 by default),
// and reused connections spare the server a fork per request.
const postgresConns = 16

// Dialect reports which database g talks to.
func Dialect(g *gorm.DB) string {
	if strings.HasPrefix(g.Name(), "postgres") { // the name of g's Dialector
		return Postgres
	}
	return SQLite
}

// Close releases the connection pools; errors are ignored because nothing can be done.
func Close(g *gorm.DB) {
	if p, ok := g.ConnPool.(*splitPool); ok {
		_ = p.Close()
		return
	}
	if sqlDB, err := g.DB(); err == nil {
		_ = sqlDB.Close()
	}
}

func openPostgres(url string, cfg *gorm.Config) (*gorm.DB, error) {
	g, err := gorm.Open(postgres.Open(url), cfg)
	if err != nil {
		return nil, err
	}
	sqlDB, err := g.DB()
	if err != nil {
		return nil, err
	}
	sqlDB.SetMaxOpenConns(postgresConns)
	sqlDB.SetMaxIdleConns(postgresConns)
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	return g, nil
}
