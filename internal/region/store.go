package region

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/coverage"
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
	RegionCode string
	Year       int
	TargetBP   int64
}

func (target) TableName() string { return "targets" }

// Store keeps regions, their figures and targets.
type Store struct{ db *gorm.DB }

// NewStore returns a Store on g.
func NewStore(g *gorm.DB) *Store { return &Store{db: g} }

// Get returns one region. Errors: NotFound.
func (s *Store) Get(ctx context.Context, code string) (Region, error) {
	var r Region
	err := s.db.WithContext(ctx).Where("code = ?", code).First(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return r, apperr.Errorf(apperr.NotFound, "Wilayah %q tidak ditemukan.", code)
	}
	return r, err
}

// All returns every region ordered by code (parents before children).
func (s *Store) All(ctx context.Context) ([]Region, error) {
	var rs []Region
	return rs, s.db.WithContext(ctx).Order("code").Find(&rs).Error
}

// LatestFigures returns the newest figure of each desa, keyed by desa code.
func (s *Store) LatestFigures(ctx context.Context) (map[string]Figure, error) {
	var fs []Figure
	err := s.db.WithContext(ctx).Raw(`SELECT f.* FROM population_figures f
		WHERE f.as_of = (SELECT MAX(g.as_of) FROM population_figures g WHERE g.desa_code = f.desa_code)`).
		Scan(&fs).Error
	m := make(map[string]Figure, len(fs))
	for _, f := range fs {
		m[f.DesaCode] = f
	}
	return m, err
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

// TargetBP returns the target of a region for a year, in basis points of e-KTP
// recorded; coverage.DefaultTargetBP (30%) when none is set.
func (s *Store) TargetBP(ctx context.Context, regionCode string, year int) (int64, error) {
	var ts []target
	err := s.db.WithContext(ctx).Where("region_code = ? AND year = ?", regionCode, year).Limit(1).Find(&ts).Error
	if err != nil || len(ts) == 0 {
		return coverage.DefaultTargetBP, err
	}
	return ts[0].TargetBP, nil
}
