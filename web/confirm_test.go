package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"jemputbola/internal/auth"
)

// TestContactConfirms: the ketua tim finds the visit's confirmation link and
// a WhatsApp message carrying it on the visit page; the contact opens it
// without signing in, sees no person's name, confirms or asks for another
// date; the calendar shows the answer; the link is rate-limited.
func TestContactConfirms(t *testing.T) {
	app := newTestApp(t)
	app.fixtures(t) // visit 1, next month, Tim Uji led by ketua1
	if err := app.DB.Exec("UPDATE sites SET contact = 'Ibu Kepala Sekolah 0812-3456-7890' WHERE id = 1").Error; err != nil {
		t.Fatal(err)
	}
	ketua := app.login(t, "ketua1", auth.KetuaTim)
	_, doc := ketua.get(t, "/kunjungan/1")
	link := doc.Find("#contact-link").AttrOr("value", "")
	wa := doc.Find(`.contact-share a[href^="https://wa.me/"]`).AttrOr("href", "")
	if !strings.Contains(link, "/konfirmasi/") || !strings.HasPrefix(wa, "https://wa.me/6281234567890?text=") || !strings.Contains(wa, url.QueryEscape(link)) {
		t.Fatalf("link %q, WhatsApp %q", link, wa)
	}
	u, err := url.Parse(link)
	if err != nil {
		t.Fatal(err)
	}
	if _, again := ketua.get(t, "/kunjungan/1"); again.Find("#contact-link").AttrOr("value", "") != link {
		t.Fatal("the link changed between two views")
	}

	contact := app.client(t) // not signed in
	res, doc := contact.get(t, u.Path)
	leaderName := app.leader(t).Name
	if res.StatusCode != http.StatusOK || !strings.Contains(doc.Find("dl.facts").Text(), "Tim Uji") ||
		!strings.Contains(doc.Find("main").Text(), "Yang perlu disiapkan") || strings.Contains(doc.Text(), leaderName) || strings.Contains(doc.Text(), "0812") {
		t.Fatalf("invitation: %d\n%s", res.StatusCode, doc.Find("main").Text())
	}
	res, doc = contact.post(t, u.Path, url.Values{"jawaban": {"ganti"}, "note": {""}})
	if res.StatusCode != http.StatusUnprocessableEntity || doc.Find(".has-error").Length() == 0 {
		t.Fatalf("another date without a note: %d", res.StatusCode)
	}
	res, _ = contact.post(t, u.Path, url.Values{"jawaban": {"ganti"}, "note": {"Mohon hari Kamis, ujian semester"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("ask another date: %d", res.StatusCode)
	}
	_, doc = contact.get(t, u.Path)
	if !strings.Contains(doc.Find(".flash").Text(), "minta ganti tanggal") {
		t.Fatalf("after answering: %q", doc.Find(".flash").Text())
	}

	var day string
	app.DB.Raw("SELECT day FROM visits WHERE id = 1").Scan(&day)
	_, doc = ketua.get(t, "/jadwal?week="+day)
	if !strings.Contains(doc.Find("table.week .contact").Text(), "Minta ganti tanggal") {
		t.Fatalf("the calendar does not show the answer: %q", doc.Find("table.week a.visit").Text())
	}
	_, doc = ketua.get(t, "/kunjungan/1")
	if !strings.Contains(doc.Find(".contact-share").Text(), "ujian semester") {
		t.Fatalf("the visit page does not show the contact's note: %q", doc.Find(".contact-share").Text())
	}

	// Guessing tokens from one address soon meets the limit.
	limited := false
	for range 40 {
		if res, _ := contact.get(t, "/konfirmasi/tebakan"); res.StatusCode == http.StatusTooManyRequests {
			limited = res.Header.Get("Retry-After") != ""
			break
		}
	}
	if !limited {
		t.Fatal("40 requests from one address were not limited")
	}
}
