package web_test

import (
	"bytes"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"jemputbola/internal/auth"
)

// officeSheet is an office's own sheet: a title block, the header on row 4,
// a kecamatan heading and a total at the bottom.
const officeSheet = "REKAPITULASI IKD PER DESA/KELURAHAN;;;;\r\nKeadaan per November 2026;;;;\r\n;;;;\r\n" +
	"Kode Wilayah;Nama Desa;Wajib KTP;Rekam e-KTP;IKD Aktif\r\n" +
	";KECAMATAN CURUP;;;\r\n17.02.06.2001;Desa A;1.200;1.000;150\r\n17.02.07.2001;Desa B;800;700;7\r\n" +
	"JUMLAH;;2.000;1.700;157\r\n"

// TestImportPreview: a checked file is shown before it is stored: each desa
// with its name, the figures it had and gets, the ones of the same date it
// replaces, and the lines passed over; nothing is stored until the click, a
// cancelled preview stores nothing, and a draft is its uploader's alone.
func TestImportPreview(t *testing.T) {
	app := newTestApp(t)
	k := app.login(t, "kadis", auth.KepalaDinas)
	asOf := time.Now().AddDate(0, 0, -1).Format(time.DateOnly)
	if res := k.importFile(t, asOf, "awal.csv", []byte("kode_wilayah,wajib_ktp,rekam_ektp,ikd_aktif\n17.02.06.2001,1200,1000,120\n")); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("first import: %d", res.StatusCode)
	}
	before := figureCount(t, app)

	res, _ := k.upload(t, map[string]string{"as_of": asOf}, "rekap.csv", []byte(officeSheet))
	preview := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || figureCount(t, app) != before {
		t.Fatalf("upload: %d to %q; figures %d → %d before any click", res.StatusCode, preview, before, figureCount(t, app))
	}
	_, doc := k.get(t, preview)
	page := doc.Find("main").Text()
	for _, want := range []string{"belum disimpan", "rekap.csv", "120 → 157", "Simpan 2 desa/kelurahan", "4 baris bukan data desa dilewati",
		"judul di atas baris judul kolom", "baris jumlah", "tanpa kode wilayah dan angka"} {
		if !strings.Contains(page, want) {
			t.Errorf("the preview lacks %q", want)
		}
	}
	rows := doc.Find("table.preview tbody tr")
	if rows.Length() != 2 {
		t.Fatalf("%d desa rows, want 2", rows.Length())
	}
	first := rows.First()
	if !first.HasClass("replaces") || !strings.Contains(first.Text(), "diganti") || strings.TrimSpace(first.Find("td").Eq(3).Text()) != "+30" ||
		!strings.Contains(first.Find("td").First().Text(), "Derati") || !strings.Contains(first.Find("td").First().Text(), "Kota Padang") {
		t.Errorf("the desa with figures of the same date: %q", first.Text())
	}
	if second := rows.Eq(1); second.HasClass("replaces") || !strings.Contains(second.Find("td").Eq(2).Text(), "—") {
		t.Errorf("the desa without figures yet: %q", second.Text())
	}

	other := app.login(t, "admin", auth.Admin)
	if res, _ := other.get(t, preview); res.StatusCode != http.StatusNotFound {
		t.Errorf("another user opens the draft: %d", res.StatusCode)
	}
	if res, _ := other.post(t, preview, nil); res.StatusCode != http.StatusNotFound || figureCount(t, app) != before {
		t.Errorf("another user stores the draft: %d", res.StatusCode)
	}

	if res, _ := k.post(t, preview+"/batal", nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("cancel: %d", res.StatusCode)
	}
	_, doc = k.get(t, "/cakupan/impor")
	if !strings.Contains(doc.Find(".flash").Text(), "Impor dibatalkan") {
		t.Errorf("no word that the import was cancelled: %q", doc.Find(".flash").Text())
	}
	if res, _ := k.post(t, preview, nil); res.StatusCode != http.StatusNotFound || figureCount(t, app) != before {
		t.Fatalf("a cancelled draft was stored: %d", res.StatusCode)
	}

	if res := k.importFile(t, asOf, "rekap.csv", []byte(officeSheet)); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("store: %d", res.StatusCode)
	}
	_, doc = k.get(t, "/cakupan/impor")
	if flash := doc.Find(".flash").Text(); !strings.Contains(flash, "2 desa/kelurahan diimpor") || !strings.Contains(flash, "4 baris judul, jumlah atau kelompok dilewati") {
		t.Errorf("flash %q", flash)
	}
	if got := k.coverage(t).Kabupaten.IkdActivated; got != 157 {
		t.Errorf("IKD after the import %d, want 157", got)
	}
}

// TestImportTemplate: both templates list every desa of the office with its
// code and names under the columns the import reads; filled in, they import.
func TestImportTemplate(t *testing.T) {
	app := newTestApp(t)
	k := app.login(t, "kadis", auth.KepalaDinas)
	_, doc := k.get(t, "/cakupan/impor")
	csvHref, _ := doc.Find(`a[href="/cakupan/impor/templat"]`).Attr("href")
	xlsxHref, _ := doc.Find(`a[href="/cakupan/impor/templat?format=xlsx"]`).Attr("href")
	if csvHref == "" || xlsxHref == "" {
		t.Fatal("the import page links no template")
	}
	_, body := k.raw(t, csvHref)
	rows, err := readCSV(body, ';')
	if err != nil || len(rows) != 157 || strings.Join(rows[0], ",") != "kode_wilayah,kecamatan,desa_kelurahan,wajib_ktp,rekam_ektp,ikd_aktif" ||
		rows[1][1] == "" || rows[1][2] == "" {
		t.Fatalf("CSV template: %d rows, %v, first %v", len(rows), err, rows[:min(len(rows), 2)])
	}
	var filled bytes.Buffer
	for i, r := range rows {
		if i > 0 {
			r[3], r[4], r[5] = "100", "90", "9"
		}
		filled.WriteString(strings.Join(r, ";") + "\r\n")
	}
	if res := k.importFile(t, time.Now().Format(time.DateOnly), "templat.csv", filled.Bytes()); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("the filled template does not import: %d", res.StatusCode)
	}
	if got := k.coverage(t).Kabupaten.IkdActivated; got != 156*9 {
		t.Errorf("IKD %d after the filled template, want %d", got, 156*9)
	}

	_, body = k.raw(t, xlsxHref)
	f, err := excelize.OpenReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	xrows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil || len(xrows) != 157 || xrows[0][0] != "kode_wilayah" || xrows[1][0] != rows[1][0] {
		t.Fatalf("XLSX template: %d rows, %v", len(xrows), err)
	}
}
