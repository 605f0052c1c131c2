package web_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"jemputbola/internal/audit"
	"jemputbola/internal/demo"
	"jemputbola/internal/visit"
)

// pdfPages counts the pages of a PDF Chromium printed (its page objects).
var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

// TestJourneyCalendarNarrow: on a phone and a portrait tablet the week is a
// day list with no sideways scrolling and the menu folds behind a button; a
// visit moves to another day in two taps; "Tampilan bulan" opens the month
// the week belongs to.
func TestJourneyCalendarNarrow(t *testing.T) {
	app := newTestApp(t)
	app.fixtures(t)
	monday := mustDay(t, nextMonday()).AddDate(0, 0, 7)
	day := monday.Format(time.DateOnly)
	v, _, err := visit.NewStore(app.DB, nil).Create(app.Ctx, audit.System, visit.Input{SiteID: 1, TeamID: 1, Day: day, Start: "08:00", End: "10:00", Expected: 30})
	if err != nil {
		t.Fatal(err)
	}
	tab := newTab(t)
	browserSignIn(t, tab, app, "ketua1")
	shots := screenshotDir(t)

	for _, size := range [][2]int64{{390, 844}, {800, 1280}} {
		err := chromedp.Do(tab,
			chromedp.EmulateViewport(size[0], size[1], chromedp.EmulatePortrait),
			chromedp.Navigate(app.URL+"/jadwal?week="+day),
			chromedp.WaitVisible(`.day-list`),
		)
		if err != nil {
			t.Fatal(err)
		}
		state, err := chromedp.Run(tab, chromedp.Evaluate[string](`[
			document.documentElement.scrollWidth > document.documentElement.clientWidth,
			getComputedStyle(document.getElementById("main-nav")).display !== "none",
			getComputedStyle(document.querySelector(".day-list")).display !== "none",
			getComputedStyle(document.querySelector(".week-wrap")).display !== "none"].join(",")`))
		if err != nil || state != "false,false,true,false" {
			t.Fatalf("%dx%d: sideways overflow, menu open, day list shown, table shown = %s (%v)", size[0], size[1], state, err)
		}
		if shot, err := chromedp.Run(tab, chromedp.FullScreenshot(100)); err == nil {
			_ = os.WriteFile(filepath.Join(shots, fmt.Sprintf("week-%dx%d.png", size[0], size[1])), shot, 0o600)
		}
		// The menu opens with one tap on its button.
		if err := chromedp.Do(tab, chromedp.Click(`label.menu-button`), chromedp.WaitVisible(`#main-nav a[href="/jadwal"]`)); err != nil {
			t.Fatalf("%dx%d: the menu does not open: %v", size[0], size[1], err)
		}
	}

	// Move the visit to Tuesday 13:00–15:00: Pindahkan, then Simpan.
	tuesday := monday.AddDate(0, 0, 1).Format(time.DateOnly)
	err = chromedp.Do(tab,
		chromedp.Navigate(app.URL+"/jadwal?week="+day),
		chromedp.Click(`.day-list details.move summary`),
		chromedp.WaitVisible(`.day-list .move-form input[name="day"]`),
		chromedp.SetValue(`.day-list .move-form input[name="day"]`, tuesday),
		chromedp.SetValue(`.day-list .move-form select[name="slot"]`, "13:00-15:00"),
		chromedp.Click(`.day-list .move-form button`),
		chromedp.WaitVisible(`.flash`),
	)
	if err != nil {
		t.Fatalf("move: %v", err)
	}
	flash, _ := chromedp.Run(tab, chromedp.Text(`.flash`))
	moved, err := visit.NewStore(app.DB, nil).Get(app.Ctx, v.ID)
	if err != nil || moved.Day != tuesday || moved.Start.Format("15:04") != "13:00" || !strings.Contains(flash, "dipindah") {
		t.Fatalf("after the move: %+v, %v, flash %q", moved.Visit, err, flash)
	}

	// The month of a week across two months is the one most of it is in.
	first := time.Date(monday.Year(), monday.Month()+1, 1, 0, 0, 0, 0, time.UTC)
	across := first.AddDate(0, 0, -((int(first.Weekday()) + 6) % 7)) // the Monday of the week holding the 1st
	thursday := across.AddDate(0, 0, 3)
	err = chromedp.Do(tab, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(app.URL+"/jadwal?week="+across.Format(time.DateOnly)), chromedp.WaitVisible(`table.week`))
	if err != nil {
		t.Fatal(err)
	}
	link, _ := chromedp.Run(tab, chromedp.Evaluate[string](`[...document.querySelectorAll("a")].find(a => a.textContent.trim() === "Tampilan bulan").getAttribute("href")`))
	if !strings.Contains(link, "month="+thursday.Format("2006-01")) {
		t.Errorf("Tampilan bulan of the week of %s links %q, want month %s", across.Format(time.DateOnly), link, thursday.Format("2006-01"))
	}
}

// TestJourneyWeekPrints: the demo's busiest weeks print, with the letterhead,
// on one landscape A4 page each.
func TestJourneyWeekPrints(t *testing.T) {
	app := newTestApp(t)
	now := time.Now()
	if _, err := demo.Seed(app.Ctx, app.DB, now); err != nil {
		t.Fatal(err)
	}
	tab := newTab(t)
	browserSignInWith(t, tab, app, "kadis", demo.Password)
	shots := screenshotDir(t)
	for i := range 3 {
		week := now.AddDate(0, 0, 7*i).Format(time.DateOnly)
		if err := chromedp.Do(tab, chromedp.Navigate(app.URL+"/jadwal?week="+week), chromedp.WaitVisible(`table.week`)); err != nil {
			t.Fatal(err)
		}
		visits, _ := chromedp.Run(tab, chromedp.Evaluate[int](`document.querySelectorAll("table.week a.visit").length`))
		pdf, err := chromedp.Run(tab, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize()))
		if err != nil {
			t.Fatal(err)
		}
		_ = os.WriteFile(filepath.Join(shots, "week-"+week+".pdf"), pdf, 0o600)
		if n := len(pdfPage.FindAll(pdf, -1)); n != 1 {
			t.Errorf("the week of %s (%d visits) prints on %d pages, want 1", week, visits, n)
		}
	}
}

// screenshotDir is where a journey keeps its screenshots and PDFs:
// JEMPUTBOLA_SCREENSHOTS to look at them, else the test's temp dir.
func screenshotDir(t *testing.T) string {
	if dir := os.Getenv("JEMPUTBOLA_SCREENSHOTS"); dir != "" {
		return dir
	}
	return t.TempDir()
}
