package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"jemputbola/internal/auth"
)

const anonymous = auth.Role("") // a browser that is not signed in

var (
	public   = []auth.Role{anonymous, auth.Admin, auth.KepalaDinas, auth.KetuaTim, auth.Operator, auth.Pimpinan}
	all      = []auth.Role{auth.Admin, auth.KepalaDinas, auth.KetuaTim, auth.Operator, auth.Pimpinan}
	field    = []auth.Role{auth.Admin, auth.KepalaDinas, auth.KetuaTim, auth.Operator} // the office's working staff
	read     = []auth.Role{auth.Admin, auth.KepalaDinas, auth.KetuaTim, auth.Pimpinan} // coverage, reports
	plan     = []auth.Role{auth.Admin, auth.KepalaDinas, auth.KetuaTim}
	managing = []auth.Role{auth.Admin, auth.KepalaDinas}
	admin    = []auth.Role{auth.Admin}
)

// routeMatrix is who may use each route, written down here independently of
// routes.go. Paths use a concrete id where the route has one.
var routeMatrix = []struct {
	method, pattern, path string
	allowed               []auth.Role
}{
	{"GET", "/healthz", "/healthz", public},
	{"GET", "/static/*", "/static/css/app.css", public},
	{"GET", "/sw.js", "/sw.js", public},
	{"GET", "/login", "/login", public},
	{"POST", "/login", "/login", public},
	{"GET", "/konfirmasi/:token", "/konfirmasi/tidak-ada", public}, // the token is the key
	{"POST", "/konfirmasi/:token", "/konfirmasi/tidak-ada", public},
	{"POST", "/logout", "/logout", all},
	{"GET", "/", "/", all},
	{"GET", "/jadwal", "/jadwal", all},
	{"GET", "/jadwal/bulan", "/jadwal/bulan?month=2026-12", all},
	{"GET", "/jadwal/ekspor.ics", "/jadwal/ekspor.ics", all},
	{"GET", "/jadwal/ekspor.csv", "/jadwal/ekspor.csv", all},
	{"GET", "/jadwal/ekspor.xlsx", "/jadwal/ekspor.xlsx", all},
	{"GET", "/kunjungan/baru", "/kunjungan/baru", plan},
	{"POST", "/kunjungan", "/kunjungan", plan},
	{"GET", "/kunjungan/:id", "/kunjungan/1", read}, // operators only for their own team's visits
	{"GET", "/kunjungan/:id/ubah", "/kunjungan/1/ubah", plan},
	{"POST", "/kunjungan/:id", "/kunjungan/1", plan},
	{"POST", "/kunjungan/:id/batal", "/kunjungan/1/batal", plan},
	{"POST", "/kunjungan/:id/pindah", "/kunjungan/1/pindah", plan},          // whose team it is, is mayPlan's
	{"GET", "/kunjungan/:id/surat-tugas", "/kunjungan/1/surat-tugas", plan}, // and operators of the visit's team
	{"GET", "/kunjungan/:id/surat-pemberitahuan", "/kunjungan/1/surat-pemberitahuan", plan},
	{"GET", "/kunjungan/:id/surat-pemberitahuan.pdf", "/kunjungan/1/surat-pemberitahuan.pdf", plan},
	{"GET", "/kunjungan/:id/surat-tugas.pdf", "/kunjungan/1/surat-tugas.pdf", plan},
	{"GET", "/hari-ini", "/hari-ini", field},
	{"POST", "/kunjungan/:id/mulai", "/kunjungan/999/mulai", field}, // the team rule is the domain's
	{"GET", "/kunjungan/:id/hasil", "/kunjungan/1/hasil", plan},     // and operators of the visit's team
	{"POST", "/kunjungan/:id/hasil", "/kunjungan/999/hasil", field}, // the team rule is the domain's (TestResultFormAgreesWithSave)
	{"POST", "/kunjungan/:id/hasil/koreksi", "/kunjungan/999/hasil/koreksi", field},
	{"GET", "/loket", "/loket", field},
	{"POST", "/loket", "/loket", field},
	{"POST", "/loket/titik", "/loket/titik", managing},
	{"GET", "/verifikasi", "/verifikasi", plan},
	{"POST", "/verifikasi", "/verifikasi", plan},
	{"POST", "/hasil/:id/verifikasi", "/hasil/999/verifikasi", plan},
	{"POST", "/api/v1/results", "/api/v1/results", field},
	{"POST", "/api/v1/visits/:id/start", "/api/v1/visits/999/start", field}, // the team rule is the domain's
	{"POST", "/api/v1/visits/:id/correction", "/api/v1/visits/999/correction", field},
	{"GET", "/api/v1/visits", "/api/v1/visits?from=2026-01-01&to=2026-01-31", field},
	{"GET", "/rencana-otomatis", "/rencana-otomatis", plan},
	{"POST", "/rencana-otomatis", "/rencana-otomatis", plan},
	{"GET", "/cakupan", "/cakupan", read},
	{"GET", "/cakupan/target", "/cakupan/target", managing},
	{"POST", "/cakupan/target", "/cakupan/target", managing},
	{"GET", "/cakupan/peta", "/cakupan/peta?lokasi=1", read},
	{"GET", "/cakupan/desa", "/cakupan/desa", read},
	{"GET", "/cakupan/desa/:code", "/cakupan/desa/17.02.06.2001", read},
	{"GET", "/cakupan/impor", "/cakupan/impor", managing},
	{"POST", "/cakupan/impor", "/cakupan/impor", managing},
	{"GET", "/cakupan/impor/templat", "/cakupan/impor/templat", managing},
	{"GET", "/cakupan/impor/:id", "/cakupan/impor/999", managing}, // a draft is its uploader's alone
	{"POST", "/cakupan/impor/:id", "/cakupan/impor/999", managing},
	{"POST", "/cakupan/impor/:id/batal", "/cakupan/impor/999/batal", managing},
	{"GET", "/cakupan/rekonsiliasi", "/cakupan/rekonsiliasi", read},
	{"GET", "/cakupan/laporan", "/cakupan/laporan", read},
	{"GET", "/cakupan/ekspor.csv", "/cakupan/ekspor.csv?data=hasil", read},
	{"GET", "/cakupan/ekspor.xlsx", "/cakupan/ekspor.xlsx", read},
	{"GET", "/api/v1/coverage", "/api/v1/coverage", read},
	{"GET", "/wilayah", "/wilayah", all},
	{"GET", "/wilayah/:code", "/wilayah/17.02.06", all},
	{"GET", "/api/v1/regions", "/api/v1/regions", all},
	{"GET", "/lokasi", "/lokasi", field},
	{"GET", "/lokasi/baru", "/lokasi/baru", plan},
	{"POST", "/lokasi", "/lokasi", plan},
	{"GET", "/lokasi/:id/ubah", "/lokasi/1/ubah", plan},
	{"POST", "/lokasi/:id", "/lokasi/1", plan},
	{"POST", "/lokasi/:id/hapus", "/lokasi/999/hapus", plan},
	{"GET", "/tim", "/tim", field},
	{"GET", "/tim/baru", "/tim/baru", plan},
	{"POST", "/tim", "/tim", plan},
	{"GET", "/tim/:id", "/tim/1", field},
	{"GET", "/tim/:id/ubah", "/tim/1/ubah", plan},
	{"POST", "/tim/:id", "/tim/999", plan}, // who leads it is the domain's (team.Manager)
	{"GET", "/pengguna", "/pengguna", managing},
	{"GET", "/pengguna/baru", "/pengguna/baru", managing},
	{"POST", "/pengguna", "/pengguna", managing},
	{"GET", "/pengguna/:id/ubah", "/pengguna/1/ubah", managing},
	{"POST", "/pengguna/:id", "/pengguna/1", managing},
	{"GET", "/audit", "/audit", managing},
	{"GET", "/pengaturan", "/pengaturan", managing},
	{"POST", "/pengaturan", "/pengaturan", managing},
	{"POST", "/pengaturan/kalender", "/pengaturan/kalender", managing},
	{"POST", "/pengaturan/csv", "/pengaturan/csv", managing},
	{"GET", "/hari-libur", "/hari-libur", all},
	{"POST", "/hari-libur", "/hari-libur", managing},
	{"POST", "/hari-libur/:id/hapus", "/hari-libur/999/hapus", managing},
	{"GET", "/pengaturan/logo", "/pengaturan/logo", all},
	{"GET", "/kantor", "/kantor", managing}, // a kab/kota office gets 404: only a province has kab/kota
	{"POST", "/kantor", "/kantor", managing},
	{"POST", "/kantor/pengguna", "/kantor/pengguna", managing},
	{"POST", "/pengaturan/logo", "/pengaturan/logo", managing},
	{"GET", "/data-pribadi", "/data-pribadi", all},
	{"POST", "/data-pribadi/masa-simpan", "/data-pribadi/masa-simpan", admin},
	{"GET", "/data-pribadi/arsip-audit.csv", "/data-pribadi/arsip-audit.csv", admin},
	{"POST", "/data-pribadi/arsip-audit/hapus", "/data-pribadi/arsip-audit/hapus", admin},
}

// TestRouteRoleMatrix signs in as every role (and none) and tries every route:
// allowed pairs must get past the guard, forbidden pairs must be stopped by it.
func TestRouteRoleMatrix(t *testing.T) {
	app := newTestApp(t)
	app.fixtures(t) // site 1 and team 1, so id routes reach real rows
	roles := []auth.Role{anonymous, auth.Admin, auth.KepalaDinas, auth.KetuaTim, auth.Operator, auth.Pimpinan}
	signedIn := func(t *testing.T, role auth.Role) *testClient {
		c := app.client(t)
		if role == anonymous {
			c.get(t, "/login")
			return c
		}
		app.ensureUser(t, "m_"+string(role), role)
		c.startSession(t, "m_"+string(role))
		return c
	}
	clients := map[auth.Role]*testClient{}
	for _, r := range roles {
		clients[r] = signedIn(t, r)
	}
	// The ketua tim leads team 1, so the planning routes of its visit are
	// theirs; leading is tested in TestKetuaPlansOwnTeams.
	if err := app.DB.Exec("UPDATE teams SET leader_id = (SELECT id FROM users WHERE username = ?) WHERE id = 1", "m_"+string(auth.KetuaTim)).Error; err != nil {
		t.Fatal(err)
	}
	for _, tc := range routeMatrix {
		for _, role := range roles {
			name := tc.method + " " + tc.path + " as " + string(role)
			if role == anonymous {
				name = tc.method + " " + tc.path + " as anonymous"
			}
			t.Run(name, func(t *testing.T) {
				c := clients[role]
				if tc.path == "/logout" {
					c = signedIn(t, role) // signing out must not end the shared session
				}
				var res *http.Response
				if tc.method == http.MethodPost {
					res, _ = c.post(t, tc.path, url.Values{})
				} else {
					res, _ = c.get(t, tc.path)
				}
				toLogin := res.StatusCode == http.StatusSeeOther && strings.HasPrefix(res.Header.Get("Location"), "/login")
				stopped := res.StatusCode == http.StatusUnauthorized || res.StatusCode == http.StatusForbidden || toLogin
				allowed := false
				for _, r := range tc.allowed {
					allowed = allowed || r == role
				}
				switch {
				case allowed && stopped && tc.path != "/logout":
					t.Errorf("allowed, but got %d (Location %q)", res.StatusCode, res.Header.Get("Location"))
				case !allowed && role == anonymous && !toLogin && res.StatusCode != http.StatusUnauthorized:
					t.Errorf("anonymous must be sent to sign in, got %d", res.StatusCode)
				case !allowed && role != anonymous && res.StatusCode != http.StatusForbidden:
					t.Errorf("forbidden, but got %d", res.StatusCode)
				}
				if allowed && res.StatusCode >= 500 {
					t.Errorf("server error %d", res.StatusCode)
				}
			})
		}
	}
}

// TestRouteMatrixCoversEveryRoute fails when a route is added without a row above.
func TestRouteMatrixCoversEveryRoute(t *testing.T) {
	app := newTestApp(t)
	known := map[string]bool{}
	for _, tc := range routeMatrix {
		known[tc.method+" "+tc.pattern] = true
	}
	for _, r := range app.Server.Routes() {
		if r.Method == "echo_route_not_found" || strings.HasPrefix(r.Name, "echo_") && r.Path == "" {
			continue
		}
		if !known[r.Method+" "+r.Path] {
			t.Errorf("route %s %s has no row in routeMatrix", r.Method, r.Path)
		}
	}
}

// TestCSRFRequiredOnEveryPost sends each state-changing route a request without
// the token, as the most privileged role allowed, and expects 403.
func TestCSRFRequiredOnEveryPost(t *testing.T) {
	app := newTestApp(t)
	for _, tc := range routeMatrix {
		if tc.method != http.MethodPost {
			continue
		}
		t.Run(tc.path, func(t *testing.T) {
			c := app.client(t)
			role := tc.allowed[len(tc.allowed)-1]
			if role != anonymous {
				app.ensureUser(t, "c_"+string(role), role)
				c.startSession(t, "c_"+string(role))
			}
			res, _ := c.post(t, tc.path, url.Values{"_csrf": {"palsu"}})
			if res.StatusCode != http.StatusForbidden {
				t.Errorf("POST %s with a forged token: status %d, want 403", tc.path, res.StatusCode)
			}
		})
	}
}
