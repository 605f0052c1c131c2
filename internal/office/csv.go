package office

import (
	"context"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/scope"
)

// The CSV locales an office picks from for its downloads (package export
// writes them). Indonesian is the default: it is what Excel on an office
// computer set to Indonesian reads.
const (
	CSVIndonesian    = "id"   // ";" between cells, decimal comma: 13,63
	CSVInternational = "intl" // "," between cells, decimal point: 13.63
)

// SetCSVLocale stores the CSV locale of ctx's office, with an audit entry.
// Errors: Invalid with field csv_locale, scope.ErrReadOnly.
func (s *Store) SetCSVLocale(ctx context.Context, who audit.Actor, locale string) error {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return err
	}
	const column = "csv_locale"
	if locale != CSVIndonesian && locale != CSVInternational {
		var f apperr.Fields
		f.Add(column, "Pilih salah satu format CSV.")
		return f.Err()
	}
	return s.update(ctx, who, sc.OfficeID, map[string]any{column: locale},
		func(o Office) any { return map[string]string{column: o.CSVLocale} }, map[string]string{column: locale})
}
