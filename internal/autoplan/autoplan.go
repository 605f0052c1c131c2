// Package autoplan feeds the planner from the database: teams, sites, the
// coverage gaps (read through the progress read model), the visits already
// planned and what recent results say. The planner itself stays pure; the
// visits a ketua tim accepts are stored by package visit.
package autoplan

import (
	"context"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/desk"
	"jemputbola/internal/holiday"
	"jemputbola/internal/planner"
	"jemputbola/internal/progress"
	"jemputbola/internal/result"
	"jemputbola/internal/scope"
	"jemputbola/internal/site"
	"jemputbola/internal/team"
	"jemputbola/internal/visit"
)

// Windows over which results tell the planner something.
const (
	yieldDays     = 90 // recent yield per site kind
	followupDays  = 60 // residents turned away who may come back
	minVisits     = 5  // visits of a kind before its yield replaces the default
	minTurnedAway = 5  // residents turned away at a site before a follow-up is proposed
)

// deskWindowDays is how far back the desks' yield is measured.
const deskWindowDays = 28

// Names are what the page shows beside the planner's ids.
type Names struct {
	Teams map[int64]string
	Sites map[int64]site.Row
}

// Load builds the planner's input of ctx's office for the days from..to
// (YYYY-MM-DD) and the given teams of the office (nil: every team; another
// office's are left out) on the office's working days outside its days off
// (schools outside the school holidays),
// with the coverage of today from cov, the office's
// cache; now is in the office's zone. Errors: scope.ErrMissing.
func Load(ctx context.Context, g *gorm.DB, cov *progress.Cache, from, to string, teamIDs []int64, horizonDays int, now time.Time) (planner.Input, Names, error) {
	in := planner.Input{From: from, To: to, CoverHorizonDays: horizonDays}
	names := Names{Teams: map[int64]string{}, Sites: map[int64]site.Row{}}
	sc, err := scope.From(ctx)
	if err != nil {
		return in, names, err
	}
	cal, err := holiday.NewStore(g).Calendar(ctx)
	if err != nil {
		return in, names, err
	}
	in.WorkingDays = cal.Week
	in.Holidays, in.SchoolHolidays = cal.Between(from, to)
	// The desks' yield over the last four weeks, once their tallies measure it.
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	if perDay, ok, err := desk.NewStore(g).PerWorkingDay(ctx, today.AddDate(0, 0, -deskWindowDays), today.AddDate(0, 0, -1), cal.Works); err != nil {
		return in, names, err
	} else if ok {
		in.DeskPerDay = &perDay
	}
	teams, err := team.NewStore(g).List(ctx)
	if err != nil {
		return in, names, err
	}
	want := map[int64]bool{}
	for _, id := range teamIDs {
		want[id] = true
	}
	in.People = map[int64][]int64{}
	for _, t := range teams {
		names.Teams[t.ID] = t.Name
		if t.Leader != nil {
			in.People[t.ID] = append(in.People[t.ID], t.Leader.ID)
		}
		for _, op := range t.Operators {
			in.People[t.ID] = append(in.People[t.ID], op.ID)
		}
		if len(want) == 0 || want[t.ID] {
			in.Teams = append(in.Teams, planner.Team{ID: t.ID, Capacity: int64(t.DailyCapacity)})
		}
	}
	c, err := cov.Coverage(ctx, now)
	if err != nil {
		return in, names, err
	}
	in.TargetGap = c.Office.Gap
	centroid := map[string][2]float64{}
	for _, k := range c.Kecamatan {
		for _, d := range c.Overview.Desa[k.Code] {
			centroid[d.Code] = [2]float64{d.Lat, d.Lng}
			in.Desa = append(in.Desa, planner.Desa{Code: d.Code, KecamatanCode: k.Code, Lat: d.Lat, Lng: d.Lng, Gap: d.Gap})
		}
	}
	sites, err := site.NewStore(g).List(ctx, site.Filter{PerPage: 100_000})
	if err != nil {
		return in, names, err
	}
	done, err := activatedBySite(ctx, g, sc)
	if err != nil {
		return in, names, err
	}
	for _, s := range sites.Rows {
		names.Sites[s.ID] = s
		c := centroid[s.DesaCode] // sites without coordinates stand at their desa's centre
		if s.Lat != nil && s.Lng != nil {
			c = [2]float64{*s.Lat, *s.Lng}
		}
		eligible := s.Eligible
		if eligible > 0 {
			eligible = max(1, eligible-done[s.ID]) // people already activated there are used up
		}
		in.Sites = append(in.Sites, planner.Site{ID: s.ID, Kind: string(s.Kind), DesaCode: s.DesaCode, KecamatanCode: s.KecamatanCode,
			Lat: c[0], Lng: c[1], Eligible: eligible})
	}
	if in.Existing, err = existing(ctx, g, sc, from, to, now.Location()); err != nil {
		return in, names, err
	}
	if in.Yield, err = yields(ctx, g, sc, now.AddDate(0, 0, -yieldDays).Format(time.DateOnly)); err != nil {
		return in, names, err
	}
	in.Followups, err = followups(ctx, g, sc, now.AddDate(0, 0, -followupDays).Format(time.DateOnly))
	return in, names, err
}

// activatedBySite sums the logged activations of each site of the office. A
// result the ketua tim sent back does not count until it is corrected, as in
// the coverage read model.
func activatedBySite(ctx context.Context, g *gorm.DB, sc scope.Scope) (map[int64]int64, error) {
	var rows []struct {
		SiteID int64
		N      int64
	}
	err := g.WithContext(ctx).Raw(`SELECT v.site_id, SUM(r.activations) AS n FROM visit_results r
		JOIN visits v ON v.id = r.visit_id WHERE r.office_id = ? AND v.office_id = ? AND r.verification <> ? GROUP BY v.site_id`,
		sc.OfficeID, sc.OfficeID, result.SentBack).Scan(&rows).Error
	m := make(map[int64]int64, len(rows))
	for _, r := range rows {
		m[r.SiteID] = r.N
	}
	return m, err
}

// existing lists the office's visits of the range that are not cancelled;
// times are office-local, as the planner's slots are.
func existing(ctx context.Context, g *gorm.DB, sc scope.Scope, from, to string, zone *time.Location) ([]planner.Visit, error) {
	var rows []struct {
		TeamID, SiteID      int64
		Day                 string
		StartAt, EndAt      time.Time
		ExpectedActivations int64
	}
	err := g.WithContext(ctx).Raw(`SELECT team_id, site_id, day, start_at, end_at, expected_activations FROM visits
		WHERE office_id = ? AND day >= ? AND day <= ? AND status <> ? ORDER BY id`, sc.OfficeID, from, to, string(visit.Dibatalkan)).Scan(&rows).Error
	out := make([]planner.Visit, len(rows))
	for i, r := range rows {
		out[i] = planner.Visit{TeamID: r.TeamID, SiteID: r.SiteID, Date: r.Day, Start: r.StartAt.In(zone).Format("15:04"), End: r.EndAt.In(zone).Format("15:04"),
			ExpectedActivations: r.ExpectedActivations}
	}
	return out, err
}

// yields is the office's recent activations per visit by site kind.
func yields(ctx context.Context, g *gorm.DB, sc scope.Scope, since string) (map[string]float64, error) {
	var rows []struct {
		Kind   string
		Visits int64
		N      int64
	}
	err := g.WithContext(ctx).Raw(`SELECT s.kind, COUNT(*) AS visits, SUM(r.activations) AS n FROM visit_results r
		JOIN visits v ON v.id = r.visit_id JOIN sites s ON s.id = v.site_id
		WHERE r.office_id = ? AND v.office_id = ? AND s.office_id = ? AND v.day >= ? AND r.verification <> ? GROUP BY s.kind`,
		sc.OfficeID, sc.OfficeID, sc.OfficeID, since, result.SentBack).Scan(&rows).Error
	m := map[string]float64{}
	for _, r := range rows {
		if r.Visits >= minVisits {
			m[r.Kind] = float64(r.N) / float64(r.Visits)
		}
	}
	return m, err
}

// followups finds the office's sites where recent visits turned residents
// away for reasons a return visit can fix, and no later visit is planned yet;
// sent-back results do not count.
func followups(ctx context.Context, g *gorm.DB, sc scope.Scope, since string) ([]planner.Followup, error) {
	var rows []struct {
		SiteID                               int64
		NoEmail, NoSignal, IncompatiblePhone int64
	}
	err := g.WithContext(ctx).Raw(`SELECT v.site_id, SUM(r.fail_no_email) AS no_email, SUM(r.fail_no_signal) AS no_signal,
		SUM(r.fail_incompatible_phone) AS incompatible_phone
		FROM visit_results r JOIN visits v ON v.id = r.visit_id
		WHERE r.office_id = ? AND v.office_id = ? AND v.day >= ? AND r.verification <> ?
		AND NOT EXISTS (SELECT 1 FROM visits w WHERE w.office_id = ? AND w.site_id = v.site_id AND w.day > v.day AND w.status <> ?)
		GROUP BY v.site_id ORDER BY v.site_id`, sc.OfficeID, sc.OfficeID, since, result.SentBack, sc.OfficeID, string(visit.Dibatalkan)).Scan(&rows).Error
	var out []planner.Followup
	for _, r := range rows {
		if r.NoEmail+r.NoSignal+r.IncompatiblePhone >= minTurnedAway {
			out = append(out, planner.Followup{SiteID: r.SiteID, NoEmail: r.NoEmail, NoSignal: r.NoSignal, IncompatiblePhone: r.IncompatiblePhone})
		}
	}
	return out, err
}
