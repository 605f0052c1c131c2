package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"jemputbola/internal/audit"
	"jemputbola/internal/auth"
)

// storedKey is how a record's Go field or a detail's key looks on a page
// that shows it raw: CamelCase or snake_case words, JSON punctuation.
var storedKey = regexp.MustCompile(`\b[A-Z][a-z]+[A-Z][A-Za-z]*\b|\b[a-z]+_[a-z_]+\b|\{"|":|"\}`)

// TestAuditInWords: after the changes an office makes in its first days (the
// demo's accounts, figures and targets; a site, a team, visits and a result;
// a day off and its settings), the Audit page says each in Indonesian: every
// field it lists has a name, no stored key or JSON shows, codes are the words
// their owners give them, and each link opens the thing changed.
func TestAuditInWords(t *testing.T) {
	app := newTestApp(t)
	app.addDemoFigures(t)
	app.fixtures(t)
	app.fieldResult(t, "e0e0e0e0-0000-4000-8000-000000000041", 9, map[string]int64{"no_signal": 2})
	k := app.login(t, "kadis", auth.KepalaDinas)
	day := time.Now().AddDate(0, 2, 0).Format(time.DateOnly)
	for path, form := range map[string]url.Values{
		"/pengaturan/csv":      {"csv_locale": {"intl"}},
		"/pengaturan/kalender": {"working_days": {"1", "2", "3", "4", "5", "6"}},
		"/hari-libur":          {"kind": {"lokal"}, "first": {day}, "last": {day}, "name": {"HUT Kabupaten"}},
		"/cakupan/target":      {"year": {time.Now().Format("2006")}, "target_kind": {"pct"}, "target_value": {"27,5"}},
	} {
		if res, _ := k.post(t, path, form); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("%s: %d", path, res.StatusCode)
		}
	}

	entries, _, err := audit.NewStore(app.DB).List(app.inOffice(t, "17.02"), audit.Filter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]bool{}
	for _, e := range entries {
		kinds[e.Entity] = true
		for _, d := range e.Details(time.UTC) {
			if _, ok := audit.FieldLabel(d.Key); !ok {
				t.Errorf("%s %s: field %q has no Indonesian name", e.Action, e.Entity, d.Key)
			}
		}
	}
	for _, want := range []string{"user", "office", "site", "team", "visit", "result", "day_off", "targets", "population_figures"} {
		if !kinds[want] {
			t.Errorf("no %s entry: the test no longer covers it", want)
		}
	}

	seen, links := 0, map[string]string{}
	var text strings.Builder
	for page := 1; ; page++ {
		_, doc := k.get(t, "/audit?page="+itoa(page))
		rows := doc.Find("table:not(.changes) > tbody > tr")
		rows.Each(func(_ int, tr *goquery.Selection) {
			what := tr.Children().Eq(2)
			if href, ok := what.Find("a").Attr("href"); ok {
				links[href] = what.Text()
			}
			text.WriteString(what.Text() + "\n")
			tr.Find("table.changes tr").Each(func(_ int, d *goquery.Selection) {
				d.Children().Each(func(_ int, cell *goquery.Selection) { text.WriteString(" | " + cell.Text()) })
				text.WriteString("\n")
			})
		})
		seen += rows.Length()
		if rows.Length() == 0 || seen >= len(entries) {
			break
		}
	}
	if seen != len(entries) {
		t.Fatalf("the pages list %d entries, the trail holds %d", seen, len(entries))
	}
	page := text.String()
	if m := storedKey.FindAllString(page, 5); len(m) > 0 {
		t.Errorf("the Audit page shows stored keys %q:\n%s", m, page)
	}
	for _, want := range []string{"Format CSV", "Excel berbahasa Indonesia", "Internasional", "Senin, Selasa, Rabu, Kamis, Jumat, Sabtu",
		"Sekolah", "Target tahun", "Hasil kunjungan no."} {
		if !strings.Contains(page, want) {
			t.Errorf("the Audit page lacks %q", want)
		}
	}
	for href, what := range links {
		if res, _ := k.get(t, href); res.StatusCode != http.StatusOK {
			t.Errorf("%q links to %s, which answers %d", what, href, res.StatusCode)
		}
	}
	if len(links) < 6 {
		t.Errorf("only %d distinct links: %v", len(links), links)
	}
	_, home := k.get(t, "/")
	if home.Find(`h2:contains("Perubahan terbaru") + ul a[href]`).Length() == 0 {
		t.Error("Beranda's recent changes link nothing")
	}
}
