package audit

import (
	"context"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/scope"
)

// Old is the part of an office's trail older than a cutoff, as the archive
// takes it: entries before Before, up to entry LastID, so that entries
// written while a person downloads and confirms stay out of it.
type Old struct {
	Before  time.Time
	LastID  int64
	Entries int64
	FirstAt time.Time // the oldest entry, zero when there is none
}

// Cutoff is the start of the day years before now, in now's zone: entries
// before it are past their retention. It stays the same all day, so a page
// and the form posted from it agree.
func Cutoff(now time.Time, years int) time.Time {
	y, m, d := now.Date()
	return time.Date(y-years, m, d, 0, 0, 0, 0, now.Location())
}

// OldEntries counts ctx's office's entries before `before`.
func (s *Store) OldEntries(ctx context.Context, before time.Time) (Old, error) {
	o := Old{Before: before}
	old := func() *gorm.DB {
		return s.db.WithContext(ctx).Model(&Entry{}).Scopes(scope.Own(ctx, "audit_entries")).Where("at < ?", before.UTC())
	}
	var row struct {
		N    int64
		Last *int64
	}
	if err := old().Select("COUNT(*) AS n, MAX(id) AS last").Scan(&row).Error; err != nil || row.Last == nil {
		return o, err
	}
	// The oldest entry is read whole: SQLite gives an aggregate's time as text.
	var first Entry
	if err := old().Order("at").Limit(1).Take(&first).Error; err != nil {
		return o, err
	}
	o.Entries, o.LastID, o.FirstAt = row.N, *row.Last, first.At
	return o, nil
}

// archiveBatch is how many entries EachOld reads at a time.
const archiveBatch = 1000

// EachOld calls fn with the entries of o, in id order, reading them in
// batches so that years of entries never sit in memory at once.
func (s *Store) EachOld(ctx context.Context, o Old, fn func(Entry) error) error {
	var after int64
	for {
		var es []Entry
		err := s.db.WithContext(ctx).Scopes(scope.Own(ctx, "audit_entries")).
			Where("at < ? AND id > ? AND id <= ?", o.Before.UTC(), after, o.LastID).Order("id").Limit(archiveBatch).Find(&es).Error
		if err != nil {
			return err
		}
		for _, e := range es {
			if err := fn(e); err != nil {
				return err
			}
		}
		if len(es) < archiveBatch {
			return nil
		}
		after = es[len(es)-1].ID
	}
}

// RemoveOld deletes the entries of o and says how many went.
func (s *Store) RemoveOld(ctx context.Context, o Old) (int64, error) {
	res := s.db.WithContext(ctx).Scopes(scope.Own(ctx, "audit_entries")).
		Where("at < ? AND id <= ?", o.Before.UTC(), o.LastID).Delete(&Entry{})
	return res.RowsAffected, res.Error
}
