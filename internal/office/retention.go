package office

import (
	"context"
	"fmt"

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
		f.Add("years", fmt.Sprintf("Masa simpan audit harus %d sampai %d tahun.", MinAuditRetention, MaxAuditRetention))
		return f.Err()
	}
	const column = "audit_retention_years"
	return s.update(ctx, who, sc.OfficeID, map[string]any{column: years},
		func(o Office) any { return map[string]int{column: o.AuditRetentionYears} }, map[string]int{column: years})
}
