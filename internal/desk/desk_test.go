package desk_test

import (
	"testing"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/dbtest"
	"jemputbola/internal/desk"
	"jemputbola/internal/progress"
	"jemputbola/internal/result"
	"jemputbola/internal/scope"
)

const curup = "17.02.06.2001" // a desa of Rejang Lebong

func TestDesk(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		ctx := dbtest.InOffice(t, g, "17.02")
		sc, _ := scope.From(ctx)
		today := sc.Now(time.Now())
		s := desk.NewStore(g)
		who := audit.Actor{Username: "loket"}

		for name, in := range map[string]desk.PointInput{
			"name":      {Kind: desk.Kantor, DesaCode: curup},
			"kind":      {Name: "Loket", Kind: "bank", DesaCode: curup},
			"desa_code": {Name: "Loket", Kind: desk.Kantor, DesaCode: "17.71.01.1001"}, // Kota Bengkulu's
		} {
			if _, err := s.AddPoint(ctx, who, in); apperr.FieldsOf(err)[name] == "" {
				t.Errorf("AddPoint without a valid %s: %v", name, err)
			}
		}
		p, err := s.AddPoint(ctx, who, desk.PointInput{Name: "Loket Dinas Dukcapil", Kind: desk.Kantor, DesaCode: curup})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddPoint(ctx, who, p.Input()); apperr.CodeOf(err) != apperr.Conflict {
			t.Errorf("a second point of the same name: %v", err)
		}

		day := today.Format(time.DateOnly)
		in := desk.Input{PointID: p.ID, Day: day, ForService: 20,
			Outcome: result.Outcome{Activations: 60, PeopleServed: 80, OutOfArea: 15, Failures: map[string]int64{"no_email": 12}}}
		bad := in
		bad.ForService = 90
		if _, _, err := s.Save(ctx, who, 0, bad); apperr.FieldsOf(err)["for_service"] == "" {
			t.Errorf("more came for another service than were served: %v", err)
		}
		for _, d := range []string{today.AddDate(0, 0, 1).Format(time.DateOnly), today.AddDate(0, 0, -40).Format(time.DateOnly), "kemarin"} {
			bad := in
			bad.Day = d
			if _, _, err := s.Save(ctx, who, 0, bad); apperr.FieldsOf(err)["day"] == "" {
				t.Errorf("day %s accepted: %v", d, err)
			}
		}
		if _, created, err := s.Save(ctx, who, 0, in); err != nil || !created {
			t.Fatalf("first save: %v %v", created, err)
		}
		if _, created, err := s.Save(ctx, who, 0, in); err != nil || created {
			t.Fatalf("the same numbers again: created %v, %v", created, err)
		}
		fix := in
		fix.Outcome.Activations = 65
		if _, _, err := s.Save(ctx, who, 0, fix); apperr.FieldsOf(err)["reason"] == "" {
			t.Fatalf("a correction without a reason: %v", err)
		}
		fix.Reason = "Daftar sore belum masuk"
		if tl, created, err := s.Save(ctx, who, 0, fix); err != nil || created || tl.Activations != 65 {
			t.Fatalf("correction: %+v %v %v", tl, created, err)
		}
		var history int64
		g.Model(&desk.History{}).Count(&history)
		if history != 1 {
			t.Fatalf("%d corrections kept, want 1", history)
		}

		// The point's desa gets its residents; the others are apart.
		c, err := progress.NewStore(g).Coverage(ctx, today.Year())
		if err != nil {
			t.Fatal(err)
		}
		if d := c.Desa[curup]; d.Desk != 65-15 || d.OutOfArea != 15 || d.Field != 0 {
			t.Fatalf("desa of the desk: %+v", d)
		}
		if daily, err := progress.NewStore(g).Daily(ctx, day, ""); err != nil || daily[day] != 50 {
			t.Fatalf("daily %v, %v", daily, err)
		}
		perDay, ok, err := s.PerWorkingDay(ctx, today, today, func(time.Time) bool { return true })
		if err != nil || !ok || perDay != 65 {
			t.Fatalf("per working day %v %v %v", perDay, ok, err)
		}

		// Another office sees none of it and cannot write to the point.
		kota := dbtest.InOffice(t, g, "17.71")
		if ps, err := s.Points(kota); err != nil || len(ps) != 0 {
			t.Fatalf("Kota Bengkulu sees %d points, %v", len(ps), err)
		}
		if _, _, err := s.Save(kota, who, 0, in); apperr.CodeOf(err) != apperr.NotFound {
			t.Fatalf("save on another office's point: %v", err)
		}
	})
}
