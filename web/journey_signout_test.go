package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"jemputbola/internal/auth"
)

// TestJourneySignOutClearsOfflinePages: on a shared tablet, after the operator
// signs out, the pages kept for offline use are gone, so the next person
// cannot open the previous operator's Hari ini without a signal.
func TestJourneySignOutClearsOfflinePages(t *testing.T) {
	app := newTestApp(t)
	app.user(t, "operator1", auth.Operator)
	tab := newTab(t)
	browserSignIn(t, tab, app, "operator1")
	if err := chromedp.Do(tab, chromedp.Navigate(app.URL+"/hari-ini"), chromedp.WaitVisible(`main`)); err != nil {
		t.Fatal(err)
	}
	if err := waitOfflineReady(tab); err != nil {
		t.Fatalf("offline not ready: %v", err)
	}
	cached, err := chromedp.Run(tab, chromedp.Evaluate[bool](`caches.match(location.href).then(r => !!r)`, chromedp.EvalAwaitPromise))
	if err != nil || !cached {
		t.Fatalf("Hari ini not kept for offline use before sign-out (%v)", err)
	}
	if err := chromedp.Do(tab, chromedp.Click(`form[action="/logout"] button`), chromedp.WaitVisible(`#f-username`)); err != nil {
		t.Fatalf("sign out: %v", err)
	}
	app.Stop() // no server at all: the service worker can only answer from its cache
	if err := chromedp.Do(tab, chromedp.Navigate(app.URL+"/hari-ini")); err != nil {
		t.Fatalf("open Hari ini offline: %v", err)
	}
	body, err := chromedp.Run(tab, chromedp.Text(`body`))
	if err != nil || strings.Contains(body, "operator1") || !strings.Contains(body, "belum tersimpan di perangkat") {
		t.Fatalf("offline after sign-out shows %q (%v)", body, err)
	}
}
