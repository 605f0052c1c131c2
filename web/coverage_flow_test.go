package web_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/xuri/excelize/v2"

	"jemputbola/internal/auth"
	"jemputbola/internal/figimport/xlsxtest"
	"jemputbola/internal/region"
	"jemputbola/internal/result"
	"jemputbola/internal/visit"
	"jemputbola/web/paths"
)

// upload posts a multipart form with one file, the CSRF token included.
func (c *testClient) upload(t *testing.T, fields map[string]string, fileName string, content []byte) (*http.Response, string) {
	t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	c.mu.Lock()
	fields["_csrf"] = c.csrf
	c.mu.Unlock()
	for k, v := range fields {
		if err := w.WriteField(k, v); err != nil {
			t.Fatal(err)
		}
	}
	if fileName != "" {
		fw, err := w.CreateFormFile("file", fileName)
		if err == nil {
			_, err = fw.Write(content)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodPost, c.app.URL+paths.FigureImport, &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	res, err := c.http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

// importFile uploads a file, opens its preview and stores it, as a person
// clicks through; the answer is the store's, a redirect to the import page.
func (c *testClient) importFile(t *testing.T, asOf, fileName string, content []byte) *http.Response {
	t.Helper()
	res, _ := c.upload(t, map[string]string{"as_of": asOf}, fileName, content)
	preview := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(preview, "/cakupan/impor/") {
		t.Fatalf("upload %s: %d to %q, want its preview", fileName, res.StatusCode, preview)
	}
	_, doc := c.get(t, preview)
	store, ok := doc.Find(`#pratinjau form:has(button.btn:not(.secondary))`).Attr("action")
	if !ok {
		t.Fatalf("the preview of %s has no store button", fileName)
	}
	res, _ = c.post(t, store, nil)
	return res
}

// raw fetches path and returns the body bytes.
func (c *testClient) raw(t *testing.T, path string) (*http.Response, []byte) {
	t.Helper()
	res, err := c.http.Get(c.app.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, b
}

type coverageJSON struct {
	AsOf      string `json:"as_of"`
	Kabupaten struct {
		EktpRecorded int64  `json:"ektp_recorded"`
		IkdActivated int64  `json:"ikd_activated"`
		CoveragePct  string `json:"coverage_pct"`
		TargetPct    string `json:"target_pct"`
		TargetCount  int64  `json:"target_count"`
		Gap          int64  `json:"gap"`
		OutOfArea    *int64 `json:"out_of_area"`
	} `json:"kabupaten"`
	Kecamatan []struct {
		Code         string `json:"code"`
		IkdActivated int64  `json:"ikd_activated"`
		Desa         []struct {
			Code         string `json:"code"`
			IkdActivated int64  `json:"ikd_activated"`
			CoveragePct  string `json:"coverage_pct"`
		} `json:"desa"`
	} `json:"kecamatan"`
}

func (c *testClient) coverage(t *testing.T) coverageJSON {
	t.Helper()
	res, b := c.raw(t, "/api/v1/coverage")
	var out coverageJSON
	if res.StatusCode != http.StatusOK || json.Unmarshal(b, &out) != nil {
		t.Fatalf("coverage API: %d %s", res.StatusCode, b)
	}
	return out
}

// coverageWhen reads the coverage API until ok holds (the tablets' sync shows
// on the dashboard within about a second), failing after ten seconds.
func (c *testClient) coverageWhen(t *testing.T, ok func(coverageJSON) bool) coverageJSON {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		cov := c.coverage(t)
		if ok(cov) || time.Now().After(deadline) {
			return cov
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// fieldResult logs a result of n activations on a new visit two days ago at
// site 1 through the API, as operator1 of team 1 does from the tablet.
func (a *testApp) fieldResult(t *testing.T, clientID string, n int64, fails map[string]int64) {
	t.Helper()
	a.fieldResultOf(t, map[string]any{"client_id": clientID, "activations": n, "people_served": n + 8, "failures": fails})
}

// fieldResultOf logs body as operator1's result of a new visit two days ago.
func (a *testApp) fieldResultOf(t *testing.T, body map[string]any) {
	t.Helper()
	id := a.pastVisit(t)
	op := a.user(t, "operator1", auth.Operator)
	a.DB.Exec("INSERT INTO team_members (team_id, user_id) SELECT 1, ? WHERE NOT EXISTS (SELECT 1 FROM team_members WHERE team_id = 1 AND user_id = ?)", op.ID, op.ID)
	c := a.client(t)
	c.startSession(t, "operator1")
	c.get(t, "/hari-ini")
	body["visit_id"] = id
	if code, b := c.postResult(t, body, true); code != http.StatusCreated {
		t.Fatalf("log result: %d %s", code, b)
	}
}

// The published Rejang Lebong figures, computed by hand: 10,425 of 202,820 is
// 5.14%; 30% of 202,820 is 60,846; the gap is 50,421.
func TestCoverageFiguresByHand(t *testing.T) {
	app := newTestApp(t)
	app.addDemoFigures(t)
	k := app.login(t, "kadis", auth.KepalaDinas)

	cov := k.coverage(t)
	kab := cov.Kabupaten
	if kab.EktpRecorded != 202820 || kab.IkdActivated != 10425 || kab.CoveragePct != "5.14" || kab.TargetPct != "30.00" ||
		kab.TargetCount != 60846 || kab.Gap != 50421 {
		t.Fatalf("kabupaten %+v", kab)
	}
	var desa int
	var sum int64
	for _, kec := range cov.Kecamatan {
		var kecSum int64
		for _, d := range kec.Desa {
			desa++
			kecSum += d.IkdActivated
		}
		if kecSum != kec.IkdActivated {
			t.Errorf("kecamatan %s: %d ≠ sum of desa %d", kec.Code, kec.IkdActivated, kecSum)
		}
		sum += kecSum
	}
	if len(cov.Kecamatan) != 15 || desa != 156 || sum != 10425 {
		t.Fatalf("%d kecamatan, %d desa, sum %d", len(cov.Kecamatan), desa, sum)
	}

	_, doc := k.get(t, "/cakupan")
	cards := doc.Find(".stat").Text()
	for _, want := range []string{"10.425", "5,14%", "60.846", "50.421"} {
		if !strings.Contains(cards, want) {
			t.Errorf("dashboard cards lack %s: %q", want, cards)
		}
	}
	if n := doc.Find("svg.trend circle.dot").Length(); n != 26 {
		t.Errorf("trend has %d weekly points, want 26", n)
	}
	if doc.Find("svg.trend line.target").Length() != 1 || !strings.Contains(doc.Find("svg.trend").Text(), "Target 60.846") {
		t.Error("trend lacks the target line")
	}
	if !strings.Contains(doc.Find(".projection").Text(), "aktivasi per hari") {
		t.Errorf("projection: %q", doc.Find(".projection").Text())
	}
}

// Residents of other desa served at a site count for no desa: the desa gets
// activations less out-of-area, and the office's out-of-area total shows
// apart on the page, in the API and in the export.
func TestOutOfAreaApart(t *testing.T) {
	app := newTestApp(t)
	app.addDemoFigures(t)
	k := app.login(t, "kadis", auth.KepalaDinas)
	before := k.coverage(t).Kabupaten.IkdActivated
	app.DB.Exec("UPDATE population_figures SET as_of = ?", time.Now().AddDate(0, 0, -5).Format(time.DateOnly))
	app.fixtures(t)
	app.fieldResultOf(t, map[string]any{"client_id": "f0f0f0f0-0000-4000-8000-000000000009", "activations": 37, "out_of_area": 7, "people_served": 40})
	after := k.coverageWhen(t, func(c coverageJSON) bool { return c.Kabupaten.IkdActivated != before }).Kabupaten
	if after.IkdActivated != before+30 || after.OutOfArea == nil || *after.OutOfArea != 7 {
		t.Fatalf("IKD %d (was %d), out of area %v: want +30 and 7 apart", after.IkdActivated, before, after.OutOfArea)
	}
	if _, doc := k.get(t, "/cakupan"); !strings.Contains(doc.Find("main").Text(), "Ditambah 7 aktivasi warga luar wilayah") {
		t.Error("Cakupan does not show the out-of-area activations apart")
	}
	_, body := k.raw(t, "/cakupan/ekspor.csv?data=desa")
	rows, err := readCSV(body, ';')
	if err != nil {
		t.Fatal(err)
	}
	last := len(rows[0]) - 1
	for _, r := range rows[1:] {
		if r[0] == "17.02.19.1001" && (r[7] != "30" || r[last] != "7") {
			t.Errorf("export row of the site's desa: field %s, out of area %s; want 30 and 7", r[7], r[last])
		}
	}
}

// Field activations logged after the official date add to the coverage, on the
// page, in the API and in the export alike.
func TestFieldActivationsCount(t *testing.T) {
	app := newTestApp(t)
	app.addDemoFigures(t) // as of today
	k := app.login(t, "kadis", auth.KepalaDinas)
	before := k.coverage(t).Kabupaten.IkdActivated

	// A visit tomorrow would be in the future; move the official date back instead.
	app.DB.Exec("UPDATE population_figures SET as_of = ?", time.Now().AddDate(0, 0, -5).Format(time.DateOnly))
	app.fixtures(t)
	app.fieldResult(t, "f0f0f0f0-0000-4000-8000-000000000001", 37, nil)
	after := k.coverageWhen(t, func(c coverageJSON) bool { return c.Kabupaten.IkdActivated == before+37 }).Kabupaten
	if after.IkdActivated != before+37 {
		t.Fatalf("IKD %d after logging 37 on top of %d", after.IkdActivated, before)
	}
	_, doc := k.get(t, "/cakupan")
	if !strings.Contains(doc.Find(".stat").Text(), "10.462") {
		t.Errorf("dashboard does not show 10.425 + 37: %q", doc.Find(".stat").Text())
	}
	_, csvBody := k.raw(t, "/cakupan/ekspor.csv?data=desa")
	if !strings.Contains(string(csvBody), ";37;") {
		t.Error("desa export lacks the 37 field activations")
	}

	// A result the leader sends back stops counting.
	var rid int64
	app.DB.Raw("SELECT id FROM visit_results").Scan(&rid)
	k.post(t, "/hasil/"+itoa(int(rid))+"/verifikasi", url.Values{"action": {"back"}, "comment": {"Jumlah tidak sesuai daftar hadir"}})
	var state string
	app.DB.Raw("SELECT verification FROM visit_results WHERE id = ?", rid).Scan(&state)
	if state != result.SentBack {
		t.Fatalf("result is %q after sending it back", state)
	}
	if got := k.coverage(t).Kabupaten.IkdActivated; got != before {
		t.Fatalf("sent-back result still counted: %d", got)
	}
}

func TestTargetEdit(t *testing.T) {
	app := newTestApp(t)
	app.addDemoFigures(t)
	k := app.login(t, "kadis", auth.KepalaDinas)
	year := time.Now().Year()

	res, _ := k.post(t, "/cakupan/target", url.Values{"year": {itoa(year)}, "target_kind": {"pct"}, "target_value": {"27,5"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save target: %d", res.StatusCode)
	}
	cov := k.coverage(t).Kabupaten
	// 27.5% of 202,820 is 55,775.5: rounded up to 55,776.
	if cov.TargetPct != "27.50" || cov.TargetCount != 55776 || cov.Gap != 55776-10425 {
		t.Fatalf("after 27,5%%: %+v", cov)
	}
	_, doc := k.get(t, "/cakupan")
	if !strings.Contains(doc.Find(".flash").Text(), "27,50%") || doc.Find(`a[href="/cakupan/target"]`).Length() != 1 || doc.Find(`input[name=target_value]`).Length() != 0 {
		t.Errorf("Cakupan: flash %q; it links the target page and holds no target form", doc.Find(".flash").Text())
	}
	if _, doc = k.get(t, "/cakupan/target"); doc.Find(`input[name=target_value]`).AttrOr("value", "") != "27,5" || !strings.Contains(doc.Find("main").Text(), "27,50% dari perekaman KTP-el") {
		t.Errorf("target page: input %q", doc.Find(`input[name=target_value]`).AttrOr("value", ""))
	}
	var n int64
	app.DB.Raw("SELECT COUNT(*) FROM audit_entries WHERE entity = 'targets' AND username = 'kadis'").Scan(&n)
	if n != 1 {
		t.Errorf("%d audit entries for the target change", n)
	}
	for _, bad := range []string{"abc", "0", "101", "30,123", ""} {
		res, doc := k.post(t, "/cakupan/target", url.Values{"year": {itoa(year)}, "target_kind": {"pct"}, "target_value": {bad}})
		if res.StatusCode != http.StatusUnprocessableEntity || doc.Find("#target-error").Text() == "" || doc.Find(`input[name=target_value]`).AttrOr("value", "?") != bad {
			t.Errorf("target %q: %d, error %q, kept %q", bad, res.StatusCode, doc.Find("#target-error").Text(), doc.Find(`input[name=target_value]`).AttrOr("value", "?"))
		}
		if got := k.coverage(t).Kabupaten.TargetPct; got != "27.50" {
			t.Fatalf("target %q changed the target to %s", bad, got)
		}
	}
	// Kota Bengkulu's kind of target: a number of residents, for next year too.
	for _, y := range []int{year, year + 1} {
		res, _ = k.post(t, "/cakupan/target", url.Values{"year": {itoa(y)}, "target_kind": {"count"}, "target_value": {"67.802"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("save absolute target %d: %d", y, res.StatusCode)
		}
	}
	if cov := k.coverage(t).Kabupaten; cov.TargetCount != 67802 || cov.Gap != 67802-10425 {
		t.Fatalf("after 67.802 orang: %+v", cov)
	}
	_, doc = k.get(t, "/cakupan/target")
	if !strings.Contains(doc.Find("main").Text(), "67.802 orang") || doc.Find(`select[name=target_kind] option[value=count][selected]`).Length() != 1 {
		t.Errorf("dashboard does not show the absolute target: %q", doc.Find(".basis, .muted").First().Text())
	}
	for _, bad := range []string{"0", "-5", "banyak", "1,5"} {
		k.post(t, "/cakupan/target", url.Values{"year": {itoa(year)}, "target_kind": {"count"}, "target_value": {bad}})
		if got := k.coverage(t).Kabupaten.TargetCount; got != 67802 {
			t.Fatalf("absolute target %q changed the target to %d", bad, got)
		}
	}
}

func figureCount(t *testing.T, app *testApp) int64 {
	var n int64
	if err := app.DB.Raw("SELECT COUNT(*) FROM population_figures").Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

func TestFigureImport(t *testing.T) {
	app := newTestApp(t)
	k := app.login(t, "kadis", auth.KepalaDinas)
	asOf := time.Now().AddDate(0, 0, -1).Format(time.DateOnly)
	good := "\uFEFFNo;Kode Wilayah;Nama;Wajib KTP;Rekam e-KTP;IKD Aktif\n1;17.02.06.2001;A;1.200;1.000;150\n2;17.02.07.2001;B;800;700;7\n"

	t.Run("GoodCSV", func(t *testing.T) {
		if res := k.importFile(t, asOf, "angka.csv", []byte(good)); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("status %d", res.StatusCode)
		}
		_, doc := k.get(t, "/cakupan/impor")
		if !strings.Contains(doc.Find(".flash").Text(), "2 desa/kelurahan diimpor") || !strings.Contains(doc.Find("table").Text(), "angka.csv") {
			t.Fatalf("flash %q, history %q", doc.Find(".flash").Text(), doc.Find("table").Text())
		}
		cov := k.coverage(t)
		if cov.AsOf != asOf || cov.Kabupaten.IkdActivated != 157 || cov.Kabupaten.EktpRecorded != 1700 {
			t.Fatalf("coverage after import: %+v", cov.Kabupaten)
		}
	})
	t.Run("SameDateReplaces", func(t *testing.T) {
		again := strings.Replace(good, ";150\n", ";160\n", 1)
		k.importFile(t, asOf, "angka-perbaikan.csv", []byte(again))
		_, doc := k.get(t, "/cakupan/impor")
		if !strings.Contains(doc.Find(".flash").Text(), "2 angka lama untuk tanggal yang sama diganti") {
			t.Fatalf("flash %q", doc.Find(".flash").Text())
		}
		if n := figureCount(t, app); n != 2 {
			t.Fatalf("%d figures after re-import of the same date, want 2", n)
		}
		if got := k.coverage(t).Kabupaten.IkdActivated; got != 167 {
			t.Fatalf("IKD %d, want 167", got)
		}
	})
	t.Run("BadRowsStoreNothing", func(t *testing.T) {
		before := figureCount(t, app)
		bad := "kode_wilayah,wajib_ktp,rekam_ektp,ikd_aktif\n17.02.06.2002,10,10,1\n99.99,10,10,1\n17.02.06.2003,10,5,9\n"
		res, body := k.upload(t, map[string]string{"as_of": time.Now().Format(time.DateOnly)}, "salah.csv", []byte(bad))
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d", res.StatusCode)
		}
		for _, want := range []string{"salah.csv tidak diimpor", "2 masalah", "bukan desa/kelurahan", "lebih besar dari rekam_ektp"} {
			if !strings.Contains(body, want) {
				t.Errorf("answer lacks %q", want)
			}
		}
		if !strings.Contains(body, "<td class=\"num\">3</td>") || !strings.Contains(body, "<td class=\"num\">4</td>") {
			t.Error("bad rows not listed by line")
		}
		if after := figureCount(t, app); after != before {
			t.Fatalf("figures %d → %d: a refused file stored rows", before, after)
		}
	})
	t.Run("XLSX", func(t *testing.T) {
		f := excelize.NewFile()
		if err := errors.Join(f.SetSheetRow("Sheet1", "A1", &[]any{"Kode Wilayah", "Wajib KTP", "Rekam e-KTP", "IKD Aktif"}),
			f.SetSheetRow("Sheet1", "A2", &[]any{"17.02.06.2002", 500, 400, 44})); err != nil {
			t.Fatal(err)
		}
		buf, _ := f.WriteToBuffer()
		if res := k.importFile(t, time.Now().Format(time.DateOnly), "Data.xlsx", buf.Bytes()); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("status %d", res.StatusCode)
		}
		figs, _ := region.NewStore(app.DB).LatestFigures(app.Ctx)
		if f := figs["17.02.06.2002"]; f.IkdActivated != 44 || f.Source != region.SourceImport {
			t.Fatalf("stored %+v", f)
		}
	})
	t.Run("XLSXBombRefused", func(t *testing.T) {
		bomb, err := xlsxtest.StringsBomb(`<row r="1"><c r="A1" t="inlineStr"><is><t>kode_wilayah</t></is></c></row>`)
		if err != nil {
			t.Fatal(err)
		}
		before := figureCount(t, app)
		res, body := k.upload(t, map[string]string{"as_of": asOf}, "bom.xlsx", bomb)
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "terlalu besar setelah dibuka") {
			t.Fatalf("%d KB workbook of 190 MB shared strings: status %d", len(bomb)>>10, res.StatusCode)
		}
		if after := figureCount(t, app); after != before {
			t.Fatalf("figures %d → %d", before, after)
		}
	})
	t.Run("BadForm", func(t *testing.T) {
		cases := []struct {
			asOf, file, want string
		}{
			{"", "a.csv", "tanggal yang sah"},
			{time.Now().AddDate(0, 0, 2).Format(time.DateOnly), "a.csv", "masa depan"},
			{asOf, "", "Pilih berkas"},
		}
		for _, tc := range cases {
			res, body := k.upload(t, map[string]string{"as_of": tc.asOf}, tc.file, []byte(good))
			if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, tc.want) {
				t.Errorf("as_of %q file %q: %d, want %q", tc.asOf, tc.file, res.StatusCode, tc.want)
			}
		}
	})
}

func TestCoverageExports(t *testing.T) {
	app := newTestApp(t)
	app.addDemoFigures(t)
	k := app.login(t, "kadis", auth.KepalaDinas)

	res, body := k.raw(t, "/cakupan/ekspor.csv?data=desa")
	if !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") || !bytes.HasPrefix(body, []byte("\uFEFF")) {
		t.Fatalf("csv: %s", res.Header.Get("Content-Type"))
	}
	rows, err := readCSV(body, ';')
	if err != nil || len(rows) != 157 || rows[0][0] != "Kode Wilayah" {
		t.Fatalf("%d rows, %v", len(rows), err)
	}
	var activated int64
	for _, r := range rows[1:] {
		activated += atoi(t, r[8])
	}
	if activated != 10425 {
		t.Errorf("IKD column sums to %d", activated)
	}

	res, body = k.raw(t, "/cakupan/ekspor.xlsx?data=desa")
	f, err := excelize.OpenReader(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("xlsx: %v (%s)", err, res.Header.Get("Content-Type"))
	}
	sheet := f.GetSheetList()[0]
	xrows, _ := f.GetRows(sheet)
	if len(xrows) != 157 {
		t.Fatalf("%d xlsx rows", len(xrows))
	}
	if typ, _ := f.GetCellType(sheet, "E2"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("recorded column is %v, want a number", typ)
	}

	// Visit results: one logged result, read back from both formats.
	app.fixtures(t)
	app.fieldResult(t, "e0e0e0e0-0000-4000-8000-000000000002", 12, map[string]int64{"no_email": 5})
	_, body = k.raw(t, "/cakupan/ekspor.csv?data=hasil")
	rows, _ = readCSV(body, ';')
	email := slices.Index(rows[0], "Gagal: Tidak punya email")
	if len(rows) != 2 || email < 0 || rows[1][7] != "12" || rows[1][email] != "5" {
		t.Fatalf("results csv %v", rows)
	}
	_, body = k.raw(t, "/cakupan/ekspor.xlsx?data=hasil&dari=2000-01-01")
	f, _ = excelize.OpenReader(bytes.NewReader(body))
	if v, _ := f.GetCellValue(f.GetSheetList()[0], "H2"); v != "12" {
		t.Fatalf("results xlsx H2 = %q", v)
	}
	if res, _ := k.raw(t, "/cakupan/ekspor.csv?data=hasil&dari=kemarin"); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("bad date: %d", res.StatusCode)
	}
}

func TestDesaTableAndPage(t *testing.T) {
	app := newTestApp(t)
	app.addDemoFigures(t)
	app.fixtures(t)
	k := app.login(t, "ketua1", auth.KetuaTim)

	_, doc := k.get(t, "/cakupan/desa")
	if n := doc.Find("tbody tr").Length(); n != 50 || !strings.Contains(doc.Find("main").Text(), "156 desa/kelurahan") {
		t.Fatalf("%d desa rows on the first page, want 50 of 156", n)
	}
	gaps := doc.Find("tbody tr td:nth-child(7)").Map(func(_ int, s *goquery.Selection) string { return s.Text() })
	if atoi(t, gaps[0]) < atoi(t, gaps[len(gaps)-1]) {
		t.Errorf("default order is not the largest gap first: %s … %s", gaps[0], gaps[len(gaps)-1])
	}
	// The pages go on in the same order: the last page holds the smallest gaps.
	next, _ := doc.Find(`nav.pager a:contains("Berikutnya")`).Attr("href")
	if !strings.Contains(next, "urut=selisih") || !strings.Contains(next, "page=2") {
		t.Fatalf("next page link %q", next)
	}
	_, last := k.get(t, "/cakupan/desa?urut=selisih&arah=turun&page=4")
	lastGaps := last.Find("tbody tr td:nth-child(7)").Map(func(_ int, s *goquery.Selection) string { return s.Text() })
	if len(lastGaps) != 6 || atoi(t, lastGaps[0]) > atoi(t, gaps[len(gaps)-1]) {
		t.Fatalf("page 4: %v", lastGaps)
	}
	// The search finds a desa by a word of its name, and its kecamatan by name.
	var name, kecName string
	app.DB.Raw("SELECT name FROM regions WHERE code = '17.02.06.2001'").Scan(&name)
	app.DB.Raw("SELECT name FROM regions WHERE code = '17.02.06'").Scan(&kecName)
	_, found := k.get(t, "/cakupan/desa?q="+url.QueryEscape(strings.ToLower(name)))
	if !strings.Contains(found.Find("tbody").Text(), name) || found.Find("tbody tr").Length() > 5 {
		t.Errorf("search %q: %d rows", name, found.Find("tbody tr").Length())
	}
	if _, found = k.get(t, "/cakupan/desa?q="+url.QueryEscape(kecName)); found.Find("tbody tr").Length() < 10 {
		t.Errorf("search by kecamatan %q: %d rows", kecName, found.Find("tbody tr").Length())
	}
	if _, none := k.get(t, "/cakupan/desa?q=zzzz"); none.Find("tbody tr").Length() != 0 || !strings.Contains(none.Find("main").Text(), "Tidak ada desa/kelurahan yang cocok") {
		t.Error("a search that matches nothing does not say so")
	}
	_, doc = k.get(t, "/cakupan/desa?urut=nama&arah=naik&kec=17.02.06")
	names := doc.Find("tbody tr td:first-child").Map(func(_ int, s *goquery.Selection) string { return s.Text() })
	if len(names) != 10 || !slices.IsSorted(names) {
		t.Fatalf("kecamatan 17.02.06 by name: %v", names)
	}
	if doc.Find(`th[aria-sort=ascending]`).Text() == "" {
		t.Error("sorted column not marked")
	}
	if res, _ := k.get(t, "/cakupan/desa?kec=99"); res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown kecamatan: %d", res.StatusCode)
	}

	// The desa page shows the desa's figures, its sites and its visits.
	var code string
	app.DB.Raw("SELECT desa_code FROM sites WHERE id = 1").Scan(&code)
	id := app.pastVisit(t)
	res, doc := k.get(t, "/cakupan/desa/"+code)
	if res.StatusCode != http.StatusOK || doc.Find("svg.trend").Length() != 1 {
		t.Fatalf("desa page %d", res.StatusCode)
	}
	text := doc.Find("main").Text()
	var siteName string
	app.DB.Raw("SELECT name FROM sites WHERE id = 1").Scan(&siteName)
	if !strings.Contains(text, siteName) || doc.Find(`a[href="/kunjungan/`+itoa(int(id))+`"]`).Length() != 1 {
		t.Errorf("desa page lacks its site %q or visit %d", siteName, id)
	}
	if res, _ := k.get(t, "/cakupan/desa/17.02.06"); res.StatusCode != http.StatusNotFound {
		t.Errorf("kecamatan code as desa: %d", res.StatusCode)
	}
}

func TestReconciliation(t *testing.T) {
	app := newTestApp(t)
	app.fixtures(t)
	k := app.login(t, "kadis", auth.KepalaDinas)
	_, doc := k.get(t, "/cakupan/rekonsiliasi")
	if doc.Find(".empty").Length() != 1 {
		t.Fatal("no empty state without two figure dates")
	}
	var code string
	app.DB.Raw("SELECT desa_code FROM sites WHERE id = 1").Scan(&code)
	old, recent := time.Now().AddDate(0, 0, -30).Format(time.DateOnly), time.Now().Format(time.DateOnly)
	k.importFile(t, old, "lama.csv", []byte("kode_wilayah,wajib_ktp,rekam_ektp,ikd_aktif\n"+code+",900,800,100\n17.02.07.2001,500,400,10\n"))
	k.importFile(t, recent, "baru.csv", []byte("kode_wilayah,wajib_ktp,rekam_ektp,ikd_aktif\n"+code+",900,800,120\n17.02.07.2001,500,400,60\n"))
	app.fieldResult(t, "d0d0d0d0-0000-4000-8000-000000000003", 50, nil) // two days ago: between the dates

	_, doc = k.get(t, "/cakupan/rekonsiliasi?ambang=10")
	flagged := doc.Find("tr.flagged")
	if flagged.Length() != 2 {
		t.Fatalf("%d flagged rows, want 2", flagged.Length())
	}
	// The largest difference first: 17.02.07.2001 rose by 50 with nothing logged.
	if first := flagged.First().Text(); !strings.Contains(first, "+50") || !strings.Contains(first, "belum dicatat") {
		t.Errorf("first flagged row %q", first)
	}
	// Site 1's desa: the field logged 50, the official count rose by 20: 30 over-reported.
	if second := flagged.Eq(1).Text(); !strings.Contains(second, "+20") || !strings.Contains(second, "-30") || !strings.Contains(second, "lebih banyak") {
		t.Errorf("second flagged row %q", second)
	}
	_, doc = k.get(t, "/cakupan/rekonsiliasi?ambang=100")
	if doc.Find("tr.flagged").Length() != 0 {
		t.Error("a higher threshold still flags")
	}
	if res, _ := k.get(t, "/cakupan/rekonsiliasi?dari="+recent+"&sampai="+old); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("reversed dates: %d", res.StatusCode)
	}
}

func TestMonthlyReport(t *testing.T) {
	app := newTestApp(t)
	app.addDemoFigures(t)
	k := app.login(t, "kadis", auth.KepalaDinas)
	for _, q := range []string{"", "?bulan=bukan", "?bulan=2999-01"} {
		res, doc := k.get(t, "/cakupan/laporan"+q)
		text := doc.Find("article.report").Text()
		if res.StatusCode != http.StatusOK || !strings.Contains(text, "LAPORAN BULANAN") || !strings.Contains(text, "60.846") {
			t.Fatalf("report%s: %d %q", q, res.StatusCode, text)
		}
	}
	_, doc := k.get(t, "/cakupan/laporan?bulan="+time.Now().AddDate(0, -1, 0).Format("2006-01"))
	if sel := doc.Find("select#bulan option[selected]").Text(); sel == "" {
		t.Error("chosen month not selected")
	}
}

func TestMapOverlays(t *testing.T) {
	app := newTestApp(t)
	app.addDemoFigures(t)
	app.fixtures(t)
	k := app.login(t, "kadis", auth.KepalaDinas)
	_, doc := k.get(t, "/cakupan")
	if doc.Find("svg.covmap .site-dot, svg.covmap .plan-dot").Length() != 0 {
		t.Fatal("overlays shown without asking")
	}
	var sites int64
	app.DB.Raw("SELECT COUNT(*) FROM sites").Scan(&sites)
	// The fixture's visit 1 is next month: plan one within 14 days.
	start := time.Now().AddDate(0, 0, 3)
	app.DB.Create(&visit.Visit{OfficeID: app.officeID(t), SiteID: 1, TeamID: 1, Day: start.Format(time.DateOnly), StartAt: start.UTC(), EndAt: start.Add(time.Hour).UTC(),
		Status: visit.Direncanakan, CreatedAt: start, UpdatedAt: start})
	_, doc = k.get(t, "/cakupan?lokasi=1&rencana=1")
	if n := doc.Find("svg.covmap .site-dot").Length(); int64(n) != sites || sites == 0 {
		t.Errorf("%d site dots for %d sites", n, sites)
	}
	if n := doc.Find("svg.covmap .plan-dot").Length(); n != 1 {
		t.Errorf("%d planned visits in the next 14 days, want 1", n)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// atoi reads a number as the pages write it: 12.345 → 12345.
func atoi(t *testing.T, s string) int64 {
	t.Helper()
	n, err := strconv.ParseInt(strings.ReplaceAll(strings.TrimSpace(s), ".", ""), 10, 64)
	if err != nil {
		t.Fatalf("not a number: %q", s)
	}
	return n
}

func TestKecamatanTableSorts(t *testing.T) {
	app := newTestApp(t)
	app.addDemoFigures(t)
	k := app.login(t, "kadis", auth.KepalaDinas)
	cell := func(doc *goquery.Document, col int) []string {
		return doc.Find("table.sortable tbody tr td:nth-child(" + itoa(col) + ")").Map(func(_ int, s *goquery.Selection) string { return s.Text() })
	}
	_, doc := k.get(t, "/cakupan")
	if names := cell(doc, 1); len(names) != 15 || !slices.IsSorted(names) {
		t.Fatalf("kecamatan by name: %v", names)
	}
	_, doc = k.get(t, "/cakupan?lokasi=1&urut=selisih&arah=turun")
	gaps := cell(doc, 6)
	for i := 1; i < len(gaps); i++ {
		if atoi(t, gaps[i-1]) < atoi(t, gaps[i]) {
			t.Fatalf("gaps not descending: %v", gaps)
		}
	}
	if href := doc.Find(`table.sortable th[aria-sort=descending] a`).AttrOr("href", ""); href != "/cakupan?lokasi=1&urut=selisih&arah=naik" {
		t.Errorf("sort link %q keeps the overlay and flips the direction", href)
	}
}
