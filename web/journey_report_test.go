package web_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"jemputbola/internal/demo"
)

// TestJourneyReportOnePage: the monthly report, printed from Chromium, fits
// one A4 page with its signature, for a kabupaten and for a province.
func TestJourneyReportOnePage(t *testing.T) {
	app := newTestApp(t)
	if _, err := demo.Seed(app.Ctx, app.DB, time.Now()); err != nil {
		t.Fatal(err)
	}
	shots := screenshotDir(t)
	for _, user := range []string{"kadis", "kadis.prov"} {
		tab := newTab(t)
		browserSignInWith(t, tab, app, user, demo.Password)
		if err := chromedp.Do(tab, chromedp.Navigate(app.URL+"/cakupan/laporan"), chromedp.WaitVisible(`.report .signature .name`)); err != nil {
			t.Fatalf("%s: open the report: %v", user, err)
		}
		pdf, err := chromedp.Run(tab, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize()))
		if err != nil {
			t.Fatal(err)
		}
		_ = os.WriteFile(filepath.Join(shots, "report-"+user+".pdf"), pdf, 0o600)
		if n := len(pdfPage.FindAll(pdf, -1)); n != 1 {
			t.Errorf("the report of %s prints on %d pages, want 1", user, n)
		}
	}
}
