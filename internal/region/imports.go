package region

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/coverage"
)

// Import is one stored import of official figures.
type Import struct {
	ID         int64 `gorm:"primaryKey"`
	AsOf       string
	FileName   string
	Rows       int
	Replaced   int // figures of the same desa and date that this import replaced
	ImportedBy *int64
	Username   string
	ImportedAt time.Time
}

// TableName keeps GORM on the migrated table.
func (Import) TableName() string { return "figure_imports" }

// ImportFigures stores the figures of one file as of asOf, all or nothing:
// figures of the same desa and date are replaced, the import is logged and
// audited in the same transaction.
func (s *Store) ImportFigures(ctx context.Context, who audit.Actor, asOf, fileName string, fs []Figure) (Import, error) {
	if _, err := time.Parse("2006-01-02", asOf); err != nil {
		var f apperr.Fields
		f.Add("as_of", "Tanggal data harus berupa tanggal yang sah (YYYY-MM-DD).")
		return Import{}, f.Err()
	}
	now := time.Now().UTC()
	codes := make([]string, len(fs))
	for i := range fs {
		fs[i].AsOf, fs[i].Source, fs[i].CreatedAt = asOf, SourceImport, now
		codes[i] = fs[i].DesaCode
	}
	imp := Import{AsOf: asOf, FileName: fileName, Rows: len(fs), Username: who.Username, ImportedAt: now}
	if who.UserID > 0 {
		imp.ImportedBy = &who.UserID
	}
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		for start := 0; start < len(codes); start += 500 { // stay under every driver's bind-parameter limit
			end := min(start+500, len(codes))
			res := tx.Where("as_of = ? AND desa_code IN ?", asOf, codes[start:end]).Delete(&Figure{})
			if res.Error != nil {
				return res.Error
			}
			imp.Replaced += int(res.RowsAffected)
		}
		if err := tx.CreateInBatches(fs, 200).Error; err != nil {
			return err
		}
		if err := tx.Create(&imp).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, who, audit.Create, "figure_imports", imp.ID, nil,
			map[string]any{"as_of": asOf, "file": fileName, "rows": len(fs), "replaced": imp.Replaced})
	})
	return imp, err
}

// Imports lists the imports, newest first.
func (s *Store) Imports(ctx context.Context, limit int) ([]Import, error) {
	var is []Import
	return is, s.db.WithContext(ctx).Order("imported_at DESC, id DESC").Limit(limit).Find(&is).Error
}

// FigureDates lists the dates with official figures, newest first.
func (s *Store) FigureDates(ctx context.Context) ([]string, error) {
	var ds []string
	return ds, s.db.WithContext(ctx).Model(&Figure{}).Distinct("as_of").Order("as_of DESC").Pluck("as_of", &ds).Error
}

// FiguresOn returns each desa's newest figure on or before asOf, by desa code.
func (s *Store) FiguresOn(ctx context.Context, asOf string) (map[string]Figure, error) {
	var fs []Figure
	err := s.db.WithContext(ctx).Raw(`SELECT f.* FROM population_figures f
		WHERE f.as_of = (SELECT MAX(g.as_of) FROM population_figures g WHERE g.desa_code = f.desa_code AND g.as_of <= ?)`, asOf).
		Scan(&fs).Error
	m := make(map[string]Figure, len(fs))
	for _, f := range fs {
		m[f.DesaCode] = f
	}
	return m, err
}

// FigureHistory lists one desa's figures, oldest first.
func (s *Store) FigureHistory(ctx context.Context, desaCode string) ([]Figure, error) {
	var fs []Figure
	return fs, s.db.WithContext(ctx).Where("desa_code = ?", desaCode).Order("as_of").Find(&fs).Error
}

// MaxTargetBP bounds the target: 100% of e-KTP recorded.
const MaxTargetBP = 10000

// SetTarget sets a region's target for a year, in basis points, audited.
func (s *Store) SetTarget(ctx context.Context, who audit.Actor, regionCode string, year int, bp int64) error {
	var f apperr.Fields
	if bp < 1 || bp > MaxTargetBP {
		f.Add("target", "Target harus antara 0,01% dan 100%.")
	}
	if year < 2000 || year > 2100 {
		f.Add("year", "Tahun tidak sah.")
	}
	if err := f.Err(); err != nil {
		return err
	}
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		before, err := (&Store{db: tx}).TargetBP(ctx, regionCode, year)
		if err != nil {
			return err
		}
		if err := tx.Where("region_code = ? AND year = ?", regionCode, year).Delete(&target{}).Error; err != nil {
			return err
		}
		if err := tx.Create(&target{RegionCode: regionCode, Year: year, TargetBP: bp}).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, who, audit.Update, "targets", fmt.Sprintf("%s/%d", regionCode, year),
			map[string]any{"target_pct": coverage.PctString(before)}, map[string]any{"target_pct": coverage.PctString(bp)})
	})
}

// DesaCodes returns the set of desa codes, for checking imported rows.
func (s *Store) DesaCodes(ctx context.Context) (map[string]bool, error) {
	var codes []string
	err := s.db.WithContext(ctx).Model(&Region{}).Where("level = ?", LevelDesa).Pluck("code", &codes).Error
	set := make(map[string]bool, len(codes))
	for _, c := range codes {
		set[c] = true
	}
	return set, err
}
