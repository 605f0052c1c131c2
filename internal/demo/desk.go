package demo

import (
	"context"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/desk"
)

// demoPoint is a service point of the demo and its usual day's activations.
type demoPoint struct {
	name   string
	kind   desk.Kind
	desa   string
	perDay int64
}

// deskDays is how far back the demo's desks have tallies: enough for the
// planner to measure their yield (four weeks).
const deskDays = 28

// seedDesk adds the office's service points and a tally for every working
// day of the four weeks before now, today left for the desk operator. The
// tallies go in directly, as the visit history does: the demo's now may lie
// further back than a desk may enter.
func seedDesk(ctx context.Context, tx *gorm.DB, now time.Time, officeID int64, points []demoPoint) error {
	s := desk.NewStore(tx)
	for _, dp := range points {
		p, err := s.AddPoint(ctx, who, desk.PointInput{Name: dp.name, Kind: dp.kind, DesaCode: dp.desa})
		if err != nil {
			return err
		}
		var ts []desk.Tally
		for i := 1; i <= deskDays; i++ {
			day := now.AddDate(0, 0, -i)
			if day.Weekday() == time.Saturday || day.Weekday() == time.Sunday {
				continue
			}
			n := dp.perDay + int64(i*7%11) - 5 // a day's ups and downs, the same every run
			ts = append(ts, desk.Tally{OfficeID: officeID, PointID: p.ID, Day: day.Format(time.DateOnly), Activations: n,
				PeopleServed: n + n/4 + 3, OutOfArea: n / 8, ForService: n / 3, FailNoEmail: n / 10, FailNoAndroid: n / 20,
				FailDataProblem: 2, UpdatedAt: day.UTC()})
		}
		if err := tx.Create(&ts).Error; err != nil {
			return err
		}
	}
	return nil
}
