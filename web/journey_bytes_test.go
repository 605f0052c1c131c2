package web_test

import (
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"jemputbola/internal/auth"
	"jemputbola/internal/demo"
)

// TestJourneyTabletBytes: the operator's tablet pages are light on a weak
// signal: Hari ini and the result form take under 60 KB from the network on a
// first load and under 10 KB when opened again (the versioned scripts and
// styles come from the browser's cache).
func TestJourneyTabletBytes(t *testing.T) {
	app := newTestApp(t)
	if _, err := demo.Seed(app.Ctx, app.DB, time.Now()); err != nil {
		t.Fatal(err)
	}
	var visitID string
	app.DB.Raw(`SELECT CAST(MIN(v.id) AS TEXT) FROM visits v JOIN team_members m ON m.team_id = v.team_id
		JOIN users u ON u.id = m.user_id WHERE u.username = 'operator1' AND v.day < ?`, time.Now().Format(time.DateOnly)).Scan(&visitID)
	var operator int64
	app.DB.Raw("SELECT id FROM users WHERE username = 'operator1'").Scan(&operator)
	for _, page := range []string{"/hari-ini", "/kunjungan/" + visitID + "/hasil"} {
		// A tablet that has never opened the app, signed in: a fresh browser
		// profile holding only the session cookie.
		tab := newTab(t)
		token, err := auth.NewSessionStore(app.DB).Create(app.Ctx, operator)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Call(tab, network.SetCookie, network.SetCookieParams{Name: "jb_session", Value: token, URL: app.URL + "/"}); err != nil {
			t.Fatal(err)
		}
		var bytes atomic.Int64
		if err := chromedp.Listen(tab, func(ev any) {
			if e, ok := ev.(*network.EventLoadingFinished); ok {
				bytes.Add(int64(e.EncodedDataLength))
			}
		}); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Call(tab, network.Enable, network.EnableParams{}); err != nil {
			t.Fatal(err)
		}
		load := func() int64 {
			t.Helper()
			bytes.Store(0)
			if err := chromedp.Do(tab, chromedp.Navigate(app.URL+page), chromedp.WaitVisible(`main`)); err != nil {
				t.Fatal(err)
			}
			return bytes.Load()
		}
		first, again := load(), load()
		t.Logf("%s: %d bytes on a first load, %d when opened again", page, first, again)
		if first < 5<<10 || first > 60<<10 || again > 10<<10 {
			t.Errorf("%s took %d bytes on a first load (want 5 KB to 60 KB: the page, its styles and scripts) and %d again (want under 10 KB)",
				page, first, again)
		}
	}
}
