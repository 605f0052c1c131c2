package demo

import (
	"context"
	"hash/fnv"
	"sort"
	"strings"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/holiday"
	"jemputbola/internal/scope"
	"jemputbola/internal/site"
	"jemputbola/internal/team"
	"jemputbola/internal/visit"
)

// calendar is the demo offices' week: Monday to Friday and the built-in days off.
var calendar = holiday.New([]time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}, nil)

const (
	historyWeeks = 8
	planWeeks    = 2
)

// seedVisits writes a plausible history (the past 8 weeks, done) and plan (the
// next 2 weeks, including today) for every demo team: one morning visit each
// working day (Monday to Friday outside the built-in days off), on Tuesdays
// and Thursdays to a school or OPD with the balai desa in the afternoon. Rows are inserted directly because the domain rightly refuses
// visits in the past; times are stored in UTC like every visit.
func seedVisits(ctx context.Context, tx *gorm.DB, now time.Time, sites []site.Site, teams []team.Team, plan []demoTeam) error {
	zone := now.Location()
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, zone)
	var rows []visit.Visit
	for ti, t := range teams {
		village, other := sitesIn(sites, plan[ti].areas)
		if len(village) == 0 { // a province team has no balai desa: its mornings go to its OPDs too
			village = other
		}
		if len(village) == 0 {
			continue
		}
		vi, oi := 0, 0
		for d := today.AddDate(0, 0, -7*historyWeeks); d.Before(today.AddDate(0, 0, 7*planWeeks)); d = d.AddDate(0, 0, 1) {
			if !calendar.Works(d) {
				continue
			}
			s := village[vi%len(village)]
			vi++
			if (d.Weekday() == time.Tuesday || d.Weekday() == time.Thursday) && len(other) > 0 {
				// Schools and OPD in the morning, while pupils and staff are in; the balai desa after.
				rows = append(rows, demoVisit(other[oi%len(other)], t, d, 8, 12, today), demoVisit(s, t, d, 13, 15, today))
				oi++
				continue
			}
			rows = append(rows, demoVisit(s, t, d, 8, 12, today))
		}
	}
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return err
	}
	for i := range rows {
		rows[i].OfficeID = sc.OfficeID
	}
	if err := tx.WithContext(ctx).CreateInBatches(&rows, 200).Error; err != nil {
		return err
	}
	kinds := map[int64]site.Kind{}
	for _, s := range sites {
		kinds[s.ID] = s.Kind
	}
	loggedBy := map[int64]int64{}
	for _, t := range teams {
		var m memberRow
		if err := tx.WithContext(ctx).Where("team_id = ?", t.ID).Order("user_id").First(&m).Error; err != nil {
			return err
		}
		loggedBy[t.ID] = m.UserID
	}
	return seedResults(ctx, tx, rows, kinds, loggedBy)
}

// sitesIn returns a team's balai desa and its schools/OPDs, in a fixed shuffled order.
func sitesIn(sites []site.Site, kecamatan []string) (village, other []site.Site) {
	for _, s := range sites {
		for _, k := range kecamatan {
			if strings.HasPrefix(s.DesaCode, k+".") {
				if s.Kind == site.Desa {
					village = append(village, s)
				} else {
					other = append(other, s)
				}
			}
		}
	}
	byHash := func(ss []site.Site) {
		sort.Slice(ss, func(i, j int) bool { return hash(ss[i].Name) < hash(ss[j].Name) })
	}
	byHash(village)
	byHash(other)
	return village, other
}

func hash(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}

func demoVisit(s site.Site, t team.Team, day time.Time, from, to int, today time.Time) visit.Visit {
	start := day.Add(time.Duration(from) * time.Hour)
	end := day.Add(time.Duration(to) * time.Hour)
	status := visit.Direncanakan
	if day.Before(today) {
		status = visit.Selesai
	}
	expected := min(int64(t.DailyCapacity)*int64(to-from)/4, max(5, s.Eligible/10))
	return visit.Visit{SiteID: s.ID, TeamID: t.ID, Day: day.Format(time.DateOnly), StartAt: start.UTC(), EndAt: end.UTC(),
		Expected: expected, Status: status, Notes: "Kunjungan demo", CreatedAt: time.Now().UTC(), UpdatedAt: time.Now().UTC()}
}
