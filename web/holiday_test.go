package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"jemputbola/internal/audit"
	"jemputbola/internal/auth"
	"jemputbola/internal/holiday"
	"jemputbola/internal/visit"
)

// nextBuiltIn is the first built-in day off after today, "" when the list
// ends before.
func nextBuiltIn() holiday.Day {
	today := time.Now().Format(time.DateOnly)
	for _, y := range holiday.Years() {
		for _, d := range holiday.NationalIn(y) {
			if d.First > today {
				return d
			}
		}
	}
	return holiday.Day{}
}

// TestHolidayPage: the kepala dinas keeps the office's days off on Hari
// Libur beside the built-in ones; a ketua tim reads them; bad input keeps
// what was typed; the calendar, the visit form and the saved visit show them.
func TestHolidayPage(t *testing.T) {
	app := newTestApp(t)
	app.fixtures(t)
	kadis := app.login(t, "kadis", auth.KepalaDinas)
	ketua := app.login(t, "ketua1", auth.KetuaTim)
	monday := mustDay(t, nextMonday()).AddDate(0, 0, 7)
	day := monday.Format(time.DateOnly)

	res, doc := kadis.get(t, "/hari-libur")
	if res.StatusCode != http.StatusOK || !strings.Contains(doc.Find("table.days-off").Text(), "Kelahiran Yesus Kristus") ||
		doc.Find(`form[action="/hari-libur#tambah"]`).Length() != 1 {
		t.Fatalf("page: %d, table %q", res.StatusCode, doc.Find("table.days-off").First().Text())
	}
	res, doc = kadis.post(t, "/hari-libur", url.Values{"kind": {"lokal"}, "first": {day}, "last": {monday.AddDate(0, 0, -1).Format(time.DateOnly)}, "name": {"HUT Kabupaten"}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(doc.Find(".has-error").Text(), "tidak boleh sebelum") ||
		doc.Find("#f-name").AttrOr("value", "") != "HUT Kabupaten" {
		t.Fatalf("backwards range: %d, errors %q", res.StatusCode, doc.Find(".has-error").Text())
	}
	if _, _, err := visit.NewStore(app.DB, nil).Create(app.Ctx, audit.System, visit.Input{SiteID: 1, TeamID: 1, Day: day, Start: "13:00", End: "15:00", Expected: 10}); err != nil {
		t.Fatal(err)
	}
	if res, _ := kadis.post(t, "/hari-libur", url.Values{"kind": {"lokal"}, "first": {day}, "name": {"HUT Kabupaten"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("add: %d", res.StatusCode)
	}
	if _, doc := kadis.get(t, "/hari-libur"); !strings.Contains(doc.Find(".flash").Text(), "1 kunjungan terjadwal pada hari itu") {
		t.Fatalf("no word of the visit planned on the new day off: %q", doc.Find(".flash").Text())
	}
	school := url.Values{"kind": {"sekolah"}, "first": {day}, "last": {monday.AddDate(0, 0, 4).Format(time.DateOnly)}, "name": {"Libur semester"}}
	if res, _ := kadis.post(t, "/hari-libur", school); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("add school holidays: %d", res.StatusCode)
	}
	_, doc = kadis.get(t, "/hari-libur?tahun="+day[:4])
	if !strings.Contains(doc.Find(".flash").Text(), "Libur sekolah ditambahkan: Libur semester") ||
		!strings.Contains(doc.Find("table.days-off").Text(), "HUT Kabupaten") {
		t.Fatalf("after adding: flash %q", doc.Find(".flash").Text())
	}
	if res, doc := kadis.post(t, "/hari-libur", school); res.StatusCode != http.StatusConflict || !strings.Contains(doc.Find(".has-error").Text(), "sudah ada") {
		t.Fatalf("the same school holidays again: %d", res.StatusCode)
	}

	// The ketua tim reads the list without the form.
	_, doc = ketua.get(t, "/hari-libur?tahun="+day[:4])
	if !strings.Contains(doc.Text(), "HUT Kabupaten") || doc.Find(`form[action="/hari-libur#tambah"]`).Length() != 0 {
		t.Fatal("a ketua tim sees no list or is offered the form")
	}

	// The week and month views name the day; the visit form warns on it.
	_, doc = ketua.get(t, "/jadwal?week="+day)
	if !strings.Contains(doc.Find("th.off").Text(), "HUT Kabupaten") || !strings.Contains(doc.Find("thead").Text(), "Libur sekolah") {
		t.Fatalf("week header %q", doc.Find("thead").Text())
	}
	_, doc = ketua.get(t, "/jadwal/bulan?month="+day[:7])
	if !strings.Contains(doc.Find("td.off").Text(), "HUT Kabupaten") || !strings.Contains(doc.Find("td.off a.visit").Text(), "Direncanakan") {
		t.Fatalf("the month view does not show the day off or its visit's status: %q", doc.Find("td.off").Text())
	}
	_, doc = ketua.get(t, "/kunjungan/baru?day="+day)
	if w := doc.Find("#day-warning"); !strings.Contains(w.Text(), "HUT Kabupaten") || w.AttrOr("hidden", "none") != "none" ||
		!strings.Contains(w.AttrOr("data-days-off", ""), day) {
		t.Fatalf("form warning %q, days off %.80q", w.Text(), w.AttrOr("data-days-off", ""))
	}
	res, _ = ketua.post(t, "/kunjungan", url.Values{"site_id": {"1"}, "team_id": {"1"}, "day": {day}, "start": {"08:00"}, "end": {"10:00"}, "expected": {"10"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("saving on a day off is allowed, with a warning: %d", res.StatusCode)
	}
	_, doc = ketua.get(t, res.Header.Get("Location"))
	if f := doc.Find(".flash").Text(); !strings.Contains(f, "hari libur: HUT Kabupaten") || !strings.Contains(f, "Sekolah sedang libur") {
		t.Fatalf("flash %q", f)
	}
	if d := nextBuiltIn(); d.First != "" {
		_, doc = ketua.get(t, "/kunjungan/baru?day="+d.First)
		if !strings.Contains(doc.Find("#day-warning").Text(), d.Name) {
			t.Errorf("no warning on %s (%s): %q", d.First, d.Name, doc.Find("#day-warning").Text())
		}
	}

	// Removing it is the kepala dinas's, and is audited.
	drop := ""
	_, doc = kadis.get(t, "/hari-libur?tahun="+day[:4])
	doc.Find(`form[action^="/hari-libur/"]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if strings.Contains(s.Closest("tr").Text(), "HUT Kabupaten") {
			drop = s.AttrOr("action", "")
			return false
		}
		return true
	})
	if res, _ := ketua.post(t, drop, nil); res.StatusCode != http.StatusForbidden {
		t.Fatalf("a ketua tim removed a day off: %d", res.StatusCode)
	}
	if res, _ := kadis.post(t, drop, nil); drop == "" || res.StatusCode != http.StatusSeeOther {
		t.Fatalf("remove %q: %d", drop, res.StatusCode)
	}
	var entries int64
	app.DB.Raw("SELECT COUNT(*) FROM audit_entries WHERE entity = 'day_off'").Scan(&entries)
	if entries != 3 {
		t.Fatalf("%d audit entries, want 3", entries)
	}
}
