package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"jemputbola/internal/audit"
	"jemputbola/internal/auth"
	"jemputbola/internal/site"
	"jemputbola/internal/team"
	"jemputbola/internal/visit"
)

// fixtures creates one site, one team led by ketua1 and one visit next month
// (ids 1 on a fresh database).
func (a *testApp) fixtures(t testing.TB) {
	t.Helper()
	ctx := a.Ctx
	a.ensureUser(t, "ketua1", auth.KetuaTim)
	leader := a.leader(t)
	if _, err := site.NewStore(a.DB).Create(ctx, audit.System, site.Input{Name: "SMA Negeri 1 Rejang Lebong", Kind: site.Sekolah, DesaCode: "17.02.19.1001", Eligible: 300}); err != nil {
		t.Fatal(err)
	}
	if _, err := team.NewStore(a.DB).Create(ctx, audit.System, team.AnyTeam, team.Input{Name: "Tim Uji", LeaderID: leader.ID, DailyCapacity: 50}); err != nil {
		t.Fatal(err)
	}
	day := time.Now().AddDate(0, 1, 0).Format(time.DateOnly)
	if _, _, err := visit.NewStore(a.DB, nil).Create(ctx, audit.System, visit.Input{SiteID: 1, TeamID: 1, Day: day, Start: "08:00", End: "12:00", Expected: 40}); err != nil {
		t.Fatal(err)
	}
}

// leader is ketua1, who leads the fixtures' team.
func (a *testApp) leader(t testing.TB) auth.User {
	t.Helper()
	u, err := auth.NewUserStore(a.DB).ByUsername(a.Ctx, "ketua1")
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestSitePages(t *testing.T) {
	app := newTestApp(t)
	c := app.login(t, "ketua1", auth.KetuaTim)
	form := url.Values{"name": {"SMK Negeri 9 Uji"}, "kind": {"sekolah"}, "desa_code": {"17.02.06.2001"}, "eligible": {"1.200"}, "lat": {"-3,44"}, "lng": {"102.98"}}

	t.Run("EmptyState", func(t *testing.T) {
		_, doc := c.get(t, "/lokasi")
		if doc.Find(".empty").Length() != 1 || doc.Find(`.empty a[href="/lokasi/baru"]`).Length() != 1 {
			t.Fatal("no empty state with a create button")
		}
	})
	t.Run("ErrKeepsValues", func(t *testing.T) {
		bad := url.Values{}
		for k, v := range form {
			bad[k] = v
		}
		bad.Set("eligible", "banyak")
		res, doc := c.post(t, "/lokasi", bad)
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d", res.StatusCode)
		}
		if doc.Find("#f-name").AttrOr("value", "") != "SMK Negeri 9 Uji" || doc.Find("#e-eligible").Text() != "Isi dengan angka bulat 0 atau lebih." ||
			doc.Find("#f-desa_code option[selected]").AttrOr("value", "") != "17.02.06.2001" {
			t.Fatalf("form lost values or message: eligible error %q", doc.Find("#e-eligible").Text())
		}
	})
	t.Run("ErrDomainRule", func(t *testing.T) {
		bad := url.Values{"name": {""}, "kind": {"sekolah"}, "desa_code": {"17.02.06"}}
		res, doc := c.post(t, "/lokasi", bad)
		if res.StatusCode != http.StatusUnprocessableEntity || doc.Find("#e-name").Text() == "" || !strings.Contains(doc.Text(), "Pilih desa/kelurahan.") {
			t.Fatalf("status %d, messages %q", res.StatusCode, doc.Find(".error").Text())
		}
	})
	t.Run("CreateAndList", func(t *testing.T) {
		res, _ := c.post(t, "/lokasi", form)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("status %d", res.StatusCode)
		}
		_, doc := c.get(t, "/lokasi?kec=17.02.06")
		row := doc.Find("tbody tr").First().Text()
		if !strings.Contains(row, "SMK Negeri 9 Uji") || !strings.Contains(row, "Derati") || !strings.Contains(row, "1.200") {
			t.Fatalf("row %q", row)
		}
		if doc.Find(".flash").Text() != "Lokasi SMK Negeri 9 Uji tersimpan." {
			t.Errorf("flash %q", doc.Find(".flash").Text())
		}
	})
	t.Run("Edit", func(t *testing.T) {
		_, doc := c.get(t, "/lokasi/1/ubah")
		if doc.Find("#f-eligible").AttrOr("value", "") != "1200" || doc.Find("#f-lat").AttrOr("value", "") != "-3.44" {
			t.Fatalf("edit form eligible %q lat %q", doc.Find("#f-eligible").AttrOr("value", ""), doc.Find("#f-lat").AttrOr("value", ""))
		}
		form.Set("eligible", "250")
		if res, _ := c.post(t, "/lokasi/1", form); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("update status %d", res.StatusCode)
		}
	})
	t.Run("BadIDs", func(t *testing.T) {
		for _, p := range []string{"/lokasi/abc/ubah", "/lokasi/0/ubah", "/lokasi/424242/ubah"} {
			if res, _ := c.get(t, p); res.StatusCode != http.StatusNotFound {
				t.Errorf("%s: status %d", p, res.StatusCode)
			}
		}
	})
	t.Run("OperatorReadsOnly", func(t *testing.T) {
		op := app.login(t, "operator1", auth.Operator)
		res, doc := op.get(t, "/lokasi")
		if res.StatusCode != http.StatusOK || doc.Find(`a[href="/lokasi/baru"]`).Length() != 0 || doc.Find("tbody tr").Length() != 1 {
			t.Fatalf("operator list: status %d", res.StatusCode)
		}
	})
	t.Run("Delete", func(t *testing.T) {
		if res, _ := c.post(t, "/lokasi/1/hapus", nil); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("delete status %d", res.StatusCode)
		}
		if res, _ := c.get(t, "/lokasi/1/ubah"); res.StatusCode != http.StatusNotFound {
			t.Fatalf("deleted site still editable: %d", res.StatusCode)
		}
	})
}

func TestSiteForm(t *testing.T) {
	app := newTestApp(t)
	c := app.login(t, "ketua1", auth.KetuaTim)
	t.Run("DesaGroupedByKecamatan", func(t *testing.T) {
		_, doc := c.get(t, "/lokasi/baru")
		groups := doc.Find("#f-desa_code optgroup")
		if groups.Length() != 15 || doc.Find("#f-desa_code optgroup option").Length() != 156 {
			t.Fatalf("%d groups, %d desa", groups.Length(), doc.Find("#f-desa_code optgroup option").Length())
		}
		if l := groups.First().AttrOr("label", ""); !strings.HasPrefix(l, "Kecamatan ") {
			t.Errorf("group label %q", l)
		}
		if doc.Find("#f-kind option").Length() != 5 {
			t.Errorf("kind options %d, want 4 kinds and a prompt", doc.Find("#f-kind option").Length())
		}
	})
	t.Run("ErrShowsEveryProblem", func(t *testing.T) {
		// A number that does not parse and a domain rule break, in one submit.
		res, doc := c.post(t, "/lokasi", url.Values{"name": {""}, "kind": {"opd"}, "eligible": {"-5"}, "lat": {"abc"}, "lng": {"102"}, "notes": {"catatan saya"}})
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d", res.StatusCode)
		}
		for id, want := range map[string]string{
			"#e-eligible": "Isi dengan angka bulat 0 atau lebih.",
			"#e-name":     "Nama lokasi wajib diisi.",
			"#e-lat":      "Isi dengan angka desimal, misalnya -3.4712.",
		} {
			if got := doc.Find(id).Text(); got != want {
				t.Errorf("%s = %q, want %q", id, got, want)
			}
		}
		if !strings.Contains(doc.Text(), "Pilih desa/kelurahan.") {
			t.Error("no desa message")
		}
		if doc.Find("#f-lat").AttrOr("value", "") != "abc" || doc.Find("#f-notes").Text() != "catatan saya" ||
			doc.Find("#f-kind option[selected]").AttrOr("value", "") != "opd" {
			t.Error("typed values lost")
		}
	})
	t.Run("ErrDuplicateName", func(t *testing.T) {
		form := url.Values{"name": {"SD Negeri 1"}, "kind": {"sekolah"}, "desa_code": {"17.02.06.2001"}, "eligible": {"0"}}
		if res, _ := c.post(t, "/lokasi", form); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("first: status %d", res.StatusCode)
		}
		res, doc := c.post(t, "/lokasi", form)
		if res.StatusCode != http.StatusUnprocessableEntity || doc.Find("#e-name").Text() != "Lokasi dengan nama ini sudah ada di desa tersebut." {
			t.Fatalf("status %d, name message %q", res.StatusCode, doc.Find("#e-name").Text())
		}
	})
	t.Run("UnknownIDs", func(t *testing.T) {
		for _, p := range []string{"/lokasi/424242", "/lokasi/424242/hapus", "/lokasi/x/hapus", "/lokasi/-1"} {
			if res, _ := c.post(t, p, url.Values{"name": {"X"}, "eligible": {"banyak"}}); res.StatusCode != http.StatusNotFound {
				t.Errorf("POST %s: status %d", p, res.StatusCode)
			}
		}
	})
}

func TestSiteRoles(t *testing.T) {
	app := newTestApp(t)
	app.fixtures(t)
	op := app.login(t, "operator1", auth.Operator)
	for _, p := range []string{"/lokasi/baru", "/lokasi/1/ubah"} {
		if res, _ := op.get(t, p); res.StatusCode != http.StatusForbidden {
			t.Errorf("operator GET %s: status %d", p, res.StatusCode)
		}
	}
	for _, p := range []string{"/lokasi", "/lokasi/1", "/lokasi/1/hapus"} {
		if res, _ := op.post(t, p, url.Values{"name": {"X"}, "kind": {"opd"}, "desa_code": {"17.02.06.2001"}}); res.StatusCode != http.StatusForbidden {
			t.Errorf("operator POST %s: status %d", p, res.StatusCode)
		}
	}
	res, doc := op.get(t, "/lokasi")
	if res.StatusCode != http.StatusOK || doc.Find("tbody tr").Length() != 1 || doc.Find(`form[action="/lokasi/1/hapus"]`).Length() != 0 ||
		doc.Find(`a[href="/lokasi/1/ubah"]`).Length() != 0 {
		t.Fatalf("operator list: status %d, or edit actions shown", res.StatusCode)
	}
	for _, role := range []auth.Role{auth.Admin, auth.KepalaDinas, auth.KetuaTim} {
		c := app.login(t, "u-"+string(role), role)
		_, doc := c.get(t, "/lokasi")
		if doc.Find(`form[action="/lokasi/1/hapus"][data-confirm]`).Length() != 1 || doc.Find(`a[href="/lokasi/1/ubah"]`).Length() != 1 {
			t.Errorf("%s sees no Ubah/Hapus", role)
		}
	}
}

func TestSiteDeleteRefusedWhileVisited(t *testing.T) {
	app := newTestApp(t)
	app.fixtures(t) // site 1 has a visit
	c := app.login(t, "ketua1", auth.KetuaTim)
	res, doc := c.post(t, "/lokasi/1/hapus", nil)
	if res.StatusCode != http.StatusConflict || !strings.Contains(doc.Find(".alert").Text(), "Lokasi ini tidak dapat dihapus karena sudah memiliki kunjungan.") {
		t.Fatalf("status %d, alert %q", res.StatusCode, doc.Find(".alert").Text())
	}
	if !strings.Contains(doc.Find("tbody").Text(), "SMA Negeri 1 Rejang Lebong") {
		t.Fatal("the list is not shown with the refusal")
	}
	if res, _ := c.get(t, "/lokasi/1/ubah"); res.StatusCode != http.StatusOK {
		t.Fatalf("site gone after refusal: %d", res.StatusCode)
	}
}

func TestSiteListFiltersAndPaging(t *testing.T) {
	app := newTestApp(t)
	ctx := app.Ctx
	sites := site.NewStore(app.DB)
	for i := range 55 {
		in := site.Input{Name: fmt.Sprintf("SD Negeri %02d", i+1), Kind: site.Sekolah, DesaCode: "17.02.06.2001", Eligible: 10}
		if _, err := sites.Create(ctx, audit.System, in); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := sites.Create(ctx, audit.System, site.Input{Name: "Balai Desa Derati", Kind: site.Desa, DesaCode: "17.02.06.2001"}); err != nil {
		t.Fatal(err)
	}
	if _, err := sites.Create(ctx, audit.System, site.Input{Name: "SD Negeri Lain", Kind: site.Sekolah, DesaCode: "17.02.19.1001"}); err != nil {
		t.Fatal(err)
	}
	app.DB.Exec("UPDATE sites SET demo = TRUE WHERE name = 'Balai Desa Derati'")
	c := app.login(t, "operator1", auth.Operator)

	_, doc := c.get(t, "/lokasi?kind=sekolah&kec=17.02.06&q=sd+negeri")
	if n := doc.Find("tbody tr").Length(); n != 50 {
		t.Fatalf("page 1 has %d rows, want 50", n)
	}
	if !strings.Contains(doc.Find("p.muted").Text(), "55 lokasi") {
		t.Errorf("total %q", doc.Find("p.muted").Text())
	}
	if doc.Find("#f-q").AttrOr("value", "") != "sd negeri" || doc.Find("#f-kind option[selected]").AttrOr("value", "") != "sekolah" ||
		doc.Find("#f-kec option[selected]").AttrOr("value", "") != "17.02.06" {
		t.Error("filters not kept in the toolbar")
	}
	next, ok := doc.Find(".pager a").Last().Attr("href")
	if !ok {
		t.Fatal("no pager")
	}
	u, _ := url.Parse(next)
	if q := u.Query(); q.Get("kind") != "sekolah" || q.Get("kec") != "17.02.06" || q.Get("q") != "sd negeri" || q.Get("page") != "2" {
		t.Fatalf("next page link %q loses filters", next)
	}
	_, doc = c.get(t, next)
	if n := doc.Find("tbody tr").Length(); n != 5 || !strings.Contains(doc.Find("tbody").Text(), "SD Negeri 55") {
		t.Fatalf("page 2 has %d rows", n)
	}

	_, doc = c.get(t, "/lokasi?kind=desa")
	if doc.Find("tbody tr").Length() != 1 || doc.Find("tbody .badge.demo").Length() != 1 {
		t.Error("demo row without its badge")
	}
	_, doc = c.get(t, "/lokasi?q=tidak+ada")
	if doc.Find(".empty").Length() != 1 || doc.Find(`.empty a[href="/lokasi/baru"]`).Length() != 0 {
		t.Error("empty state missing, or offers creation to an operator")
	}
}
