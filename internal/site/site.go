// Package site: TEMPORARY placeholder so the tree compiles while the real package is written.
package site

import "gorm.io/gorm"

// Store is a placeholder.
type Store struct{ db *gorm.DB }

// NewStore is a placeholder.
func NewStore(g *gorm.DB) *Store { return &Store{db: g} }
