package demo

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/auth"
	"jemputbola/internal/region"
	"jemputbola/internal/scope"
	"jemputbola/internal/site"
	"jemputbola/internal/team"
)

// The seed writes sites, teams and memberships as plain rows: the data is fixed
// and known to be valid, and the seed test checks the result.

type memberRow struct {
	TeamID int64
	UserID int64
}

func (memberRow) TableName() string { return "team_members" }

// seedSites writes the balai desa / kantor kelurahan of every desa whose
// figures the office seeds, plus its schools and OPDs. The eligible people of
// a balai desa are the desa's recorded residents not yet activated, as a
// village visit reaches anyone.
func seedSites(ctx context.Context, tx *gorm.DB, d demoOffice) ([]site.Site, error) {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return nil, err
	}
	now := time.Now().UTC()
	var rows []site.Site
	for _, a := range d.figures {
		if !d.villages {
			break
		}
		regions, err := region.Subtree(a.code)
		if err != nil {
			return nil, err
		}
		figs := map[string]region.DemoFigure{}
		for _, f := range region.DemoFiguresOf(regions, a.totals) {
			figs[f.DesaCode] = f
		}
		for _, r := range regions {
			if r.Level != region.LevelDesa {
				continue
			}
			name := "Balai Desa " + r.Name
			if r.Kind == region.KindKelurahan {
				name = "Kantor Kelurahan " + r.Name
			}
			lat, lng := r.Lat, r.Lng
			f := figs[r.Code]
			rows = append(rows, site.Site{OfficeID: sc.OfficeID, Name: name, Kind: site.Desa, DesaCode: r.Code, Lat: &lat, Lng: &lng,
				Eligible: f.Recorded - f.Activated, Demo: true, CreatedAt: now, UpdatedAt: now})
		}
	}
	for _, p := range d.places {
		rows = append(rows, site.Site{OfficeID: sc.OfficeID, Name: p.name, Kind: p.kind, DesaCode: p.desa, Eligible: p.eligible,
			Demo: true, CreatedAt: now, UpdatedAt: now})
	}
	if err := tx.WithContext(ctx).CreateInBatches(&rows, 100).Error; err != nil {
		return nil, fmt.Errorf("sites: %w", err)
	}
	return rows, nil
}

type demoTeam struct {
	name      string
	leader    string
	operators []string
	capacity  int
	areas     []string // kecamatan codes where the team works
}

func seedTeams(ctx context.Context, tx *gorm.DB, users map[string]auth.User, list []demoTeam) ([]team.Team, error) {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return nil, err
	}
	now := time.Now().UTC()
	var teams []team.Team
	for _, d := range list {
		leader := users[d.leader].ID
		t := team.Team{OfficeID: sc.OfficeID, Name: d.name, LeaderID: &leader, DailyCapacity: d.capacity, Demo: true, CreatedAt: now, UpdatedAt: now,
			Notes: "Tim demo"}
		if err := tx.WithContext(ctx).Create(&t).Error; err != nil {
			return nil, fmt.Errorf("team %s: %w", d.name, err)
		}
		for _, op := range d.operators {
			if err := tx.WithContext(ctx).Create(&memberRow{TeamID: t.ID, UserID: users[op].ID}).Error; err != nil {
				return nil, err
			}
		}
		teams = append(teams, t)
	}
	return teams, nil
}
