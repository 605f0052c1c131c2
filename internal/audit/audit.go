// Package audit records who changed what, when, with the state before and after.
// Entries are written in the same transaction as the change they describe.
package audit

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/scope"
)

// Actions. Create, Update, Delete and Archive change data; the others record access.
const (
	Create       = "create"
	Update       = "update"
	Delete       = "delete"
	SignIn       = "sign_in"
	SignInFailed = "sign_in_failed"
	SignOut      = "sign_out"
	Download     = "download" // an export or a letter taken out of the app
	Archive      = "archive"  // entries past their retention, removed once archived to a file
)

// changes are the actions that alter data, for "recent changes" lists.
var changes = []string{Create, Update, Delete, Archive}

// Archived is the detail of an Archive entry: how many entries went, and the
// SHA-256 of the archive file that holds them, to check a kept copy against.
type Archived struct {
	Entries int64  `json:"entri"`
	SHA256  string `json:"sha256"`
}

// Address is the detail of a sign-in entry: where the request came from.
type Address struct {
	Address string `json:"alamat"`
}

// Actor is who makes a change; a zero UserID means the system (CLI, demo seed).
type Actor struct {
	UserID   int64
	Username string
}

// Changed reports whether e records a change to data rather than an access.
func (e Entry) Changed() bool { return slices.Contains(changes, e.Action) }

// System is the actor for changes made outside a signed-in session.
var System = Actor{Username: "sistem"}

// Entry is one recorded change.
type Entry struct {
	ID       int64  `gorm:"primaryKey"`
	OfficeID *int64 // nil for changes outside any office (none today)
	At       time.Time
	UserID   *int64
	Username string
	Action   string
	Entity   string
	EntityID string
	Before   string `gorm:"column:before_json"`
	After    string `gorm:"column:after_json"`
}

// TableName keeps GORM on the migrated table.
func (Entry) TableName() string { return "audit_entries" }

// Record writes one entry through tx, for the office of ctx's scope. before and
// after are marshalled as JSON; pass nil for the side that does not exist
// (create / delete).
func Record(ctx context.Context, tx *gorm.DB, who Actor, action, entity string, id any, before, after any) error {
	var officeID int64
	if sc, err := scope.From(ctx); err == nil {
		officeID = sc.OfficeID
	}
	return RecordIn(ctx, tx, officeID, who, action, entity, id, before, after)
}

// RecordIn is Record for a named office (0: none), for requests that have no
// scope yet, such as a sign-in.
func RecordIn(ctx context.Context, tx *gorm.DB, officeID int64, who Actor, action, entity string, id any, before, after any) error {
	e := Entry{At: time.Now().UTC(), Username: who.Username, Action: action, Entity: entity, EntityID: fmt.Sprint(id)}
	if officeID != 0 {
		e.OfficeID = &officeID
	}
	if who.UserID != 0 {
		uid := who.UserID
		e.UserID = &uid
	}
	var err error
	if e.Before, err = marshal(before); err != nil {
		return err
	}
	if e.After, err = marshal(after); err != nil {
		return err
	}
	return tx.WithContext(ctx).Create(&e).Error
}

func marshal(v any) (string, error) {
	if v == nil {
		return "", nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("audit: marshal: %w", err)
	}
	return string(b), nil
}

// Filter narrows a listing.
type Filter struct {
	Entity      string
	ChangesOnly bool // leave out sign-ins and downloads
	Limit       int
	Offset      int
}

// Store reads the audit trail.
type Store struct{ db *gorm.DB }

// NewStore returns a Store on g.
func NewStore(g *gorm.DB) *Store { return &Store{db: g} }

// List returns the entries of ctx's office newest first and the total that match.
func (s *Store) List(ctx context.Context, f Filter) ([]Entry, int64, error) {
	q := s.db.WithContext(ctx).Model(&Entry{}).Scopes(scope.Own(ctx, "audit_entries"))
	if f.Entity != "" {
		q = q.Where("entity = ?", f.Entity)
	}
	if f.ChangesOnly {
		q = q.Where("action IN ?", changes)
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, err
	}
	if f.Limit <= 0 {
		f.Limit = 50
	}
	var es []Entry
	err := q.Order("id DESC").Limit(f.Limit).Offset(f.Offset).Find(&es).Error
	return es, total, err
}

// Downloaded records that who took name (an export or a letter) out of the app.
func (s *Store) Downloaded(ctx context.Context, who Actor, name string) error {
	return Record(ctx, s.db, who, Download, "file", name, nil, nil)
}

// Entities lists the kinds of data that have entries of ctx's office, for the filter.
func (s *Store) Entities(ctx context.Context) ([]string, error) {
	var es []string
	return es, s.db.WithContext(ctx).Model(&Entry{}).Scopes(scope.Own(ctx, "audit_entries")).Distinct("entity").Order("entity").Pluck("entity", &es).Error
}
