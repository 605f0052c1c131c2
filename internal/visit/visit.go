// Package visit plans outreach visits ("jemput bola"): a team at a site on a day,
// in a time window, with the rules that keep a team from being in two places at once.
package visit

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"jemputbola/internal/apperr"
	"jemputbola/internal/locale"
	"jemputbola/internal/pii"
)

// Status is where a visit is in its life.
type Status string

// Statuses. A visit starts Direncanakan; Mulai moves it to Berlangsung and its
// result to Selesai (a result logged on a planned visit starts it first, see
// Finish); it can be Dibatalkan (with a reason) until it is Selesai.
const (
	Direncanakan Status = "direncanakan"
	Berlangsung  Status = "berlangsung"
	Selesai      Status = "selesai"
	Dibatalkan   Status = "dibatalkan"
)

// Statuses lists every status in life order, for filters and legends.
var Statuses = []Status{Direncanakan, Berlangsung, Selesai, Dibatalkan}

var labels = map[Status]string{
	Direncanakan: "Direncanakan",
	Berlangsung:  "Berlangsung",
	Selesai:      "Selesai",
	Dibatalkan:   "Dibatalkan",
}

// Label is the status as shown to the user.
func (s Status) Label() string {
	if l, ok := labels[s]; ok {
		return l
	}
	return string(s)
}

// Valid reports whether s is one of the known statuses.
func (s Status) Valid() bool { _, ok := labels[s]; return ok }

var moves = map[Status][]Status{
	Direncanakan: {Berlangsung, Dibatalkan},
	Berlangsung:  {Selesai, Dibatalkan},
}

// CanMove reports whether a visit may go from one status to another; Move
// and Cancel ask it for every change. Direncanakan → Selesai is not a move:
// a visit starts, then finishes (Finish takes both steps for a result).
func CanMove(from, to Status) bool {
	for _, s := range moves[from] {
		if s == to {
			return true
		}
	}
	return false
}

// Limits of the rules.
const (
	MaxExpected = 100000
	MaxWindow   = 12 * time.Hour
	MaxNotes    = 2000
	MaxReason   = 500
)

// Input is what a planner enters for a visit. Day, Start and End are read in the
// office's time zone.
type Input struct {
	SiteID   int64
	TeamID   int64
	Day      string // YYYY-MM-DD
	Start    string // HH:MM, 24 h
	End      string // HH:MM, 24 h
	Expected int64
	Notes    string
	Shared   bool // another team may be at the site at the same time, on purpose
}

// Visit is one row of the visits table.
type Visit struct {
	ID           int64 `gorm:"primaryKey"`
	OfficeID     int64
	SiteID       int64
	TeamID       int64
	Day          string    // office-local date, YYYY-MM-DD
	StartAt      time.Time // UTC
	EndAt        time.Time // UTC
	Expected     int64     `gorm:"column:expected_activations"`
	Notes        string
	Shared       bool
	Status       Status
	CancelReason string
	CreatedBy    *int64
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// TableName keeps GORM on the migrated table.
func (Visit) TableName() string { return "visits" }

// Due reports whether the field work of v may be logged on the office-local
// day today (YYYY-MM-DD): from the visit's own day on, never before it, so
// activations count on the day they happen.
func (v Visit) Due(today string) bool { return v.Day <= today }

// NotDue is the error for starting or logging a visit before its day.
func NotDue(v Visit) error {
	day, err := time.Parse(time.DateOnly, v.Day)
	when := v.Day
	if err == nil {
		when = locale.Date(day)
	}
	return apperr.Errorf(apperr.Conflict, "Kunjungan ini dijadwalkan %s: mulai dan hasilnya baru dapat dicatat pada hari itu.", when)
}

// Detail is a visit with the names a page shows, and its window in the office zone.
type Detail struct {
	Visit
	Start, End    time.Time // StartAt and EndAt in the office zone
	SiteName      string
	SiteKind      string
	DesaCode      string
	DesaName      string
	KecamatanCode string
	KecamatanName string
	TeamName      string
}

// Input returns the visit as a form input, for editing.
func (d Detail) Input() Input {
	return Input{SiteID: d.SiteID, TeamID: d.TeamID, Day: d.Day,
		Start: d.Start.Format("15:04"), End: d.End.Format("15:04"), Expected: d.Expected, Notes: d.Notes, Shared: d.Shared}
}

// window is a validated input turned into instants.
type window struct {
	day        time.Time // midnight of the day in the office zone
	start, end time.Time // UTC
}

// parseTime reads "HH:MM" (or "HH.MM", as Indonesians often write it).
func parseTime(s string) (h, m int, ok bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ".", ":")
	t, err := time.Parse("15:04", s)
	if err != nil {
		return 0, 0, false
	}
	return t.Hour(), t.Minute(), true
}

// validate checks the rules that need no database and returns the window. The
// site and team are only checked for presence here; existence is the store's.
func validate(in Input, zone *time.Location, now time.Time) (window, apperr.Fields) {
	var f apperr.Fields
	var w window
	if in.SiteID <= 0 {
		f.Add("site_id", "Pilih lokasi sasaran.")
	}
	if in.TeamID <= 0 {
		f.Add("team_id", "Pilih tim.")
	}
	day, dayErr := time.ParseInLocation("2006-01-02", strings.TrimSpace(in.Day), zone)
	switch {
	case strings.TrimSpace(in.Day) == "":
		f.Add("day", "Isi tanggal kunjungan.")
	case dayErr != nil:
		f.Add("day", "Tanggal tidak valid (format TTTT-BB-HH).")
	}
	sh, sm, startOK := parseTime(in.Start)
	eh, em, endOK := parseTime(in.End)
	switch {
	case strings.TrimSpace(in.Start) == "":
		f.Add("start", "Isi jam mulai.")
	case !startOK:
		f.Add("start", "Jam mulai tidak valid (format JJ:MM, 24 jam).")
	}
	switch {
	case strings.TrimSpace(in.End) == "":
		f.Add("end", "Isi jam selesai.")
	case !endOK:
		f.Add("end", "Jam selesai tidak valid (format JJ:MM, 24 jam).")
	}
	if in.Expected < 0 || in.Expected > MaxExpected {
		f.Add("expected", fmt.Sprintf("Target aktivasi harus bilangan bulat 0–%s.", locale.Int(MaxExpected)))
	}
	if utf8.RuneCountInString(in.Notes) > MaxNotes {
		f.Add("notes", fmt.Sprintf("Catatan terlalu panjang (paling banyak %s karakter).", locale.Int(MaxNotes)))
	}
	if msg := pii.Check(in.Notes, false); msg != "" { // the site contact's number may stand here
		f.Add("notes", msg)
	}
	if dayErr != nil || !startOK || !endOK {
		return w, f
	}
	w.day = day
	start := time.Date(day.Year(), day.Month(), day.Day(), sh, sm, 0, 0, zone)
	end := time.Date(day.Year(), day.Month(), day.Day(), eh, em, 0, 0, zone)
	w.start, w.end = start.UTC(), end.UTC()
	switch {
	case !end.After(start):
		f.Add("end", "Jam selesai harus setelah jam mulai.")
	case end.Sub(start) > MaxWindow:
		f.Add("end", "Kunjungan paling lama 12 jam.")
	}
	if start.Before(now) {
		f.Add("start", "Kunjungan tidak boleh dijadwalkan di waktu yang sudah lewat.")
	}
	return w, f
}

// ConflictError says a team is already booked in the window; it wraps an
// apperr Conflict (so apperr.CodeOf and FieldsOf work) and names the visit.
type ConflictError struct {
	ConflictID int64 // the visit collided with
	Err        *apperr.Error
}

func (e *ConflictError) Error() string { return fmt.Sprintf("visit %d: %v", e.ConflictID, e.Err) }

// Unwrap returns the apperr.Error.
func (e *ConflictError) Unwrap() error { return e.Err }

func newConflict(id int64, siteName string, start, end time.Time) *ConflictError {
	msg := fmt.Sprintf("Tim sudah dijadwalkan di %s pada %s %s–%s.", siteName, locale.Date(start),
		start.Format("15:04"), end.Format("15:04"))
	return &ConflictError{ConflictID: id, Err: &apperr.Error{
		Code: apperr.Conflict, Message: msg, Fields: map[string]string{"start": msg}}}
}
