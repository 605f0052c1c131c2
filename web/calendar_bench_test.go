package web_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"jemputbola/internal/auth"
	"jemputbola/internal/visit"
)

// BenchmarkWeekView renders the week calendar with 20 teams × 7 days × 4
// visits (560 visits) through the whole stack: session, query, template, gzip off.
func BenchmarkWeekView(b *testing.B) {
	app := newTestApp(b)
	monday := weekOf(time.Now().AddDate(0, 0, 14))
	var sites []int64
	for i := range 40 {
		res := app.DB.Exec("INSERT INTO sites (office_id, name, kind, desa_code, eligible, created_at, updated_at) VALUES (?, ?, 'sekolah', '17.02.19.1001', 100, ?, ?)",
			app.officeID(b), fmt.Sprintf("Sekolah %02d", i), time.Now(), time.Now())
		if res.Error != nil {
			b.Fatal(res.Error)
		}
	}
	app.DB.Raw("SELECT id FROM sites ORDER BY id").Scan(&sites)
	var rows []visit.Visit
	for tm := range 20 {
		var teamID int64
		app.DB.Raw("INSERT INTO teams (office_id, name, daily_capacity, created_at, updated_at) VALUES (?, ?, 60, ?, ?) RETURNING id",
			app.officeID(b), fmt.Sprintf("Tim %02d", tm+1), time.Now(), time.Now()).Scan(&teamID)
		for d := range 7 {
			for slot := range 4 {
				start := monday.AddDate(0, 0, d).Add(time.Duration(8+2*slot) * time.Hour)
				rows = append(rows, visit.Visit{OfficeID: app.officeID(b), SiteID: sites[(tm*4+slot)%len(sites)], TeamID: teamID, Day: start.Format(time.DateOnly),
					StartAt: start.UTC(), EndAt: start.Add(2 * time.Hour).UTC(), Expected: 30, Status: visit.Direncanakan,
					CreatedAt: time.Now(), UpdatedAt: time.Now()})
			}
		}
	}
	if err := app.DB.CreateInBatches(rows, 200).Error; err != nil {
		b.Fatal(err)
	}
	c := app.login(b, "ketua1", auth.KetuaTim)
	path := "/jadwal?week=" + monday.Format(time.DateOnly)
	if res, doc := c.get(b, path); res.StatusCode != http.StatusOK || doc.Find("a.visit").Length() != 560 {
		b.Fatalf("status %d with %d visits, want 560", res.StatusCode, doc.Find("a.visit").Length())
	}
	req, _ := http.NewRequest(http.MethodGet, app.URL+path, nil)
	b.ResetTimer()
	for b.Loop() {
		res, err := c.http.Do(req)
		if err != nil || res.StatusCode != http.StatusOK {
			b.Fatalf("%v %v", err, res.Status)
		}
		discard(b, res)
	}
}

func weekOf(t time.Time) time.Time {
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.Local)
	return d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
}
