package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"jemputbola/internal/auth"
)

func TestSettingsPage(t *testing.T) {
	app := newTestApp(t)
	c := app.login(t, "kadis", auth.KepalaDinas)
	form := url.Values{"government": {"PEMERINTAH KABUPATEN REJANG LEBONG"}, "name": {"Dinas Dukcapil Uji"}, "address": {"Jl. Uji 1"}, "city": {"Curup"}, "head_name": {""}, "head_nip": {"abc"}, "pattern": {"470/Dukcapil/{yyyy}"}}

	t.Run("ErrKeepsValues", func(t *testing.T) {
		res, doc := c.post(t, "/pengaturan", form)
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.StatusCode)
		}
		if doc.Find("#f-name").AttrOr("value", "") != "Dinas Dukcapil Uji" || !strings.Contains(doc.Find("#e-head_name").Text(), "wajib") ||
			!strings.Contains(doc.Find(".has-error").Text(), "NIP hanya berisi angka") || !strings.Contains(doc.Find("#e-pattern").Text(), "{n}") ||
			doc.Find("#f-pattern").AttrOr("value", "") != "470/Dukcapil/{yyyy}" {
			t.Fatalf("re-rendered form lost values or messages: %s", doc.Find("form").Text())
		}
	})
	t.Run("OK", func(t *testing.T) {
		form.Set("head_name", "Drs. Kepala Uji")
		form.Set("pattern", "")
		form.Set("head_nip", "197001011990011001")
		res, _ := c.post(t, "/pengaturan", form)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("status %d, want 303", res.StatusCode)
		}
		_, doc := c.get(t, "/pengaturan")
		if doc.Find(".flash").Text() != "Pengaturan tersimpan." || doc.Find("#f-head_name").AttrOr("value", "") != "Drs. Kepala Uji" {
			t.Fatalf("after save: flash %q, head %q", doc.Find(".flash").Text(), doc.Find("#f-head_name").AttrOr("value", ""))
		}
	})
	t.Run("WorkingWeek", func(t *testing.T) {
		if res, doc := c.post(t, "/pengaturan/kalender", url.Values{}); res.StatusCode != http.StatusUnprocessableEntity ||
			!strings.Contains(doc.Find(".has-error").Text(), "paling sedikit satu hari kerja") {
			t.Fatalf("no working day: status %d", res.StatusCode)
		}
		if res, doc := c.post(t, "/pengaturan/kalender", url.Values{"working_days": {"1", "9"}}); res.StatusCode != http.StatusUnprocessableEntity ||
			!strings.Contains(doc.Find(".has-error").Text(), "tidak valid") {
			t.Fatalf("day 9: status %d", res.StatusCode)
		}
		res, _ := c.post(t, "/pengaturan/kalender", url.Values{"working_days": {"6", "1", "2", "1"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("status %d, want 303", res.StatusCode)
		}
		_, doc := c.get(t, "/pengaturan")
		var checked []string
		doc.Find("input[name=working_days]:checked").Each(func(_ int, s *goquery.Selection) { checked = append(checked, s.AttrOr("value", "")) })
		if strings.Join(checked, ",") != "1,2,6" || doc.Find(".flash").Text() != "Hari kerja tersimpan: 3 hari seminggu." {
			t.Fatalf("after save: days %v, flash %q", checked, doc.Find(".flash").Text())
		}
	})
}
