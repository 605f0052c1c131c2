package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"jemputbola/internal/auth"
)

// TestJourneyCreateSite: a ketua tim signs in, opens Wilayah, creates a site and
// finds it in the list, in a real headless Chromium.
func TestJourneyCreateSite(t *testing.T) {
	app := newTestApp(t)
	app.addDemoFigures(t)
	app.user(t, "ketua1", auth.KetuaTim)
	tab := newTab(t)
	browserSignIn(t, tab, app, "ketua1")

	if err := chromedp.Do(tab,
		chromedp.Click(`nav.nav a[href="/wilayah"]`),
		chromedp.WaitVisible(`tfoot`),
	); err != nil {
		t.Fatalf("open Wilayah: %v", err)
	}
	foot, err := chromedp.Run(tab, chromedp.Text(`tfoot`))
	if err != nil || !strings.Contains(foot, "202.820") {
		t.Fatalf("Wilayah totals %q, %v", foot, err)
	}

	if err := chromedp.Do(tab,
		chromedp.Navigate(app.URL+"/lokasi/baru"),
		chromedp.WaitVisible(`#f-name`),
		chromedp.SendKeys(`#f-name`, "SMA Negeri Uji Jemput Bola"),
		chromedp.SetValue(`#f-kind`, "sekolah"),
		chromedp.SetValue(`#f-desa_code`, "17.02.06.2001"),
		chromedp.SendKeys(`#f-eligible`, "180"),
		chromedp.Submit(`#f-name`),
		chromedp.WaitVisible(`.flash`),
	); err != nil {
		t.Fatalf("create site: %v", err)
	}
	list, err := chromedp.Run(tab, chromedp.Text(`main`))
	if err != nil || !strings.Contains(list, "SMA Negeri Uji Jemput Bola") || !strings.Contains(list, "Derati") {
		t.Fatalf("site list after saving: %v\n%s", err, list)
	}
}
