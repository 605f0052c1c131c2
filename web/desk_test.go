package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"jemputbola/internal/auth"
	"jemputbola/internal/locale"
)

func TestDeskPage(t *testing.T) {
	app := newTestApp(t)
	app.inOffice(t, "17") // a province office above takes nothing from Rejang Lebong's desa
	app.addDemoFigures(t)
	app.DB.Exec("UPDATE population_figures SET as_of = ?", time.Now().AddDate(0, 0, -5).Format(time.DateOnly))
	k := app.login(t, "kadis", auth.KepalaDinas)
	before := k.coverage(t).Kabupaten.IkdActivated

	t.Run("EmptyState", func(t *testing.T) {
		_, doc := k.get(t, "/loket")
		if doc.Find(".empty").Length() != 1 || doc.Find(`form[action="/loket/titik#tambah-loket"]`).Length() != 1 {
			t.Fatal("no empty state or no form to add a service point")
		}
	})
	t.Run("AddPoint", func(t *testing.T) {
		res, doc := k.post(t, "/loket/titik", url.Values{"name": {""}, "kind": {"mpp"}, "desa_code": {"17.02.06.2001"}})
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(doc.Find(".has-error").Text(), "Nama loket wajib diisi") ||
			doc.Find(`#f-desa_code option[selected]`).AttrOr("value", "") != "17.02.06.2001" {
			t.Fatalf("bad point: status %d", res.StatusCode)
		}
		if res, _ := k.post(t, "/loket/titik", url.Values{"name": {"MPP Curup"}, "kind": {"mpp"}, "desa_code": {"17.02.06.2001"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("add point: %d", res.StatusCode)
		}
	})

	op := app.login(t, "operator-loket", auth.Operator)
	zone, _ := locale.LoadZone(locale.DefaultZone)
	today := time.Now().In(zone).Format(time.DateOnly) // the office's today, not the machine's
	_, doc := op.get(t, "/loket")
	pointID := doc.Find(`input[name="point_id"]`).AttrOr("value", "")
	if pointID == "" || !strings.Contains(doc.Find(".desk-point").Text(), "MPP Curup") {
		t.Fatal("the operator does not see the point's form")
	}
	tally := url.Values{"point_id": {pointID}, "day": {today}, "activations": {"60"}, "people_served": {"80"}, "ektp_recorded": {"0"},
		"out_of_area": {"15"}, "for_service": {"20"}, "failures.no_email": {"12"}}
	t.Run("Save", func(t *testing.T) {
		if res, _ := op.post(t, "/loket", tally); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("save: %d", res.StatusCode)
		}
		_, doc := op.get(t, "/loket")
		if flash := doc.Find(".flash").Text(); !strings.Contains(flash, "MPP Curup") || !strings.Contains(flash, "tersimpan: 60 aktivasi dari 80 warga dilayani (15 warga luar wilayah, 20 datang") ||
			!strings.Contains(doc.Find(".desk-point").Text(), "Tercatat") {
			t.Fatalf("after save: flash %q", doc.Find(".flash").Text())
		}
	})
	t.Run("CorrectionNeedsReason", func(t *testing.T) {
		tally.Set("activations", "62")
		res, doc := op.post(t, "/loket", tally)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(doc.Find(".has-error").Text(), "alasan koreksi") ||
			doc.Find(`input[name="activations"]`).AttrOr("value", "") != "62" {
			t.Fatalf("correction without reason: %d", res.StatusCode)
		}
		tally.Set("reason", "Daftar sore belum masuk")
		if res, _ := op.post(t, "/loket", tally); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("correction: %d", res.StatusCode)
		}
	})
	t.Run("NoFutureDay", func(t *testing.T) {
		future := url.Values{}
		for k, v := range tally {
			future[k] = v
		}
		future.Set("day", time.Now().AddDate(0, 0, 2).Format(time.DateOnly))
		if res, _ := op.post(t, "/loket", future); res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("a day to come: %d", res.StatusCode)
		}
		if _, doc := op.get(t, "/loket?hari="+future.Get("day")); !strings.Contains(doc.Find("main .warn").Text(), "belum tiba") {
			t.Fatalf("asking for a day to come says nothing: %q", doc.Find("main .warn").Text())
		}
	})
	t.Run("CountsInCoverage", func(t *testing.T) {
		after := k.coverageWhen(t, func(c coverageJSON) bool { return c.Kabupaten.IkdActivated != before }).Kabupaten
		if after.IkdActivated != before+62-15 || after.OutOfArea == nil || *after.OutOfArea != 15 {
			t.Fatalf("IKD %d (was %d), out of area %v: want +47 and 15 apart", after.IkdActivated, before, after.OutOfArea)
		}
	})
}
