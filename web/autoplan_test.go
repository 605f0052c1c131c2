package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"jemputbola/internal/auth"
)

func TestAutoplanAcceptFlow(t *testing.T) {
	app := newTestApp(t)
	app.addDemoFigures(t)
	app.fixtures(t)
	k := app.login(t, "ketua1", auth.KetuaTim)
	monday := nextMonday()
	friday := mustDay(t, monday).AddDate(0, 0, 4).Format(time.DateOnly)
	q := "/rencana-otomatis?dari=" + monday + "&sampai=" + friday

	res, doc := k.get(t, q)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	choices := doc.Find(`input[name="v"]`)
	if choices.Length() == 0 {
		t.Fatalf("no suggestions: %s", doc.Find("main").Text())
	}
	var vs []string
	choices.Each(func(_ int, s *goquery.Selection) { vs = append(vs, s.AttrOr("value", "")) })
	for _, v := range vs {
		p := strings.Split(v, "|")
		if p[0] != "1" || p[2] < monday || p[2] > friday {
			t.Fatalf("suggestion outside the team or range: %q", v)
		}
	}
	if !strings.Contains(doc.Find(".cards").Text(), "Target tercapai") {
		t.Error("no comparison with the current plan")
	}

	t.Run("NothingChosenKeepsTheFilters", func(t *testing.T) {
		action := doc.Find(`input[name="v"]`).Closest("form").AttrOr("action", "")
		res, _ := k.post(t, action, url.Values{})
		loc := res.Header.Get("Location")
		if res.StatusCode != http.StatusSeeOther || !strings.Contains(loc, "dari="+monday) || strings.Contains(loc, "csrf") {
			t.Fatalf("nothing chosen: %d, Location %q", res.StatusCode, loc)
		}
	})

	count := func() (n int64) {
		app.DB.Raw("SELECT COUNT(*) FROM visits").Scan(&n)
		return n
	}
	before := count()
	res, _ = k.post(t, "/rencana-otomatis", url.Values{"v": vs[:2]})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("accept: %d", res.StatusCode)
	}
	if count() != before+2 {
		t.Fatalf("%d visits after accepting 2 of %d", count(), before)
	}
	var notes []string
	app.DB.Raw("SELECT notes FROM visits ORDER BY id DESC LIMIT 2").Scan(&notes)
	var audited int64
	app.DB.Raw("SELECT COUNT(*) FROM audit_entries WHERE entity = 'visit' AND username = 'ketua1'").Scan(&audited)
	if len(notes) != 2 || !strings.HasPrefix(notes[0], "Dari rencana otomatis") || audited != 2 {
		t.Fatalf("notes %q, %d audit entries", notes, audited)
	}
	_, doc = k.get(t, "/jadwal?week="+monday)
	if !strings.Contains(doc.Find(".flash").Text(), "2 kunjungan dari rencana otomatis disimpan") {
		t.Errorf("flash %q", doc.Find(".flash").Text())
	}

	// A day off the kepala dinas adds on Hari Libur gets no suggested visit,
	// and the plan names it among the days it skips.
	kadis := app.login(t, "kadis", auth.KepalaDinas)
	if res, _ := kadis.post(t, "/hari-libur", url.Values{"kind": {"lokal"}, "first": {monday}, "name": {"HUT Kabupaten"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("add a day off: %d", res.StatusCode)
	}
	_, doc = k.get(t, q)
	doc.Find(`input[name="v"]`).Each(func(_ int, s *goquery.Selection) {
		if strings.Split(s.AttrOr("value", ""), "|")[2] == monday {
			t.Fatalf("visit suggested on the holiday %s", monday)
		}
	})
	if !strings.Contains(doc.Find(".days-skipped").Text(), "HUT Kabupaten") {
		t.Errorf("days skipped: %q", doc.Find(".days-skipped").Text())
	}

	// The accepted visits are now existing ones: a new suggestion keeps clear of them.
	_, doc = k.get(t, q)
	doc.Find(`input[name="v"]`).Each(func(_ int, s *goquery.Selection) {
		for _, taken := range vs[:2] {
			p, o := strings.Split(s.AttrOr("value", ""), "|"), strings.Split(taken, "|")
			if p[0] == o[0] && p[2] == o[2] && p[3] == o[3] {
				t.Fatalf("suggested %q again over the accepted %q", s.AttrOr("value", ""), taken)
			}
		}
	})

	// Accepting the same slot again breaks the no-overlap rule: nothing is saved.
	before = count()
	k.post(t, "/rencana-otomatis", url.Values{"v": {vs[2%len(vs)], vs[0]}})
	if count() != before {
		t.Fatalf("a refused batch saved %d visits", count()-before)
	}
	_, doc = k.get(t, "/rencana-otomatis")
	if !strings.Contains(doc.Find(".flash").Text(), "Tidak ada yang disimpan") {
		t.Errorf("flash %q", doc.Find(".flash").Text())
	}
	for _, bad := range []string{"1|x|2026-01-01|08:00|10:00|5|", "rusak"} {
		if res, _ := k.post(t, "/rencana-otomatis", url.Values{"v": {bad}}); res.StatusCode != http.StatusBadRequest {
			t.Errorf("choice %q: %d", bad, res.StatusCode)
		}
	}
}

func TestAutoplanForm(t *testing.T) {
	app := newTestApp(t)
	k := app.login(t, "kadis", auth.KepalaDinas)
	yesterday := time.Now().AddDate(0, 0, -1).Format(time.DateOnly)
	cases := map[string]string{
		"/rencana-otomatis?dari=" + yesterday:                 "paling cepat besok",
		"/rencana-otomatis?dari=besok":                        "Tanggal awal tidak valid",
		"/rencana-otomatis?cakupan=99":                        "1–52 minggu",
		"/rencana-otomatis?tim=satu":                          "Pilihan tim tidak valid",
		"/rencana-otomatis?dari=2099-02-01&sampai=2099-01-01": "sebelum tanggal awal",
	}
	for path, want := range cases {
		res, doc := k.get(t, path)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(doc.Find("main").Text(), want) {
			t.Errorf("%s: %d, want %q", path, res.StatusCode, want)
		}
	}
	res, doc := k.get(t, "/rencana-otomatis")
	if res.StatusCode != http.StatusOK || doc.Find(".empty").Length() != 1 {
		t.Fatalf("no teams or sites: %d, empty state %d", res.StatusCode, doc.Find(".empty").Length())
	}
}

func mustDay(t *testing.T, s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
