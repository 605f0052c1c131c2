package web_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"jemputbola/internal/auth"
)

// officeIDRoutes are every route that takes an id or a region code, filled
// with the first office's rows (web fixtures: site, team, visit 1; user 1;
// Rejang Lebong's desa and kecamatan).
var officeIDRoutes = []struct{ method, path string }{
	{"GET", "/kunjungan/1"},
	{"GET", "/kunjungan/1/ubah"},
	{"POST", "/kunjungan/1"},
	{"POST", "/kunjungan/1/batal"},
	{"GET", "/kunjungan/1/surat-tugas"},
	{"GET", "/kunjungan/1/surat-pemberitahuan"},
	{"POST", "/kunjungan/1/mulai"},
	{"GET", "/kunjungan/1/hasil"},
	{"POST", "/kunjungan/1/hasil"},
	{"POST", "/kunjungan/1/hasil/koreksi"},
	{"POST", "/api/v1/visits/1/start"},
	{"POST", "/api/v1/visits/1/correction"},
	{"GET", "/cakupan/desa/17.02.06.2001"},
	{"GET", "/wilayah/17.02.06"},
	{"GET", "/lokasi/1/ubah"},
	{"POST", "/lokasi/1"},
	{"POST", "/lokasi/1/hapus"},
	{"GET", "/tim/1"},
	{"GET", "/tim/1/ubah"},
	{"POST", "/tim/1"},
	{"GET", "/pengguna/1/ubah"},
	{"POST", "/pengguna/1"},
}

// TestOfficeIsolation signs in to another office and tries every id route with
// the first office's ids: each is a 404, never a 403 that would confirm the
// row exists. The lists and APIs show nothing of the first office.
func TestOfficeIsolation(t *testing.T) {
	app := newTestApp(t)
	app.fixtures(t)
	app.user(t, "rl_admin", auth.Admin) // user 1 of Rejang Lebong, for the user routes
	kota := app.inOffice(t, "17.71")
	for _, role := range []auth.Role{auth.Admin, auth.KetuaTim} {
		c := app.loginIn(t, kota, "kota_"+string(role), role)
		for _, r := range officeIDRoutes {
			if role == auth.KetuaTim && strings.HasPrefix(r.path, "/pengguna") {
				continue // a ketua tim may not open user pages of any office: the role guard answers first
			}
			t.Run(string(role)+" "+r.method+" "+r.path, func(t *testing.T) {
				var res *http.Response
				if r.method == http.MethodPost {
					res, _ = c.post(t, r.path, url.Values{"name": {"Diambil"}, "reason": {"uji"}})
				} else {
					res, _ = c.get(t, r.path)
				}
				if res.StatusCode != http.StatusNotFound {
					t.Errorf("status %d, want 404", res.StatusCode)
				}
			})
		}
	}
	c := app.loginIn(t, kota, "kota_kadis", auth.KepalaDinas)
	for _, page := range []struct{ path, foreign string }{
		{"/lokasi", "SMA Negeri 1 Rejang Lebong"},
		{"/tim", "Tim Uji"},
		{"/pengguna", "rl_admin"},
		{"/wilayah", "Curup"},
		{"/cakupan", "Rejang Lebong"},
		{"/audit", "SMA Negeri 1 Rejang Lebong"},
		{"/jadwal?week=" + app.fixtureWeek(), "SMA Negeri 1"},
	} {
		res, doc := c.get(t, page.path)
		if res.StatusCode != http.StatusOK {
			t.Errorf("GET %s: status %d", page.path, res.StatusCode)
		}
		if body := doc.Find("main").Text(); strings.Contains(body, page.foreign) {
			t.Errorf("GET %s shows %q of another office", page.path, page.foreign)
		}
	}
	for _, api := range []string{"/api/v1/visits?from=" + time.Now().Format(time.DateOnly) + "&to=" + time.Now().AddDate(0, 2, 0).Format(time.DateOnly), "/api/v1/regions", "/api/v1/coverage"} {
		res, body := c.getJSON(t, api)
		if res.StatusCode != http.StatusOK || strings.Contains(body, "17.02") || strings.Contains(body, "Rejang") {
			t.Errorf("GET %s: status %d, body shows the other office: %.300s", api, res.StatusCode, body)
		}
	}
}

// TestProvinceViewIsReadOnly: a province user looks at one of its kab/kota
// with ?kantor= and sees its data, but cannot change it; a kab/kota outside
// its province is ignored.
func TestProvinceViewIsReadOnly(t *testing.T) {
	app := newTestApp(t)
	app.fixtures(t)
	prov := app.inOffice(t, "17")
	c := app.loginIn(t, prov, "prov_admin", auth.Admin)
	res, doc := c.get(t, "/lokasi?kantor=17.02")
	if res.StatusCode != http.StatusOK || !strings.Contains(doc.Find("main").Text(), "SMA Negeri 1 Rejang Lebong") {
		t.Fatalf("province view of 17.02: status %d", res.StatusCode)
	}
	if !strings.Contains(doc.Find(".banner").Text(), "hanya baca") {
		t.Error("no read-only banner")
	}
	if doc.Find(`a[href="/lokasi/baru"]`).Length() > 0 || doc.Find(`a[href$="/ubah"]`).Length() > 0 {
		t.Error("a read-only view offers to add or change sites")
	}
	if menu := doc.Find("nav.nav").Text(); strings.Contains(menu, "Pengguna") || !strings.Contains(menu, "Cakupan") {
		t.Errorf("menu of a read-only view: %q", menu)
	}
	// Pages outside the view, and every change, are the province's own.
	if _, doc := c.get(t, "/pengaturan"); doc.Find(".banner").Length() > 0 || doc.Find("#f-city").AttrOr("value", "") != "Bengkulu" {
		t.Errorf("settings in a view: banner %d, city %q", doc.Find(".banner").Length(), doc.Find("#f-city").AttrOr("value", ""))
	}
	res, _ = c.post(t, "/lokasi", url.Values{"name": {"Lokasi provinsi"}, "kind": {"opd"}, "desa_code": {"17.02.06.2001"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("create while a view is open: status %d, want 303", res.StatusCode)
	}
	if _, doc := c.get(t, "/lokasi?kantor=17.02"); strings.Contains(doc.Find("tbody").Text(), "Lokasi provinsi") {
		t.Error("a site created while viewing 17.02 went to 17.02")
	}
	res, doc = c.get(t, "/lokasi?kantor=17")
	if res.StatusCode != http.StatusOK || strings.Contains(doc.Find("main").Text(), "SMA Negeri 1 Rejang Lebong") || doc.Find(".banner").Length() > 0 ||
		!strings.Contains(doc.Find("tbody").Text(), "Lokasi provinsi") {
		t.Errorf("back home: status %d, banner %d", res.StatusCode, doc.Find(".banner").Length())
	}
	// A kab/kota user cannot look at another office, nor above its own.
	kota := app.loginIn(t, app.inOffice(t, "17.71"), "kota_admin", auth.Admin)
	for _, code := range []string{"17.02", "17"} {
		_, doc := kota.get(t, "/lokasi?kantor="+code)
		if strings.Contains(doc.Find("main").Text(), "SMA Negeri 1 Rejang Lebong") || doc.Find(".banner").Length() > 0 {
			t.Errorf("kab/kota user sees office %s", code)
		}
	}
}

// getJSON fetches an API path and returns the body as text.
func (c *testClient) getJSON(t testing.TB, path string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, c.app.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var v any
	if err := json.NewDecoder(res.Body).Decode(&v); err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	b, _ := json.Marshal(v)
	return res, string(b)
}

// fixtureWeek is the week of the fixtures' visit (a month from today).
func (a *testApp) fixtureWeek() string { return time.Now().AddDate(0, 1, 0).Format(time.DateOnly) }
