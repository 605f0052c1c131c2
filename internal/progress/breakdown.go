package progress

import (
	"cmp"
	"context"
	"slices"

	"jemputbola/internal/result"
	"jemputbola/internal/scope"
	"jemputbola/internal/visit"
)

// Tally is what a group of visits achieved.
type Tally struct {
	Visits      int64 // visits done (status selesai)
	Activations int64 // activations logged, results sent back excluded
	Served      int64 // residents served
	Failures    []int64
}

// PerVisit is activations per visit done, 0 without visits.
func (t Tally) PerVisit() float64 {
	if t.Visits == 0 {
		return 0
	}
	return float64(t.Activations) / float64(t.Visits)
}

// Failed is the number of residents turned away for any reason.
func (t Tally) Failed() int64 {
	var n int64
	for _, f := range t.Failures {
		n += f
	}
	return n
}

// TopReason is the index in result.Reasons of the most frequent failure, -1
// when nobody was turned away.
func (t Tally) TopReason() int {
	top := -1
	for i, f := range t.Failures {
		if f > 0 && (top < 0 || f > t.Failures[top]) {
			top = i
		}
	}
	return top
}

func (t *Tally) add(o Tally) {
	t.Visits += o.Visits
	t.Activations += o.Activations
	t.Served += o.Served
	if t.Failures == nil {
		t.Failures = make([]int64, len(result.Reasons))
	}
	for i, f := range o.Failures {
		t.Failures[i] += f
	}
}

// Group is a named tally. Key is the kecamatan code or the team id; it is
// empty for a team of another office (a province's kab/kota), whose name
// then carries that office's region.
type Group struct {
	Key, Name string
	Tally
}

// Breakdown splits the visits done since a day by site kind, team and kecamatan.
type Breakdown struct {
	Total     Tally
	Kinds     map[string]Tally // by site kind
	Teams     []Group          // by team name
	Kecamatan []Group          // by kecamatan code
}

// failColumns sums the failure columns in the order of result.Reasons.
const failColumns = `SUM(COALESCE(r.fail_no_android, 0)), SUM(COALESCE(r.fail_no_signal, 0)), SUM(COALESCE(r.fail_no_email, 0)),
	SUM(COALESCE(r.fail_incompatible_phone, 0)), SUM(COALESCE(r.fail_data_problem, 0)), SUM(COALESCE(r.fail_refused, 0)),
	SUM(COALESCE(r.fail_other, 0))`

// Breakdown reads every visit done on days from..to (YYYY-MM-DD, inclusive;
// to "" for no end) by the teams of ctx's office (a province: and of its
// kab/kota) in one grouped scan and rolls it up three ways.
func (s *Store) Breakdown(ctx context.Context, from, to string) (Breakdown, error) {
	if to == "" {
		to = "9999-12-31"
	}
	sc, err := scope.From(ctx)
	if err != nil {
		return Breakdown{}, err
	}
	b := Breakdown{Kinds: map[string]Tally{}}
	rows, err := s.db.WithContext(ctx).Raw(`SELECT s.kind, t.id, t.name, t.office_id, tr.name, COALESCE(d.parent_code, ''), COALESCE(k.name, ''),
		COUNT(*), COALESCE(SUM(CASE WHEN r.verification <> ? THEN r.activations END), 0),
		COALESCE(SUM(r.people_served), 0), `+failColumns+`
		FROM visits v
		JOIN sites s ON s.id = v.site_id
		JOIN teams t ON t.id = v.team_id
		JOIN offices o ON o.id = t.office_id
		JOIN regions tr ON tr.code = o.code
		LEFT JOIN regions d ON d.code = s.desa_code
		LEFT JOIN regions k ON k.code = d.parent_code
		LEFT JOIN visit_results r ON r.visit_id = v.id
		WHERE v.status = ? AND v.day >= ? AND v.day <= ?
			AND v.office_id IN (SELECT id FROM offices WHERE code = ? OR code LIKE ?)
		GROUP BY s.kind, t.id, t.name, t.office_id, tr.name, d.parent_code, k.name`, result.SentBack, string(visit.Selesai), from, to, sc.Code, sc.Below()).Rows()
	if err != nil {
		return b, err
	}
	teams, kecs := map[string]*Group{}, map[string]*Group{}
	group := func(m map[string]*Group, key, name string) *Group {
		if m[key] == nil {
			m[key] = &Group{Key: key, Name: name}
		}
		return m[key]
	}
	err = eachRow(rows, func() error {
		var kind, teamID, teamName, teamRegion, kecCode, kecName string
		var teamOffice int64
		t := Tally{Failures: make([]int64, len(result.Reasons))}
		dest := []any{&kind, &teamID, &teamName, &teamOffice, &teamRegion, &kecCode, &kecName, &t.Visits, &t.Activations, &t.Served}
		for i := range t.Failures {
			dest = append(dest, &t.Failures[i])
		}
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		k := b.Kinds[kind]
		k.add(t)
		b.Kinds[kind] = k
		b.Total.add(t)
		if teams[teamID] == nil && teamOffice != sc.OfficeID {
			teams[teamID] = &Group{Name: teamName + " (" + teamRegion + ")"}
		}
		group(teams, teamID, teamName).add(t)
		group(kecs, kecCode, kecName).add(t)
		return nil
	})
	b.Teams = sorted(teams, func(a, b *Group) int { return cmp.Compare(a.Name, b.Name) })
	b.Kecamatan = sorted(kecs, func(a, b *Group) int { return cmp.Compare(a.Key, b.Key) })
	return b, err
}

func sorted(m map[string]*Group, by func(a, b *Group) int) []Group {
	ps := make([]*Group, 0, len(m))
	for _, g := range m {
		ps = append(ps, g)
	}
	slices.SortFunc(ps, by)
	gs := make([]Group, len(ps))
	for i, g := range ps {
		gs[i] = *g
	}
	return gs
}
