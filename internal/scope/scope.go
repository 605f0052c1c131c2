// Package scope carries the office a request or command works for through its
// context. Every store reads it once per call: rows an office owns are filtered
// by its id (Own), regions and figures by its code (Under). A context without
// a scope reads and writes nothing.
package scope

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
)

// Scope is the office a call works for.
type Scope struct {
	OfficeID int64
	Code     string         // the office's Kemendagri code: "17" (provinsi) or "17.71" (kab/kota)
	Zone     *time.Location // the office's time zone: "today" is its today
	// ReadOnly is set when a province looks at one of its kab/kota: every
	// write is refused (ForWrite).
	ReadOnly bool
}

type key struct{}

// With returns ctx carrying s.
func With(ctx context.Context, s Scope) context.Context { return context.WithValue(ctx, key{}, s) }

// ErrMissing is returned by readers called without a scope: a programming
// error, never shown as data of some office.
var ErrMissing = apperr.New(apperr.Forbidden, "Kantor tidak diketahui.")

// ErrReadOnly is returned by writers called on a read-only view.
var ErrReadOnly = apperr.New(apperr.Forbidden, "Data kantor ini hanya dapat dilihat, tidak dapat diubah.")

// From returns the scope of ctx. Errors: ErrMissing.
func From(ctx context.Context) (Scope, error) {
	s, ok := ctx.Value(key{}).(Scope)
	if !ok || s.OfficeID == 0 || s.Code == "" {
		return Scope{}, ErrMissing
	}
	return s, nil
}

// ForWrite returns the scope of ctx for a change. Errors: ErrMissing, ErrReadOnly.
func ForWrite(ctx context.Context) (Scope, error) {
	s, err := From(ctx)
	if err == nil && s.ReadOnly {
		return Scope{}, ErrReadOnly
	}
	return s, err
}

// Own narrows a query to the rows of table owned by the office of ctx. Without
// a scope the query fails with ErrMissing and matches nothing.
func Own(ctx context.Context, table string) func(*gorm.DB) *gorm.DB {
	return func(q *gorm.DB) *gorm.DB {
		s, err := From(ctx)
		if err != nil {
			_ = q.AddError(err)
			return q.Where("1 = 0")
		}
		return q.Where(table+".office_id = ?", s.OfficeID)
	}
}

// Under reports whether the region code lies in the office's area (or is it).
func (s Scope) Under(code string) bool {
	return code == s.Code || strings.HasPrefix(code, s.Code+".")
}

// Below is a LIKE pattern matching every region code under the office's code.
func (s Scope) Below() string { return s.Code + ".%" }

// Province reports whether the office is a provinsi (its code has no dot).
func (s Scope) Province() bool { return !strings.Contains(s.Code, ".") }

// Now returns t in the office's zone (UTC when none is set).
func (s Scope) Now(t time.Time) time.Time {
	if s.Zone == nil {
		return t.UTC()
	}
	return t.In(s.Zone)
}
