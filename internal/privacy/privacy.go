// Package privacy keeps personal data out of the app and only as long as
// needed: it finds residents' numbers already stored in the app's text
// (before package pii refused them at the door) and masks them, with an
// audit entry per column it rewrites; and it archives audit entries past the
// office's retention to a file before removing them.
package privacy

import (
	"context"
	"errors"
	"fmt"

	"gorm.io/gorm"

	"jemputbola/internal/audit"
	"jemputbola/internal/pii"
)

// table holds text columns residents' numbers could have reached.
type table struct {
	name, key string
	columns   []textColumn
}

// textColumn is one of them; phones says whether a mobile number there is a
// resident's (a visit's notes may hold the site contact's own).
type textColumn struct {
	name   string
	phones bool
}

const notes = "notes"

// history is a correction's record: why, and the values before and after.
var history = []textColumn{{"reason", true}, {"before_json", true}, {"after_json", true}}

var tables = []table{
	{"visit_results", "id", []textColumn{{notes, true}, {"verify_comment", true}}},
	{"visit_result_history", "id", history},
	{"desk_tallies", "id", []textColumn{{notes, true}}},
	{"desk_tally_history", "id", history},
	{"visits", "id", []textColumn{{notes, false}, {"cancel_reason", true}}},
	{"visit_confirmations", "visit_id", []textColumn{{"note", false}}},
	{"sites", "id", []textColumn{{notes, false}}},
	{"teams", "id", []textColumn{{notes, false}}},
	{"audit_entries", "id", []textColumn{{"before_json", false}, {"after_json", false}}},
}

// Finding is one stored text holding a resident's number.
type Finding struct {
	Table, Column string
	ID            int64
	Masked        string // the text as masked (the number never leaves the database in clear)
}

// Scan lists every stored text holding a resident's number, across all
// offices; with mask it rewrites each with the number masked, one
// transaction for all, and an audit entry per column rewritten.
func Scan(ctx context.Context, g *gorm.DB, mask bool, who audit.Actor) ([]Finding, error) {
	var found []Finding
	err := g.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		for _, t := range tables {
			for _, c := range t.columns {
				fs, err := scanColumn(tx, t, c)
				if err != nil {
					return err
				}
				found = append(found, fs...)
				if mask && len(fs) > 0 {
					if err := maskColumn(ctx, tx, who, t, c, fs); err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
	return found, err
}

// maskColumn writes the masked texts of one column back, with an audit entry.
func maskColumn(ctx context.Context, tx *gorm.DB, who audit.Actor, t table, c textColumn, fs []Finding) error {
	for _, f := range fs {
		if err := tx.Exec(fmt.Sprintf("UPDATE %s SET %s = ? WHERE %s = ?", t.name, c.name, t.key), f.Masked, f.ID).Error; err != nil {
			return err
		}
	}
	return audit.RecordIn(ctx, tx, 0, who, audit.Update, "privacy_mask", t.name+"."+c.name, nil, map[string]int{"baris": len(fs)})
}

// scanColumn reads one column whole, row by row, and keeps the rows that
// hold a number. Table and column names come from tables, never input.
func scanColumn(tx *gorm.DB, t table, c textColumn) (_ []Finding, err error) {
	rows, err := tx.Raw(fmt.Sprintf("SELECT %s, %s FROM %s WHERE %s <> '' ORDER BY %s", t.key, c.name, t.name, c.name, t.key)).Rows()
	if err != nil {
		return nil, err
	}
	defer func() { err = errors.Join(err, rows.Close()) }()
	var out []Finding
	for rows.Next() {
		var id int64
		var text string
		if err := rows.Scan(&id, &text); err != nil {
			return nil, err
		}
		if masked, n := pii.Mask(text, c.phones); n > 0 {
			out = append(out, Finding{Table: t.name, Column: c.name, ID: id, Masked: masked})
		}
	}
	return out, rows.Err()
}
