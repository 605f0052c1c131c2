package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"jemputbola/internal/demo"
)

// axeViolation is one rule axe-core finds broken, with where.
type axeViolation struct {
	ID, Impact, Help string
	Nodes            []string
}

// runAxe loads the vendored axe-core into the page and returns its serious
// and critical violations.
func runAxe(t *testing.T, tab context.Context, script string) []axeViolation {
	t.Helper()
	out, err := chromedp.Run(tab, chromedp.Evaluate[string](script+`;
		axe.run(document, {resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations
			.filter(v => v.impact === "serious" || v.impact === "critical")
			.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))}))))`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe-core: %v", err)
	}
	var vs []axeViolation
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		t.Fatal(err)
	}
	return vs
}

// runHTMLValidate checks the HTML the server sent for the page open in tab
// (fetched again with the tab's cookies) with html-validate, loaded in its
// own blank tab: the app's pages forbid the eval its schema checks need.
func runHTMLValidate(t *testing.T, tab, validator context.Context) []string {
	t.Helper()
	source, err := chromedp.Run(tab, chromedp.Evaluate[string](`fetch(location.href).then(r => r.text())`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("fetch the page's HTML: %v", err)
	}
	arg, _ := json.Marshal(source)
	out, err := chromedp.Run(validator, chromedp.Evaluate[string](`htmlValidate(`+string(arg)+`).then(r => JSON.stringify(
			r.results.flatMap(f => f.messages).filter(m => m.severity === 2).map(m => m.ruleId + ": " + m.message + " (line " + m.line + ")")))`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("html-validate: %v", err)
	}
	var errs []string
	if err := json.Unmarshal([]byte(out), &errs); err != nil {
		t.Fatal(err)
	}
	return errs
}

// TestJourneyAccessibility: axe-core finds no serious or critical violation
// on any main page of each role, at 1280×800 and at 390×844, and
// html-validate (its recommended rules) no error in their markup: the pages
// of every role's menu, and the pages one level below them that people use most.
func TestJourneyAccessibility(t *testing.T) {
	if raceDetector {
		t.Skip("the pages' markup is the same under the race detector, which only slows the browser down: this runs in make test's pass without -race")
	}
	app := newTestApp(t)
	if _, err := demo.Seed(app.Ctx, app.DB, time.Now()); err != nil {
		t.Fatal(err)
	}
	axeJS, err := os.ReadFile("testdata/axe/axe.min.js")
	if err != nil {
		t.Fatal(err)
	}
	validateJS, err := os.ReadFile("testdata/htmlvalidate/html-validate.min.js")
	if err != nil {
		t.Fatal(err)
	}
	validator := newTab(t)
	if _, err := chromedp.Run(validator, chromedp.Evaluate[bool](string(validateJS)+`; typeof htmlValidate === "function"`)); err != nil {
		t.Fatalf("load html-validate: %v", err)
	}
	// It finds what it is here to find: a password field the browser's
	// password manager cannot place, and an id with a dot.
	known, err := chromedp.Run(validator, chromedp.Evaluate[string](`htmlValidate('<!doctype html><html lang="id"><head><title>x</title></head><body>' +
		'<label for="a.b">Sandi</label><input id="a.b" name="p" type="password"></body></html>').then(r => JSON.stringify(r))`, chromedp.EvalAwaitPromise))
	if err != nil || !strings.Contains(known, "autocomplete-password") || !strings.Contains(known, "valid-id") {
		t.Fatalf("html-validate misses known errors: %s (%v)", known, err)
	}
	var visit, desa string
	app.DB.Raw("SELECT CAST(MIN(id) AS TEXT) FROM visits").Scan(&visit)
	app.DB.Raw("SELECT MIN(code) FROM regions WHERE level = 'desa' AND code LIKE '17.02.%'").Scan(&desa)
	deeper := map[string][]string{
		"kadis":     {"/cakupan/target", "/cakupan/desa", "/cakupan/desa/" + desa, "/cakupan/peta", "/cakupan/laporan", "/cakupan/impor", "/kunjungan/" + visit, "/data-pribadi"},
		"ketua1":    {"/kunjungan/baru", "/kunjungan/" + visit, "/jadwal/bulan", "/rencana-otomatis"},
		"operator1": {"/kunjungan/" + visit + "/hasil"},
		"admin":     {"/pengguna/baru"},
	}
	var problems []string
	seen := map[string]bool{} // a page is checked once for a kabupaten and once for the province
	for _, user := range []string{"kadis", "ketua1", "operator1", "admin", "kadis.prov"} {
		tab := newTab(t)
		browserSignInWith(t, tab, app, user, demo.Password)
		menu, err := chromedp.Run(tab, chromedp.Evaluate[[]string](`[...document.querySelectorAll("nav.nav a")].map(a => a.getAttribute("href"))`))
		if err != nil || len(menu) == 0 {
			t.Fatalf("%s: no menu (%v)", user, err)
		}
		level := "kabupaten"
		if strings.HasSuffix(user, ".prov") {
			level = "provinsi"
		}
		var pages []string
		for _, page := range append(slices.Clone(menu), deeper[user]...) {
			if key := level + " " + page; !seen[key] {
				seen[key] = true
				pages = append(pages, page)
			}
		}
		for _, size := range [][2]int64{{1280, 800}, {390, 844}} {
			if err := chromedp.Do(tab, chromedp.EmulateViewport(size[0], size[1])); err != nil {
				t.Fatal(err)
			}
			for _, page := range pages {
				if err := chromedp.Do(tab, chromedp.Navigate(app.URL+page), chromedp.WaitReady(`main`)); err != nil {
					t.Fatalf("%s %s: %v", user, page, err)
				}
				for _, v := range runAxe(t, tab, string(axeJS)) {
					problems = append(problems, fmt.Sprintf("%s %s at %d: %s (%s) %s on %q", user, page, size[0], v.ID, v.Impact, v.Help, v.Nodes))
				}
				if size[0] == 1280 { // the markup is the same at every size
					for _, e := range runHTMLValidate(t, tab, validator) {
						problems = append(problems, fmt.Sprintf("%s %s: html-validate %s", user, page, e))
					}
				}
			}
		}
	}
	if len(problems) > 0 {
		t.Errorf("%d serious or critical accessibility violations:\n%s", len(problems), strings.Join(problems, "\n"))
	}
}
