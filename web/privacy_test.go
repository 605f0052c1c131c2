package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"jemputbola/internal/auth"
	"jemputbola/internal/pii"
)

// TestNIKRefusedInFreeText: every free-text field that residents' data could
// reach refuses a NIK (and result notes a resident's phone) with the message
// saying what to write instead, keeps what was typed, and stores nothing.
func TestNIKRefusedInFreeText(t *testing.T) {
	app := newTestApp(t)
	app.fixtures(t)
	past := strconv.FormatInt(app.pastVisit(t), 10)
	op := app.user(t, "operator1", auth.Operator)
	app.DB.Exec("INSERT INTO team_members (team_id, user_id) VALUES (1, ?)", op.ID)
	operator := app.client(t)
	operator.startSession(t, "operator1")
	ketua := app.login(t, "ketua1", auth.KetuaTim)
	const nik = "NIK 1702-0612-3456-0001 gagal aktivasi"
	const phone = "warga minta ditelepon di 0812 3456 7890"
	msg := pii.Check(nik, false)

	refused := func(t *testing.T, what string, res *http.Response, body string) {
		t.Helper()
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Tulis inisial dan desa") {
			t.Errorf("%s: status %d, want 422 with the message", what, res.StatusCode)
		}
	}
	_, doc := operator.get(t, "/kunjungan/"+past+"/hasil")
	clientID := doc.Find(`#result-form input[name="client_id"]`).AttrOr("value", "")
	result := url.Values{"client_id": {clientID}, "activations": {"20"}, "people_served": {"30"}, "ektp_recorded": {"2"}, "out_of_area": {"0"}}
	for _, notes := range []string{nik, phone} {
		result.Set("notes", notes)
		res, doc := operator.post(t, "/kunjungan/"+past+"/hasil", result)
		refused(t, "result notes "+notes, res, doc.Find(".has-error").Text())
		if doc.Find("#f-notes").Text() != notes {
			t.Errorf("the notes typed are lost: %q", doc.Find("#f-notes").Text())
		}
	}
	code, body := operator.postJSON(t, "/api/v1/results", map[string]any{"client_id": "5f0c7d0e-0000-4000-8000-0000000000a1", "visit_id": mustInt(past),
		"activations": 1, "people_served": 2, "ektp_recorded": 0, "out_of_area": 0, "notes": nik}, true)
	if code != http.StatusUnprocessableEntity || !strings.Contains(string(body), `"notes"`) {
		t.Errorf("the tablet's sync took a NIK: %d %s", code, body)
	}
	result.Set("notes", "Bpk S., Desa Air Meles: belum punya email")
	if res, _ := operator.post(t, "/kunjungan/"+past+"/hasil", result); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("initials refused: %d", res.StatusCode)
	}
	fix := url.Values{"activations": {"21"}, "people_served": {"30"}, "ektp_recorded": {"2"}, "out_of_area": {"0"}, "reason": {nik}}
	res, doc := operator.post(t, "/kunjungan/"+past+"/hasil/koreksi", fix)
	refused(t, "correction reason", res, doc.Find(".has-error").Text())

	var resultID string
	app.DB.Raw("SELECT CAST(id AS TEXT) FROM visit_results").Scan(&resultID)
	ketua.post(t, "/hasil/"+resultID+"/verifikasi", url.Values{"action": {"back"}, "comment": {"Cek " + nik}})
	if _, doc := ketua.get(t, "/verifikasi"); !strings.Contains(doc.Find(".flash.problem").Text(), "Tulis inisial dan desa") {
		t.Errorf("sending back with a NIK: flash %q", doc.Find(".flash").Text())
	}

	form := visitForm(nextMonday(), "08:00", "10:00")
	form.Set("notes", nik)
	res, doc = ketua.post(t, "/kunjungan", form)
	refused(t, "visit notes", res, doc.Find(".has-error").Text())
	form.Set("notes", "Kontak: Ibu Kepala Sekolah 0812 3456 7890") // the site's own contact may stand in a visit's notes
	if res, _ := ketua.post(t, "/kunjungan", form); res.StatusCode != http.StatusSeeOther {
		t.Errorf("a contact number in a visit's notes: %d", res.StatusCode)
	}
	res, doc = ketua.post(t, "/kunjungan/1/batal", url.Values{"reason": {phone}})
	refused(t, "cancellation reason", res, doc.Find(".has-error").Text())

	var stored int64
	app.DB.Raw("SELECT COUNT(*) FROM visit_results WHERE notes LIKE '%1702%' OR notes LIKE '%0812%'").Scan(&stored)
	var audited int64
	app.DB.Raw("SELECT COUNT(*) FROM audit_entries WHERE before LIKE '%1702-0612%' OR after LIKE '%1702-0612%'").Scan(&audited)
	if stored != 0 || audited != 0 {
		t.Fatalf("a NIK reached the database: %d results, %d audit entries", stored, audited)
	}
	if msg == "" {
		t.Fatal("the rule does not see the NIK")
	}
}

func mustInt(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
}
