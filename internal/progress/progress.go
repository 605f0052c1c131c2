// Package progress reads what the field teams achieved from visits and their
// results and joins it to the official figures: the coverage every page shows,
// the weekly trend, the projection and the breakdowns of the Cakupan dashboard.
//
// A desa's IKD count is its newest official figure plus the activations logged
// in the field on visits after that figure's date. Results a ketua tim sent back
// (dikembalikan) are not counted until they are corrected.
package progress

import (
	"context"
	"database/sql"

	"gorm.io/gorm"

	"jemputbola/internal/region"
)

// Store reads progress from the database.
type Store struct {
	db      *gorm.DB
	regions *region.Store
}

// NewStore returns a Store on g.
func NewStore(g *gorm.DB) *Store { return &Store{db: g, regions: region.NewStore(g)} }

// Desa is the field activity of one desa.
type Desa struct {
	Field      int64  // activations logged after the desa's newest official figure
	Verified   int64  // of Field, verified by a ketua tim
	VisitsDone int64  // visits with status selesai, ever
	LastVisit  string // day of the latest visit done, "" when none
}

// newestFigure is the date of each desa's newest official figure.
const newestFigure = `SELECT desa_code, MAX(as_of) AS as_of FROM population_figures GROUP BY desa_code`

// ByDesa returns the field activity of every desa with any visit, by desa code.
func (s *Store) ByDesa(ctx context.Context) (map[string]Desa, error) {
	rows, err := s.db.WithContext(ctx).Raw(`SELECT s.desa_code,
		COALESCE(SUM(CASE WHEN v.day > COALESCE(f.as_of, '') AND r.verification <> 'dikembalikan' THEN r.activations END), 0),
		COALESCE(SUM(CASE WHEN v.day > COALESCE(f.as_of, '') AND r.verification = 'diverifikasi' THEN r.activations END), 0),
		SUM(CASE WHEN v.status = 'selesai' THEN 1 ELSE 0 END),
		COALESCE(MAX(CASE WHEN v.status = 'selesai' THEN v.day END), '')
		FROM visits v
		JOIN sites s ON s.id = v.site_id
		LEFT JOIN visit_results r ON r.visit_id = v.id
		LEFT JOIN (` + newestFigure + `) f ON f.desa_code = s.desa_code
		GROUP BY s.desa_code`).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[string]Desa{}
	for rows.Next() {
		var code string
		var d Desa
		if err := rows.Scan(&code, &d.Field, &d.Verified, &d.VisitsDone, &d.LastVisit); err != nil {
			return nil, err
		}
		m[code] = d
	}
	return m, rows.Err()
}

// Coverage is the overview of every region with field activations included,
// and the field activity of each desa.
type Coverage struct {
	region.Overview
	Desa map[string]Desa
}

// Coverage returns the coverage of the kabupaten for year's target.
func (s *Store) Coverage(ctx context.Context, year int) (Coverage, error) {
	desa, err := s.ByDesa(ctx)
	if err != nil {
		return Coverage{}, err
	}
	field := make(map[string]int64, len(desa))
	for code, d := range desa {
		field[code] = d.Field
	}
	o, err := s.regions.Overview(ctx, year, field)
	return Coverage{Overview: o, Desa: desa}, err
}

// Daily returns the activations logged on visits per day from the day from
// (YYYY-MM-DD, inclusive), for desaCode alone when it is not "".
func (s *Store) Daily(ctx context.Context, from, desaCode string) (map[string]int64, error) {
	q := `SELECT v.day, SUM(r.activations) FROM visit_results r JOIN visits v ON v.id = r.visit_id`
	args := []any{from}
	if desaCode != "" {
		q += ` JOIN sites s ON s.id = v.site_id WHERE v.day >= ? AND s.desa_code = ?`
		args = append(args, desaCode)
	} else {
		q += ` WHERE v.day >= ?`
	}
	return s.sums(ctx, q+` AND r.verification <> 'dikembalikan' GROUP BY v.day`, args...)
}

// sums runs a query of (key, sum) rows into a map.
func (s *Store) sums(ctx context.Context, query string, args ...any) (map[string]int64, error) {
	rows, err := s.db.WithContext(ctx).Raw(query, args...).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[string]int64{}
	for rows.Next() {
		var key string
		var n sql.NullInt64
		if err := rows.Scan(&key, &n); err != nil {
			return nil, err
		}
		m[key] = n.Int64
	}
	return m, rows.Err()
}

// OfficialPoint is the sum of official IKD counts as of a date, each desa at
// its newest figure on or before that date.
type OfficialPoint struct {
	AsOf      string
	Activated int64
}

// OfficialHistory returns one point per figure date, oldest first, for
// desaCode alone when it is not "".
func (s *Store) OfficialHistory(ctx context.Context, desaCode string) ([]OfficialPoint, error) {
	q := s.db.WithContext(ctx).Model(&region.Figure{}).Select("desa_code, as_of, ikd_activated").Order("as_of")
	if desaCode != "" {
		q = q.Where("desa_code = ?", desaCode)
	}
	rows, err := q.Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	latest := map[string]int64{}
	var total int64
	var pts []OfficialPoint
	for rows.Next() {
		var code, asOf string
		var n int64
		if err := rows.Scan(&code, &asOf, &n); err != nil {
			return nil, err
		}
		total += n - latest[code]
		latest[code] = n
		if len(pts) > 0 && pts[len(pts)-1].AsOf == asOf {
			pts[len(pts)-1].Activated = total
		} else {
			pts = append(pts, OfficialPoint{AsOf: asOf, Activated: total})
		}
	}
	return pts, rows.Err()
}

// FieldBetween returns, per desa code, the activations logged on visits on
// days after from up to and including to: what the field added between two
// official figures.
func (s *Store) FieldBetween(ctx context.Context, from, to string) (map[string]int64, error) {
	return s.sums(ctx, `SELECT s.desa_code, SUM(r.activations)
		FROM visit_results r JOIN visits v ON v.id = r.visit_id JOIN sites s ON s.id = v.site_id
		WHERE v.day > ? AND v.day <= ? AND r.verification <> 'dikembalikan'
		GROUP BY s.desa_code`, from, to)
}
