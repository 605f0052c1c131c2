// Package paths names every address of the app once. web/routes.go registers
// these patterns and handlers and templates build links from them with For
// and ForCode (and With for a query), so an address changes in one place.
package paths

import (
	"net/url"
	"strconv"
	"strings"
)

// Pages and actions, as Echo route patterns.
const (
	Home     = "/"
	Login    = "/login"
	Logout   = "/logout"
	Health   = "/healthz"
	Static   = "/static/*"
	Worker   = "/sw.js"
	Today    = "/hari-ini"
	Verify   = "/verifikasi"
	Verified = "/hasil/:id/verifikasi"

	Week       = "/jadwal"
	Month      = "/jadwal/bulan"
	WeekICS    = "/jadwal/ekspor.ics"
	WeekCSV    = "/jadwal/ekspor.csv"
	WeekXLSX   = "/jadwal/ekspor.xlsx"
	AutoPlan   = "/rencana-otomatis"
	Visits     = "/kunjungan"
	VisitNew   = "/kunjungan/baru"
	Visit      = "/kunjungan/:id"
	VisitEdit  = "/kunjungan/:id/ubah"
	VisitStop  = "/kunjungan/:id/batal"
	VisitMove  = "/kunjungan/:id/pindah"
	VisitStart = "/kunjungan/:id/mulai"
	Result     = "/kunjungan/:id/hasil"
	ResultFix  = "/kunjungan/:id/hasil/koreksi"
	TaskLetter = "/kunjungan/:id/surat-tugas"
	NoticeLtr  = "/kunjungan/:id/surat-pemberitahuan"
	// The letters as A4 PDF, made in Go.
	TaskLetterPDF = "/kunjungan/:id/surat-tugas.pdf"
	NoticeLtrPDF  = "/kunjungan/:id/surat-pemberitahuan.pdf"

	// Confirm is the link a visited site's contact opens, without signing in.
	Confirm = "/konfirmasi/:token"

	Desk       = "/loket"
	DeskPoints = "/loket/titik"

	Coverage       = "/cakupan"
	CoverageTarget = "/cakupan/target"
	CoverageMap    = "/cakupan/peta"
	CoverageDesa   = "/cakupan/desa"
	DesaCoverage   = "/cakupan/desa/:code"
	FigureImport   = "/cakupan/impor"
	ImportPreview  = "/cakupan/impor/:id"
	ImportDrop     = "/cakupan/impor/:id/batal"
	ImportTemplate = "/cakupan/impor/templat"
	Reconcile      = "/cakupan/rekonsiliasi"
	Report         = "/cakupan/laporan"
	CoverageCSV    = "/cakupan/ekspor.csv"
	CoverageXLSX   = "/cakupan/ekspor.xlsx"

	Regions   = "/wilayah"
	Kecamatan = "/wilayah/:code"

	Sites    = "/lokasi"
	SiteNew  = "/lokasi/baru"
	Site     = "/lokasi/:id"
	SiteEdit = "/lokasi/:id/ubah"
	SiteDrop = "/lokasi/:id/hapus"

	Teams    = "/tim"
	TeamNew  = "/tim/baru"
	Team     = "/tim/:id"
	TeamEdit = "/tim/:id/ubah"

	Users    = "/pengguna"
	UserNew  = "/pengguna/baru"
	User     = "/pengguna/:id"
	UserEdit = "/pengguna/:id/ubah"

	Settings    = "/pengaturan"
	Logo        = "/pengaturan/logo"
	Calendar    = "/pengaturan/kalender"
	CSVLocale   = "/pengaturan/csv"
	Holidays    = "/hari-libur"
	HolidayDrop = "/hari-libur/:id/hapus"
	Offices     = "/kantor"
	OfficeUsers = "/kantor/pengguna"
	Audit       = "/audit"

	// Privacy is what the app keeps about whom; an admin sets the audit
	// trail's retention there and archives what is past it.
	Privacy         = "/data-pribadi"
	Retention       = "/data-pribadi/masa-simpan"
	RetentionCSV    = "/data-pribadi/arsip-audit.csv"
	RetentionRemove = "/data-pribadi/arsip-audit/hapus"

	APIVisits  = "/api/v1/visits"
	APIResults = "/api/v1/results"
	// APIVisitStart and APIResultFix are Mulai and a correction as a tablet
	// sends them from its offline queue.
	APIVisitStart = "/api/v1/visits/:id/start"
	APIResultFix  = "/api/v1/visits/:id/correction"
	APICoverage   = "/api/v1/coverage"
	APIRegions    = "/api/v1/regions"
)

// OfficeParam is the query parameter by which a province user picks one of
// its kab/kota to look at: any page with ?kantor=17.71.
const OfficeParam = "kantor"

// For fills the :id of pattern: For(Result, 7) is "/kunjungan/7/hasil".
func For(pattern string, id int64) string {
	return strings.Replace(pattern, ":id", strconv.FormatInt(id, 10), 1)
}

// ForCode fills the :code of pattern with a region code, escaped.
func ForCode(pattern, code string) string {
	return strings.Replace(pattern, ":code", url.PathEscape(code), 1)
}

// With adds the query q to path, encoded and sorted by key as
// url.Values.Encode does: With(Week, url.Values{"week": {"2026-01-05"}}) is
// "/jadwal?week=2026-01-05". Empty values are kept; an empty q adds nothing.
func With(path string, q url.Values) string {
	if len(q) == 0 {
		return path
	}
	return path + "?" + q.Encode()
}

// IsAPI reports whether path is under the JSON API.
func IsAPI(path string) bool { return strings.HasPrefix(path, "/api/") }
