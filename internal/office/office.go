// Package office keeps the offices an install serves: each a Dinas Dukcapil of
// a kab/kota or of a province, keyed by its Kemendagri code, with its
// letterhead, time zone and working week. Adding an office loads its
// regions (and, inside Provinsi Bengkulu, its desa polygons) from the
// built-in data. Offices form a tree by code: a province sees its kab/kota.
package office

import (
	"context"
	"errors"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/letter"
	"jemputbola/internal/region"
	"jemputbola/internal/scope"
)

// Levels of an office.
const (
	Provinsi = "provinsi"
	KabKota  = "kabkota"
)

// Office is one Dinas Dukcapil.
type Office struct {
	ID            int64 `gorm:"primaryKey"`
	Code          string
	Level         string
	Zone          string // IANA name: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)
	Government    string // "PEMERINTAH KABUPATEN REJANG LEBONG"
	Name          string // "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Rejang Lebong"
	Address       string
	City          string // place written before the date of a letter
	HeadName      string
	HeadNIP       string `gorm:"column:head_nip"`
	HeadRank      string
	LogoType      string // MIME type of the logo, "" when none is uploaded
	WorkingDays   string // ISO weekdays, "1,2,3,4,5"
	LetterPattern string // letter numbers, e.g. "470/{n}/Dukcapil/{yyyy}" (package letter)
	// AuditRetentionYears is how long audit entries stay in the app before
	// they are archived to a file and removed (package privacy).
	AuditRetentionYears int
	CSVLocale           string `gorm:"column:csv_locale"` // CSVIndonesian or CSVInternational
	Demo                bool
	CreatedAt           time.Time
}

// TableName keeps GORM on the migrated table.
func (Office) TableName() string { return "offices" }

// columns leaves out the logo, which only Logo reads.
const columns = "id, code, level, zone, government, name, address, city, head_name, head_nip, head_rank, logo_type, working_days, letter_pattern, audit_retention_years, csv_locale, demo, created_at"

// Region is the office's region name: "Kota Bengkulu", "Provinsi Bengkulu".
func (o Office) Region() string {
	return strings.TrimPrefix(o.Name, "Dinas Kependudukan dan Pencatatan Sipil ")
}

// Scope is the scope of a call working for o.
func Scope(o Office) scope.Scope {
	loc, err := time.LoadLocation(o.Zone)
	if err != nil {
		loc = time.UTC
	}
	return scope.Scope{OfficeID: o.ID, Code: o.Code, Zone: loc}
}

// ZoneOf is the time zone of the province a region code lies in.
func ZoneOf(code string) string {
	prov, _, _ := strings.Cut(code, ".")
	switch {
	case prov >= "81":
		return "Asia/Jayapura" // WIT: Maluku, Maluku Utara, Papua
	case prov >= "71", prov >= "63" && prov <= "65", prov >= "51" && prov <= "53":
		return "Asia/Makassar" // WITA: Sulawesi, Kalimantan Selatan/Timur/Utara, Bali, NTB, NTT
	}
	return "Asia/Jakarta" // WIB
}

// ZoneLabel is how the UI names a zone.
func ZoneLabel(zone string) string {
	switch zone {
	case "Asia/Makassar":
		return "WITA"
	case "Asia/Jayapura":
		return "WIT"
	}
	return "WIB"
}

// Store keeps offices.
type Store struct{ db *gorm.DB }

// NewStore returns a Store on g.
func NewStore(g *gorm.DB) *Store { return &Store{db: g} }

// update sets columns of office id in one transaction with an audit entry
// whose before is what was picks of the office as stored, and whose after is after.
func (s *Store) update(ctx context.Context, who audit.Actor, id int64, columns map[string]any, was func(Office) any, after any) error {
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		before, err := NewStore(tx).Get(ctx, id)
		if err != nil {
			return err
		}
		if err := tx.Model(&Office{}).Where("id = ?", id).Updates(columns).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, who, audit.Update, "office", before.Code, was(before), after)
	})
}

// Add adds the office of a province or kab/kota code with its regions from the
// built-in national list; an office that exists already is returned unchanged
// (added false). Errors: Invalid when the code is unknown or of another level.
func (s *Store) Add(ctx context.Context, who audit.Actor, code string) (o Office, added bool, err error) {
	code = strings.TrimSpace(code)
	if o, err := s.ByCode(ctx, code); err == nil {
		return o, false, nil
	} else if apperr.CodeOf(err) != apperr.NotFound {
		return o, false, err
	}
	self, ok := region.Lookup(code)
	if !ok {
		return o, false, apperr.Errorf(apperr.Invalid, "Kode wilayah %q tidak dikenal.", code)
	}
	o = Office{Code: code, Zone: ZoneOf(code), WorkingDays: "1,2,3,4,5", LetterPattern: letter.DefaultPattern,
		AuditRetentionYears: DefaultAuditRetention, CSVLocale: CSVIndonesian, CreatedAt: time.Now().UTC()}
	switch self.Level {
	case region.LevelProvinsi:
		o.Level, o.Government, o.Name = Provinsi, "PEMERINTAH PROVINSI "+strings.ToUpper(self.Name), dinas+"Provinsi "+self.Name
	case region.LevelKabKota:
		o.Level, o.Government, o.Name = KabKota, "PEMERINTAH "+strings.ToUpper(self.Name), dinas+self.Name
	default:
		return o, false, apperr.Errorf(apperr.Invalid, "Kode %q bukan provinsi atau kabupaten/kota.", code)
	}
	o.City = city(self)
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := region.NewStore(tx).Load(ctx, code); err != nil {
			return err
		}
		res := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&o)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 { // added at the same moment by another instance
			return errAddedMeanwhile
		}
		return audit.Record(scope.With(ctx, Scope(o)), tx, who, audit.Create, "office", o.Code, nil, o)
	})
	if errors.Is(err, errAddedMeanwhile) {
		o, err = s.ByCode(ctx, code)
		return o, false, err
	}
	return o, err == nil, err
}

var errAddedMeanwhile = errors.New("office added meanwhile")

const dinas = "Dinas Kependudukan dan Pencatatan Sipil "

// city is the place a letter is dated at until the office sets its own: the
// kota itself, otherwise the region's name.
func city(r region.Region) string {
	return strings.TrimPrefix(strings.TrimPrefix(r.Name, "Kabupaten "), "Kota ")
}

// EnsureDefault adds Kabupaten Rejang Lebong to a database with no office, so
// an install keeps working as before offices existed. Safe at every start.
func (s *Store) EnsureDefault(ctx context.Context) error {
	var n int64
	if err := s.db.WithContext(ctx).Model(&Office{}).Count(&n).Error; err != nil || n > 0 {
		return err
	}
	_, _, err := s.Add(ctx, audit.System, region.DefaultOfficeCode)
	return err
}

var errNotFound = apperr.New(apperr.NotFound, "Kantor tidak ditemukan.")

func (s *Store) find(ctx context.Context, where string, arg any) (Office, error) {
	var os []Office
	err := s.db.WithContext(ctx).Select(columns).Where(where, arg).Limit(1).Find(&os).Error
	if err != nil {
		return Office{}, err
	}
	if len(os) == 0 {
		return Office{}, errNotFound
	}
	return os[0], nil
}

// Get returns one office. Errors: NotFound.
func (s *Store) Get(ctx context.Context, id int64) (Office, error) { return s.find(ctx, "id = ?", id) }

// ByCode returns the office of a region code. Errors: NotFound.
func (s *Store) ByCode(ctx context.Context, code string) (Office, error) {
	return s.find(ctx, "code = ?", code)
}

// List returns every office in code order.
func (s *Store) List(ctx context.Context) ([]Office, error) {
	var os []Office
	return os, s.db.WithContext(ctx).Select(columns).Order("code").Find(&os).Error
}

// Below returns the offices under code (a province's kab/kota), in code order.
func (s *Store) Below(ctx context.Context, code string) ([]Office, error) {
	var os []Office
	return os, s.db.WithContext(ctx).Select(columns).Where("code LIKE ?", code+".%").Order("code").Find(&os).Error
}

// Current returns the office of ctx's scope. Errors: NotFound, scope.ErrMissing.
func (s *Store) Current(ctx context.Context) (Office, error) {
	sc, err := scope.From(ctx)
	if err != nil {
		return Office{}, err
	}
	return s.Get(ctx, sc.OfficeID)
}
