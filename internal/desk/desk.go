// Package desk keeps the loket: the service points where residents activate
// IKD without a field visit (the office desk, the MPP, a kantor kecamatan)
// and one tally per point and day. A tally counts for the desa where its
// point stands, less its residents of other desa, like a field result at a
// site there; corrections keep the earlier values.
package desk

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/db"
	"jemputbola/internal/region"
	"jemputbola/internal/result"
	"jemputbola/internal/scope"
)

// Kind is what a service point is.
type Kind string

// Kinds of service point.
const (
	Kantor    Kind = "kantor"    // the Dinas Dukcapil's own desk
	MPP       Kind = "mpp"       // Mal Pelayanan Publik
	Kecamatan Kind = "kecamatan" // a desk at a kantor kecamatan
)

// Kinds in display order.
var Kinds = []Kind{Kantor, MPP, Kecamatan}

// Label is how the UI names the kind.
func (k Kind) Label() string {
	switch k {
	case Kantor:
		return "Loket kantor Dukcapil"
	case MPP:
		return "Mal Pelayanan Publik"
	case Kecamatan:
		return "Kantor kecamatan"
	}
	return string(k)
}

// Point is one service point of an office.
type Point struct {
	ID        int64 `gorm:"primaryKey"`
	OfficeID  int64
	Name      string
	Kind      Kind
	DesaCode  string // where it stands: its activations count there
	Active    bool
	CreatedAt time.Time
	UpdatedAt time.Time
}

// TableName keeps GORM on the migrated table.
func (Point) TableName() string { return "service_points" }

// Tally is one point's day.
type Tally struct {
	ID                    int64 `gorm:"primaryKey"`
	OfficeID              int64
	PointID               int64
	Day                   string // office-local date, YYYY-MM-DD
	Activations           int64
	PeopleServed          int64
	EktpRecorded          int64
	OutOfArea             int64
	ForService            int64 // came because IKD was required for another service
	FailNoAndroid         int64
	FailNoSignal          int64
	FailNoEmail           int64
	FailIncompatiblePhone int64
	FailDataProblem       int64
	FailRefused           int64
	FailOther             int64
	Notes                 string
	LoggedBy              *int64
	UpdatedAt             time.Time
}

// TableName keeps GORM on the migrated table.
func (Tally) TableName() string { return "desk_tallies" }

// Outcome is the tally's counts as a result's.
func (t Tally) Outcome() result.Outcome {
	return result.Outcome{Activations: t.Activations, PeopleServed: t.PeopleServed, EktpRecorded: t.EktpRecorded, OutOfArea: t.OutOfArea,
		Notes: t.Notes, Failures: map[string]int64{"no_android": t.FailNoAndroid, "no_signal": t.FailNoSignal, "no_email": t.FailNoEmail,
			"incompatible_phone": t.FailIncompatiblePhone, "data_problem": t.FailDataProblem, "refused": t.FailRefused, "other": t.FailOther}}
}

func (t *Tally) apply(in Input) {
	o := in.Outcome
	t.Activations, t.PeopleServed, t.EktpRecorded, t.OutOfArea, t.ForService, t.Notes = o.Activations, o.PeopleServed, o.EktpRecorded, o.OutOfArea, in.ForService, o.Notes
	f := o.Failures
	t.FailNoAndroid, t.FailNoSignal, t.FailNoEmail = f["no_android"], f["no_signal"], f["no_email"]
	t.FailIncompatiblePhone, t.FailDataProblem, t.FailRefused, t.FailOther = f["incompatible_phone"], f["data_problem"], f["refused"], f["other"]
}

// History is one correction of a tally.
type History struct {
	ID        int64 `gorm:"primaryKey"`
	TallyID   int64
	ChangedBy *int64
	ChangedAt time.Time
	Reason    string
	Before    string `gorm:"column:before_json"`
	After     string `gorm:"column:after_json"`
}

// TableName keeps GORM on the migrated table.
func (History) TableName() string { return "desk_tally_history" }

// PointInput is a service point as the form gives it.
type PointInput struct {
	Name     string
	Kind     Kind
	DesaCode string
}

// Input returns the point as a form input.
func (p Point) Input() PointInput {
	return PointInput{Name: p.Name, Kind: p.Kind, DesaCode: p.DesaCode}
}

// Input is one point's day as the desk operator enters it. Reason is
// required when the day has a tally already (a correction).
type Input struct {
	PointID    int64
	Day        string
	Outcome    result.Outcome
	ForService int64
	Reason     string
}

// MaxPastDays is how far back a day may be entered: a desk catches up on a
// week's paper list, not on last year's.
const MaxPastDays = 31

// Store keeps the loket of ctx's office.
type Store struct{ db *gorm.DB }

// NewStore returns a Store on g.
func NewStore(g *gorm.DB) *Store { return &Store{db: g} }

var errNoPoint = apperr.New(apperr.NotFound, "Loket tidak ditemukan.")

// Points lists the office's service points, by name. Errors: scope.ErrMissing.
func (s *Store) Points(ctx context.Context) ([]Point, error) {
	var ps []Point
	return ps, s.db.WithContext(ctx).Scopes(scope.Own(ctx, "service_points")).Order("name").Find(&ps).Error
}

// AddPoint adds a service point to ctx's office. Errors: Invalid (fields),
// Conflict (the name is taken), scope.ErrMissing, scope.ErrReadOnly.
func (s *Store) AddPoint(ctx context.Context, who audit.Actor, in PointInput) (Point, error) {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return Point{}, err
	}
	in.Name = strings.TrimSpace(in.Name)
	var f apperr.Fields
	switch n := utf8.RuneCountInString(in.Name); {
	case n == 0:
		f.Add("name", "Nama loket wajib diisi.")
	case n > 100:
		f.Add("name", "Nama loket maksimal 100 karakter.")
	}
	if in.Kind != Kantor && in.Kind != MPP && in.Kind != Kecamatan {
		f.Add("kind", "Pilih jenis loket.")
	}
	known, err := region.NewStore(s.db).HasDesa(ctx, in.DesaCode)
	if err != nil {
		return Point{}, err
	}
	if !known {
		f.Add("desa_code", "Pilih desa/kelurahan tempat loket berada.")
	}
	if err := f.Err(); err != nil {
		return Point{}, err
	}
	now := time.Now().UTC()
	p := Point{OfficeID: sc.OfficeID, Name: in.Name, Kind: in.Kind, DesaCode: in.DesaCode, Active: true, CreatedAt: now, UpdatedAt: now}
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(&p).Error; err != nil {
			if errors.Is(err, gorm.ErrDuplicatedKey) {
				return &apperr.Error{Code: apperr.Conflict, Message: "Nama loket sudah dipakai.", Fields: map[string]string{"name": "Nama loket sudah dipakai."}}
			}
			return err
		}
		return audit.Record(ctx, tx, who, audit.Create, "service_point", p.ID, nil, p)
	})
	return p, err
}

// TalliesOn returns the tallies of ctx's office for day, by point id.
// Errors: scope.ErrMissing.
func (s *Store) TalliesOn(ctx context.Context, day string) (map[int64]Tally, error) {
	var ts []Tally
	if err := s.db.WithContext(ctx).Scopes(scope.Own(ctx, "desk_tallies")).Where("day = ?", day).Find(&ts).Error; err != nil {
		return nil, err
	}
	m := make(map[int64]Tally, len(ts))
	for _, t := range ts {
		m[t.PointID] = t
	}
	return m, nil
}

// Save stores a point's day, entered by userID (0: the system): a new tally, or a correction of the day's tally
// that keeps the earlier values (a reason is then required). Saving the same
// numbers again changes nothing. created tells which. Errors: Invalid
// (fields; a day in the future or more than MaxPastDays ago), NotFound (the
// point, also another office's), scope.ErrMissing, scope.ErrReadOnly.
func (s *Store) Save(ctx context.Context, who audit.Actor, userID int64, in Input) (t Tally, created bool, err error) {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return Tally{}, false, err
	}
	in.Reason = strings.TrimSpace(in.Reason)
	var f apperr.Fields
	in.Outcome.Check(&f)
	if in.ForService < 0 || in.ForService > in.Outcome.PeopleServed {
		f.Add("for_service", "Isi 0 sampai jumlah warga yang dilayani.")
	}
	today := sc.Now(time.Now())
	day, derr := time.ParseInLocation(time.DateOnly, in.Day, today.Location())
	switch {
	case derr != nil:
		f.Add("day", "Tanggal tidak valid (TTTT-BB-HH).")
	case in.Day > today.Format(time.DateOnly):
		f.Add("day", "Hari ini belum lewat: tally hanya untuk hari ini atau sebelumnya.")
	case day.Before(today.AddDate(0, 0, -MaxPastDays)):
		f.Add("day", "Paling lama 31 hari ke belakang.")
	}
	if err := f.Err(); err != nil {
		return Tally{}, false, err
	}
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		p, err := lockPoint(tx, sc, in.PointID)
		if err != nil {
			return err
		}
		var before Tally
		if err := tx.Where("point_id = ? AND day = ?", p.ID, in.Day).Limit(1).Find(&before).Error; err != nil {
			return err
		}
		var by *int64 // nobody for the command line and the demo
		if userID > 0 {
			by = &userID
		}
		t = before
		t.apply(in)
		t.OfficeID, t.PointID, t.Day, t.LoggedBy, t.UpdatedAt = sc.OfficeID, p.ID, in.Day, by, time.Now().UTC()
		if before.ID == 0 {
			created = true
			if err := tx.Create(&t).Error; err != nil {
				return err
			}
			return audit.Record(ctx, tx, who, audit.Create, "desk_tally", t.ID, nil, t)
		}
		if sameCounts(before, t) {
			t = before
			return nil
		}
		if in.Reason == "" {
			return &apperr.Error{Code: apperr.Invalid, Message: "Isi alasan koreksi.", Fields: map[string]string{"reason": "Hari ini sudah dicatat: isi alasan koreksi."}}
		}
		if err := tx.Save(&t).Error; err != nil {
			return err
		}
		b, _ := json.Marshal(before)
		a, _ := json.Marshal(t)
		if err := tx.Create(&History{TallyID: t.ID, ChangedBy: by, ChangedAt: t.UpdatedAt, Reason: in.Reason, Before: string(b), After: string(a)}).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, who, audit.Update, "desk_tally", t.ID, before, t)
	})
	return t, created, err
}

// lockPoint reads a point of the office and, on PostgreSQL, locks it, so two
// saves of one point's day wait for each other (SQLite's writer is one).
func lockPoint(tx *gorm.DB, sc scope.Scope, id int64) (Point, error) {
	q := "SELECT * FROM service_points WHERE id = ? AND office_id = ?"
	if db.Dialect(tx) == db.Postgres {
		q += " FOR UPDATE"
	}
	var ps []Point
	if err := tx.Raw(q, id, sc.OfficeID).Scan(&ps).Error; err != nil {
		return Point{}, err
	}
	if len(ps) == 0 {
		return Point{}, errNoPoint
	}
	return ps[0], nil
}

// sameCounts reports whether two tallies of a day hold the same figures.
func sameCounts(a, b Tally) bool {
	a.ID, a.LoggedBy, a.UpdatedAt, b.ID, b.LoggedBy, b.UpdatedAt = 0, nil, time.Time{}, 0, nil, time.Time{}
	return a == b
}

// PerWorkingDay is the desk's measured yield: the activations of ctx's
// office's tallies on days from..to (inclusive) divided by the working days
// in them; ok is false when the office has no tally then. Errors:
// scope.ErrMissing.
func (s *Store) PerWorkingDay(ctx context.Context, from, to time.Time, works func(time.Time) bool) (perDay float64, ok bool, err error) {
	var row struct {
		N, Total int64
	}
	err = s.db.WithContext(ctx).Model(&Tally{}).Scopes(scope.Own(ctx, "desk_tallies")).
		Where("day >= ? AND day <= ?", from.Format(time.DateOnly), to.Format(time.DateOnly)).
		Select("COUNT(*) AS n, COALESCE(SUM(activations), 0) AS total").Scan(&row).Error
	if err != nil || row.N == 0 {
		return 0, false, err
	}
	days := 0
	for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
		if works(d) {
			days++
		}
	}
	if days == 0 {
		return 0, false, nil
	}
	return float64(row.Total) / float64(days), true, nil
}
