package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"jemputbola/internal/auth"
)

func TestFieldPages(t *testing.T) {
	app := newTestApp(t)
	app.fixtures(t)
	past := strconv.FormatInt(app.pastVisit(t), 10)
	op := app.user(t, "operator1", auth.Operator)
	app.DB.Exec("INSERT INTO team_members (team_id, user_id) VALUES (1, ?)", op.ID)
	c := app.client(t)
	c.signIn(t, "operator1", testPassword)

	t.Run("HariIni", func(t *testing.T) {
		res, doc := c.get(t, "/hari-ini")
		// visit 1 is a month ahead, beyond the 7 days listed
		if res.StatusCode != http.StatusOK || doc.Find(".empty").Length() != 1 {
			t.Fatalf("status %d, cards %d", res.StatusCode, doc.Find(".visit-card").Length())
		}
	})
	var form url.Values
	t.Run("FormCarriesClientID", func(t *testing.T) {
		_, doc := c.get(t, "/kunjungan/"+past+"/hasil")
		id := doc.Find(`#result-form input[name="client_id"]`).AttrOr("value", "")
		if len(id) != 36 || doc.Find(`#result-form input[name="failures.no_email"]`).Length() != 1 {
			t.Fatalf("client id %q", id)
		}
		form = url.Values{"client_id": {id}, "activations": {"20"}, "people_served": {"30"}, "failures.no_email": {"5"}}
	})
	t.Run("ErrKeepsValues", func(t *testing.T) {
		bad := url.Values{"client_id": form["client_id"], "activations": {"20"}, "people_served": {"10"}, "failures.no_email": {"lima"}}
		res, doc := c.post(t, "/kunjungan/"+past+"/hasil", bad)
		if res.StatusCode != http.StatusUnprocessableEntity || doc.Find("#f-activations").AttrOr("value", "") != "20" || doc.Find(`[id="e-failures.no_email"]`).Text() == "" {
			t.Fatalf("status %d, errors %q", res.StatusCode, doc.Find(".error").Text())
		}
	})
	t.Run("DoubleSubmitStoresOnce", func(t *testing.T) {
		for range 2 {
			if res, _ := c.post(t, "/kunjungan/"+past+"/hasil", form); res.StatusCode != http.StatusSeeOther {
				t.Fatalf("status %d", res.StatusCode)
			}
		}
		var n int64
		app.DB.Raw("SELECT COUNT(*) FROM visit_results").Scan(&n)
		if n != 1 {
			t.Fatalf("%d results stored, want 1", n)
		}
		_, doc := c.get(t, "/kunjungan/"+past+"/hasil")
		if !strings.Contains(doc.Find("dl.facts").Text(), "20") || doc.Find("#result-form").Length() != 0 {
			t.Fatal("stored result not shown")
		}
	})
	t.Run("CorrectionKeepsHistory", func(t *testing.T) {
		fix := url.Values{"activations": {"22"}, "people_served": {"30"}, "failures.no_email": {"5"}}
		if res, doc := c.post(t, "/kunjungan/"+past+"/hasil/koreksi", fix); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(doc.Text(), "Isi alasan koreksi.") {
			t.Fatalf("correction without reason: %d", res.StatusCode)
		}
		fix.Set("reason", "Salah hitung")
		if res, _ := c.post(t, "/kunjungan/"+past+"/hasil/koreksi", fix); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("correction: %d", res.StatusCode)
		}
		_, doc := c.get(t, "/kunjungan/"+past+"/hasil")
		if !strings.Contains(doc.Text(), "Salah hitung") || doc.Find("#f-activations").AttrOr("value", "") != "22" {
			t.Fatal("history or corrected value missing")
		}
	})
	t.Run("LeaderVerifiesOrSendsBack", func(t *testing.T) {
		k := app.login(t, "kadis", auth.KepalaDinas)
		_, doc := k.get(t, "/verifikasi")
		if doc.Find("tbody tr").Length() != 1 {
			t.Fatalf("%d results waiting", doc.Find("tbody tr").Length())
		}
		var id string
		app.DB.Raw("SELECT CAST(id AS TEXT) FROM visit_results").Scan(&id)
		k.post(t, "/hasil/"+id+"/verifikasi", url.Values{"action": {"back"}})
		if _, doc := k.get(t, "/verifikasi"); !strings.Contains(doc.Find(".flash").Text(), "alasan") {
			t.Fatalf("sending back without comment: flash %q", doc.Find(".flash").Text())
		}
		k.post(t, "/hasil/"+id+"/verifikasi", url.Values{"action": {"back"}, "comment": {"Cek daftar hadir"}})
		if _, doc := c.get(t, "/kunjungan/"+past+"/hasil"); !strings.Contains(doc.Find(".warn").Text(), "Cek daftar hadir") {
			t.Fatal("operator does not see why the result came back")
		}
		k.post(t, "/hasil/"+id+"/verifikasi", url.Values{"action": {"ok"}})
		if _, doc := k.get(t, "/verifikasi"); doc.Find(".empty").Length() != 1 {
			t.Fatal("verified result still waiting")
		}
		_, doc = k.get(t, "/cakupan")
		stats := doc.Find("main").Text()
		if !strings.Contains(stats, "22 terverifikasi, 0 belum diverifikasi") {
			t.Fatalf("coverage does not show field counts apart: %q", stats)
		}
		ketua := app.login(t, "ketua7", auth.KetuaTim)
		if res, _ := ketua.post(t, "/hasil/"+id+"/verifikasi", url.Values{"action": {"ok"}}); res.StatusCode != http.StatusForbidden {
			t.Fatalf("leader of another team: %d", res.StatusCode)
		}
	})
	t.Run("OtherOperatorForbidden", func(t *testing.T) {
		other := app.login(t, "operator2", auth.Operator)
		if res, _ := other.get(t, "/kunjungan/"+past+"/hasil"); res.StatusCode != http.StatusForbidden {
			t.Fatalf("status %d", res.StatusCode)
		}
		if res, _ := other.post(t, "/kunjungan/1/mulai", nil); res.StatusCode != http.StatusForbidden {
			t.Fatalf("start: status %d", res.StatusCode)
		}
	})
	t.Run("Start", func(t *testing.T) {
		if res, _ := c.post(t, "/kunjungan/1/mulai", nil); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("status %d", res.StatusCode)
		}
		if res, _ := c.post(t, "/kunjungan/1/mulai", nil); res.StatusCode != http.StatusConflict {
			t.Fatalf("second start: status %d", res.StatusCode)
		}
	})
}
