// Package progress reads what the field teams achieved from visits and their
// results and joins it to the official figures: the coverage every page shows,
// the weekly trend, the projection and the breakdowns of the Cakupan dashboard.
// It is the one coverage read model: pages, the API, the exports and the
// planner read through Cache (readmodel.go) and never sum raw rows themselves.
//
// A desa's IKD count is its newest official figure plus the activations logged
// in the field on visits after that figure's date, by any office's team:
// coverage is a property of the region, so a province's row for a kab/kota is
// exactly what that kab/kota's office shows. Results a ketua tim sent back
// (dikembalikan) are not counted until they are corrected.
package progress

import (
	"context"
	"database/sql"
	"errors"

	"gorm.io/gorm"

	"jemputbola/internal/region"
	"jemputbola/internal/result"
	"jemputbola/internal/scope"
	"jemputbola/internal/visit"
)

// Store reads progress from the database.
type Store struct {
	db      *gorm.DB
	regions *region.Store
}

// NewStore returns a Store on g.
func NewStore(g *gorm.DB) *Store { return &Store{db: g, regions: region.NewStore(g)} }

// Desa is the field and desk activity of one desa.
type Desa struct {
	Field      int64  // activations of its residents at field visits logged after the desa's newest official figure
	Verified   int64  // of Field, verified by a ketua tim
	Desk       int64  // activations of its residents at its service points (loket) in the same period
	OutOfArea  int64  // activations at its sites and points, in the same period, of residents of other desa: in neither
	VisitsDone int64  // visits with status selesai, ever
	LastVisit  string // day of the latest visit done, "" when none
}

// residentActivations is what a result adds to its site's desa: the
// activations less those of residents of other desa (out_of_area is part of
// activations), who count for no desa here and are reported apart.
const residentActivations = "(r.activations - r.out_of_area)"

// Added is what the app adds to the desa's official figure: field and desk.
func (d Desa) Added() int64 { return d.Field + d.Desk }

// activity is every logged activation that counts, one row per field result
// (unless sent back) and per desk tally: the desa it counts for, its day, the
// activations of that desa's residents and those of residents of other desa.
const activity = `(SELECT s.desa_code AS desa_code, v.day AS day, r.activations - r.out_of_area AS resident, r.out_of_area AS outside
		FROM visit_results r JOIN visits v ON v.id = r.visit_id JOIN sites s ON s.id = v.site_id WHERE r.verification <> '` + result.SentBack + `'
	UNION ALL
	SELECT p.desa_code, t.day, t.activations - t.out_of_area, t.out_of_area
		FROM desk_tallies t JOIN service_points p ON p.id = t.point_id)`

// newestFigure is the date of each desa's newest official figure on or before
// a cut-off day.
// Its arguments: the cut-off and the office's area (scope.Below).
const newestFigure = `SELECT desa_code, MAX(as_of) AS as_of FROM population_figures WHERE as_of <= ? AND desa_code LIKE ? GROUP BY desa_code`

// noCutoff is the cut-off of the current figures: everything stored so far.
const noCutoff = "9999-12-31"

// ByDesa returns the field activity of every desa with any visit, by desa code.
func (s *Store) ByDesa(ctx context.Context) (map[string]Desa, error) { return s.byDesa(ctx, noCutoff) }

// byDesa is ByDesa as of the end of day cutoff (YYYY-MM-DD, or noCutoff):
// figures and visits after it are left out.
func (s *Store) byDesa(ctx context.Context, cutoff string) (map[string]Desa, error) {
	sc, err := scope.From(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.WithContext(ctx).Raw(`SELECT s.desa_code,
		COALESCE(SUM(CASE WHEN v.day > COALESCE(f.as_of, '') AND r.verification <> ? THEN `+residentActivations+` END), 0),
		COALESCE(SUM(CASE WHEN v.day > COALESCE(f.as_of, '') AND r.verification = ? THEN `+residentActivations+` END), 0),
		COALESCE(SUM(CASE WHEN v.day > COALESCE(f.as_of, '') AND r.verification <> ? THEN r.out_of_area END), 0),
		SUM(CASE WHEN v.status = ? THEN 1 ELSE 0 END),
		COALESCE(MAX(CASE WHEN v.status = ? THEN v.day END), '')
		FROM visits v
		JOIN sites s ON s.id = v.site_id
		LEFT JOIN visit_results r ON r.visit_id = v.id
		LEFT JOIN (`+newestFigure+`) f ON f.desa_code = s.desa_code
		WHERE v.day <= ? AND s.desa_code LIKE ?
		GROUP BY s.desa_code`, result.SentBack, result.Verified, result.SentBack, string(visit.Selesai), string(visit.Selesai), cutoff, sc.Below(), cutoff, sc.Below()).Rows()
	if err != nil {
		return nil, err
	}
	m := map[string]Desa{}
	err = eachRow(rows, func() error {
		var code string
		var d Desa
		err := rows.Scan(&code, &d.Field, &d.Verified, &d.OutOfArea, &d.VisitsDone, &d.LastVisit)
		m[code] = d
		return err
	})
	if err != nil {
		return nil, err
	}
	return m, s.addDesk(ctx, sc, cutoff, m)
}

// addDesk adds to m the desk tallies after each desa's newest figure up to
// the cut-off.
func (s *Store) addDesk(ctx context.Context, sc scope.Scope, cutoff string, m map[string]Desa) error {
	rows, err := s.db.WithContext(ctx).Raw(`SELECT p.desa_code,
		COALESCE(SUM(CASE WHEN t.day > COALESCE(f.as_of, '') THEN t.activations - t.out_of_area END), 0),
		COALESCE(SUM(CASE WHEN t.day > COALESCE(f.as_of, '') THEN t.out_of_area END), 0)
		FROM desk_tallies t JOIN service_points p ON p.id = t.point_id
		LEFT JOIN (`+newestFigure+`) f ON f.desa_code = p.desa_code
		WHERE t.day <= ? AND p.desa_code LIKE ?
		GROUP BY p.desa_code`, cutoff, sc.Below(), cutoff, sc.Below()).Rows()
	if err != nil {
		return err
	}
	return eachRow(rows, func() error {
		var code string
		var desk, outside int64
		err := rows.Scan(&code, &desk, &outside)
		d := m[code]
		d.Desk, d.OutOfArea = desk, d.OutOfArea+outside
		m[code] = d
		return err
	})
}

// Coverage returns the current coverage of ctx's office for year's target.
// Pages read it through the Cache, which holds it for today.
func (s *Store) Coverage(ctx context.Context, year int) (Coverage, error) {
	return s.coverageAt(ctx, year, noCutoff)
}

// coverageAt is the coverage as it stood at the end of day cutoff, by the
// one rule of this package: each desa's newest official figure on or before
// the cut-off plus the field activations on visits after that figure's date,
// up to the cut-off.
func (s *Store) coverageAt(ctx context.Context, year int, cutoff string) (Coverage, error) {
	desa, err := s.byDesa(ctx, cutoff)
	if err != nil {
		return Coverage{}, err
	}
	field := make(map[string]int64, len(desa))
	for code, d := range desa {
		field[code] = d.Added()
	}
	var o region.Overview
	if cutoff == noCutoff {
		o, err = s.regions.Overview(ctx, year, field)
	} else {
		o, err = s.regions.OverviewOn(ctx, year, cutoff, field)
	}
	if err != nil {
		return Coverage{}, err
	}
	c := NewCoverage(o, desa)
	c.Homes, err = s.homes(ctx, cutoff)
	return c, err
}

// homes sums the out-of-area residents by their home kab/kota, by the same
// rule as the rest: visits after the site's desa's newest figure, up to the
// cut-off, results not sent back.
func (s *Store) homes(ctx context.Context, cutoff string) (map[string]int64, error) {
	sc, err := scope.From(ctx)
	if err != nil {
		return nil, err
	}
	return s.sums(ctx, `SELECT r.out_of_area_home, SUM(r.out_of_area)
		FROM visit_results r JOIN visits v ON v.id = r.visit_id JOIN sites s ON s.id = v.site_id
		LEFT JOIN (`+newestFigure+`) f ON f.desa_code = s.desa_code
		WHERE r.out_of_area_home <> '' AND r.verification <> ? AND v.day > COALESCE(f.as_of, '') AND v.day <= ? AND s.desa_code LIKE ?
		GROUP BY r.out_of_area_home`, cutoff, sc.Below(), result.SentBack, cutoff, sc.Below())
}

// Daily returns the activations logged per day at visits and desks (those
// of residents of the desa where they count) from the day from (YYYY-MM-DD,
// inclusive), for desaCode alone when it is not "".
func (s *Store) Daily(ctx context.Context, from, desaCode string) (map[string]int64, error) {
	sc, err := scope.From(ctx)
	if err != nil {
		return nil, err
	}
	q := `SELECT a.day, SUM(a.resident) FROM ` + activity + ` a WHERE a.day >= ? AND a.desa_code LIKE ?`
	args := []any{from, sc.Below()}
	if desaCode != "" {
		q += ` AND a.desa_code = ?`
		args = append(args, desaCode)
	}
	return s.sums(ctx, q+` GROUP BY a.day`, args...)
}

// sums runs a query of (key, sum) rows into a map.
func (s *Store) sums(ctx context.Context, query string, args ...any) (map[string]int64, error) {
	rows, err := s.db.WithContext(ctx).Raw(query, args...).Rows()
	if err != nil {
		return nil, err
	}
	m := map[string]int64{}
	return m, eachRow(rows, func() error {
		var key string
		var n sql.NullInt64
		err := rows.Scan(&key, &n)
		m[key] = n.Int64
		return err
	})
}

// eachRow calls scan for every row, stops at its first error and closes rows.
func eachRow(rows *sql.Rows, scan func() error) error {
	for rows.Next() {
		if err := scan(); err != nil {
			return errors.Join(err, rows.Close())
		}
	}
	return errors.Join(rows.Err(), rows.Close())
}

// OfficialPoint is the sum of official IKD counts as of a date, each desa at
// its newest figure on or before that date.
type OfficialPoint struct {
	AsOf      string
	Activated int64
	// Carry is the field activations logged after each desa's own newest
	// figure up to AsOf: desa whose figure is older than AsOf, or who have
	// none, count them on top (see Series.At). Set by Store.Series.
	Carry int64
}

// OfficialHistory returns one point per figure date, oldest first, for
// desaCode alone when it is not "".
func (s *Store) OfficialHistory(ctx context.Context, desaCode string) ([]OfficialPoint, error) {
	sc, err := scope.From(ctx)
	if err != nil {
		return nil, err
	}
	q := s.db.WithContext(ctx).Model(&region.Figure{}).Select("desa_code, as_of, ikd_activated").
		Where("desa_code LIKE ?", sc.Below()).Order("as_of")
	if desaCode != "" {
		q = q.Where("desa_code = ?", desaCode)
	}
	rows, err := q.Rows()
	if err != nil {
		return nil, err
	}
	latest := map[string]int64{}
	var total int64
	var pts []OfficialPoint
	err = eachRow(rows, func() error {
		var code, asOf string
		var n int64
		if err := rows.Scan(&code, &asOf, &n); err != nil {
			return err
		}
		total += n - latest[code]
		latest[code] = n
		if len(pts) > 0 && pts[len(pts)-1].AsOf == asOf {
			pts[len(pts)-1].Activated = total
		} else {
			pts = append(pts, OfficialPoint{AsOf: asOf, Activated: total})
		}
		return nil
	})
	return pts, err
}

// carry sets each point's Carry: one grouped sum per figure date.
func (s *Store) carry(ctx context.Context, pts []OfficialPoint) error {
	sc, err := scope.From(ctx)
	if err != nil {
		return err
	}
	for i := range pts {
		row := s.db.WithContext(ctx).Raw(`SELECT COALESCE(SUM(a.resident), 0) FROM `+activity+` a
			LEFT JOIN (`+newestFigure+`) f ON f.desa_code = a.desa_code
			WHERE a.day > COALESCE(f.as_of, '') AND a.day <= ? AND a.desa_code LIKE ?`,
			pts[i].AsOf, sc.Below(), pts[i].AsOf, sc.Below()).Row()
		if err := row.Scan(&pts[i].Carry); err != nil {
			return err
		}
	}
	return nil
}

// FieldBetween returns, per desa code, the activations logged at visits and
// desks on days after from up to and including to: what the app added
// between two official figures.
func (s *Store) FieldBetween(ctx context.Context, from, to string) (map[string]int64, error) {
	sc, err := scope.From(ctx)
	if err != nil {
		return nil, err
	}
	return s.sums(ctx, `SELECT a.desa_code, SUM(a.resident) FROM `+activity+` a
		WHERE a.day > ? AND a.day <= ? AND a.desa_code LIKE ?
		GROUP BY a.desa_code`, from, to, sc.Below())
}
