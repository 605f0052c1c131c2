package db

import (
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Queued is how many writes wait for the next group, for tests that line them up.
func (g *GroupCommit) Queued() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.queue)
}

// Lanes is how many groups commit at once.
func (g *GroupCommit) Lanes() int { return g.lanes }

// OpenAt opens a database migrated up to version, for tests of a later
// migration's treatment of existing rows.
func OpenAt(o Options, version int) (*gorm.DB, error) {
	cfg := &gorm.Config{Logger: logger.Discard, TranslateError: true}
	open := func() (*gorm.DB, error) { return openSQLite(o.SQLitePath, cfg) }
	if o.DatabaseURL != "" {
		open = func() (*gorm.DB, error) { return openPostgres(o.DatabaseURL, cfg) }
	}
	g, err := open()
	if err != nil {
		return nil, err
	}
	return g, migrateTo(g, version)
}
