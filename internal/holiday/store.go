package holiday

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/office"
	"jemputbola/internal/scope"
	"jemputbola/internal/text"
)

// Bounds of an office's list.
const (
	MaxOwn        = 200 // days off an office keeps: years of local days and school holidays
	maxNameLen    = 100
	maxSchoolDays = 62 // a libur semester or kenaikan kelas, with room
	maxOtherDays  = 14
)

// row is a days_off row.
type row struct {
	ID        int64 `gorm:"primaryKey"`
	OfficeID  int64
	Kind      Kind
	FirstDay  string
	LastDay   string
	Name      string
	CreatedAt time.Time
}

func (row) TableName() string { return "days_off" }

func (r row) day() Day {
	return Day{ID: r.ID, First: r.FirstDay, Last: r.LastDay, Kind: r.Kind, Name: r.Name}
}

// Store keeps each office's own days off.
type Store struct{ db *gorm.DB }

// NewStore returns a Store on g.
func NewStore(g *gorm.DB) *Store { return &Store{db: g} }

// Own is ctx's office's own days off in date order. Errors: scope.ErrMissing.
func (s *Store) Own(ctx context.Context) ([]Day, error) {
	sc, err := scope.From(ctx)
	if err != nil {
		return nil, err
	}
	var rows []row
	if err := s.db.WithContext(ctx).Where("office_id = ?", sc.OfficeID).Order("first_day, id").Find(&rows).Error; err != nil {
		return nil, err
	}
	days := make([]Day, len(rows))
	for i, r := range rows {
		days[i] = r.day()
	}
	return days, nil
}

// Calendar is ctx's office's working week with every day off it keeps.
// Errors: scope.ErrMissing.
func (s *Store) Calendar(ctx context.Context) (Calendar, error) {
	o, err := office.NewStore(s.db).Current(ctx)
	if err != nil {
		return Calendar{}, err
	}
	own, err := s.Own(ctx)
	if err != nil {
		return Calendar{}, err
	}
	return New(o.WorkingWeek(), own), nil
}

// Add checks d and stores it as a day off of ctx's office, with an audit
// entry; it returns the stored day. Errors: Invalid with fields kind, first,
// last and name; Conflict when the same day is listed already or the list is
// full; scope.ErrReadOnly.
func (s *Store) Add(ctx context.Context, who audit.Actor, d Day) (Day, error) {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return Day{}, err
	}
	if err := check(&d, sc.Now(time.Now())); err != nil {
		return Day{}, err
	}
	r := row{OfficeID: sc.OfficeID, Kind: d.Kind, FirstDay: d.First, LastDay: d.Last, Name: d.Name, CreatedAt: time.Now().UTC()}
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var n, same int64
		if err := tx.Model(&row{}).Where("office_id = ?", sc.OfficeID).Count(&n).Error; err != nil {
			return err
		}
		if n >= MaxOwn {
			return conflict(fmt.Sprintf("Daftar hari libur kantor sudah berisi %d baris; hapus yang sudah lewat lebih dulu.", MaxOwn))
		}
		if err := tx.Model(&row{}).Where("office_id = ? AND kind = ? AND first_day = ? AND last_day = ?", sc.OfficeID, d.Kind, d.First, d.Last).
			Count(&same).Error; err != nil {
			return err
		}
		if same > 0 {
			return conflict("Tanggal itu sudah ada di daftar dengan jenis yang sama.")
		}
		if err := tx.Create(&r).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, who, audit.Create, "day_off", r.ID, nil, r.day())
	})
	return r.day(), err
}

// conflict is a Conflict the add form shows at its date.
func conflict(msg string) error {
	return &apperr.Error{Code: apperr.Conflict, Message: msg, Fields: map[string]string{"first": msg}}
}

// check validates d against the rules of an office's list, cleaning its name
// and filling Last; today bounds the years. Errors: Invalid with fields.
func check(d *Day, today time.Time) error {
	var f apperr.Fields
	d.Name = strings.TrimSpace(text.Clean(d.Name))
	if d.Last == "" {
		d.Last = d.First
	}
	valid := false
	for _, k := range OfficeKinds {
		valid = valid || d.Kind == k
	}
	if !valid {
		f.Add("kind", "Pilih jenis hari libur.")
	}
	switch n := utf8.RuneCountInString(d.Name); {
	case n == 0:
		f.Add("name", "Tulis nama hari libur, mis. “HUT Kabupaten” atau “Libur semester ganjil”.")
	case n > maxNameLen:
		f.Add("name", "Nama paling panjang 100 huruf.")
	}
	first, err := time.Parse(time.DateOnly, d.First)
	if err != nil {
		f.Add("first", "Pilih tanggal (TTTT-BB-HH).")
		return f.Err()
	}
	if first.Year() < today.Year()-1 || first.Year() > today.Year()+2 {
		f.Add("first", "Tanggal hanya dari tahun lalu sampai dua tahun ke depan.")
	}
	last, err := time.Parse(time.DateOnly, d.Last)
	switch {
	case err != nil:
		f.Add("last", "Pilih tanggal (TTTT-BB-HH), atau kosongkan bila satu hari.")
	case last.Before(first):
		f.Add("last", "Tanggal akhir tidak boleh sebelum tanggal mulai.")
	case d.Kind == School && last.Sub(first) >= maxSchoolDays*24*time.Hour:
		f.Add("last", "Libur sekolah paling lama 62 hari; catat tiap libur semester sendiri.")
	case d.Kind != School && last.Sub(first) >= maxOtherDays*24*time.Hour:
		f.Add("last", "Paling lama 14 hari berturut-turut; untuk libur sekolah pilih jenis Libur sekolah.")
	}
	if d.Kind == Open && len(f) == 0 {
		for day := range d.Dates() {
			if !builtInOff(day) {
				f.Add("first", "Kantor tetap masuk hanya pada libur nasional atau cuti bersama bawaan; "+day+" bukan salah satunya.")
				break
			}
		}
	}
	return f.Err()
}

// builtInOff reports whether day is a built-in day off.
func builtInOff(day string) bool {
	for _, d := range national {
		if d.First == day {
			return true
		}
	}
	return false
}

// Remove deletes one of ctx's office's own days off, with an audit entry.
// Errors: NotFound (also for another office's), scope.ErrReadOnly.
func (s *Store) Remove(ctx context.Context, who audit.Actor, id int64) (Day, error) {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return Day{}, err
	}
	var r row
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Where("id = ? AND office_id = ?", id, sc.OfficeID).Take(&r).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return apperr.New(apperr.NotFound, "Hari libur itu tidak ada di daftar kantor ini.")
			}
			return err
		}
		if err := tx.Delete(&row{}, r.ID).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, who, audit.Delete, "day_off", r.ID, r.day(), nil)
	})
	return r.day(), err
}
