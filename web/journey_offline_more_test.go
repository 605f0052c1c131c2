package web_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"jemputbola/internal/auth"
	"jemputbola/internal/locale"
	"jemputbola/internal/result"
	"jemputbola/internal/visit"
)

// TestJourneyOfflineStartAndCorrection: without signal an operator starts a
// visit and corrects another's result; both wait on the tablet and reach the
// server once the signal is back.
func TestJourneyOfflineStartAndCorrection(t *testing.T) {
	app := newTestApp(t)
	app.fixtures(t)
	op := app.user(t, "operator1", auth.Operator)
	app.DB.Exec("INSERT INTO team_members (team_id, user_id) VALUES (1, ?)", op.ID)
	zone, _ := locale.LoadZone(locale.DefaultZone)
	now := time.Now().In(zone)
	var ids []int64
	for i, status := range []visit.Status{visit.Direncanakan, visit.Selesai} {
		start := time.Date(now.Year(), now.Month(), now.Day(), 0, 10+20*i, 0, 0, zone)
		v := visit.Visit{OfficeID: app.officeID(t), SiteID: 1, TeamID: 1, Day: start.Format(time.DateOnly), StartAt: start.UTC(), EndAt: start.Add(15 * time.Minute).UTC(),
			Expected: 30, Status: status, CreatedAt: now, UpdatedAt: now}
		if err := app.DB.Create(&v).Error; err != nil {
			t.Fatal(err)
		}
		ids = append(ids, v.ID)
	}
	planned, done := ids[0], ids[1]
	r := result.Result{OfficeID: app.officeID(t), VisitID: done, ClientID: "b0b0b0b0-0000-4000-8000-000000000001", Activations: 10, PeopleServed: 12,
		LoggedBy: &op.ID, LoggedAt: now, Verification: result.Unverified, UpdatedAt: now}
	if err := app.DB.Create(&r).Error; err != nil {
		t.Fatal(err)
	}
	tab := newTab(t)
	browserSignIn(t, tab, app, "operator1")
	if err := chromedp.Do(tab, chromedp.Navigate(app.URL+"/hari-ini"), chromedp.WaitVisible(`.visit-card`)); err != nil {
		t.Fatal(err)
	}
	if err := waitOfflineReady(tab); err != nil {
		t.Fatalf("offline not ready: %v", err)
	}
	if err := setOffline(tab, true); err != nil {
		t.Fatal(err)
	}
	app.Stop()
	step, cancel := context.WithTimeout(tab, 20*time.Second)
	defer cancel()
	card := fmt.Sprintf(`.visit-card[data-visit-id="%d"]`, planned)
	err := chromedp.Do(step,
		chromedp.Click(card+` form[action$="/mulai"] button`),
		chromedp.WaitVisible(card+` .sync-state.queued`),
		chromedp.Navigate(fmt.Sprintf("%s/kunjungan/%d/hasil", app.URL, done)),
		chromedp.Click(`details summary`),
		chromedp.WaitVisible(`form[action$="/hasil/koreksi"] #f-activations`),
	)
	if err != nil {
		t.Fatalf("start offline, open the correction: %v", err)
	}
	if _, err := chromedp.Run(step, chromedp.Evaluate[string](`document.querySelector('form[action$="/hasil/koreksi"] #f-activations').value = ""`)); err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(step,
		chromedp.SendKeys(`form[action$="/hasil/koreksi"] #f-activations`, "11"),
		chromedp.SendKeys(`form[action$="/hasil/koreksi"] #f-reason`, "Salah hitung"),
		chromedp.Click(`form[action$="/hasil/koreksi"] button[type="submit"]`),
		chromedp.WaitVisible(`[data-queued-note]`),
	)
	if err != nil {
		t.Fatalf("correct offline: %v", err)
	}
	var status string
	app.DB.Raw("SELECT status FROM visits WHERE id = ?", planned).Scan(&status)
	if status != string(visit.Direncanakan) {
		t.Fatalf("visit %s while the server was away", status)
	}

	app.Restart(t)
	if err := setOffline(tab, false); err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(step,
		chromedp.Navigate(app.URL+"/hari-ini"),
		chromedp.WaitVisible(card+` .sync-state.sent`),
		chromedp.WaitVisible(fmt.Sprintf(`.visit-card[data-visit-id="%d"] .sync-state.sent`, done)),
	)
	if err != nil {
		t.Fatalf("the queued start and correction were not sent: %v", err)
	}
	var activations, history int64
	app.DB.Raw("SELECT status FROM visits WHERE id = ?", planned).Scan(&status)
	app.DB.Raw("SELECT activations FROM visit_results WHERE visit_id = ?", done).Scan(&activations)
	app.DB.Raw("SELECT COUNT(*) FROM visit_result_history").Scan(&history)
	if status != string(visit.Berlangsung) || activations != 11 || history != 1 {
		t.Fatalf("after the sync: visit %s, activations %d, %d corrections; want berlangsung, 11, 1", status, activations, history)
	}
}
