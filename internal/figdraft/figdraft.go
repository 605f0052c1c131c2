// Package figdraft keeps a checked figures file between its preview and its
// import: the office sees what the file will change, then stores it with one
// click, without sending the file again.
package figdraft

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/figimport"
	"jemputbola/internal/scope"
)

// MaxAge is how long a draft waits for its click.
const MaxAge = 24 * time.Hour

// Draft is one checked file waiting to be imported.
type Draft struct {
	ID        int64
	AsOf      string
	FileName  string
	Parsed    figimport.Parsed
	CreatedAt time.Time
}

// row is a draft as stored.
type row struct {
	ID         int64 `gorm:"primaryKey"`
	OfficeID   int64
	UserID     int64
	AsOf       string
	FileName   string
	ParsedJSON string `gorm:"column:parsed_json"`
	CreatedAt  time.Time
}

func (row) TableName() string { return "figure_drafts" }

// ErrGone is a draft that was imported, dropped, or never the user's.
var ErrGone = apperr.New(apperr.NotFound, "Pratinjau ini sudah disimpan atau kedaluwarsa. Unggah berkasnya lagi.")

// Store keeps drafts.
type Store struct{ db *gorm.DB }

// NewStore returns a Store on g.
func NewStore(g *gorm.DB) *Store { return &Store{db: g} }

// Save keeps a checked file for userID in ctx's office and drops that
// user's earlier drafts and the office's drafts past MaxAge.
// Errors: scope.ErrReadOnly.
func (s *Store) Save(ctx context.Context, userID int64, asOf, fileName string, p figimport.Parsed) (int64, error) {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return 0, err
	}
	body, err := json.Marshal(p)
	if err != nil {
		return 0, err
	}
	now := time.Now().UTC()
	r := row{OfficeID: sc.OfficeID, UserID: userID, AsOf: asOf, FileName: fileName, ParsedJSON: string(body), CreatedAt: now}
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Where("office_id = ? AND (user_id = ? OR created_at < ?)", sc.OfficeID, userID, now.Add(-MaxAge)).Delete(&row{}).Error; err != nil {
			return err
		}
		return tx.Create(&r).Error
	})
	return r.ID, err
}

// Get is draft id of userID in ctx's office. Errors: ErrGone.
func (s *Store) Get(ctx context.Context, userID, id int64) (Draft, error) {
	var r row
	err := s.db.WithContext(ctx).Scopes(scope.Own(ctx, "figure_drafts")).
		Where("id = ? AND user_id = ? AND created_at >= ?", id, userID, time.Now().UTC().Add(-MaxAge)).Take(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return Draft{}, ErrGone
	}
	if err != nil {
		return Draft{}, err
	}
	d := Draft{ID: r.ID, AsOf: r.AsOf, FileName: r.FileName, CreatedAt: r.CreatedAt}
	return d, json.Unmarshal([]byte(r.ParsedJSON), &d.Parsed)
}

// Drop removes draft id of userID in ctx's office: once imported, or when
// the user decides against it.
func (s *Store) Drop(ctx context.Context, userID, id int64) error {
	return s.db.WithContext(ctx).Scopes(scope.Own(ctx, "figure_drafts")).Where("id = ? AND user_id = ?", id, userID).Delete(&row{}).Error
}
