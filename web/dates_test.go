package web_test

import (
	"context"
	"net/http"
	"regexp"
	"testing"
	"time"

	"jemputbola/internal/demo"
)

// isoDay is a day as a machine writes it; people read "4 November 2026".
var isoDay = regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`)

// TestDatesInWords: on the main pages of each role, with a demo office's
// figures, visits and results, no day a person reads is written as ISO
// (forms' values, links and the API keep it).
func TestDatesInWords(t *testing.T) {
	app := newTestApp(t)
	if _, err := demo.Seed(context.Background(), app.DB, time.Now()); err != nil {
		t.Fatal(err)
	}
	pages := map[string][]string{
		"kadis": {"/", "/jadwal", "/jadwal/bulan", "/cakupan", "/cakupan/peta", "/cakupan/desa", "/cakupan/desa/17.02.06.2001",
			"/cakupan/impor", "/cakupan/rekonsiliasi", "/cakupan/laporan", "/wilayah", "/wilayah/17.02.06", "/lokasi", "/tim", "/tim/1",
			"/hari-libur", "/verifikasi", "/loket", "/rencana-otomatis", "/kunjungan/1", "/kunjungan/baru", "/data-pribadi"},
		"operator1": {"/", "/hari-ini", "/jadwal", "/loket"},
	}
	for user, paths := range pages {
		c := app.client(t)
		c.startSession(t, user)
		for _, path := range paths {
			res, doc := c.get(t, path)
			if res.StatusCode != http.StatusOK {
				t.Errorf("%s %s: status %d", user, path, res.StatusCode)
				continue
			}
			doc.Find("script, style").Remove()
			if days := isoDay.FindAllString(doc.Find("body").Text(), 3); len(days) > 0 {
				t.Errorf("%s %s shows days as ISO: %v", user, path, days)
			}
		}
	}
}
