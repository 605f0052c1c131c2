package visit

import (
	"context"
	"strings"
	"time"

	"jemputbola/internal/apperr"
	"jemputbola/internal/scope"
)

type detailRow struct {
	Visit
	SiteName      string
	SiteKind      string
	DesaCode      string
	DesaName      string
	KecamatanCode string
	KecamatanName string
	TeamName      string
}

const detailSQL = `SELECT v.*, s.name AS site_name, s.kind AS site_kind, s.desa_code AS desa_code,
	COALESCE(d.name, '') AS desa_name, COALESCE(d.parent_code, '') AS kecamatan_code,
	COALESCE(k.name, '') AS kecamatan_name, t.name AS team_name
	FROM visits v
	JOIN sites s ON s.id = v.site_id
	JOIN teams t ON t.id = v.team_id
	LEFT JOIN regions d ON d.code = s.desa_code
	LEFT JOIN regions k ON k.code = d.parent_code`

func detail(r detailRow, loc *time.Location) Detail {
	v := normalise(r.Visit)
	return Detail{Visit: v, Start: v.StartAt.In(loc), End: v.EndAt.In(loc),
		SiteName: r.SiteName, SiteKind: r.SiteKind, DesaCode: r.DesaCode, DesaName: r.DesaName,
		KecamatanCode: r.KecamatanCode, KecamatanName: r.KecamatanName, TeamName: r.TeamName}
}

// Get returns one visit of the office with its names. Errors: NotFound.
func (s *Store) Get(ctx context.Context, id int64) (Detail, error) {
	sc, err := scope.From(ctx)
	if err != nil {
		return Detail{}, err
	}
	var rs []detailRow
	if err := s.db.WithContext(ctx).Raw(detailSQL+" WHERE v.office_id = ? AND v.id = ?", sc.OfficeID, id).Scan(&rs).Error; err != nil {
		return Detail{}, err
	}
	if len(rs) == 0 {
		return Detail{}, errNotFound
	}
	return detail(rs[0], zone(sc)), nil
}

// Filter narrows List. Zero fields do not filter; a non-nil empty TeamIDs
// matches nothing (a user in no team sees no visits).
type Filter struct {
	From, To         string // days YYYY-MM-DD, inclusive
	TeamID           int64
	TeamIDs          []int64
	KecamatanCode    string
	DesaCode         string
	SiteID           int64
	IncludeCancelled bool
}

// List returns the office's visits that match f, ordered by start. Errors:
// Invalid (a From or To that is not a date).
func (s *Store) List(ctx context.Context, f Filter) ([]Detail, error) {
	sc, err := scope.From(ctx)
	if err != nil {
		return nil, err
	}
	var bad apperr.Fields
	for field, d := range map[string]string{"from": f.From, "to": f.To} {
		if _, err := time.Parse("2006-01-02", d); d != "" && err != nil {
			bad.Add(field, "Tanggal tidak valid (format TTTT-BB-HH).")
		}
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	if f.TeamIDs != nil && len(f.TeamIDs) == 0 {
		return []Detail{}, nil
	}
	var where []string
	var args []any
	add := func(cond string, arg any) { where = append(where, cond); args = append(args, arg) }
	add("v.office_id = ?", sc.OfficeID)
	if f.From != "" {
		add("v.day >= ?", f.From)
	}
	if f.To != "" {
		add("v.day <= ?", f.To)
	}
	if f.TeamID != 0 {
		add("v.team_id = ?", f.TeamID)
	}
	if f.TeamIDs != nil {
		add("v.team_id IN ?", f.TeamIDs)
	}
	if f.KecamatanCode != "" {
		add("d.parent_code = ?", f.KecamatanCode)
	}
	if f.DesaCode != "" {
		add("s.desa_code = ?", f.DesaCode)
	}
	if f.SiteID != 0 {
		add("v.site_id = ?", f.SiteID)
	}
	if !f.IncludeCancelled {
		add("v.status <> ?", string(Dibatalkan))
	}
	sql := detailSQL + " WHERE " + strings.Join(where, " AND ")
	var rs []detailRow
	if err := s.db.WithContext(ctx).Raw(sql+" ORDER BY v.start_at, v.id", args...).Scan(&rs).Error; err != nil {
		return nil, err
	}
	out := make([]Detail, len(rs))
	z := zone(sc)
	for i, r := range rs {
		out[i] = detail(r, z)
	}
	return out, nil
}

// LastVisitBySite returns, per site of the office, the newest day (YYYY-MM-DD)
// of a visit that is not cancelled; planned future visits count.
func (s *Store) LastVisitBySite(ctx context.Context) (map[int64]string, error) {
	sc, err := scope.From(ctx)
	if err != nil {
		return nil, err
	}
	var rs []struct {
		SiteID int64
		Day    string
	}
	err = s.db.WithContext(ctx).Raw(`SELECT site_id, MAX(day) AS day FROM visits WHERE office_id = ? AND status <> ?
		GROUP BY site_id`, sc.OfficeID, string(Dibatalkan)).Scan(&rs).Error
	if err != nil {
		return nil, err
	}
	m := make(map[int64]string, len(rs))
	for _, r := range rs {
		m[r.SiteID] = r.Day
	}
	return m, nil
}
