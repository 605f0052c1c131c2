package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"jemputbola/internal/auth"
	"jemputbola/internal/result"
	"jemputbola/internal/visit"
)

func TestFieldPages(t *testing.T) {
	app := newTestApp(t)
	app.fixtures(t)
	past := strconv.FormatInt(app.pastVisit(t), 10)
	op := app.user(t, "operator1", auth.Operator)
	app.DB.Exec("INSERT INTO team_members (team_id, user_id) VALUES (1, ?)", op.ID)
	c := app.client(t)
	c.startSession(t, "operator1")

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
		form = url.Values{"client_id": {id}, "activations": {"20"}, "people_served": {"30"}, "ektp_recorded": {"2"}, "out_of_area": {"0"}, "failures.no_email": {"5"}}
	})
	t.Run("ErrKeepsValues", func(t *testing.T) {
		bad := url.Values{"client_id": form["client_id"], "activations": {"20"}, "people_served": {"10"}, "failures.no_email": {"lima"}}
		res, doc := c.post(t, "/kunjungan/"+past+"/hasil", bad)
		if res.StatusCode != http.StatusUnprocessableEntity || doc.Find("#f-activations").AttrOr("value", "") != "20" || doc.Find(`#e-failures-no_email`).Text() == "" {
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
		fix := url.Values{"activations": {"22"}, "people_served": {"30"}, "ektp_recorded": {"2"}, "out_of_area": {"0"}, "failures.no_email": {"5"}}
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
		if doc.Find(".verify-item").Length() != 1 || !strings.Contains(doc.Find(".verify-item").Text(), "Tidak punya email 5") ||
			!strings.Contains(doc.Find(".verify-item").Text(), "Dikoreksi 1 kali; terakhir: Salah hitung") {
			t.Fatalf("%d results waiting: %q", doc.Find(".verify-item").Length(), doc.Find(".verify-list").Text())
		}
		var id string
		app.DB.Raw("SELECT CAST(id AS TEXT) FROM visit_results").Scan(&id)
		k.post(t, "/hasil/"+id+"/verifikasi", url.Values{"action": {"back"}})
		if _, doc := k.get(t, "/verifikasi"); !strings.Contains(doc.Find(".flash.problem").Text(), "alasan") {
			t.Fatalf("sending back without comment: flash %q", doc.Find(".flash").Text())
		}
		k.post(t, "/hasil/"+id+"/verifikasi", url.Values{"action": {"back"}, "comment": {"Cek daftar hadir"}})
		if _, doc := c.get(t, "/kunjungan/"+past+"/hasil"); !strings.Contains(doc.Find(".warn").Text(), "Cek daftar hadir") {
			t.Fatal("operator does not see why the result came back")
		}
		// The operator is told on Hari ini and Beranda, with the way to correct it.
		for _, page := range []string{"/hari-ini", "/"} {
			_, doc := c.get(t, page)
			flag := doc.Find(".sent-back")
			if !strings.Contains(flag.Text(), "Cek daftar hadir") || flag.Find(`a[href="/kunjungan/`+past+`/hasil"]`).Length() != 1 {
				t.Errorf("%s does not flag the returned result: %q", page, flag.Text())
			}
		}
		if _, doc := c.get(t, "/kunjungan/"+past+"/hasil"); doc.Find("details[open]").Length() != 1 {
			t.Error("the correction form of a returned result is not open")
		}
		// Ticked results are verified at once.
		if res, _ := k.post(t, "/verifikasi", url.Values{"id": {id}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("verify ticked: %d", res.StatusCode)
		}
		if _, doc := k.get(t, "/verifikasi"); doc.Find(".empty").Length() != 1 || doc.Find(".flash").Text() != "1 hasil diverifikasi." {
			t.Fatalf("verified result still waiting, flash %q", doc.Find(".flash").Text())
		}
		if _, doc := c.get(t, "/hari-ini"); doc.Find(".sent-back").Length() != 0 {
			t.Error("a verified result is still flagged as returned")
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
		// Visit 1 is a month ahead: it starts on its day, not before.
		if res, doc := c.post(t, "/kunjungan/1/mulai", nil); res.StatusCode != http.StatusConflict || !strings.Contains(doc.Text(), "baru dapat dicatat pada hari itu") {
			t.Fatalf("start before the visit's day: status %d", res.StatusCode)
		}
		v := "/kunjungan/" + strconv.FormatInt(app.pastVisit(t), 10) + "/mulai"
		if res, _ := c.post(t, v, nil); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("status %d", res.StatusCode)
		}
		if res, _ := c.post(t, v, nil); res.StatusCode != http.StatusConflict {
			t.Fatalf("second start: status %d", res.StatusCode)
		}
	})
	t.Run("NothingBeforeTheDay", func(t *testing.T) {
		soon := time.Now().AddDate(0, 0, 3)
		app.DB.Create(&visit.Visit{OfficeID: app.officeID(t), SiteID: 1, TeamID: 1, Day: soon.Format(time.DateOnly), StartAt: soon.UTC(), EndAt: soon.Add(time.Hour).UTC(),
			Expected: 10, Status: visit.Direncanakan, CreatedAt: soon, UpdatedAt: soon})
		_, doc := c.get(t, "/hari-ini")
		card := doc.Find(".visit-card").First()
		if card.Find("button, a.btn").Length() != 0 || !strings.Contains(card.Text(), "pada hari kunjungan") {
			t.Fatalf("card of a visit in 3 days offers %q", card.Find(".actions").Text())
		}
		_, doc = c.get(t, "/kunjungan/1/hasil")
		if doc.Find("#result-form").Length() != 0 || !strings.Contains(doc.Find("main").Text(), "baru dapat dicatat pada hari itu") {
			t.Fatal("the result form of a visit a month ahead is offered")
		}
		form := url.Values{"client_id": {uuid.NewString()}, "activations": {"5"}, "people_served": {"5"}, "ektp_recorded": {"0"}, "out_of_area": {"0"}}
		if res, _ := c.post(t, "/kunjungan/1/hasil", form); res.StatusCode != http.StatusConflict {
			t.Fatalf("result before the visit's day: status %d, want 409", res.StatusCode)
		}
		var n int64
		app.DB.Raw("SELECT COUNT(*) FROM visit_results WHERE visit_id = 1").Scan(&n)
		if n != 0 {
			t.Fatalf("%d results stored for a visit a month ahead", n)
		}
	})
	t.Run("UntouchedFormRefused", func(t *testing.T) {
		v := "/kunjungan/" + strconv.FormatInt(app.pastVisit(t), 10) + "/hasil"
		res, doc := c.post(t, v, url.Values{"client_id": {uuid.NewString()}})
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(doc.Find("#e-activations").Text(), "tulis 0 bila tidak ada") {
			t.Fatalf("empty form: status %d, %q", res.StatusCode, doc.Find(".error").Text())
		}
		res, doc = c.post(t, v, url.Values{"client_id": {uuid.NewString()}, "activations": {"5"}, "people_served": {"8"}, "ektp_recorded": {"9"}, "out_of_area": {"6"}})
		if res.StatusCode != http.StatusUnprocessableEntity || doc.Find("#e-ektp_recorded").Text() != result.MsgEktpOverServed ||
			doc.Find("#e-out_of_area").Text() != result.MsgOutOfAreaOverActivations {
			t.Fatalf("inconsistent counts: status %d, %q", res.StatusCode, doc.Find(".error").Text())
		}
	})
}
