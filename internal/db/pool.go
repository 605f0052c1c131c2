package db

import (
	"context"
	"database/sql"
	"strings"
)

// splitPool sends SQLite's writes and transactions through one connection and
// plain reads through a pool of read-only connections. SQLite lets one writer
// work at a time anyway; with a single writer connection, writers wait in Go
// instead of holding connections that readers need while they sleep on
// SQLite's lock, and in WAL mode readers never wait for the writer.
type splitPool struct {
	writer *sql.DB // one connection: Exec, Prepare, transactions
	reader *sql.DB // several read-only connections: queries outside transactions
}

// isRead reports whether a statement only reads, so a read-only connection can run it.
func isRead(query string) bool {
	q := strings.ToUpper(strings.TrimLeft(query, " \t\r\n("))
	switch {
	case strings.HasPrefix(q, "SELECT"):
		return true
	case strings.HasPrefix(q, "WITH"):
		return !strings.Contains(q, "INSERT") && !strings.Contains(q, "UPDATE") && !strings.Contains(q, "DELETE")
	}
	return false
}

func (p *splitPool) pick(query string) *sql.DB {
	if isRead(query) {
		return p.reader
	}
	return p.writer
}

func (p *splitPool) PrepareContext(ctx context.Context, query string) (*sql.Stmt, error) {
	return p.writer.PrepareContext(ctx, query)
}

func (p *splitPool) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return p.writer.ExecContext(ctx, query, args...)
}

func (p *splitPool) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return p.pick(query).QueryContext(ctx, query, args...)
}

func (p *splitPool) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return p.pick(query).QueryRowContext(ctx, query, args...)
}

func (p *splitPool) BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error) {
	return p.writer.BeginTx(ctx, opts)
}

// GetDBConn gives GORM's DB() the writer, the pool that owns the file.
func (p *splitPool) GetDBConn() (*sql.DB, error) { return p.writer, nil }

func (p *splitPool) Close() error {
	err := p.reader.Close()
	if werr := p.writer.Close(); err == nil {
		err = werr
	}
	return err
}
