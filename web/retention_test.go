package web_test

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"jemputbola/internal/auth"
)

// oldAuditEntries writes n entries of the first office from 2019, long past
// the default retention of five years.
func (a *testApp) oldAuditEntries(t *testing.T, n int) {
	t.Helper()
	at := time.Date(2019, 3, 1, 2, 0, 0, 0, time.UTC)
	for i := range n {
		if err := a.DB.Exec(`INSERT INTO audit_entries (office_id, at, username, action, entity, entity_id, before_json, after_json)
			VALUES (?, ?, 'ketua1', 'create', 'site', ?, '', '{"name":"SD Negeri 1"}')`, a.officeID(t), at.AddDate(0, i, 0), strconv.Itoa(i+1)).Error; err != nil {
			t.Fatal(err)
		}
	}
}

func (a *testApp) auditEntriesBefore(t *testing.T, before time.Time) int64 {
	t.Helper()
	var n int64
	a.DB.Raw("SELECT COUNT(*) FROM audit_entries WHERE office_id = ? AND at < ?", a.officeID(t), before).Scan(&n)
	return n
}

// TestPrivacyPage: everyone reads what is kept and for how long; only an
// admin sets the retention and archives what is past it, the file first,
// and removal names the file's SHA-256.
func TestPrivacyPage(t *testing.T) {
	app := newTestApp(t)
	app.oldAuditEntries(t, 3)
	pastRetention := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

	t.Run("ReadByAll", func(t *testing.T) {
		c := app.login(t, "kadis", auth.KepalaDinas)
		res, doc := c.get(t, "/")
		if res.StatusCode != http.StatusOK || doc.Find(`footer a[href="/data-pribadi"]`).Length() != 1 {
			t.Fatalf("Beranda: %d, no footer link to Data pribadi", res.StatusCode)
		}
		res, doc = c.get(t, "/data-pribadi")
		text := doc.Find("main").Text()
		if res.StatusCode != http.StatusOK || !strings.Contains(text, "Kabupaten Rejang Lebong") || !strings.Contains(text, "5 tahun") ||
			!strings.Contains(text, "12 jam") || !strings.Contains(text, "Kontak lokasi sasaran") {
			t.Fatalf("page: %d\n%s", res.StatusCode, text)
		}
		if doc.Find(`input[name="years"]`).Length() != 0 || doc.Find(`a[href^="/data-pribadi/arsip-audit.csv"]`).Length() != 0 {
			t.Fatal("a kepala dinas is offered the admin's retention forms")
		}
	})

	c := app.login(t, "admin", auth.Admin)
	t.Run("RetentionRefusesBadYears", func(t *testing.T) {
		for _, typed := range []string{"0", "31", "abc", ""} {
			res, doc := c.post(t, "/data-pribadi/masa-simpan", url.Values{"years": {typed}})
			if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(doc.Find(".has-error").Text(), "1 sampai 30 tahun") ||
				doc.Find("#f-years").AttrOr("value", "?") != typed {
				t.Fatalf("years %q: status %d, form %q", typed, res.StatusCode, doc.Find("form").First().Text())
			}
		}
		res, _ := c.post(t, "/data-pribadi/masa-simpan", url.Values{"years": {"6"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("years 6: status %d", res.StatusCode)
		}
		_, doc := c.get(t, "/data-pribadi")
		if doc.Find(".flash").Text() != "Masa simpan catatan audit: 6 tahun." || doc.Find("#f-years").AttrOr("value", "") != "6" {
			t.Fatalf("after save: flash %q", doc.Find(".flash").Text())
		}
	})

	_, doc := c.get(t, "/data-pribadi")
	href, ok := doc.Find(`a[href^="/data-pribadi/arsip-audit.csv"]`).Attr("href")
	if !ok || !strings.Contains(doc.Find("#arsip").Parent().Text(), "3 catatan audit dari 1 Maret 2019") {
		t.Fatalf("no archive offered for 3 old entries:\n%s", doc.Find("main").Text())
	}
	form := url.Values{"sebelum": {doc.Find(`input[name="sebelum"]`).AttrOr("value", "")}, "sampai": {doc.Find(`input[name="sampai"]`).AttrOr("value", "")}}
	res, file := c.raw(t, href)
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") ||
		strings.Count(string(file), "\r\n") != 4 || !strings.Contains(string(file), "Lokasi sasaran no. 3 ditambahkan") {
		t.Fatalf("archive: %d %s\n%s", res.StatusCode, res.Header.Get("Content-Type"), file)
	}
	sum := sha256.Sum256(file)

	t.Run("RemovalNeedsTheTick", func(t *testing.T) {
		res, doc := c.post(t, "/data-pribadi/arsip-audit/hapus", form)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(doc.Find(".has-error").Text(), "sudah Anda unduh dan simpan") {
			t.Fatalf("without the tick: status %d", res.StatusCode)
		}
		if n := app.auditEntriesBefore(t, pastRetention); n != 3 {
			t.Fatalf("%d old entries left, want all 3", n)
		}
	})
	t.Run("ForgedCutoffRefused", func(t *testing.T) {
		forged := url.Values{"sebelum": {time.Now().Format(time.RFC3339)}, "sampai": {"999999"}, "disimpan": {"1"}}
		res, doc := c.post(t, "/data-pribadi/arsip-audit/hapus", forged)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(doc.Find(".alert").Text(), "Tautan arsip tidak berlaku") {
			t.Fatalf("a cutoff of today: status %d, alert %q", res.StatusCode, doc.Find(".alert").Text())
		}
		if n := app.auditEntriesBefore(t, time.Now()); n < 3 {
			t.Fatalf("entries removed by a forged form: %d left", n)
		}
	})
	t.Run("Removed", func(t *testing.T) {
		form.Set("disimpan", "1")
		res, _ := c.post(t, "/data-pribadi/arsip-audit/hapus", form)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("status %d, want 303", res.StatusCode)
		}
		_, doc := c.get(t, "/data-pribadi")
		if flash := doc.Find(".flash").Text(); !strings.HasPrefix(flash, "3 catatan audit sebelum") || !strings.Contains(flash, hex.EncodeToString(sum[:])) {
			t.Fatalf("flash %q does not name the file's SHA-256", flash)
		}
		if !strings.Contains(doc.Find("#arsip").Parent().Text(), "Belum ada catatan audit yang lewat masa simpan") {
			t.Fatalf("after removal:\n%s", doc.Find("#arsip").Parent().Text())
		}
		if n := app.auditEntriesBefore(t, pastRetention); n != 0 {
			t.Fatalf("%d old entries left", n)
		}
		_, doc = c.get(t, "/audit")
		if !strings.Contains(doc.Find("main").Text(), "diarsipkan lalu dihapus: 3 catatan") || !strings.Contains(doc.Find("main").Text(), "Mengunduh Arsip audit (CSV)") {
			t.Fatalf("audit page does not say what happened:\n%s", doc.Find("main").Text())
		}
	})
}
