package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"jemputbola/internal/auth"
)

// TestJourneyCoverageMap: the kepala dinas opens Cakupan, clicks a desa on the
// map with the mouse, and lands on that desa's page.
func TestJourneyCoverageMap(t *testing.T) {
	app := newTestApp(t)
	app.addDemoFigures(t)
	app.user(t, "kadis", auth.KepalaDinas)
	const code = "17.02.06.2001" // a desa of Curup with a real boundary in the shipped data

	tab := newTab(t)
	browserSignIn(t, tab, app, "kadis")
	err := chromedp.Do(tab,
		chromedp.Navigate(app.URL+"/cakupan"),
		chromedp.WaitVisible(`svg.covmap`),
		chromedp.ScrollIntoView(`svg.covmap a[data-code="`+code+`"] .desa`),
		chromedp.Click(`svg.covmap a[data-code="`+code+`"] .desa`),
		chromedp.WaitVisible(`svg.trend`),
	)
	if err != nil {
		t.Fatalf("open Cakupan and click the desa: %v", err)
	}
	url, err := chromedp.Run(tab, chromedp.Location())
	if err != nil || !strings.HasSuffix(url, "/cakupan/desa/"+code) {
		t.Fatalf("landed on %q (%v), want the page of %s", url, err, code)
	}
	h1, err := chromedp.Run(tab, chromedp.Text(`h1`))
	var name string
	app.DB.Raw("SELECT name FROM regions WHERE code = ?", code).Scan(&name)
	if err != nil || !strings.Contains(h1, name) {
		t.Fatalf("desa page heading %q (%v), want %q", h1, err, name)
	}
}
