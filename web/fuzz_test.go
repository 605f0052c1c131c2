package web_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"jemputbola/internal/auth"
)

// fuzzClient signs a user in and returns a function that sends one request
// straight into the app (no network) with their cookies and CSRF token.
func fuzzClient(f *testing.F, username string, role auth.Role) (send func(method, path, contentType string, body []byte) int) {
	send, _ = fuzzApp(f, username, role)
	return send
}

func fuzzApp(f *testing.F, username string, role auth.Role) (send func(method, path, contentType string, body []byte) int, app *testApp) {
	app = newTestApp(f)
	app.fixtures(f)
	app.ensureUser(f, username, role)
	u, err := auth.NewUserStore(app.DB).ByUsername(app.Ctx, username)
	if err != nil {
		f.Fatal(err)
	}
	app.DB.Exec("INSERT INTO team_members (team_id, user_id) VALUES (1, ?)", u.ID) // operators log for team 1
	c := app.client(f)
	c.signIn(f, username, testPassword)
	base, _ := url.Parse(app.URL)
	cookies := c.http.Jar.Cookies(base)
	return func(method, path, contentType string, body []byte) int {
		req := httptest.NewRequest(method, path, bytes.NewReader(body))
		req.Header.Set("Content-Type", contentType)
		req.Header.Set("X-CSRF-Token", c.csrf)
		for _, ck := range cookies {
			req.AddCookie(ck)
		}
		rec := httptest.NewRecorder()
		app.Server.ServeHTTP(rec, req)
		return rec.Code
	}, app
}

// FuzzResultsAPI: whatever a tablet sends, the sync API answers with a client
// error or success, never a server error.
func FuzzResultsAPI(f *testing.F) {
	send := fuzzClient(f, "operator1", auth.Operator)
	f.Add([]byte(`{"client_id":"0b8f9a52-8a4c-4c3e-9a1e-0d1f2a3b4c5d","visit_id":1,"activations":3,"people_served":5}`))
	f.Add([]byte(`{"client_id":"x","visit_id":-1,"activations":1e99,"failures":{"no_email":-5,"zzz":1}}`))
	f.Add([]byte(`{"client_id":"0b8f9a52-8a4c-4c3e-9a1e-0d1f2a3b4c5e","visit_id":1,"notes":"` + strings.Repeat("é", 3000) + `"}`))
	f.Add([]byte(`[1,2,3]`))
	f.Add([]byte{0xff, 0xfe, '{'})
	f.Fuzz(func(t *testing.T, body []byte) {
		code := send(http.MethodPost, "/api/v1/results", "application/json", body)
		if code >= 500 {
			t.Fatalf("status %d for %q", code, body)
		}
	})
}

// FuzzVisitForm: any values in the visit form give a page, never a server error.
func FuzzVisitForm(f *testing.F) {
	send := fuzzClient(f, "ketua1", auth.KetuaTim)
	f.Add("1", "1", "2030-01-07", "08:00", "12:00", "40", "Bawa daftar hadir")
	f.Add("0", "-1", "2030-02-30", "25:61", "07:00", "-5", "")
	f.Add("1", "1", "7 Januari", "8.00", "12", "1e9", strings.Repeat("x", 3000))
	f.Fuzz(func(t *testing.T, site, team, day, start, end, expected, notes string) {
		form := url.Values{"site_id": {site}, "team_id": {team}, "day": {day}, "start": {start}, "end": {end}, "expected": {expected}, "notes": {notes}}
		if code := send(http.MethodPost, "/kunjungan", "application/x-www-form-urlencoded", []byte(form.Encode())); code >= 500 {
			t.Fatalf("status %d for %v", code, form)
		}
	})
}

// FuzzSiteForm: any values in the site form give a page, never a server error.
func FuzzSiteForm(f *testing.F) {
	send := fuzzClient(f, "ketua1", auth.KetuaTim)
	f.Add("SMA Negeri 9", "sekolah", "17.02.06.2001", "1.200", "-3,44", "102.98")
	f.Add("", "pasar", "99", "banyak", "-91", "200")
	f.Add("=CMD()", "opd", "17.02.06.2001", "-1", "NaN", "Inf")
	f.Fuzz(func(t *testing.T, name, kind, desa, eligible, lat, lng string) {
		form := url.Values{"name": {name}, "kind": {kind}, "desa_code": {desa}, "eligible": {eligible}, "lat": {lat}, "lng": {lng}}
		if code := send(http.MethodPost, "/lokasi", "application/x-www-form-urlencoded", []byte(form.Encode())); code >= 500 {
			t.Fatalf("status %d for %v", code, form)
		}
	})
}

// FuzzResultForm: the operator's result form answers any input with a page.
func FuzzResultForm(f *testing.F) {
	send, app := fuzzApp(f, "operator1", auth.Operator)
	path := "/kunjungan/" + strconv.FormatInt(app.pastVisit(f), 10) + "/hasil"
	f.Add("0b8f9a52-8a4c-4c3e-9a1e-0d1f2a3b4c5d", "25", "40", "3", "Lancar")
	f.Add("", "-1", "1.000", "x", strings.Repeat("catatan ", 400))
	f.Add("bukan-uuid", "99999999999", "", "1e3", "=HYPERLINK()")
	f.Fuzz(func(t *testing.T, clientID, activations, served, noEmail, notes string) {
		form := url.Values{"client_id": {clientID}, "activations": {activations}, "people_served": {served},
			"ektp_recorded": {"0"}, "out_of_area": {"0"}, "failures.no_email": {noEmail}, "notes": {notes}}
		if code := send(http.MethodPost, path, "application/x-www-form-urlencoded", []byte(form.Encode())); code >= 500 {
			t.Fatalf("status %d for %v", code, form)
		}
	})
}
