package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/coverage"
	"jemputbola/internal/export"
	"jemputbola/internal/progress"
	"jemputbola/internal/region"
	"jemputbola/internal/result"
	"jemputbola/internal/site"
	"jemputbola/internal/visit"
)

// apiCoverageRow is one region in GET /api/v1/coverage. Percentages are
// strings with two decimals, rounded half up (see package coverage).
type apiCoverageRow struct {
	Code         string `json:"code"`
	Name         string `json:"name"`
	EktpRecorded int64  `json:"ektp_recorded"`
	IkdActivated int64  `json:"ikd_activated"`
	CoveragePct  string `json:"coverage_pct"`
	TargetPct    string `json:"target_pct"`
	TargetCount  int64  `json:"target_count"`
	Gap          int64  `json:"gap"`
	// OutOfArea, on the office's row only: activations of residents of other
	// desa, which no row's ikd_activated includes.
	OutOfArea *int64 `json:"out_of_area,omitempty"`
	// OutOfAreaResidents, on a province's kab/kota rows: this kab/kota's
	// residents served out of their own desa (where the operator knew it).
	OutOfAreaResidents *int64 `json:"out_of_area_residents,omitempty"`
}

type apiCoverageKecamatan struct {
	apiCoverageRow
	Desa []apiCoverageRow `json:"desa"`
}

// apiCoverage keeps the field name "kabupaten" for the office's own row (a
// kab/kota or a province) so existing readers keep working; a province adds
// one row per kab/kota, each equal to that kab/kota office's own row.
type apiCoverage struct {
	Year      int                    `json:"year"`
	AsOf      string                 `json:"as_of"`
	Kabupaten apiCoverageRow         `json:"kabupaten"`
	KabKota   []apiCoverageRow       `json:"kabkota,omitempty"`
	Kecamatan []apiCoverageKecamatan `json:"kecamatan"`
}

func apiRow(r region.Row) apiCoverageRow {
	return apiCoverageRow{Code: r.Code, Name: r.Name, EktpRecorded: r.Recorded, IkdActivated: r.Activated,
		CoveragePct: coverage.PctString(r.CoverageBP), TargetPct: coverage.PctString(r.TargetBP),
		TargetCount: r.TargetCount, Gap: r.Gap}
}

func (h *coverageHandlers) api(c echo.Context) error {
	year := now(c).Year()
	cov, err := h.coverage(c)
	if err != nil {
		return err
	}
	out := apiCoverage{Year: year, AsOf: cov.AsOf, Kabupaten: apiRow(cov.Office), Kecamatan: []apiCoverageKecamatan{}}
	outOfArea := cov.OutOfArea()
	out.Kabupaten.OutOfArea = &outOfArea
	for _, k := range cov.KabKota {
		row, n := apiRow(k), cov.Homes[k.Code]
		row.OutOfAreaResidents = &n
		out.KabKota = append(out.KabKota, row)
	}
	for _, k := range cov.Kecamatan {
		kec := apiCoverageKecamatan{apiCoverageRow: apiRow(k), Desa: []apiCoverageRow{}}
		for _, d := range cov.Overview.Desa[k.Code] {
			kec.Desa = append(kec.Desa, apiRow(d))
		}
		out.Kecamatan = append(out.Kecamatan, kec)
	}
	return c.JSON(http.StatusOK, out)
}

// coverageTable is the coverage of every desa, as the exports write it.
func coverageTable(cov progress.Coverage) export.Table {
	t := export.Table{Sheet: "Cakupan desa", Widths: []float64{16, 26, 20, 12, 12, 12, 12, 12, 12, 10, 10, 12, 12, 12, 14, 14},
		Header: []string{"Kode Wilayah", "Desa/Kelurahan", "Kecamatan", "Wajib KTP", "Rekam KTP-el", "IKD Resmi", "Angka Resmi Per",
			"Aktivasi Lapangan Sesudahnya", "IKD Aktif", "Cakupan (%)", "Target (%)", "Target (orang)", "Selisih", "Kunjungan Selesai", "Kunjungan Terakhir",
			"Aktivasi Warga Luar Wilayah (tidak dihitung)"}}
	for _, k := range cov.Kecamatan {
		for _, d := range cov.Overview.Desa[k.Code] {
			a := cov.Desa[d.Code]
			t.Rows = append(t.Rows, []any{d.Code, d.Name, k.Name, d.WajibKTP, d.Recorded, d.Official, d.AsOf, d.Field, d.Activated,
				pctNumber(d.CoverageBP), pctNumber(d.TargetBP), d.TargetCount, d.Gap, a.VisitsDone, a.LastVisit, a.OutOfArea})
		}
	}
	return t
}

// pctNumber is basis points as a number with two decimals for spreadsheets;
// the value is exact since it comes from the integer basis points.
func pctNumber(bp int64) float64 {
	v, _ := strconv.ParseFloat(coverage.PctString(bp), 64)
	return v
}

// resultsTable is every visit on days from..to with its result.
func (h *coverageHandlers) resultsTable(c echo.Context, from, to string) (export.Table, error) {
	t := export.Table{Sheet: "Hasil kunjungan", Widths: []float64{12, 22, 36, 14, 22, 20, 14, 10, 10, 10, 10},
		Header: []string{"Tanggal", "Tim", "Lokasi", "Jenis", "Desa/Kelurahan", "Kecamatan", "Status", "Aktivasi", "Di antaranya warga luar wilayah", "Dilayani", "Rekam KTP-el"}}
	for _, r := range result.Reasons {
		t.Header = append(t.Header, "Gagal: "+r.Label)
		t.Widths = append(t.Widths, 12)
	}
	t.Header = append(t.Header, "Verifikasi", "Catatan")
	vs, err := h.visits.List(c.Request().Context(), visit.Filter{From: from, To: to})
	if err != nil {
		return t, err
	}
	ids := make([]int64, len(vs))
	for i, v := range vs {
		ids[i] = v.ID
	}
	results, err := h.results.ForVisits(c.Request().Context(), ids)
	if err != nil {
		return t, err
	}
	for _, v := range vs {
		r, ok := results[v.ID]
		if !ok {
			continue
		}
		row := []any{v.Day, v.TeamName, v.SiteName, site.Kind(v.SiteKind).Label(), v.DesaName, v.KecamatanName, v.Status.Label(),
			r.Activations, r.OutOfArea, r.PeopleServed, r.EktpRecorded}
		fails := r.Failures()
		for _, reason := range result.Reasons {
			row = append(row, fails[reason.Key])
		}
		t.Rows = append(t.Rows, append(row, r.Verification, r.Notes))
	}
	return t, nil
}

// exportTable picks the table the query asks for: data=desa (default) or
// data=hasil with dari/sampai days (default: this year).
func (h *coverageHandlers) exportTable(c echo.Context) (export.Table, string, error) {
	now := now(c)
	if c.QueryParam("data") == "hasil" {
		from, to := c.QueryParam("dari"), c.QueryParam("sampai")
		if from == "" {
			from = time.Date(now.Year(), 1, 1, 0, 0, 0, 0, now.Location()).Format(time.DateOnly)
		}
		if to == "" {
			to = now.Format(time.DateOnly)
		}
		t, err := h.resultsTable(c, from, to)
		return t, "hasil-kunjungan-" + from + "-" + to, err
	}
	cov, err := h.coverage(c)
	return coverageTable(cov), "cakupan-desa-" + now.Format(time.DateOnly), err
}

func (h *coverageHandlers) exportCSV(c echo.Context) error { return h.export(c, false) }

func (h *coverageHandlers) exportXLSX(c echo.Context) error { return h.export(c, true) }

// export sends the chosen table as a spreadsheet.
func (h *coverageHandlers) export(c echo.Context, asXLSX bool) error {
	t, name, err := h.exportTable(c)
	if err != nil {
		return err
	}
	return sendTable(c, t, name, asXLSX)
}
