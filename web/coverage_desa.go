package web

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/locale"
	"jemputbola/internal/progress"
	"jemputbola/internal/region"
	"jemputbola/internal/site"
	"jemputbola/internal/visit"
	"jemputbola/templates/coveragepage"
	"jemputbola/web/paths"
)

// coverageLine is one region of a coverage table with the visits done in it,
// before it is formatted: the tables sort on the numbers.
type coverageLine struct {
	row       region.Row
	kecamatan string // desa lines: their kecamatan's name
	activity  progress.Desa
}

// view formats the line, linking its name to href.
func (l coverageLine) view(href string) coveragepage.DesaRow {
	return coveragepage.DesaRow{Figures: coverageFigures(l.row), Href: href, Kecamatan: l.kecamatan,
		VisitsDone: locale.Int(l.activity.VisitsDone), LastVisit: dash(locale.DateText(l.activity.LastVisit))}
}

// desaSorts are the sortable columns of the desa table.
var desaSorts = map[string]func(a, b coverageLine) int{
	"nama":      func(a, b coverageLine) int { return strings.Compare(a.row.Name, b.row.Name) },
	"rekam":     func(a, b coverageLine) int { return cmp.Compare(a.row.Recorded, b.row.Recorded) },
	"ikd":       func(a, b coverageLine) int { return cmp.Compare(a.row.Activated, b.row.Activated) },
	"cakupan":   func(a, b coverageLine) int { return cmp.Compare(a.row.CoverageBP, b.row.CoverageBP) },
	"target":    func(a, b coverageLine) int { return cmp.Compare(a.row.TargetCount, b.row.TargetCount) },
	"selisih":   func(a, b coverageLine) int { return cmp.Compare(a.row.Gap, b.row.Gap) },
	"kunjungan": func(a, b coverageLine) int { return cmp.Compare(a.activity.VisitsDone, b.activity.VisitsDone) },
	"terakhir":  func(a, b coverageLine) int { return strings.Compare(a.activity.LastVisit, b.activity.LastVisit) },
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

// sortLines orders lines by the sorter's column, then by code.
func sortLines(lines []coverageLine, s coveragepage.Sorter) {
	by := desaSorts[s.Sort]
	slices.SortStableFunc(lines, func(a, b coverageLine) int {
		if r := by(a, b); r != 0 {
			if s.Desc {
				return -r
			}
			return r
		}
		return strings.Compare(a.row.Code, b.row.Code)
	})
}

// kecamatanLines are the kecamatan of the dashboard's table, with the visits
// done in their desa and the latest of them.
func kecamatanLines(cov progress.Coverage) []coverageLine {
	lines := make([]coverageLine, 0, len(cov.Kecamatan))
	for _, k := range cov.Kecamatan {
		l := coverageLine{row: k}
		for _, d := range cov.Overview.Desa[k.Code] {
			a := cov.Desa[d.Code]
			l.activity.VisitsDone += a.VisitsDone
			l.activity.LastVisit = max(l.activity.LastVisit, a.LastVisit)
		}
		lines = append(lines, l)
	}
	return lines
}

// kabKotaLines are a province's kab/kota with the visits done in each.
func kabKotaLines(cov progress.Coverage) []coverageLine {
	byKab := map[string]*coverageLine{}
	lines := make([]coverageLine, 0, len(cov.KabKota))
	for _, k := range cov.KabKota {
		lines = append(lines, coverageLine{row: k})
	}
	for i := range lines {
		byKab[lines[i].row.Code] = &lines[i]
	}
	for _, k := range kecamatanLines(cov) {
		if k.row.ParentCode == nil {
			continue
		}
		if l := byKab[*k.row.ParentCode]; l != nil {
			l.activity.VisitsDone += k.activity.VisitsDone
			l.activity.LastVisit = max(l.activity.LastVisit, k.activity.LastVisit)
		}
	}
	return lines
}

// desaTable lists every desa, or one kecamatan's (or a province's kab/kota's), sorted by any column; the
// largest gap first by default, since that is where teams should go.
func (h *coverageHandlers) desaTable(c echo.Context) error {
	cov, err := h.coverage(c)
	if err != nil {
		return err
	}
	kec, q := c.QueryParam("kec"), strings.TrimSpace(c.QueryParam("q"))
	filter := url.Values{}
	for k, v := range map[string]string{"kec": kec, "q": q} {
		if v != "" {
			filter.Set(k, v)
		}
	}
	base := paths.With(paths.CoverageDesa, filter)
	if len(filter) > 0 {
		base += "&"
	}
	v := coveragepage.DesaTable{Sorter: sorter(c, base, "selisih"), Basis: coverageBasis(cov, now(c).Year()), Kec: kec, Query: q}
	kecs := cov.Kecamatan
	if kec != "" {
		var ok bool
		if kecs, v.KecName, ok = kecamatanOf(cov, kec); !ok {
			return echo.NewHTTPError(http.StatusNotFound)
		}
	}
	var lines []coverageLine
	for _, k := range kecs {
		for _, d := range cov.Overview.Desa[k.Code] {
			if matches(q, d.Name, d.Code, k.Name) {
				lines = append(lines, coverageLine{row: d, kecamatan: k.Name, activity: cov.Desa[d.Code]})
			}
		}
	}
	sortLines(lines, v.Sorter)
	v.Total, v.Page, v.Pages = len(lines), pageParam(c), pages(int64(len(lines)), desaPerPage)
	v.Page = min(v.Page, v.Pages)
	for _, l := range lines[min(len(lines), (v.Page-1)*desaPerPage):min(len(lines), v.Page*desaPerPage)] {
		v.Rows = append(v.Rows, l.view(desaHref(l.row.Code)))
	}
	return render(c, http.StatusOK, page(c, "Cakupan per desa", "cakupan"), coveragepage.DesaTablePage(v))
}

// desaPerPage is how many desa one page of the table lists.
const desaPerPage = 50

// matches reports whether a desa named name, with its code and kecamatan,
// answers the search q: every word of q in one of them, case aside.
func matches(q string, fields ...string) bool {
	text := strings.ToLower(strings.Join(fields, " "))
	for _, w := range strings.Fields(strings.ToLower(q)) {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

// kecamatanOf returns the kecamatan of code (one kecamatan, or all of a
// province's kab/kota) and its name.
func kecamatanOf(cov progress.Coverage, code string) ([]region.Row, string, bool) {
	if k, ok := cov.KecamatanByCode(code); ok && len(cov.Overview.Desa[code]) > 0 {
		return []region.Row{k}, "Kecamatan " + k.Name, true
	}
	for _, kab := range cov.KabKota {
		if kab.Code != code {
			continue
		}
		var kecs []region.Row
		for _, k := range cov.Kecamatan {
			if k.ParentCode != nil && *k.ParentCode == code {
				kecs = append(kecs, k)
			}
		}
		return kecs, kab.Name, len(kecs) > 0
	}
	return nil, "", false
}

// desaVisitLimit bounds the visits of the desa page; older visits are in the exports.
const desaVisitLimit = 50

// desaPage shows one desa: its figures and their history, its trend, its
// sites and its visits with their results.
func (h *coverageHandlers) desaPage(c echo.Context) error {
	ctx, now := c.Request().Context(), now(c)
	code := c.Param("code")
	cov, err := h.coverage(c)
	if err != nil {
		return err
	}
	row, kec, found := cov.DesaByCode(code)
	if !found {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	a := cov.Desa[code]
	v := coveragepage.DesaView{Figures: coverageFigures(row), Code: row.Code, Kind: desaKindName(row.Kind),
		Kecamatan: kec.Name, KecamatanHref: kecamatanDesaHref(kec.Code),
		Year: strconv.Itoa(now.Year()), Target: locale.Pct(cov.TargetBP), VisitsDone: locale.Int(a.VisitsDone),
		AsOf: locale.DateText(row.AsOf), Official: locale.Int(row.Official), Field: locale.Int(row.Field), Verified: locale.Int(a.Verified)}
	if mayChange(c, planners...) {
		v.PlanHref = paths.VisitNew + "?kec=" + url.QueryEscape(kec.Code)
	}
	figures, err := h.regions.FigureHistory(ctx, code)
	if err != nil {
		return err
	}
	for _, f := range figures {
		v.History = append(v.History, coveragepage.FigureLine{AsOf: locale.DateText(f.AsOf), WajibKTP: locale.Int(f.WajibKTP),
			Recorded: locale.Int(f.EktpRecorded), Activated: locale.Int(f.IkdActivated), Source: figureSource(f.Source)})
	}
	weeks, err := h.cache.DesaWeeks(ctx, now, code)
	if err != nil {
		return err
	}
	v.Trend = trendChart(weeks, row.TargetCount)
	sites, err := h.sites.List(ctx, site.Filter{DesaCode: code, PerPage: mapSiteLimit})
	if err != nil {
		return err
	}
	for _, s := range sites.Rows {
		v.Sites = append(v.Sites, coveragepage.SiteLine{Name: s.Name, Kind: s.Kind.Label(), Eligible: locale.Int(s.Eligible), Address: s.Address})
	}
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
		d := coveragepage.DesaVisit{Href: paths.For(paths.Visit, vi.ID), Day: locale.DayText(vi.Day), SiteName: vi.SiteName, TeamName: vi.TeamName,
			Status: vi.Status.Label()}
		if r, ok := results[vi.ID]; ok {
			d.HasResult, d.Activations, d.PeopleServed, d.Verification = true, locale.Int(r.Activations), locale.Int(r.PeopleServed), r.Verification
		}
		v.Visits = append(v.Visits, d)
	}
	return render(c, http.StatusOK, page(c, row.Name, "cakupan"), coveragepage.DesaPage(v))
}
