package web_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"jemputbola/internal/auth"
	"jemputbola/internal/locale"
	"jemputbola/internal/pii"
	"jemputbola/internal/visit"
)

// TestJourneyNIKRefusedOffline: offline, an operator writes a resident's NIK
// in a result's notes; the tablet says why, with the server's message, and
// does not queue it; with initials instead it queues.
func TestJourneyNIKRefusedOffline(t *testing.T) {
	app := newTestApp(t)
	app.fixtures(t)
	op := app.user(t, "operator1", auth.Operator)
	app.DB.Exec("INSERT INTO team_members (team_id, user_id) VALUES (1, ?)", op.ID)
	zone, _ := locale.LoadZone(locale.DefaultZone)
	now := time.Now().In(zone)
	start := time.Date(now.Year(), now.Month(), now.Day(), 0, 30, 0, 0, zone)
	v := visit.Visit{OfficeID: app.officeID(t), SiteID: 1, TeamID: 1, Day: start.Format(time.DateOnly), StartAt: start.UTC(), EndAt: start.Add(20 * time.Minute).UTC(),
		Expected: 30, Status: visit.Direncanakan, CreatedAt: now, UpdatedAt: now}
	if err := app.DB.Create(&v).Error; err != nil {
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
	err := chromedp.Do(tab,
		chromedp.Navigate(fmt.Sprintf("%s/kunjungan/%d/hasil", app.URL, v.ID)),
		chromedp.WaitVisible(`#result-form`),
		chromedp.SendKeys(`#f-activations`, "10"),
		chromedp.SendKeys(`#f-people_served`, "12"),
		chromedp.SendKeys(`#f-ektp_recorded`, "0"),
		chromedp.SendKeys(`#f-out_of_area`, "0"),
		chromedp.SendKeys(`#f-notes`, "NIK 1702 0612 3456 0001 tidak bisa aktivasi"),
		chromedp.WaitVisible(`#f-notes-live`),
		chromedp.Click(`#result-form button[type="submit"]`),
	)
	if err != nil {
		t.Fatalf("type a NIK offline: %v", err)
	}
	want := pii.Check("NIK 1702061234560001", true)
	state, err := chromedp.Run(tab, chromedp.Evaluate[string](`[document.getElementById("f-notes-live").textContent,
		document.getElementById("result-form").checkValidity(), document.getElementById("offline-saved").hidden].join("|")`))
	if err != nil || state != want+"|false|true" {
		t.Fatalf("after typing a NIK: %q, %v; want the server's message, an invalid form and nothing queued", state, err)
	}
	err = chromedp.Do(tab,
		chromedp.Evaluate[chromedp.Void](`document.getElementById("f-notes").value = ""`),
		chromedp.SendKeys(`#f-notes`, "Bpk S. (Desa Air Meles) belum punya email"),
		chromedp.WaitNotPresent(`#f-notes-live`),
		chromedp.Click(`#result-form button[type="submit"]`),
		chromedp.WaitVisible(`#offline-saved`),
	)
	if err != nil {
		t.Fatalf("queue with initials: %v", err)
	}
	if !strings.Contains(want, "Tulis inisial dan desa") {
		t.Fatalf("the message %q does not say what to write instead", want)
	}
}
