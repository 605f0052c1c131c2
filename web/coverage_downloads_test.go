package web_test

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/xuri/excelize/v2"

	"jemputbola/internal/auth"
	"jemputbola/internal/office"
)

// TestCoverageLinksEveryExport: Cakupan's "Unduh data" card reaches both
// tables in both formats, and each download opens as what it says it is.
func TestCoverageLinksEveryExport(t *testing.T) {
	app := newTestApp(t)
	app.addDemoFigures(t)
	app.fixtures(t)
	app.fieldResult(t, "e0e0e0e0-0000-4000-8000-000000000031", 12, map[string]int64{"no_email": 5})
	k := app.login(t, "kadis", auth.KepalaDinas)

	_, doc := k.get(t, "/cakupan")
	card := doc.Find("#unduh")
	var downloads []string
	card.Find("a[download]").Each(func(_ int, a *goquery.Selection) { downloads = append(downloads, a.AttrOr("href", "")) })
	form := card.Find("form")
	q := url.Values{}
	form.Find("input").Each(func(_ int, in *goquery.Selection) { q.Set(in.AttrOr("name", ""), in.AttrOr("value", "")) })
	form.Find("button[type=submit]").Each(func(_ int, b *goquery.Selection) {
		downloads = append(downloads, b.AttrOr("formaction", form.AttrOr("action", ""))+"?"+q.Encode())
	})
	if len(downloads) != 4 || q.Get("data") != "hasil" || q.Get("dari") == "" || q.Get("sampai") == "" {
		t.Fatalf("the card offers %q with %v; want the desa and results tables, CSV and XLSX", downloads, q)
	}
	for _, path := range downloads {
		res, body := k.raw(t, path)
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Disposition"), "attachment") {
			t.Fatalf("%s: %d %q", path, res.StatusCode, res.Header.Get("Content-Disposition"))
		}
		var rows [][]string
		var err error
		if strings.Contains(path, ".xlsx") {
			var f *excelize.File
			if f, err = excelize.OpenReader(bytes.NewReader(body)); err == nil {
				rows, err = f.GetRows(f.GetSheetList()[0])
			}
		} else {
			rows, err = readCSV(body, ';')
		}
		want := 157 // a header and the 156 desa
		if strings.Contains(path, "hasil") {
			want = 2 // a header and the one result
		}
		if err != nil || len(rows) != want {
			t.Errorf("%s: %d rows, want %d (%v)", path, len(rows), want, err)
		}
	}
}

// TestCSVLocale: CSV downloads follow the locale the office picked, Indonesian
// (";" and a decimal comma) unless it chose the international one; a forged
// choice is refused and changes nothing.
func TestCSVLocale(t *testing.T) {
	app := newTestApp(t)
	app.addDemoFigures(t)
	k := app.login(t, "kadis", auth.KepalaDinas)
	cov := k.coverage(t)
	desa := cov.Kecamatan[0].Desa[0]
	if !strings.Contains(desa.CoveragePct, ".") {
		t.Fatalf("desa %s has a whole coverage %s: pick one with decimals", desa.Code, desa.CoveragePct)
	}
	coverageOf := func(sep rune) string {
		t.Helper()
		_, body := k.raw(t, "/cakupan/ekspor.csv?data=desa")
		rows, err := readCSV(body, sep)
		if err != nil || len(rows) < 2 || rows[0][9] != "Cakupan (%)" {
			t.Fatalf("CSV read with %q: %v (%d rows)", sep, err, len(rows))
		}
		for _, r := range rows[1:] {
			if r[0] == desa.Code {
				return r[9]
			}
		}
		t.Fatalf("no row for %s", desa.Code)
		return ""
	}
	if got, want := coverageOf(';'), strings.Replace(desa.CoveragePct, ".", ",", 1); got != want {
		t.Fatalf("Indonesian CSV: coverage %q, want %q", got, want)
	}

	res, doc := k.post(t, "/pengaturan/csv", url.Values{"csv_locale": {"excel"}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(doc.Find("main").Text(), "Pilih salah satu format CSV.") {
		t.Fatalf("forged locale: %d", res.StatusCode)
	}
	if got := coverageOf(';'); !strings.Contains(got, ",") {
		t.Fatalf("a refused choice changed the CSV: %q", got)
	}

	if res, _ = k.post(t, "/pengaturan/csv", url.Values{"csv_locale": {office.CSVInternational}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("saving: %d", res.StatusCode)
	}
	if _, doc = k.get(t, "/pengaturan"); !strings.Contains(doc.Find(".flash").Text(), "Format CSV tersimpan: Internasional.") {
		t.Fatalf("no confirmation: %q", doc.Find(".flash").Text())
	}
	if doc.Find(`input[name=csv_locale][value=intl]`).AttrOr("checked", "no") == "no" {
		t.Error("the settings do not show the saved choice")
	}
	if got := coverageOf(','); got != desa.CoveragePct {
		t.Fatalf("international CSV: coverage %q, want %q", got, desa.CoveragePct)
	}
	_, body := k.raw(t, "/jadwal/ekspor.csv")
	if !bytes.HasPrefix(body, []byte("\uFEFFTanggal,Mulai,")) {
		t.Errorf("the schedule's CSV ignores the choice: %q", body[:min(len(body), 40)])
	}
}

// TestPrintedMapLetterhead: the map page carries the office's letterhead for
// print, and a new letterhead shows on the next load though the page is cached.
func TestPrintedMapLetterhead(t *testing.T) {
	app := newTestApp(t)
	app.addDemoFigures(t)
	k := app.login(t, "kadis", auth.KepalaDinas)
	_, doc := k.get(t, "/cakupan/peta")
	if head := doc.Find(".print-only .letterhead").Text(); !strings.Contains(head, "REJANG LEBONG") {
		t.Fatalf("no letterhead over the printed map: %q", head)
	}
	k.get(t, "/cakupan/peta") // now served from the cache
	form := url.Values{"government": {"PEMERINTAH KABUPATEN REJANG LEBONG"}, "name": {"Dinas Dukcapil Rejang Lebong Baru"}, "address": {"Jl. Uji 1"},
		"city": {"Curup"}, "head_name": {"Drs. Kepala Uji"}, "pattern": {"470/{n}/Dukcapil/{yyyy}"}}
	if res, _ := k.post(t, "/pengaturan", form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save the letterhead: %d", res.StatusCode)
	}
	k.get(t, "/pengaturan") // takes the flash
	if _, doc = k.get(t, "/cakupan/peta"); !strings.Contains(doc.Find(".print-only .letterhead").Text(), "Rejang Lebong Baru") {
		t.Errorf("the cached map keeps the old letterhead: %q", doc.Find(".print-only .letterhead").Text())
	}
}
