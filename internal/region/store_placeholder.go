package region

// TEMPORARY placeholder, replaced by store.go.

import "gorm.io/gorm"

// Store is a placeholder.
type Store struct{ db *gorm.DB }

// NewStore is a placeholder.
func NewStore(g *gorm.DB) *Store { return &Store{db: g} }
