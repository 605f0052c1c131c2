package region

import (
	"context"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/scope"
)

// Import is one stored import of official figures.
type Import struct {
	ID         int64 `gorm:"primaryKey"`
	OfficeID   int64
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

// ImportFigures stores the figures of one file as of asOf for ctx's office,
// all or nothing: figures of the same desa and date are replaced, the import
// is logged and audited in the same transaction. Every desa must be one whose
// figures the office keeps (DesaCodes). Errors: Invalid, scope.ErrReadOnly.
func (s *Store) ImportFigures(ctx context.Context, who audit.Actor, asOf, fileName string, fs []Figure) (Import, error) {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return Import{}, err
	}
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
	imp := Import{OfficeID: sc.OfficeID, AsOf: asOf, FileName: fileName, Rows: len(fs), Username: who.Username, ImportedAt: now}
	if who.UserID > 0 {
		imp.ImportedBy = &who.UserID
	}
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		known, err := (&Store{db: tx}).DesaCodes(ctx)
		if err != nil {
			return err
		}
		for _, c := range codes {
			if !known[c] {
				return apperr.Errorf(apperr.Invalid, "Desa/kelurahan %s bukan wilayah kantor ini.", c)
			}
		}
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

// Imports lists the imports of ctx's office, newest first.
func (s *Store) Imports(ctx context.Context, limit int) ([]Import, error) {
	var is []Import
	return is, s.db.WithContext(ctx).Scopes(scope.Own(ctx, "figure_imports")).Order("imported_at DESC, id DESC").Limit(limit).Find(&is).Error
}

// FigureDates lists the dates with official figures of ctx's office, newest first.
func (s *Store) FigureDates(ctx context.Context) ([]string, error) {
	var ds []string
	return ds, s.db.WithContext(ctx).Model(&Figure{}).Scopes(area(ctx, "desa_code")).Distinct("as_of").Order("as_of DESC").Pluck("as_of", &ds).Error
}
