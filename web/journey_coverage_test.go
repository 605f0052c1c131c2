package web_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"jemputbola/internal/auth"
	"jemputbola/internal/demo"
)

// TestJourneyCoverageMap: on a phone, the kepala dinas taps a desa on the
// Cakupan map and a panel shows its figures (touch screens show no tooltip);
// Escape closes it and gives the desa back the focus, Enter opens it again
// from the keyboard, and its link leads to the desa's page.
func TestJourneyCoverageMap(t *testing.T) {
	app := newTestApp(t)
	app.addDemoFigures(t)
	app.user(t, "kadis", auth.KepalaDinas)
	tab := newTab(t)
	browserSignIn(t, tab, app, "kadis")
	err := chromedp.Do(tab,
		chromedp.EmulateViewport(390, 844, chromedp.EmulateTouch, chromedp.EmulateMobile),
		chromedp.Navigate(app.URL+"/cakupan"),
		chromedp.WaitVisible(`svg.covmap`),
		chromedp.ScrollIntoView(`svg.covmap`),
	)
	if err != nil {
		t.Fatalf("open Cakupan: %v", err)
	}
	// A desa whose middle shows on screen and is that desa (areas are not convex).
	target, err := chromedp.Run(tab, chromedp.Evaluate[string](`(() => {
		for (const a of document.querySelectorAll("svg.covmap a[data-code]")) {
			const r = a.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
			const hit = document.elementFromPoint(x, y);
			if (r.width > 12 && y > 0 && y < innerHeight && hit && hit.closest("a") === a) return JSON.stringify({code: a.dataset.code, x, y});
		}
		return "";
	})()`))
	var spot struct {
		Code string
		X, Y float64
	}
	if err != nil || json.Unmarshal([]byte(target), &spot) != nil {
		t.Fatalf("no desa to tap on screen: %q %v", target, err)
	}
	var name string
	app.DB.Raw("SELECT name FROM regions WHERE code = ?", spot.Code).Scan(&name)
	panelText := func() string {
		t.Helper()
		text, err := chromedp.Run(tab, chromedp.Evaluate[string](`(() => { const p = document.querySelector(".map-panel"); return p.hidden ? "" : p.innerText; })()`))
		if err != nil {
			t.Fatal(err)
		}
		return text
	}
	if err := chromedp.Do(tab, chromedp.TapXY(spot.X, spot.Y), chromedp.WaitVisible(`.map-panel`)); err != nil {
		t.Fatalf("tap %s: %v", spot.Code, err)
	}
	if text := panelText(); !strings.Contains(text, name) || !strings.Contains(text, "Cakupan") || !strings.Contains(text, "dari target") {
		t.Fatalf("the panel after a tap on %s (%s) reads %q", spot.Code, name, text)
	}
	if url, _ := chromedp.Run(tab, chromedp.Location()); !strings.HasSuffix(url, "/cakupan") {
		t.Fatalf("the tap left the page for %s", url)
	}

	if err := chromedp.Do(tab, chromedp.KeyEvent(kb.Escape), chromedp.WaitNotVisible(`.map-panel`)); err != nil {
		t.Fatalf("Escape: %v", err)
	}
	if focused, _ := chromedp.Run(tab, chromedp.Evaluate[string](`document.activeElement.dataset.code || ""`)); focused != spot.Code {
		t.Fatalf("after Escape the focus is on %q, want the desa %s", focused, spot.Code)
	}
	if err := chromedp.Do(tab, chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible(`.map-panel`)); err != nil {
		t.Fatalf("Enter on the focused desa: %v", err)
	}
	if text := panelText(); !strings.Contains(text, name) {
		t.Fatalf("the panel after Enter reads %q", text)
	}

	if err := chromedp.Do(tab, chromedp.Click(`.map-panel [data-panel-link]`), chromedp.WaitVisible(`svg.trend`)); err != nil {
		t.Fatalf("follow the panel's link: %v", err)
	}
	url, err := chromedp.Run(tab, chromedp.Location())
	if err != nil || !strings.HasSuffix(url, "/cakupan/desa/"+spot.Code) {
		t.Fatalf("landed on %q (%v), want the page of %s", url, err, spot.Code)
	}
	h1, err := chromedp.Run(tab, chromedp.Text(`h1`))
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
