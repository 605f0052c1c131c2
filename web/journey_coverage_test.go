package web_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"jemputbola/internal/auth"
	"jemputbola/internal/demo"
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

// TestJourneyTrendLabels: in Chromium, Cakupan's trend shows the running total
// and the weekly activations as two labelled panels; each week's value is
// written on the page, inside its own panel, and no two labels overlap.
func TestJourneyTrendLabels(t *testing.T) {
	app := newTestApp(t)
	if _, err := demo.Seed(app.Ctx, app.DB, time.Now()); err != nil {
		t.Fatal(err)
	}
	tab := newTab(t)
	browserSignInWith(t, tab, app, "kadis", demo.Password)
	if err := chromedp.Do(tab, chromedp.Navigate(app.URL+"/cakupan"), chromedp.WaitVisible(`svg.trend`)); err != nil {
		t.Fatal(err)
	}
	report, err := chromedp.Run(tab, chromedp.Evaluate[string](`(() => {
		const svg = document.querySelector("svg.trend");
		const titles = [...svg.querySelectorAll(".panel-title")].map(e => e.textContent);
		const box = e => e.getBoundingClientRect();
		const labels = [...svg.querySelectorAll(".bar-value, .xlabel, .ylabel, .target-label, .total-value, .panel-title")];
		const overlaps = [];
		for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) {
			const a = box(labels[i]), b = box(labels[j]);
			if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
				overlaps.push(labels[i].textContent + " / " + labels[j].textContent);
		}
		const grid = [...svg.querySelectorAll(".grid")].map(box);
		const periodTop = Math.min(...grid.slice(-3).map(g => g.top)), periodBottom = Math.max(...grid.slice(-3).map(g => g.bottom));
		const outside = [...svg.querySelectorAll(".bar-value")].filter(e => box(e).bottom < periodTop - 14 || box(e).top > periodBottom).map(e => e.textContent);
		const bars = svg.querySelectorAll("rect.wbar").length, values = svg.querySelectorAll(".bar-value").length;
		return JSON.stringify({titles, overlaps, outside, bars, values});
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Titles, Overlaps, Outside []string
		Bars, Values              int
	}
	if err := json.Unmarshal([]byte(report), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Titles) != 2 || !strings.Contains(got.Titles[0], "IKD aktif") || !strings.Contains(got.Titles[1], "Aktivasi per minggu") {
		t.Errorf("panel titles %q", got.Titles)
	}
	if got.Values < got.Bars/2 || got.Bars == 0 {
		t.Errorf("%d of %d weeks have their value written", got.Values, got.Bars)
	}
	if len(got.Overlaps) > 0 || len(got.Outside) > 0 {
		t.Errorf("labels overlap %q; bar values outside their panel %q", got.Overlaps, got.Outside)
	}
}
