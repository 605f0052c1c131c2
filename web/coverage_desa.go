package web

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/progress"
	"jemputbola/internal/region"
	"jemputbola/internal/site"
	"jemputbola/internal/visit"
	"jemputbola/templates/coveragepage"
)

// desaSorts are the sortable columns of the desa table.
var desaSorts = map[string]func(a, b coveragepage.DesaRow) int{
	"nama":      func(a, b coveragepage.DesaRow) int { return strings.Compare(a.Row.Name, b.Row.Name) },
	"rekam":     func(a, b coveragepage.DesaRow) int { return cmp.Compare(a.Row.Recorded, b.Row.Recorded) },
	"ikd":       func(a, b coveragepage.DesaRow) int { return cmp.Compare(a.Row.Activated, b.Row.Activated) },
	"cakupan":   func(a, b coveragepage.DesaRow) int { return cmp.Compare(a.Row.CoverageBP, b.Row.CoverageBP) },
	"target":    func(a, b coveragepage.DesaRow) int { return cmp.Compare(a.Row.TargetCount, b.Row.TargetCount) },
	"selisih":   func(a, b coveragepage.DesaRow) int { return cmp.Compare(a.Row.Gap, b.Row.Gap) },
	"kunjungan": func(a, b coveragepage.DesaRow) int { return cmp.Compare(a.Activity.VisitsDone, b.Activity.VisitsDone) },
	"terakhir": func(a, b coveragepage.DesaRow) int {
		return strings.Compare(a.Activity.LastVisit, b.Activity.LastVisit)
	},
}

// sorter reads a table's order from the query; defaultSort (descending)
// when it names no known column. base is the page's address with its other
// parameters.
func sorter(c echo.Context, base, defaultSort string) coveragepage.Sorter {
	s := coveragepage.Sorter{Base: base, Sort: c.QueryParam("urut"), Desc: c.QueryParam("arah") != "naik"}
	if _, ok := desaSorts[s.Sort]; !ok {
		s.Sort, s.Desc = defaultSort, true
	}
	return s
}

// sortRows orders rows by the sorter's column, then by code.
func sortRows(rows []coveragepage.DesaRow, s coveragepage.Sorter) {
	by := desaSorts[s.Sort]
	slices.SortStableFunc(rows, func(a, b coveragepage.DesaRow) int {
		if r := by(a, b); r != 0 {
			if s.Desc {
				return -r
			}
			return r
		}
		return strings.Compare(a.Row.Code, b.Row.Code)
	})
}

// kecamatanRows are the kecamatan of the dashboard's table, with the visits
// done in their desa and the latest of them.
func kecamatanRows(cov progress.Coverage) []coveragepage.DesaRow {
	rows := make([]coveragepage.DesaRow, 0, len(cov.Kecamatan))
	for _, k := range cov.Kecamatan {
		r := coveragepage.DesaRow{Row: k}
		for _, d := range cov.Overview.Desa[k.Code] {
			a := cov.Desa[d.Code]
			r.Activity.VisitsDone += a.VisitsDone
			r.Activity.LastVisit = max(r.Activity.LastVisit, a.LastVisit)
		}
		rows = append(rows, r)
	}
	return rows
}

// desaTable lists every desa, or one kecamatan's, sorted by any column; the
// largest gap first by default, since that is where teams should go.
func (h *coverageHandlers) desaTable(c echo.Context) error {
	cov, err := h.coverage(c)
	if err != nil {
		return err
	}
	kec := c.QueryParam("kec")
	base := "/cakupan/desa?"
	if kec != "" {
		base += "kec=" + url.QueryEscape(kec) + "&"
	}
	v := coveragepage.DesaTable{Sorter: sorter(c, base, "selisih"), Overview: cov.Overview, Year: h.now().Year(), Kec: kec}
	kecs := cov.Kecamatan
	if kec != "" {
		k, ok := cov.KecamatanByCode(kec)
		if !ok || len(cov.Overview.Desa[kec]) == 0 {
			return echo.NewHTTPError(http.StatusNotFound)
		}
		kecs, v.KecName = []region.Row{k}, k.Name
	}
	for _, k := range kecs {
		for _, d := range cov.Overview.Desa[k.Code] {
			v.Rows = append(v.Rows, coveragepage.DesaRow{Row: d, Kecamatan: k.Name, Activity: cov.Desa[d.Code]})
		}
	}
	sortRows(v.Rows, v.Sorter)
	return render(c, http.StatusOK, page(c, "Cakupan per desa", "cakupan"), coveragepage.DesaTablePage(v))
}

// desaVisitLimit bounds the visits of the desa page; older visits are in the exports.
const desaVisitLimit = 50

// desaPage shows one desa: its figures and their history, its trend, its
// sites and its visits with their results.
func (h *coverageHandlers) desaPage(c echo.Context) error {
	ctx, now := c.Request().Context(), h.now()
	code := c.Param("code")
	cov, err := h.coverage(c)
	if err != nil {
		return err
	}
	v := coveragepage.DesaView{Year: now.Year(), TargetBP: cov.TargetBP, Activity: cov.Desa[code]}
	var found bool
	if v.Row, v.Kecamatan, found = cov.DesaByCode(code); !found {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	if v.Figures, err = h.regions.FigureHistory(ctx, code); err != nil {
		return err
	}
	weeks, err := h.cache.DesaWeeks(ctx, now, code)
	if err != nil {
		return err
	}
	v.Trend = trendChart(weeks, v.Row.TargetCount)
	sites, err := h.sites.List(ctx, site.Filter{DesaCode: code, PerPage: mapSiteLimit})
	if err != nil {
		return err
	}
	v.Sites = sites.Rows
	vs, err := h.visits.List(ctx, visit.Filter{DesaCode: code, IncludeCancelled: true})
	if err != nil {
		return err
	}
	slices.Reverse(vs) // newest first
	v.VisitTotal = len(vs)
	vs = vs[:min(len(vs), desaVisitLimit)]
	ids := make([]int64, len(vs))
	for i, vi := range vs {
		ids[i] = vi.ID
	}
	results, err := h.results.ForVisits(ctx, ids)
	if err != nil {
		return err
	}
	for _, vi := range vs {
		r, ok := results[vi.ID]
		v.Visits = append(v.Visits, coveragepage.DesaVisit{Visit: vi, Result: r, HasResult: ok})
	}
	return render(c, http.StatusOK, page(c, v.Row.Name, "cakupan"), coveragepage.DesaPage(v))
}
