package web_test

import (
	"context"
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

// setOffline cuts the tab (and its service worker) off the network, or reconnects it.
func setOffline(tab context.Context, off bool) error {
	if _, err := chromedp.Call(tab, network.Enable, network.EnableParams{}); err != nil {
		return err
	}
	if _, err := chromedp.Call(tab, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		EmulateOfflineServiceWorker: &off,
		MatchedNetworkConditions:    []*network.Conditions{{Offline: off, DownloadThroughput: -1, UploadThroughput: -1}},
	}); err != nil {
		return err
	}
	_, err := chromedp.Call(tab, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: off, DownloadThroughput: -1, UploadThroughput: -1})
	return err
}

// waitOfflineReady waits until the page says its service worker runs and its
// field pages are kept (html[data-offline="ready"], set by offline.js).
func waitOfflineReady(tab context.Context) error {
	_, err := chromedp.Run(tab, chromedp.Poll[bool](`document.documentElement.dataset.offline === "ready"`, chromedp.WithPollingTimeout(20*time.Second)))
	return err
}

// TestJourneyOfflineResults: an operator opens Hari ini, loses the signal, saves
// the results of two visits, reloads (the page still opens), regains the signal,
// and the server then holds exactly two results while the pending badge is zero.
func TestJourneyOfflineResults(t *testing.T) {
	app := newTestApp(t)
	app.fixtures(t)
	op := app.user(t, "operator1", auth.Operator)
	app.DB.Exec("INSERT INTO team_members (team_id, user_id) VALUES (1, ?)", op.ID)
	zone, _ := locale.LoadZone(locale.DefaultZone)
	now := time.Now().In(zone)
	var ids []int64
	for i, hour := range []int{0, 1} { // two visits today, early enough to be over
		start := time.Date(now.Year(), now.Month(), now.Day(), hour, 30*i, 0, 0, zone)
		v := visit.Visit{OfficeID: app.officeID(t), SiteID: 1, TeamID: 1, Day: start.Format(time.DateOnly), StartAt: start.UTC(), EndAt: start.Add(20 * time.Minute).UTC(),
			Expected: 30, Status: visit.Direncanakan, CreatedAt: now, UpdatedAt: now}
		if err := app.DB.Create(&v).Error; err != nil {
			t.Fatal(err)
		}
		ids = append(ids, v.ID)
	}
	tab := newTab(t)
	browserSignIn(t, tab, app, "operator1")
	err := chromedp.Do(tab,
		chromedp.Navigate(app.URL+"/hari-ini"),
		chromedp.WaitVisible(`.visit-card`),
	)
	if err != nil {
		t.Fatal(err)
	}
	// The page says when the worker runs and the forms are kept.
	if err := waitOfflineReady(tab); err != nil {
		t.Fatalf("offline not ready: %v", err)
	}
	// The signal goes: the page sees itself offline and the server is gone, so
	// neither the page nor the service worker can reach it.
	if err := setOffline(tab, true); err != nil {
		t.Fatalf("go offline: %v", err)
	}
	app.Stop()
	for i, id := range ids {
		step, cancel := context.WithTimeout(tab, 10*time.Second)
		err := chromedp.Do(step, chromedp.Navigate(fmt.Sprintf("%s/kunjungan/%d/hasil", app.URL, id)))
		cancel()
		if err != nil {
			t.Fatalf("open the form of visit %d offline: %v", id, err)
		}
		err = chromedp.Do(tab,
			chromedp.WaitVisible(`#result-form`),
			chromedp.SendKeys(`#f-activations`, fmt.Sprint(10+i)),
			chromedp.SendKeys(`#f-people_served`, "20"),
			chromedp.SendKeys(`#f-ektp_recorded`, "0"),
			chromedp.SendKeys(`#f-out_of_area`, "0"),
			chromedp.SendKeys(`#f-failures-no_email`, "3"),
			chromedp.Click(`#result-form button[type="submit"]`), // a real click fires the submit event
			chromedp.WaitVisible(`#offline-saved`),
		)
		if err != nil {
			t.Fatalf("save visit %d offline: %v", id, err)
		}
	}
	err = chromedp.Do(tab, chromedp.Navigate(app.URL+"/hari-ini"), chromedp.Reload(), chromedp.WaitVisible(`#sync-status`))
	if err != nil {
		t.Fatalf("reload offline: %v", err)
	}
	if n, err := chromedp.Run(tab, chromedp.Text(`[data-pending-count]`)); err != nil || strings.TrimSpace(n) != "2" {
		t.Fatalf("pending badge %q, %v; want 2", n, err)
	}
	var stored int64
	app.DB.Raw("SELECT COUNT(*) FROM visit_results").Scan(&stored)
	if stored != 0 {
		t.Fatalf("%d results reached the server while offline", stored)
	}
	app.Restart(t)
	if err := setOffline(tab, false); err != nil { // the browser's "online" event starts the sync
		t.Fatalf("go online: %v", err)
	}
	// The badge reaches 0 only when the server has acknowledged both.
	if _, err := chromedp.Run(tab, chromedp.Poll[bool](`document.querySelector("[data-pending-count]").textContent === "0"`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("pending badge did not return to 0: %v", err)
	}
	app.DB.Raw("SELECT COUNT(*) FROM visit_results").Scan(&stored)
	if stored != 2 {
		t.Fatalf("%d results on the server after reconnecting, want 2", stored)
	}
}
