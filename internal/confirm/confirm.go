// Package confirm lets a visited site's contact (a school principal, an OPD
// secretary, a kepala desa) confirm a visit or ask for another date through
// an unguessable link, without signing in. The link shows only the date,
// time, team, place and what to prepare, and works until the visit's day.
package confirm

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/locale"
	"jemputbola/internal/office"
	"jemputbola/internal/pii"
	"jemputbola/internal/scope"
	"jemputbola/internal/text"
)

// Status is the contact's answer.
type Status string

// Answers. A visit starts Waiting; a visit moved after an answer is Waiting
// again.
const (
	Waiting   Status = "menunggu"
	Confirmed Status = "dikonfirmasi"
	Moved     Status = "minta_ganti" // asked for another date
)

// Label is the status as the calendar shows it.
func (s Status) Label() string {
	switch s {
	case Confirmed:
		return "Dikonfirmasi"
	case Moved:
		return "Minta ganti tanggal"
	}
	return "Menunggu konfirmasi"
}

// maxNote bounds the contact's note.
const maxNote = 500

// Contact is who answers through the link, in the audit trail.
var Contact = audit.Actor{Username: "kontak lokasi"}

// row is a visit_confirmations row.
type row struct {
	VisitID      int64 `gorm:"primaryKey"`
	OfficeID     int64
	SiteID       int64 // the site the link was made for
	Token        string
	Status       Status
	Note         string
	ConfirmedFor *time.Time
	AnsweredAt   *time.Time
	CreatedAt    time.Time
}

func (row) TableName() string { return "visit_confirmations" }

// Answer is a visit's answer as its planners see it.
type Answer struct {
	Status Status
	Note   string     // the contact's note, with a request for another date
	At     *time.Time // when they answered; nil while waiting
}

// Store keeps the links and the answers.
type Store struct {
	db  *gorm.DB
	now func() time.Time
}

// NewStore returns a Store on g; now is the clock (nil: time.Now).
func NewStore(g *gorm.DB, now func() time.Time) *Store {
	if now == nil {
		now = time.Now
	}
	return &Store{db: g, now: now}
}

func newToken() string {
	b := make([]byte, 16) // 128 bits: not to be guessed
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// Token is the link token of one of ctx's office's visits, made on first use
// and made anew (the old one dead, the answer gone) when the visit moved to
// another site, whose contact never saw it. Errors: NotFound for a visit of
// another office, scope.ErrMissing.
func (s *Store) Token(ctx context.Context, visitID int64) (string, error) {
	sc, err := scope.From(ctx)
	if err != nil {
		return "", err
	}
	q := s.db.WithContext(ctx)
	var sites []int64
	if err := q.Table("visits").Where("id = ? AND office_id = ?", visitID, sc.OfficeID).Pluck("site_id", &sites).Error; err != nil {
		return "", err
	}
	if len(sites) == 0 {
		return "", apperr.New(apperr.NotFound, "Kunjungan tidak ditemukan.")
	}
	r := row{VisitID: visitID, OfficeID: sc.OfficeID, SiteID: sites[0], Token: newToken(), Status: Waiting, CreatedAt: s.now().UTC()}
	err = q.Clauses(clause.OnConflict{
		Columns: []clause.Column{{Name: "visit_id"}},
		DoUpdates: clause.Assignments(map[string]any{"site_id": r.SiteID, "token": r.Token, "status": Waiting, "note": "",
			"confirmed_for": nil, "answered_at": nil}),
		Where: clause.Where{Exprs: []clause.Expression{clause.Expr{SQL: "visit_confirmations.site_id <> ?", Vars: []any{r.SiteID}}}},
	}).Create(&r).Error
	if err != nil {
		return "", err
	}
	var token string
	err = q.Model(&row{}).Where("visit_id = ?", visitID).Pluck("token", &token).Error
	return token, err
}

// Answers is the answer of each of ctx's office's visits that has a link,
// for the calendar; a visit moved since its answer reads as Waiting.
func (s *Store) Answers(ctx context.Context, visitIDs []int64) (map[int64]Answer, error) {
	sc, err := scope.From(ctx)
	if err != nil || len(visitIDs) == 0 {
		return map[int64]Answer{}, err
	}
	var rows []struct {
		VisitID      int64
		Status       Status
		Note         string
		ConfirmedFor *time.Time
		AnsweredAt   *time.Time
		StartAt      time.Time
	}
	err = s.db.WithContext(ctx).Raw(`SELECT c.visit_id, c.status, c.note, c.confirmed_for, c.answered_at, v.start_at
		FROM visit_confirmations c JOIN visits v ON v.id = c.visit_id AND v.site_id = c.site_id
		WHERE c.office_id = ? AND c.visit_id IN ?`, sc.OfficeID, visitIDs).Scan(&rows).Error
	out := map[int64]Answer{}
	for _, r := range rows {
		a := Answer{Status: r.Status, Note: r.Note, At: r.AnsweredAt}
		if r.ConfirmedFor == nil || !r.ConfirmedFor.Equal(r.StartAt) {
			a = Answer{Status: Waiting}
		}
		out[r.VisitID] = a
	}
	return out, err
}

// Invitation is what the link shows: no person's name or number.
type Invitation struct {
	visitID, officeID int64
	startAt           time.Time
	Office            string // "Dinas Kependudukan dan Pencatatan Sipil Kota Bengkulu"
	Site              string
	SiteKind          string
	Team              string
	Day               string // "Senin, 14 Desember 2026"
	Window            string // "08.00–10.00 WIB"
	Prepare           []string
	Answer            Answer
	Open              bool   // the contact can still answer
	Closed            string // why not, when not Open
}

// ErrUnknown is a token that names no visit.
var ErrUnknown = apperr.New(apperr.NotFound, "Tautan konfirmasi tidak dikenal. Periksa kembali tautan dari pesan Dinas Dukcapil.")

// Invitation reads the visit behind token, in its office's zone; a link made
// for a site the visit has left is unknown. Errors: ErrUnknown.
func (s *Store) Invitation(ctx context.Context, token string) (Invitation, error) {
	var r struct {
		VisitID, OfficeID      int64
		Status                 string
		Day                    string
		StartAt, EndAt         time.Time
		Zone, OfficeName       string
		SiteName, SiteKind     string
		TeamName               string
		Answer                 Status
		Note                   string
		ConfirmedFor, Answered *time.Time
	}
	res := s.db.WithContext(ctx).Raw(`SELECT v.id AS visit_id, v.office_id, v.status, v.day, v.start_at, v.end_at,
			o.zone, o.name AS office_name, s.name AS site_name, s.kind AS site_kind, t.name AS team_name,
			c.status AS answer, c.note, c.confirmed_for, c.answered_at AS answered
		FROM visit_confirmations c JOIN visits v ON v.id = c.visit_id AND v.site_id = c.site_id JOIN offices o ON o.id = v.office_id
		JOIN sites s ON s.id = v.site_id JOIN teams t ON t.id = v.team_id
		WHERE c.token = ?`, token).Scan(&r)
	if res.Error != nil {
		return Invitation{}, res.Error
	}
	if res.RowsAffected == 0 || r.VisitID == 0 {
		return Invitation{}, ErrUnknown
	}
	zone, err := locale.LoadZone(r.Zone)
	if err != nil {
		zone = time.UTC
	}
	start, end := r.StartAt.In(zone), r.EndAt.In(zone)
	inv := Invitation{visitID: r.VisitID, officeID: r.OfficeID, startAt: r.StartAt, Office: r.OfficeName, Site: r.SiteName,
		SiteKind: r.SiteKind, Team: r.TeamName, Day: locale.Date(start),
		Window: start.Format("15.04") + "–" + end.Format("15.04") + " " + office.ZoneLabel(r.Zone), Prepare: prepare(r.SiteKind)}
	inv.Answer = Answer{Status: Waiting}
	if r.ConfirmedFor != nil && r.ConfirmedFor.Equal(r.StartAt) {
		inv.Answer = Answer{Status: r.Answer, Note: r.Note, At: r.Answered}
	}
	today := s.now().In(zone).Format(time.DateOnly)
	switch {
	case r.Status == "dibatalkan":
		inv.Closed = "Kunjungan ini dibatalkan oleh Dinas Dukcapil."
	case r.Status == "selesai":
		inv.Closed = "Kunjungan ini sudah dilaksanakan. Terima kasih."
	case today > r.Day:
		inv.Closed = "Tautan ini berlaku sampai hari kunjungan dan sudah tidak dapat dipakai."
	default:
		inv.Open = true
	}
	return inv, nil
}

// prepare is what the site should get ready, by kind (site.Kind's spelling).
func prepare(kind string) []string {
	common := "Warga yang dilayani membawa KTP-el, HP Android dengan kuota atau sinyal, dan alamat email aktif (petugas dapat membantu membuatnya)."
	switch kind {
	case "sekolah":
		return []string{"Ruangan dengan meja dan colokan listrik, serta Wi-Fi sekolah bila ada.",
			"Daftar siswa yang sudah berusia 17 tahun dan memiliki KTP-el; siswa membawa HP Android dan KTP-el.", common}
	case "opd":
		return []string{"Ruangan dengan meja dan colokan listrik, serta Wi-Fi kantor bila ada.",
			"Pemberitahuan kepada pegawai agar datang membawa KTP-el dan HP Android.", common}
	case "desa":
		return []string{"Balai desa/kelurahan dengan meja dan colokan listrik.",
			"Pengumuman kepada warga melalui kepala dusun, RT/RW dan tempat ibadah.", common}
	}
	return []string{"Tempat dengan meja dan colokan listrik.", common}
}

// Reply is the contact's answer as given.
type Reply struct {
	Confirm bool   // true: the visit suits; false: another date, please
	Note    string // required with a request for another date
}

// Answer stores the contact's reply to the invitation behind token, with an
// audit entry in the visit's office. Errors: ErrUnknown; Invalid with field
// note; Conflict when the link no longer takes answers.
func (s *Store) Answer(ctx context.Context, token string, r Reply) (Invitation, error) {
	inv, err := s.Invitation(ctx, token)
	if err != nil {
		return inv, err
	}
	if !inv.Open {
		return inv, apperr.New(apperr.Conflict, inv.Closed)
	}
	note := strings.TrimSpace(text.Clean(r.Note))
	var f apperr.Fields
	switch {
	case !r.Confirm && note == "":
		f.Add("note", "Tuliskan tanggal atau waktu yang lebih cocok, mis. “Kamis minggu depan, setelah pukul 10”.")
	case utf8.RuneCountInString(note) > maxNote:
		f.Add("note", "Catatan paling panjang 500 huruf.")
	case pii.Check(note, false) != "": // the contact's own number may stand here
		f.Add("note", pii.Check(note, false))
	}
	if err := f.Err(); err != nil {
		return inv, err
	}
	status := Moved
	if r.Confirm {
		status = Confirmed
	}
	now := s.now().UTC()
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&row{}).Where("token = ?", token).
			Updates(map[string]any{"status": status, "note": note, "confirmed_for": inv.startAt, "answered_at": now})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return errors.New("confirm: the row went away")
		}
		return audit.RecordIn(ctx, tx, inv.officeID, Contact, audit.Update, "visit_confirmation", inv.visitID,
			inv.Answer, Answer{Status: status, Note: note, At: &now})
	})
	if err != nil {
		return inv, err
	}
	inv.Answer = Answer{Status: status, Note: note, At: &now}
	return inv, nil
}
