package web_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/chromedp/chromedp"

	"jemputbola/internal/auth"
	"jemputbola/internal/demo"
)

// apiRow is one row of GET /api/v1/coverage.
type apiRow struct {
	Code         string `json:"code"`
	EktpRecorded int64  `json:"ektp_recorded"`
	IkdActivated int64  `json:"ikd_activated"`
	CoveragePct  string `json:"coverage_pct"`
	TargetCount  int64  `json:"target_count"`
	Gap          int64  `json:"gap"`
}

type apiCoverage struct {
	Kabupaten apiRow   `json:"kabupaten"`
	KabKota   []apiRow `json:"kabkota"`
}

func (c *testClient) apiCoverage(t *testing.T) apiCoverage {
	t.Helper()
	res, b := c.raw(t, "/api/v1/coverage")
	var out apiCoverage
	if res.StatusCode != http.StatusOK || json.Unmarshal(b, &out) != nil {
		t.Fatalf("coverage API: %d %s", res.StatusCode, b)
	}
	return out
}

// seedDemoWithProvinceReader loads the demo and adds a province reader with
// the test password.
func seedDemoWithProvinceReader(t *testing.T, app *testApp) {
	t.Helper()
	if _, err := demo.Seed(app.Ctx, app.DB, time.Now()); err != nil {
		t.Fatal(err)
	}
	app.userIn(t, app.inOffice(t, "17"), "prov_kadis", auth.KepalaDinas)
	app.userIn(t, app.inOffice(t, "17.71"), "kota_kadis", auth.KepalaDinas)
}

// TestProvinceRollUp: the province's coverage has one row per kab/kota, and
// the rows of Rejang Lebong and Kota Bengkulu are exactly what those offices
// show themselves; the province's own row is the sum of the ten.
func TestProvinceRollUp(t *testing.T) {
	app := newTestApp(t)
	seedDemoWithProvinceReader(t, app)
	prov := app.client(t)
	prov.startSession(t, "prov_kadis")
	p := prov.apiCoverage(t)
	if len(p.KabKota) != 10 || !strings.HasPrefix(p.Kabupaten.Code, "17") || p.Kabupaten.Code != "17" {
		t.Fatalf("province: code %q, %d kab/kota rows", p.Kabupaten.Code, len(p.KabKota))
	}
	var sum int64
	byCode := map[string]apiRow{}
	for _, k := range p.KabKota {
		sum += k.IkdActivated
		byCode[k.Code] = k
	}
	if sum != p.Kabupaten.IkdActivated {
		t.Errorf("kab/kota rows sum to %d, province row says %d", sum, p.Kabupaten.IkdActivated)
	}
	kota := app.client(t)
	kota.startSession(t, "kota_kadis")
	if own := kota.apiCoverage(t).Kabupaten; byCode["17.71"] != own {
		t.Errorf("province row of Kota Bengkulu %+v, the office's own %+v", byCode["17.71"], own)
	}
	rl := app.client(t)
	app.user(t, "rl_kadis", auth.KepalaDinas)
	rl.startSession(t, "rl_kadis")
	if own := rl.apiCoverage(t).Kabupaten; byCode["17.02"] != own {
		t.Errorf("province row of Rejang Lebong %+v, the office's own %+v", byCode["17.02"], own)
	}
	if k := byCode["17.71"]; k.TargetCount != 67802 || k.IkdActivated < 12393 {
		t.Errorf("Kota Bengkulu in the province: %+v", k)
	}

	// The dashboard: a table and a map of the ten kab/kota, two of them
	// linking to their office's read-only view.
	_, doc := prov.get(t, "/cakupan")
	if n := doc.Find("svg.covmap a[data-code]").Length(); n != 10 {
		t.Errorf("province map has %d areas, want 10", n)
	}
	if doc.Find(`a[href="/cakupan?kantor=17.71"]`).Length() == 0 || !strings.Contains(doc.Find("main").Text(), "Per kabupaten/kota") {
		t.Error("no link to Kota Bengkulu's view, or no kab/kota table")
	}
	if h := doc.Find(".map-card h2").Text(); h != "Peta cakupan kabupaten/kota" {
		t.Errorf("province map heading %q", h)
	}
	// Teams of the kab/kota are named with their office and not linked: the
	// province cannot open them.
	kotaTeams := doc.Find("td").FilterFunction(func(_ int, td *goquery.Selection) bool {
		return strings.HasSuffix(strings.TrimSpace(td.Text()), "(Kota Bengkulu)")
	})
	if kotaTeams.Length() == 0 || kotaTeams.Find("a").Length() > 0 {
		t.Errorf("teams of Kota Bengkulu: %d named as such, %d linked", kotaTeams.Length(), kotaTeams.Find("a").Length())
	}
	doc.Find(`a[href^="/tim/"]`).Each(func(_ int, a *goquery.Selection) {
		if res, _ := prov.get(t, a.AttrOr("href", "")); res.StatusCode != http.StatusOK {
			t.Errorf("team link %s: status %d", a.AttrOr("href", ""), res.StatusCode)
		}
	})
	_, doc = prov.get(t, "/cakupan/laporan")
	if !strings.Contains(doc.Find("main").Text(), "4. Kabupaten/kota dengan selisih terbesar") || doc.Find(".report-table tbody tr").Last().Find("td").First().Text() == "" {
		t.Errorf("province report section 4: %q", doc.Find("h2").Text())
	}
	_, doc = prov.get(t, "/cakupan?kantor=17.71")
	if h := doc.Find(".map-card h2").Text(); h != "Peta cakupan desa/kelurahan" {
		t.Errorf("Kota Bengkulu's map heading %q", h)
	}
	if h := doc.Find("h1").First().Text(); !strings.Contains(h, "Kota Bengkulu") || doc.Find("svg.covmap a[data-code]").Length() != 67 {
		t.Errorf("Kota Bengkulu's view: %q with %d desa", h, doc.Find("svg.covmap a[data-code]").Length())
	}
	// A kab/kota without an office of its own opens as the province's desa table.
	_, doc = prov.get(t, "/cakupan/desa?kantor=17&kec=17.01")
	var desa int
	app.DB.Raw("SELECT COUNT(*) FROM regions WHERE level = 'desa' AND code LIKE '17.01.%'").Scan(&desa)
	if !strings.Contains(doc.Find("h1").Text(), "Kabupaten Bengkulu Selatan") || doc.Find("tbody tr").Length() != 50 ||
		!strings.Contains(doc.Find("main").Text(), strconv.Itoa(desa)+" desa/kelurahan") {
		t.Errorf("desa table of 17.01: %q, %d rows on its first page of %d desa", doc.Find("h1").Text(), doc.Find("tbody tr").Length(), desa)
	}
}

// TestJourneyProvinceMap: the province's kepala dinas (demo account kadis.prov) opens the province map,
// clicks Kota Bengkulu and sees its desa.
func TestJourneyProvinceMap(t *testing.T) {
	app := newTestApp(t)
	if _, err := demo.Seed(app.Ctx, app.DB, time.Now()); err != nil {
		t.Fatal(err)
	}
	tab := newTab(t)
	browserSignInWith(t, tab, app, "kadis.prov", demo.Password) // the demo account, as a new user would
	err := chromedp.Do(tab,
		chromedp.Navigate(app.URL+"/cakupan"),
		chromedp.WaitVisible(`svg.covmap a[data-code="17.71"]`),
		chromedp.ScrollIntoView(`svg.covmap a[data-code="17.71"] .desa`),
	)
	if err != nil {
		t.Fatalf("open the province map: %v", err)
	}
	// A coastal kota's box centre may lie in the sea: find a point inside
	// its polygon and click there with the mouse.
	xy, err := chromedp.Run(tab, chromedp.Evaluate[[]float64](`(() => {
		const p = document.querySelector('svg.covmap a[data-code="17.71"] .desa');
		const b = p.getBBox(), m = p.getScreenCTM(), svg = p.ownerSVGElement;
		for (let i = 1; i < 40; i++) for (let j = 1; j < 40; j++) {
			const pt = svg.createSVGPoint();
			pt.x = b.x + b.width * i / 40; pt.y = b.y + b.height * j / 40;
			if (p.isPointInFill(pt)) { const s = pt.matrixTransform(m); return [s.x, s.y]; }
		}
		return [];
	})()`))
	if err != nil || len(xy) != 2 {
		t.Fatalf("no point inside Kota Bengkulu on the map: %v %v", xy, err)
	}
	err = chromedp.Do(tab,
		chromedp.MouseClickXY(xy[0], xy[1]),
		chromedp.WaitVisible(`.map-panel [data-panel-link]`),
		chromedp.Click(`.map-panel [data-panel-link]`),
		chromedp.WaitVisible(`p.banner`),
		chromedp.WaitVisible(`svg.covmap a[data-code="17.71.01.1001"]`),
	)
	if err != nil {
		t.Fatalf("open the province map and click Kota Bengkulu: %v", err)
	}
	h1, err := chromedp.Run(tab, chromedp.Text(`h1`))
	if err != nil {
		t.Fatal(err)
	}
	banner, err := chromedp.Run(tab, chromedp.Text(`p.banner`))
	if err != nil {
		t.Fatal(err)
	}
	desa, err := chromedp.Run(tab, chromedp.Evaluate[int](`document.querySelectorAll('svg.covmap a[data-code]').length`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(h1, "Kota Bengkulu") || !strings.Contains(banner, "hanya baca") || desa != 67 {
		t.Fatalf("after the click: %q, banner %q, %d desa", h1, banner, desa)
	}
}

// TestProvinceAddsKabKota: the province's admin adds the office of one of its
// kab/kota and its first account, who then signs in to an office of its own;
// a kab/kota office has no such page, and a code outside the province is refused.
func TestProvinceAddsKabKota(t *testing.T) {
	app := newTestApp(t)
	prov := app.loginIn(t, app.inOffice(t, "17"), "prov_admin", auth.Admin)
	_, doc := prov.get(t, "/kantor")
	if n := doc.Find("tbody tr").Length(); n != 10 {
		t.Fatalf("%d kab/kota rows, want 10", n)
	}
	if res, _ := prov.post(t, "/kantor", url.Values{"code": {"17.04"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("add Kaur: %d", res.StatusCode)
	}
	for _, code := range []string{"11.71", "17.04.01", "17"} {
		if res, _ := prov.post(t, "/kantor", url.Values{"code": {code}}); res.StatusCode != http.StatusNotFound {
			t.Errorf("add %s: %d, want 404", code, res.StatusCode)
		}
	}
	res, doc := prov.post(t, "/kantor/pengguna", url.Values{"office": {"17.04"}, "username": {"admin.kaur"}, "name": {"Admin Kaur"}, "role": {"admin"}, "password": {"pendek"}})
	if res.StatusCode != http.StatusUnprocessableEntity || doc.Find("#f-username").AttrOr("value", "") != "admin.kaur" {
		t.Fatalf("short password: %d, typed name kept %q", res.StatusCode, doc.Find("#f-username").AttrOr("value", ""))
	}
	res, _ = prov.post(t, "/kantor/pengguna", url.Values{"office": {"17.04"}, "username": {"admin.kaur"}, "name": {"Admin Kaur"}, "role": {"admin"}, "password": {testPassword}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("first account: %d", res.StatusCode)
	}
	kaur := app.client(t)
	kaur.startSession(t, "admin.kaur")
	_, doc = kaur.get(t, "/pengaturan")
	if v := doc.Find("#f-government").AttrOr("value", ""); v != "PEMERINTAH KABUPATEN KAUR" {
		t.Errorf("the new office's letterhead: %q", v)
	}
	if res, _ := kaur.get(t, "/kantor"); res.StatusCode != http.StatusNotFound {
		t.Errorf("kab/kota admin on /kantor: %d, want 404", res.StatusCode)
	}
	if res, _ := kaur.post(t, "/kantor/pengguna", url.Values{"office": {"17.04"}, "username": {"x"}, "name": {"X"}, "role": {"admin"}, "password": {testPassword}}); res.StatusCode != http.StatusNotFound {
		t.Errorf("kab/kota admin adding accounts: %d, want 404", res.StatusCode)
	}
}

// TestOutOfAreaHome: residents of Kota Bengkulu served at a Rejang Lebong
// visit count, in the province, for Kota Bengkulu, and in no IKD figure.
func TestOutOfAreaHome(t *testing.T) {
	app := newTestApp(t)
	app.fixtures(t)
	t.Run("ErrHome", func(t *testing.T) {
		for _, body := range []map[string]any{
			{"client_id": "a1a1a1a1-0000-4000-8000-000000000001", "activations": 9, "out_of_area": 2, "out_of_area_home": "17.99", "people_served": 10},
			{"client_id": "a1a1a1a1-0000-4000-8000-000000000002", "activations": 9, "out_of_area": 0, "out_of_area_home": "17.71", "people_served": 10},
		} {
			id := app.pastVisit(t)
			op := app.user(t, "op-"+itoa(int(id)), auth.Operator)
			app.DB.Exec("INSERT INTO team_members (team_id, user_id) VALUES (1, ?)", op.ID)
			c := app.client(t)
			c.startSession(t, op.Username)
			body["visit_id"] = id
			if status, out := c.postResult(t, body, true); status != http.StatusUnprocessableEntity || !strings.Contains(string(out), "out_of_area_home") {
				t.Errorf("home %v with %v out of area: %d %s", body["out_of_area_home"], body["out_of_area"], status, out)
			}
		}
	})
	app.fieldResultOf(t, map[string]any{"client_id": "a1a1a1a1-0000-4000-8000-000000000003", "activations": 20, "out_of_area": 7, "out_of_area_home": "17.71", "people_served": 25})
	prov := app.loginIn(t, app.inOffice(t, "17"), "prov_kadis", auth.KepalaDinas)
	res, b := prov.raw(t, "/api/v1/coverage")
	var out struct {
		KabKota []struct {
			Code      string `json:"code"`
			Residents *int64 `json:"out_of_area_residents"`
		} `json:"kabkota"`
	}
	if res.StatusCode != http.StatusOK || json.Unmarshal(b, &out) != nil {
		t.Fatalf("coverage API: %d %s", res.StatusCode, b)
	}
	for _, k := range out.KabKota {
		want := int64(0)
		if k.Code == "17.71" {
			want = 7
		}
		if k.Residents == nil || *k.Residents != want {
			t.Errorf("%s: %v residents served elsewhere, want %d", k.Code, k.Residents, want)
		}
	}
	_, doc := prov.get(t, "/cakupan")
	if row := doc.Find(".homes tbody tr").Text(); !strings.Contains(row, "Kota Bengkulu") || !strings.Contains(row, "7") {
		t.Errorf("province Cakupan homes: %q", row)
	}
}
