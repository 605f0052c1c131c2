package web_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"jemputbola/internal/auth"
)

// TestAuditReadsAccess: sign-ins (failed too), downloads and sign-outs are on
// the Audit page in plain Indonesian with the address; Beranda's recent
// changes list only changes.
func TestAuditReadsAccess(t *testing.T) {
	app := newTestApp(t)
	app.user(t, "operator1", auth.Operator)
	c := app.client(t)
	c.get(t, "/login")
	c.post(t, "/login", url.Values{"username": {"operator1"}, "password": {"bukan-sandinya"}})
	c.signIn(t, "operator1", testPassword)
	c.post(t, "/logout", nil)

	kadis := app.login(t, "kadis", auth.KepalaDinas)
	if res, _ := kadis.get(t, "/cakupan/ekspor.csv?data=hasil"); res.StatusCode != 200 {
		t.Fatalf("export: %d", res.StatusCode)
	}
	_, doc := kadis.get(t, "/audit")
	var rows []string
	doc.Find("tbody tr").Each(func(_ int, tr *goquery.Selection) {
		rows = append(rows, tr.Find("td").Eq(1).Text()+": "+tr.Find("td").Eq(2).Text())
	})
	page := strings.Join(rows, "\n")
	for _, want := range []string{
		"operator1: Gagal masuk: kata sandi salah dari 127.0.0.1",
		"operator1: Masuk dari 127.0.0.1",
		"operator1: Keluar dari 127.0.0.1",
		"kadis: Mengunduh Ekspor cakupan (CSV) (/cakupan/ekspor.csv?data=hasil)",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("audit page lacks %q:\n%s", want, page)
		}
	}
	for _, raw := range []string{"sign_in", "download", "update", "#"} {
		if strings.Contains(page, raw) {
			t.Errorf("audit page speaks in code words (%q):\n%s", raw, page)
		}
	}
	_, home := kadis.get(t, "/")
	if recent := home.Find("main").Text(); strings.Contains(recent, "Masuk dari") || strings.Contains(recent, "Mengunduh") {
		t.Errorf("Beranda's recent changes list sign-ins or downloads")
	}
}
