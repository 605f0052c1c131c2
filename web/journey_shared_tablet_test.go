package web_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"jemputbola/internal/auth"
	"jemputbola/internal/locale"
	"jemputbola/internal/visit"
)

// TestJourneySharedTablet: operator1 saves a result the server cannot be
// reached for, signs out (warned, the result kept), operator2 signs in on the
// same tablet and never sends it; when operator1 signs in again it is sent
// under operator1's account.
func TestJourneySharedTablet(t *testing.T) {
	app := newTestApp(t)
	app.fixtures(t)
	op1 := app.user(t, "operator1", auth.Operator)
	op2 := app.user(t, "operator2", auth.Operator)
	app.DB.Exec("INSERT INTO team_members (team_id, user_id) VALUES (1, ?), (1, ?)", op1.ID, op2.ID)
	zone, _ := locale.LoadZone(locale.DefaultZone)
	now := time.Now().In(zone)
	start := time.Date(now.Year(), now.Month(), now.Day(), 0, 30, 0, 0, zone)
	v := visit.Visit{OfficeID: app.officeID(t), SiteID: 1, TeamID: 1, Day: start.Format(time.DateOnly), StartAt: start.UTC(), EndAt: start.Add(time.Hour).UTC(),
		Expected: 30, Status: visit.Direncanakan, CreatedAt: now, UpdatedAt: now}
	if err := app.DB.Create(&v).Error; err != nil {
		t.Fatal(err)
	}
	tab := newTab(t)
	block := func(on bool) {
		t.Helper()
		var patterns []*network.BlockPattern
		if on {
			patterns = []*network.BlockPattern{{URLPattern: app.URL + "/api/v1/results", Block: true}}
		}
		if _, err := chromedp.Call(tab, network.Enable, network.EnableParams{}); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Call(tab, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: patterns}); err != nil {
			t.Fatalf("block the results API: %v", err)
		}
	}
	stored := func() (n int64) {
		app.DB.Raw("SELECT COUNT(*) FROM visit_results").Scan(&n)
		return n
	}

	browserSignIn(t, tab, app, "operator1")
	block(true) // the sync cannot get through; everything else can
	err := chromedp.Do(tab,
		chromedp.Navigate(fmt.Sprintf("%s/kunjungan/%d/hasil", app.URL, v.ID)),
		chromedp.WaitVisible(`#result-form`),
		chromedp.SendKeys(`#f-activations`, "9"),
		chromedp.SendKeys(`#f-people_served`, "12"),
		chromedp.SendKeys(`#f-ektp_recorded`, "0"),
		chromedp.SendKeys(`#f-out_of_area`, "0"),
		chromedp.Click(`#result-form button[type="submit"]`),
		chromedp.WaitVisible(`#offline-saved`),
		chromedp.Navigate(app.URL+"/hari-ini"),
		chromedp.WaitVisible(`.visit-card .sync-state.queued`),
	)
	if err != nil {
		t.Fatalf("queue a result: %v", err)
	}
	// Signing out warns once and keeps the result.
	err = chromedp.Do(tab,
		chromedp.Click(`form[action="/logout"] button`),
		chromedp.WaitVisible(`.signout-warning`),
	)
	if err != nil {
		t.Fatalf("sign-out warning: %v", err)
	}
	if msg, _ := chromedp.Run(tab, chromedp.Text(`.signout-warning`)); !strings.Contains(msg, "1 hasil Anda belum terkirim") {
		t.Fatalf("warning %q", msg)
	}
	if err := chromedp.Do(tab, chromedp.Click(`form[action="/logout"] button`), chromedp.WaitVisible(`#f-username`)); err != nil {
		t.Fatalf("sign out: %v", err)
	}

	// operator2 on the same tablet, with a signal: their page syncs, and sends nothing of operator1's.
	block(false)
	browserSignIn(t, tab, app, "operator2")
	if err := chromedp.Do(tab, chromedp.Navigate(app.URL+"/hari-ini"), chromedp.WaitVisible(`main`)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(tab, chromedp.Poll[bool](`Number(document.documentElement.dataset.synced) >= 1`, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("operator2's page did not sync: %v", err)
	}
	if n := stored(); n != 0 {
		t.Fatalf("%d results sent under operator2's session, want 0", n)
	}
	if queued, _ := chromedp.Run(tab, chromedp.Evaluate[bool](`document.querySelector(".visit-card .sync-state") !== null`)); queued {
		t.Fatal("operator2's Hari ini shows operator1's queued result")
	}
	if err := chromedp.Do(tab, chromedp.Click(`form[action="/logout"] button`), chromedp.WaitVisible(`#f-username`)); err != nil {
		t.Fatalf("operator2 signs out (nothing of theirs waits, so no warning): %v", err)
	}

	// operator1 again: the result goes out under their account.
	browserSignIn(t, tab, app, "operator1")
	if err := chromedp.Do(tab, chromedp.Navigate(app.URL+"/hari-ini"), chromedp.WaitVisible(`.visit-card .sync-state.sent`)); err != nil {
		t.Fatalf("operator1's result was not sent after signing in again: %v", err)
	}
	var loggedBy int64
	app.DB.Raw("SELECT logged_by FROM visit_results").Scan(&loggedBy)
	if n := stored(); n != 1 || loggedBy != op1.ID {
		t.Fatalf("%d results, logged by %d; want 1 by operator1 (%d)", n, loggedBy, op1.ID)
	}
}
