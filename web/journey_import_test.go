package web_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"jemputbola/internal/auth"
)

// TestJourneyImportErrorsShown: a file with bad rows, sent from the page as a
// person would, shows the server's row-by-row messages (htmx swaps the 422).
func TestJourneyImportErrorsShown(t *testing.T) {
	app := newTestApp(t)
	app.user(t, "kadis", auth.KepalaDinas)
	file := filepath.Join(t.TempDir(), "angka.csv")
	if err := os.WriteFile(file, []byte("kode_wilayah,wajib_ktp,rekam_ektp,ikd_aktif\n17.02.06.2001,1200,1100,80\n17.99.01.2001,10,5,1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tab := newTab(t)
	browserSignIn(t, tab, app, "kadis")
	step, cancel := context.WithTimeout(tab, 20*time.Second)
	defer cancel()
	err := chromedp.Do(step,
		chromedp.Navigate(app.URL+"/cakupan/impor"),
		chromedp.WaitVisible(`input[name="file"]`),
		chromedp.SetValue(`#f-as_of`, time.Now().AddDate(0, 0, -1).Format(time.DateOnly)),
		chromedp.SetUploadFiles(`input[name="file"]`, []string{file}),
		chromedp.Click(`form[action="/cakupan/impor"] button[type="submit"]`),
		chromedp.WaitVisible(`main table tbody tr td`),
	)
	if err != nil {
		t.Fatalf("import a file with a bad row: %v", err)
	}
	text, err := chromedp.Run(step, chromedp.Text(`main`))
	if err != nil || !strings.Contains(text, "17.99.01.2001") {
		t.Fatalf("the row-by-row messages are not shown: %q %v", text, err)
	}
	var n int64
	app.DB.Raw("SELECT COUNT(*) FROM population_figures").Scan(&n)
	if n != 0 {
		t.Fatalf("%d figures stored from a file with a bad row", n)
	}
}

// TestJourneyImportPreview: an office's workbook sent from the page lands on
// its preview (htmx follows the server to it), nothing is stored until the
// click, and the click stores it and says so.
func TestJourneyImportPreview(t *testing.T) {
	app := newTestApp(t)
	app.user(t, "kadis", auth.KepalaDinas)
	file := filepath.Join(t.TempDir(), "rekap.csv")
	if err := os.WriteFile(file, []byte(officeSheet), 0o600); err != nil {
		t.Fatal(err)
	}
	tab := newTab(t)
	browserSignIn(t, tab, app, "kadis")
	step, cancel := context.WithTimeout(tab, 20*time.Second)
	defer cancel()
	err := chromedp.Do(step,
		chromedp.Navigate(app.URL+"/cakupan/impor"),
		chromedp.WaitVisible(`input[name="file"]`),
		chromedp.SetValue(`#f-as_of`, time.Now().AddDate(0, 0, -1).Format(time.DateOnly)),
		chromedp.SetUploadFiles(`input[name="file"]`, []string{file}),
		chromedp.Click(`form[action="/cakupan/impor"] button[type="submit"]`),
		chromedp.WaitVisible(`table.preview tbody tr`),
	)
	if err != nil {
		t.Fatalf("send the workbook: %v", err)
	}
	if n := figureCount(t, app); n != 0 {
		t.Fatalf("%d figures stored before the click", n)
	}
	err = chromedp.Do(step,
		chromedp.Click(`#pratinjau form button.btn:not(.secondary)`),
		chromedp.WaitVisible(`.flash`),
	)
	if err != nil {
		t.Fatalf("store the preview: %v", err)
	}
	flash, err := chromedp.Run(step, chromedp.Text(`.flash`))
	if err != nil || !strings.Contains(flash, "2 desa/kelurahan diimpor") {
		t.Fatalf("flash %q, %v", flash, err)
	}
	if n := figureCount(t, app); n != 2 {
		t.Fatalf("%d figures stored, want 2", n)
	}
}
