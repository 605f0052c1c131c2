package letter

import (
	"context"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"jemputbola/internal/audit"
	"jemputbola/internal/scope"
)

// Kind of letter.
type Kind string

// Kinds: the team's Surat Tugas and the Surat Pemberitahuan to the head of
// the visited place.
const (
	Tugas         Kind = "tugas"
	Pemberitahuan Kind = "pemberitahuan"
)

// Label is the letter's name.
func (k Kind) Label() string {
	if k == Tugas {
		return "Surat Tugas"
	}
	return "Surat Pemberitahuan"
}

// DefaultPattern is an office's letter number until it sets its own.
const DefaultPattern = "470/{n}/Dukcapil/{yyyy}"

// Tokens of a pattern: {n} the year's counter (required, once), {yyyy} the
// year, {mm} the month, {romawi} the month in Roman numerals.
var Tokens = []string{"{n}", "{yyyy}", "{mm}", "{romawi}"}

var roman = [...]string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"}

// Format fills pattern with seq and the date of the letter.
func Format(pattern string, seq int, on time.Time) string {
	return strings.NewReplacer("{n}", strconv.Itoa(seq), "{yyyy}", strconv.Itoa(on.Year()),
		"{mm}", on.Format("01"), "{romawi}", roman[on.Month()-1]).Replace(pattern)
}

// numberRow is a letters row.
type numberRow struct {
	ID       int64 `gorm:"primaryKey"`
	OfficeID int64
	VisitID  int64
	Kind     Kind
	Year     int
	Seq      int
	Number   string
	IssuedAt time.Time
}

func (numberRow) TableName() string { return "letters" }

// Numbers gives letters their numbers.
type Numbers struct{ db *gorm.DB }

// NewNumbers returns the numbering on g.
func NewNumbers(g *gorm.DB) *Numbers { return &Numbers{db: g} }

// Issued is a letter's number and the date it was given, which the letter
// carries.
type Issued struct {
	Number string
	On     time.Time // in the office's zone
}

// Number is the number of visit's letter of kind in ctx's office: the one it
// was given before, or the next of the year of today (office-local) in the
// office's pattern, recorded in the audit trail. Two requests at once get
// one number. Without issue (a letter looked at, not sent: a cancelled
// visit, another team's reader) and in a read-only view it gets the number
// given before, or none (an empty Number).
func (n *Numbers) Number(ctx context.Context, who audit.Actor, visitID int64, kind Kind, pattern string, today time.Time, issue bool) (Issued, error) {
	sc, err := scope.From(ctx)
	if err != nil {
		return Issued{}, err
	}
	var out Issued
	err = n.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var got []numberRow
		if err := tx.Where("visit_id = ? AND kind = ? AND office_id = ?", visitID, kind, sc.OfficeID).Limit(1).Find(&got).Error; err != nil {
			return err
		}
		if len(got) > 0 {
			out = Issued{Number: got[0].Number, On: got[0].IssuedAt.In(today.Location())}
			return nil
		}
		if sc.ReadOnly || !issue {
			return nil // no number yet
		}
		var seq int
		err := tx.Raw(`INSERT INTO letter_counters (office_id, year, last) VALUES (?, ?, 1)
			ON CONFLICT (office_id, year) DO UPDATE SET last = letter_counters.last + 1 RETURNING last`,
			sc.OfficeID, today.Year()).Scan(&seq).Error
		if err != nil {
			return err
		}
		r := numberRow{OfficeID: sc.OfficeID, VisitID: visitID, Kind: kind, Year: today.Year(), Seq: seq,
			Number: Format(pattern, seq, today), IssuedAt: today.UTC()}
		res := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&r)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			// Another request numbered this letter first: its number stands,
			// and the counter's step is a gap, never a number given twice.
			if err := tx.Where("visit_id = ? AND kind = ?", visitID, kind).Take(&r).Error; err != nil {
				return err
			}
			out = Issued{Number: r.Number, On: r.IssuedAt.In(today.Location())}
			return nil
		}
		out = Issued{Number: r.Number, On: today}
		return audit.Record(ctx, tx, who, audit.Create, "letter", r.Number, nil,
			map[string]any{"surat": kind.Label(), "nomor": r.Number, "kunjungan": visitID})
	})
	return out, err
}

// CheckPattern says what is wrong with a number pattern, "" when nothing:
// {n} once, only the known tokens, at most 60 characters.
func CheckPattern(pattern string) string {
	switch {
	case strings.Count(pattern, "{n}") != 1:
		return "Pola nomor surat harus memuat {n} (nomor urut) tepat sekali, mis. 470/{n}/Dukcapil/{yyyy}."
	case len([]rune(pattern)) > 60:
		return "Pola nomor surat paling panjang 60 karakter."
	}
	rest := pattern
	for _, t := range Tokens {
		rest = strings.ReplaceAll(rest, t, "")
	}
	if strings.ContainsAny(rest, "{}") {
		return "Pola nomor surat hanya mengenal {n}, {yyyy}, {mm} dan {romawi}."
	}
	return ""
}
