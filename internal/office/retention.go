package office

import (
	"context"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/scope"
)

// Audit retention bounds, in years. Five is the default the office can change;
// thirty keeps a typo from meaning "for ever".
const (
	DefaultAuditRetention = 5
	MinAuditRetention     = 1
	MaxAuditRetention     = 30
)

// SetAuditRetention stores how many years ctx's office keeps audit entries,
// with an audit entry. Errors: Invalid with field years, scope.ErrReadOnly.
func (s *Store) SetAuditRetention(ctx context.Context, who audit.Actor, years int) error {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return err
	}
	if years < MinAuditRetention || years > MaxAuditRetention {
		var f apperr.Fields
		f.Add("years", "Masa simpan audit harus 1 sampai 30 tahun.")
		return f.Err()
	}
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		before, err := NewStore(tx).Get(ctx, sc.OfficeID)
		if err != nil {
			return err
		}
		if err := tx.Model(&Office{}).Where("id = ?", sc.OfficeID).Update("audit_retention_years", years).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, who, audit.Update, "office", before.Code,
			map[string]int{"audit_retention_years": before.AuditRetentionYears}, map[string]int{"audit_retention_years": years})
	})
}
