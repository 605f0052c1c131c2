package demo

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/region"
	"jemputbola/internal/site"
	"jemputbola/internal/team"
	"jemputbola/internal/visit"
)

// Scale is the size of a generated year of field work, for benchmarks.
type Scale struct {
	Sites, Teams, Visits int
}

// YearOfKabupaten is the size the coverage benchmarks are measured at.
var YearOfKabupaten = Scale{Sites: 500, Teams: 20, Visits: 20_000}

// SeedScale writes a year of field work ending yesterday: the demo figures as
// of a year ago, sc.Sites sites spread over every desa, sc.Teams teams and
// sc.Visits visits done, each with a result. Rows go in directly, in batches,
// since the domain refuses visits in the past; the database must hold no
// sites or teams yet.
func SeedScale(ctx context.Context, g *gorm.DB, now time.Time, sc Scale) error {
	regions, err := region.Builtin()
	if err != nil {
		return err
	}
	var desa []region.Region
	for _, r := range regions {
		if r.Level == region.LevelDesa {
			desa = append(desa, r)
		}
	}
	start := time.Date(now.Year()-1, now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	days := 0
	for d := start; d.Before(now); d = d.AddDate(0, 0, 1) {
		if d.Weekday() != time.Saturday && d.Weekday() != time.Sunday {
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
		kinds := []site.Kind{site.Desa, site.Sekolah, site.OPD, site.Lainnya}
		sites := make([]site.Site, sc.Sites)
		for i := range sites {
			k := kinds[i%len(kinds)]
			if i < len(desa) {
				k = site.Desa // every desa has its balai desa
			}
			sites[i] = site.Site{Name: fmt.Sprintf("%s %d", k.Label(), i+1), Kind: k, DesaCode: desa[i%len(desa)].Code,
				Eligible: int64(100 + hash(fmt.Sprint(i))%400), Demo: true, CreatedAt: now, UpdatedAt: now}
		}
		if err := tx.CreateInBatches(&sites, 200).Error; err != nil {
			return err
		}
		teams := make([]team.Team, sc.Teams)
		for i := range teams {
			teams[i] = team.Team{Name: fmt.Sprintf("Tim Skala %02d", i+1), DailyCapacity: 150, Demo: true, CreatedAt: now, UpdatedAt: now}
		}
		if err := tx.CreateInBatches(&teams, 200).Error; err != nil {
			return err
		}
		visits := make([]visit.Visit, 0, sc.Visits)
		kindOf := map[int64]site.Kind{}
		for _, s := range sites {
			kindOf[s.ID] = s.Kind
		}
		// Working days of the past year, four two-hour slots a day for every
		// team, so no team overlaps itself.
		for d := start; len(visits) < sc.Visits; d = d.AddDate(0, 0, 1) {
			if d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
				continue
			}
			for slot := 0; slot < 4 && len(visits) < sc.Visits; slot++ {
				from := d.Add(time.Duration(8+2*slot) * time.Hour)
				for ti := 0; ti < len(teams) && len(visits) < sc.Visits; ti++ {
					s := sites[(len(visits)*37)%len(sites)] // 37 is coprime to any site count here: every site gets visits
					visits = append(visits, visit.Visit{SiteID: s.ID, TeamID: teams[ti].ID, Day: d.Format(time.DateOnly),
						StartAt: from.UTC(), EndAt: from.Add(2 * time.Hour).UTC(), Expected: 40, Status: visit.Selesai,
						Notes: "Data skala", CreatedAt: now, UpdatedAt: now})
				}
			}
		}
		if err := tx.CreateInBatches(&visits, 500).Error; err != nil {
			return err
		}
		return seedResults(ctx, tx, visits, kindOf, map[int64]int64{})
	})
}
