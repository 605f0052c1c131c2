// Package settings keeps the installation's key/value settings: the session
// secret and the office's letterhead (name, address, head).
package settings

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Keys of known settings.
const (
	KeySecret = "secret"
	// KeyProbe holds the time of the last write probe of /healthz?deep=1.
	KeyProbe = "health_probe"
)

type setting struct {
	Key   string `gorm:"primaryKey"`
	Value string
}

func (setting) TableName() string { return "settings" }

// Store reads and writes settings.
type Store struct{ db *gorm.DB }

// NewStore returns a Store on g.
func NewStore(g *gorm.DB) *Store { return &Store{db: g} }

// Get returns the value of key and whether it is set.
func (s *Store) Get(ctx context.Context, key string) (string, bool, error) {
	var st setting
	err := s.db.WithContext(ctx).Where("key = ?", key).First(&st).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return "", false, nil
	}
	return st.Value, err == nil, err
}

// Set stores value under key.
func (s *Store) Set(ctx context.Context, key, value string) error {
	return s.db.WithContext(ctx).Clauses(clause.OnConflict{
		Columns: []clause.Column{{Name: "key"}}, DoUpdates: clause.AssignmentColumns([]string{"value"}),
	}).Create(&setting{Key: key, Value: value}).Error
}

// Secret returns the persisted session secret, creating one on first use. Two
// instances racing here both end up with the value that was stored first.
func (s *Store) Secret(ctx context.Context) (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	err := s.db.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).
		Create(&setting{Key: KeySecret, Value: hex.EncodeToString(b)}).Error
	if err != nil {
		return "", err
	}
	v, _, err := s.Get(ctx, KeySecret)
	return v, err
}

// Probe reads from the database and, when write is set, writes to it: what
// /healthz reports. A full disk or a read-only file fails the write.
func (s *Store) Probe(ctx context.Context, write bool, now time.Time) error {
	var one int
	if err := s.db.WithContext(ctx).Raw("SELECT 1").Scan(&one).Error; err != nil {
		return err
	}
	if !write {
		return nil
	}
	return s.Set(ctx, KeyProbe, now.UTC().Format(time.RFC3339Nano))
}
