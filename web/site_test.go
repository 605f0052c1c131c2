package web_test

import (
	"context"
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

// fixtures creates one site, one team and one visit next month (ids 1 on a fresh database).
func (a *testApp) fixtures(t testing.TB) {
	t.Helper()
	ctx := context.Background()
	if _, err := site.NewStore(a.DB).Create(ctx, audit.System, site.Input{Name: "SMA Negeri 1 Rejang Lebong", Kind: site.Sekolah, DesaCode: "17.02.19.1001", Eligible: 300}); err != nil {
		t.Fatal(err)
	}
	if _, err := team.NewStore(a.DB).Create(ctx, audit.System, team.Input{Name: "Tim Uji", DailyCapacity: 50}); err != nil {
		t.Fatal(err)
	}
	day := time.Now().AddDate(0, 1, 0).Format(time.DateOnly)
	if _, _, err := visit.NewStore(a.DB, nil, nil).Create(ctx, audit.System, visit.Input{SiteID: 1, TeamID: 1, Day: day, Start: "08:00", End: "12:00", Expected: 40}); err != nil {
		t.Fatal(err)
	}
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
		if doc.Find(".flash").Text() != "Lokasi tersimpan." {
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
