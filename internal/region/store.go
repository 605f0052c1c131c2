package region

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/coverage"
	"jemputbola/internal/scope"
)

// Figure is an official population count for one desa as of a date.
type Figure struct {
	ID           int64 `gorm:"primaryKey"`
	DesaCode     string
	AsOf         string // YYYY-MM-DD
	WajibKTP     int64  `gorm:"column:wajib_ktp"`
	EktpRecorded int64
	IkdActivated int64
	Source       string // "demo" or "import"
	CreatedAt    time.Time
}

// TableName keeps GORM on the migrated table.
func (Figure) TableName() string { return "population_figures" }

// Sources of figures.
const (
	SourceDemo   = "demo"
	SourceImport = "import"
)

// Figures returns the counts as coverage figures.
func (f Figure) Figures() coverage.Figures {
	return coverage.Figures{WajibKTP: f.WajibKTP, Recorded: f.EktpRecorded, Activated: f.IkdActivated}
}

type target struct {
	RegionCode  string
	Year        int
	TargetBP    int64
	TargetCount int64
}

func (target) TableName() string { return "targets" }

// Store keeps regions, their figures and targets.
type Store struct{ db *gorm.DB }

// NewStore returns a Store on g.
func NewStore(g *gorm.DB) *Store { return &Store{db: g} }

// Get returns one region of ctx's office. Errors: NotFound.
func (s *Store) Get(ctx context.Context, code string) (Region, error) {
	sc, err := scope.From(ctx)
	if err != nil {
		return Region{}, err
	}
	var rs []Region
	if sc.Under(code) {
		err = s.db.WithContext(ctx).Where("code = ?", code).Limit(1).Find(&rs).Error
	}
	if err == nil && len(rs) == 0 {
		return Region{}, apperr.Errorf(apperr.NotFound, "Wilayah %q tidak ditemukan.", code)
	}
	if err != nil {
		return Region{}, err
	}
	return rs[0], nil
}

// area narrows a query to the rows whose column holds a region code of ctx's
// office: the office's own code or any code under it.
func area(ctx context.Context, column string) func(*gorm.DB) *gorm.DB {
	return func(q *gorm.DB) *gorm.DB {
		sc, err := scope.From(ctx)
		if err != nil {
			_ = q.AddError(err)
			return q.Where("1 = 0")
		}
		return q.Where("("+column+" = ? OR "+column+" LIKE ?)", sc.Code, sc.Below())
	}
}

// All returns the regions of ctx's office ordered by code (parents before
// children), the office's own region first.
func (s *Store) All(ctx context.Context) ([]Region, error) {
	var rs []Region
	return rs, s.db.WithContext(ctx).Scopes(area(ctx, "code")).Order("code").Find(&rs).Error
}

// Kecamatan returns the kecamatan of ctx's office in code order: the names
// of the filters, without the figures an Overview sums.
func (s *Store) Kecamatan(ctx context.Context) ([]Region, error) {
	var rs []Region
	return rs, s.db.WithContext(ctx).Scopes(area(ctx, "code")).Where("level = ?", LevelKecamatan).Order("code").Find(&rs).Error
}

// LatestFigures returns the newest figure of each desa of ctx's office, keyed by desa code.
func (s *Store) LatestFigures(ctx context.Context) (map[string]Figure, error) {
	return s.FiguresOn(ctx, "9999-12-31")
}

// AddFigures stores a set of figures in one transaction with one audit entry.
func (s *Store) AddFigures(ctx context.Context, who audit.Actor, fs []Figure) error {
	now := time.Now().UTC()
	for i := range fs {
		fs[i].CreatedAt = now
	}
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.CreateInBatches(fs, 200).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, who, audit.Create, "population_figures", len(fs), nil,
			map[string]any{"rows": len(fs)})
	})
}

// Target returns the target of ctx's office for a year;
// coverage.DefaultTarget (30% of e-KTP recorded) when none is set.
func (s *Store) Target(ctx context.Context, year int) (coverage.Target, error) {
	var ts []target
	err := s.db.WithContext(ctx).Scopes(area(ctx, "region_code")).Where("region_code = ? AND year = ?", officeCode(ctx), year).Limit(1).Find(&ts).Error
	if err != nil || len(ts) == 0 {
		return coverage.DefaultTarget, err
	}
	return coverage.Target{BP: ts[0].TargetBP, Count: ts[0].TargetCount}, nil
}

// officeCode is the code of ctx's office, "" without a scope (area then fails the query).
func officeCode(ctx context.Context) string {
	sc, _ := scope.From(ctx)
	return sc.Code
}

// FiguresOn returns each desa's newest figure on or before asOf, by desa code,
// for the desa of ctx's office.
func (s *Store) FiguresOn(ctx context.Context, asOf string) (map[string]Figure, error) {
	sc, err := scope.From(ctx)
	if err != nil {
		return nil, err
	}
	var fs []Figure
	err = s.db.WithContext(ctx).Raw(`SELECT f.* FROM population_figures f
		JOIN (SELECT desa_code, MAX(as_of) AS as_of FROM population_figures
			WHERE desa_code LIKE ? AND as_of <= ? GROUP BY desa_code) n
		ON n.desa_code = f.desa_code AND n.as_of = f.as_of`, sc.Below(), asOf).
		Scan(&fs).Error
	m := make(map[string]Figure, len(fs))
	for _, f := range fs {
		m[f.DesaCode] = f
	}
	return m, err
}

// FigureHistory lists one desa's figures, oldest first; none for a desa of another office.
func (s *Store) FigureHistory(ctx context.Context, desaCode string) ([]Figure, error) {
	var fs []Figure
	return fs, s.db.WithContext(ctx).Scopes(area(ctx, "desa_code")).Where("desa_code = ?", desaCode).Order("as_of").Find(&fs).Error
}

// MaxTargetBP bounds the target: 100% of e-KTP recorded.
const MaxTargetBP = 10000

// maxTargetCount bounds an absolute target: more than any kab/kota or province has residents.
const maxTargetCount = 100_000_000

// SetTarget sets the target of ctx's office for a year, audited. Errors:
// Invalid with fields target and year, scope.ErrReadOnly.
func (s *Store) SetTarget(ctx context.Context, who audit.Actor, year int, t coverage.Target) error {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return err
	}
	var f apperr.Fields
	switch {
	case t.Count > 0:
		if t.Count > maxTargetCount {
			f.Add("target", "Target jumlah terlalu besar.")
		}
		t.BP = 0
	case t.BP < 1 || t.BP > MaxTargetBP:
		f.Add("target", "Target harus antara 0,01% dan 100%, atau jumlah orang di atas 0.")
	}
	if year < 2000 || year > 2100 {
		f.Add("year", "Tahun tidak sah.")
	}
	if err := f.Err(); err != nil {
		return err
	}
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		before, err := (&Store{db: tx}).Target(ctx, year)
		if err != nil {
			return err
		}
		if err := tx.Where("region_code = ? AND year = ?", sc.Code, year).Delete(&target{}).Error; err != nil {
			return err
		}
		if err := tx.Create(&target{RegionCode: sc.Code, Year: year, TargetBP: t.BP, TargetCount: t.Count}).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, who, audit.Update, "targets", fmt.Sprintf("%s/%d", sc.Code, year),
			targetJSON(before), targetJSON(t))
	})
}

func targetJSON(t coverage.Target) map[string]any {
	if t.Count > 0 {
		return map[string]any{"target_count": t.Count}
	}
	return map[string]any{"target_pct": coverage.PctString(t.BP)}
}

// HasDesa reports whether code is a desa in ctx's office's area (a province:
// anywhere in it). Errors: scope.ErrMissing.
func (s *Store) HasDesa(ctx context.Context, code string) (bool, error) {
	var n int64
	err := s.db.WithContext(ctx).Model(&Region{}).Scopes(area(ctx, "code")).Where("level = ? AND code = ?", LevelDesa, code).Count(&n).Error
	return n > 0, err
}

// DesaCodes returns the desa codes of ctx's office whose figures it keeps,
// for checking imported rows: a province leaves out the desa of its kab/kota
// offices, which keep their own. (The office above, a province, takes
// nothing away from a kab/kota.)
func (s *Store) DesaCodes(ctx context.Context) (map[string]bool, error) {
	var codes []string
	own := officeCode(ctx)
	err := s.db.WithContext(ctx).Model(&Region{}).Scopes(area(ctx, "code")).Where("level = ?", LevelDesa).
		Where("NOT EXISTS (SELECT 1 FROM offices o WHERE o.code LIKE ? AND regions.code LIKE o.code || '.%')", own+".%").
		Pluck("code", &codes).Error
	set := make(map[string]bool, len(codes))
	for _, c := range codes {
		set[c] = true
	}
	return set, err
}
