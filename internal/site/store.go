package site

import (
	"context"
	"errors"
	"strings"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/scope"
)

// Store keeps sites, each owned by one office.
type Store struct{ db *gorm.DB }

// NewStore returns a Store on g.
func NewStore(g *gorm.DB) *Store { return &Store{db: g} }

var errInUse = apperr.New(apperr.Conflict, "Lokasi ini tidak dapat dihapus karena sudah memiliki kunjungan.")

// check validates in against the database too: the desa exists and lies in
// the office's area, the name is unique among the office's sites in that desa
// (ignoring the site being edited).
func check(tx *gorm.DB, sc scope.Scope, in *Input, exceptID int64) error {
	f := in.validate()
	var level string
	if err := tx.Raw("SELECT level FROM regions WHERE code = ?", in.DesaCode).Scan(&level).Error; err != nil {
		return err
	}
	// A desa outside the office reads as unknown: the form never offers it.
	if level != "desa" || !sc.Under(in.DesaCode) {
		f.Add("desa_code", "Pilih desa/kelurahan.")
	}
	if in.Name != "" {
		var n int64
		if err := tx.Model(&Site{}).Where("office_id = ? AND desa_code = ? AND LOWER(name) = LOWER(?) AND id <> ?",
			sc.OfficeID, in.DesaCode, in.Name, exceptID).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			f.Add("name", "Lokasi dengan nama ini sudah ada di desa tersebut.")
		}
	}
	return f.Err()
}

func (in Input) apply(s *Site) {
	s.Name, s.Kind, s.DesaCode, s.Address = in.Name, in.Kind, in.DesaCode, in.Address
	s.Lat, s.Lng, s.Contact, s.Eligible, s.Notes = in.Lat, in.Lng, in.Contact, in.Eligible, in.Notes
}

// Check validates in as Create (id 0) or Update (id) would, without writing,
// so a form can show every problem at once. Errors: Invalid with fields,
// scope.ErrReadOnly.
func (s *Store) Check(ctx context.Context, id int64, in Input) error {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return err
	}
	return check(s.db.WithContext(ctx), sc, &in, id)
}

// Create adds a site to the office of ctx. Errors: Invalid with fields,
// scope.ErrReadOnly.
func (s *Store) Create(ctx context.Context, who audit.Actor, in Input) (Site, error) {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return Site{}, err
	}
	var st Site
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := check(tx, sc, &in, 0); err != nil {
			return err
		}
		in.apply(&st)
		st.OfficeID = sc.OfficeID
		st.CreatedAt = time.Now().UTC()
		st.UpdatedAt = st.CreatedAt
		if err := tx.Create(&st).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, who, audit.Create, "site", st.ID, nil, st)
	})
	return st, err
}

// Update changes a site. Errors: NotFound, Invalid, scope.ErrReadOnly.
func (s *Store) Update(ctx context.Context, who audit.Actor, id int64, in Input) (Site, error) {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return Site{}, err
	}
	var st Site
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		before, err := get(tx, sc, id)
		if err != nil {
			return err
		}
		if err := check(tx, sc, &in, id); err != nil {
			return err
		}
		st = before
		in.apply(&st)
		st.UpdatedAt = time.Now().UTC()
		if err := tx.Save(&st).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, who, audit.Update, "site", st.ID, before, st)
	})
	return st, err
}

// Delete removes a site. Errors: NotFound; Conflict when visits refer to it;
// scope.ErrReadOnly.
func (s *Store) Delete(ctx context.Context, who audit.Actor, id int64) error {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return err
	}
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		before, err := get(tx, sc, id)
		if err != nil {
			return err
		}
		if err := tx.Where("office_id = ?", sc.OfficeID).Delete(&Site{}, id).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, who, audit.Delete, "site", id, before, nil)
	})
	if errors.Is(err, gorm.ErrForeignKeyViolated) {
		return errInUse
	}
	return err
}

// Get returns one site of the office. Errors: NotFound.
func (s *Store) Get(ctx context.Context, id int64) (Site, error) {
	sc, err := scope.From(ctx)
	if err != nil {
		return Site{}, err
	}
	return get(s.db.WithContext(ctx), sc, id)
}

// get reads a site of the office; another office's site is not found.
func get(tx *gorm.DB, sc scope.Scope, id int64) (Site, error) {
	var st Site
	err := tx.Where("office_id = ?", sc.OfficeID).First(&st, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return st, apperr.New(apperr.NotFound, "Lokasi tidak ditemukan.")
	}
	return st, err
}

// Count returns how many sites the office has.
func (s *Store) Count(ctx context.Context) (int64, error) {
	sc, err := scope.From(ctx)
	if err != nil {
		return 0, err
	}
	var n int64
	return n, s.db.WithContext(ctx).Model(&Site{}).Where("office_id = ?", sc.OfficeID).Count(&n).Error
}

// Filter narrows a listing.
type Filter struct {
	Kind          Kind
	KecamatanCode string
	DesaCode      string
	Query         string // part of the name, any case
	Page, PerPage int
}

// Row is a site with the names of its desa and kecamatan.
type Row struct {
	Site
	DesaName      string
	KecamatanCode string
	KecamatanName string
}

// Page is one page of a listing.
type Page struct {
	Rows  []Row
	Total int64
	Page  int
	Pages int
}

// List returns one page of the office's sites, ordered by kecamatan, desa and name.
func (s *Store) List(ctx context.Context, f Filter) (Page, error) {
	sc, err := scope.From(ctx)
	if err != nil {
		return Page{}, err
	}
	if f.PerPage <= 0 {
		f.PerPage = 50
	}
	if f.Page <= 0 {
		f.Page = 1
	}
	q := s.db.WithContext(ctx).Table("sites").
		Joins("JOIN regions d ON d.code = sites.desa_code").
		Joins("JOIN regions k ON k.code = d.parent_code").
		Where("sites.office_id = ?", sc.OfficeID)
	if f.Kind != "" {
		q = q.Where("sites.kind = ?", f.Kind)
	}
	if f.KecamatanCode != "" {
		q = q.Where("k.code = ?", f.KecamatanCode)
	}
	if f.DesaCode != "" {
		q = q.Where("sites.desa_code = ?", f.DesaCode)
	}
	if qs := strings.TrimSpace(f.Query); qs != "" {
		q = q.Where(`LOWER(sites.name) LIKE ? ESCAPE '\'`, "%"+likeEscaper.Replace(strings.ToLower(qs))+"%")
	}
	p := Page{Page: f.Page}
	if err := q.Count(&p.Total).Error; err != nil {
		return p, err
	}
	p.Pages = max(1, int((p.Total+int64(f.PerPage)-1)/int64(f.PerPage)))
	if f.Page > p.Pages { // a stale link past the end shows the last page
		f.Page, p.Page = p.Pages, p.Pages
	}
	err = q.Select("sites.*, d.name AS desa_name, k.code AS kecamatan_code, k.name AS kecamatan_name").
		Order("k.code, d.name, d.code, LOWER(sites.name), sites.id").Limit(f.PerPage).Offset((f.Page - 1) * f.PerPage).
		Scan(&p.Rows).Error
	return p, err
}

// likeEscaper makes %, _ and \ in a search match themselves.
var likeEscaper = strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`)

// DesaGroup is a kecamatan with its desa, for grouped drop-downs.
type DesaGroup struct {
	Code, Name string
	Desa       []Option
}

// Option is one choice in a drop-down.
type Option struct{ Code, Name string }

// DesaOptions returns every kecamatan of the office's area with its desa, in
// code order.
func (s *Store) DesaOptions(ctx context.Context) ([]DesaGroup, error) {
	sc, err := scope.From(ctx)
	if err != nil {
		return nil, err
	}
	var rs []struct {
		Code, Name, Level string
		ParentCode        *string
	}
	if err := s.db.WithContext(ctx).Raw("SELECT code, name, level, parent_code FROM regions WHERE level IN ('kecamatan', 'desa') AND code LIKE ? ORDER BY code",
		sc.Below()).Scan(&rs).Error; err != nil {
		return nil, err
	}
	var gs []DesaGroup
	idx := map[string]int{}
	for _, r := range rs {
		if r.Level == "kecamatan" {
			idx[r.Code] = len(gs)
			gs = append(gs, DesaGroup{Code: r.Code, Name: r.Name})
		} else if r.ParentCode != nil {
			if i, ok := idx[*r.ParentCode]; ok {
				gs[i].Desa = append(gs[i].Desa, Option{Code: r.Code, Name: r.Name})
			}
		}
	}
	return gs, nil
}
