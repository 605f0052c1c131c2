package demo

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/office"
	"jemputbola/internal/region"
	"jemputbola/internal/scope"
	"jemputbola/internal/site"
	"jemputbola/internal/team"
	"jemputbola/internal/visit"
)

// Scale is the size of generated field work, for benchmarks.
type Scale struct {
	Sites, Teams, Visits int
	Years                int // how far back the work reaches; 0 is one year
}

// YearOfKabupaten is the size the coverage benchmarks are measured at.
var YearOfKabupaten = Scale{Sites: 500, Teams: 20, Visits: 20_000}

// SeedScale writes field work (a year unless sc.Years says more) ending
// yesterday for ctx's office: the demo figures as
// of a year ago, sc.Sites sites spread over every desa, sc.Teams teams and
// sc.Visits visits done, each with a result. Rows go in directly, in batches,
// since the domain refuses visits in the past; the database must hold no
// sites or teams yet.
func SeedScale(ctx context.Context, g *gorm.DB, now time.Time, sc Scale) error {
	in, err := scope.ForWrite(ctx)
	if err != nil {
		return err
	}
	regions, err := region.Subtree(in.Code)
	if err != nil {
		return err
	}
	var desa []region.Region
	for _, r := range regions {
		if r.Level == region.LevelDesa {
			desa = append(desa, r)
		}
	}
	start := time.Date(now.Year()-max(1, sc.Years), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	days := 0
	for d := start; d.Before(now); d = d.AddDate(0, 0, 1) {
		if workingDay(d) {
			days++
		}
	}
	if sc.Visits > days*4*sc.Teams {
		return fmt.Errorf("a year of %d teams holds %d visits, fewer than %d", sc.Teams, days*4*sc.Teams, sc.Visits)
	}
	return g.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var figs []region.Figure
		for _, d := range region.DemoFigures(regions) {
			figs = append(figs, region.Figure{DesaCode: d.DesaCode, AsOf: start.AddDate(0, 0, -1).Format(time.DateOnly), WajibKTP: d.WajibKTP,
				EktpRecorded: d.Recorded, IkdActivated: d.Activated, Source: region.SourceDemo, CreatedAt: now})
		}
		if err := tx.CreateInBatches(figs, 200).Error; err != nil {
			return err
		}
		sites := scaleSites(desa, sc.Sites, now)
		for i := range sites {
			sites[i].OfficeID = in.OfficeID
		}
		if err := tx.CreateInBatches(&sites, 200).Error; err != nil {
			return err
		}
		teams := make([]team.Team, sc.Teams)
		for i := range teams {
			teams[i] = team.Team{OfficeID: in.OfficeID, Name: fmt.Sprintf("Tim Skala %02d", i+1), DailyCapacity: 150, Demo: true, CreatedAt: now, UpdatedAt: now}
		}
		if err := tx.CreateInBatches(&teams, 200).Error; err != nil {
			return err
		}
		visits := scaleVisits(start, sites, teams, sc.Visits, now)
		for i := range visits {
			visits[i].OfficeID = in.OfficeID
		}
		if err := tx.CreateInBatches(&visits, 500).Error; err != nil {
			return err
		}
		kindOf := map[int64]site.Kind{}
		for _, s := range sites {
			kindOf[s.ID] = s.Kind
		}
		return seedResults(ctx, tx, visits, kindOf, map[int64]int64{})
	})
}

func workingDay(d time.Time) bool {
	return d.Weekday() != time.Saturday && d.Weekday() != time.Sunday
}

// scaleSites spreads n sites over desa, a balai desa in every desa first.
func scaleSites(desa []region.Region, n int, now time.Time) []site.Site {
	kinds := []site.Kind{site.Desa, site.Sekolah, site.OPD, site.Lainnya}
	sites := make([]site.Site, n)
	for i := range sites {
		k := kinds[i%len(kinds)]
		if i < len(desa) {
			k = site.Desa // every desa has its balai desa
		}
		sites[i] = site.Site{Name: fmt.Sprintf("%s %d", k.Label(), i+1), Kind: k, DesaCode: desa[i%len(desa)].Code,
			Eligible: int64(100 + hash(fmt.Sprint(i))%400), Demo: true, CreatedAt: now, UpdatedAt: now}
	}
	return sites
}

// scaleVisits fills the working days from start with n visits done: four
// two-hour slots a day for every team, so no team overlaps itself.
func scaleVisits(start time.Time, sites []site.Site, teams []team.Team, n int, now time.Time) []visit.Visit {
	visits := make([]visit.Visit, 0, n)
	for d := start; len(visits) < n; d = d.AddDate(0, 0, 1) {
		if !workingDay(d) {
			continue
		}
		for slot := 0; slot < 4 && len(visits) < n; slot++ {
			from := d.Add(time.Duration(8+2*slot) * time.Hour)
			for ti := 0; ti < len(teams) && len(visits) < n; ti++ {
				s := sites[(len(visits)*37)%len(sites)] // 37 is coprime to any site count here: every site gets visits
				visits = append(visits, visit.Visit{SiteID: s.ID, TeamID: teams[ti].ID, Day: d.Format(time.DateOnly),
					StartAt: from.UTC(), EndAt: from.Add(2 * time.Hour).UTC(), Expected: 40, Status: visit.Selesai,
					Notes: "Data skala", CreatedAt: now, UpdatedAt: now})
			}
		}
	}
	return visits
}

// OfficeCodes picks n kab/kota for the benchmarks of many offices: Rejang
// Lebong first, then the kab/kota of Indonesia in code order.
func OfficeCodes(n int) []string {
	codes := []string{region.DefaultOfficeCode}
	for _, c := range region.KabKotaCodes() {
		if len(codes) >= n {
			break
		}
		if c != region.DefaultOfficeCode {
			codes = append(codes, c)
		}
	}
	return codes[:min(n, len(codes))]
}

// SeedOffices adds the offices of codes and seeds each with sc through
// SeedScale, for the benchmarks of many offices.
func SeedOffices(ctx context.Context, g *gorm.DB, now time.Time, codes []string, sc Scale) error {
	for _, code := range codes {
		o, _, err := office.NewStore(g).Add(ctx, who, code)
		if err != nil {
			return err
		}
		oc := office.Scope(o)
		if err := SeedScale(scope.With(ctx, oc), g, oc.Now(now), sc); err != nil {
			return fmt.Errorf("%s: %w", code, err)
		}
	}
	return nil
}
