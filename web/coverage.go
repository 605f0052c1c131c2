package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"jemputbola/internal/apperr"
	"jemputbola/internal/chart"
	"jemputbola/internal/coverage"
	"jemputbola/internal/figdraft"
	"jemputbola/internal/geo"
	"jemputbola/internal/holiday"
	"jemputbola/internal/locale"
	"jemputbola/internal/office"
	"jemputbola/internal/progress"
	"jemputbola/internal/region"
	"jemputbola/internal/result"
	"jemputbola/internal/scope"
	"jemputbola/internal/site"
	"jemputbola/internal/visit"
	"jemputbola/templates/coveragepage"
	"jemputbola/templates/layout"
	"jemputbola/web/paths"
)

type coverageHandlers struct {
	regions *region.Store
	cache   *progress.Caches // the coverage read model: every figure these pages show
	pages   pageCache        // the dashboard and map as sent
	sites   *site.Store
	visits  *visit.Store
	results *result.Store
	offices *office.Store
	days    *holiday.Store // the working days the projection counts

	maps    officeMaps // the projected desa boundaries of each office
	imports oneImportPerOffice
	drafts  *figdraft.Store // checked files waiting for their preview's click
}

// mapWidth is the SVG's coordinate width; the page scales it to the screen.
const mapWidth = 800

// mapSiteLimit bounds the site overlay; a kabupaten has a few hundred.
const mapSiteLimit = 5000

// overlayDays is how far ahead the map shows planned visits.
const overlayDays = 14

// officeMaps keeps each office's projected boundaries: they change only when
// the office imports new ones (forget).
type officeMaps struct {
	mu     sync.Mutex
	byCode map[string]*geo.Map
}

// get returns the desa map of ctx's office, or for a province the map of its
// kab/kota.
func (m *officeMaps) get(ctx context.Context, regions *region.Store) (*geo.Map, error) {
	sc, err := scope.From(ctx)
	if err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if g := m.byCode[sc.Code]; g != nil {
		return g, nil
	}
	var b []byte
	if sc.Province() {
		b, err = region.KabKotaGeoJSONOf(sc.Code)
	} else {
		b, err = regions.BoundariesGeoJSON(ctx)
	}
	if err != nil {
		return nil, err
	}
	g, err := geo.Build(b, mapWidth)
	if err != nil {
		return nil, err
	}
	if m.byCode == nil {
		m.byCode = map[string]*geo.Map{}
	}
	m.byCode[sc.Code] = g
	return g, nil
}

// trendChart lays the weeks out with the target line.
func trendChart(ws []progress.Week, target int64) chart.Chart {
	pts := make([]chart.Point, len(ws))
	for i, w := range ws {
		label := strconv.Itoa(w.Start.Day()) + " " + locale.Month(w.Start.Month())[:3] // Jan … Agu … Des
		pts[i] = chart.Point{Label: label, Total: w.Total, Bar: w.Field}
	}
	return chart.Build(pts, target, 720, 340, "IKD aktif di akhir minggu (perkiraan)", "Aktivasi per minggu (lapangan dan loket)")
}

func (h *coverageHandlers) show(c echo.Context) error {
	now := now(c)
	snap, err := h.cache.Get(c.Request().Context(), now)
	if err != nil {
		return err
	}
	cal, err := h.days.Calendar(c.Request().Context())
	if err != nil {
		return err
	}
	return h.pages.serve(c, snap.Key()+"|"+cal.Key(), func() (layout.Data, templ.Component, error) {
		cov := snap.Coverage
		weeks := snap.Series.Weeks(now, progress.TrendWeeks)
		k := cov.Office
		v := coveragepage.Dashboard{
			Basis:      coverageBasis(cov, now.Year()),
			Kabupaten:  coverageFigures(k),
			Trend:      trendChart(weeks, k.TargetCount),
			Projection: projectionView(progress.Project(snap.Series, k.Gap, now, cal.Works)),
			Breakdown:  breakdownView(snap.Breakdown),
			ThisWeek:   locale.Int(weeks[len(weeks)-1].Field),
			ThisMonth:  locale.Int(snap.Series.FieldBetween(time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, now.Location()), now)),
			CanTarget:  mayChange(c, managers...),
			PartsOpen:  c.QueryParam("urut") != "",
			Today:      now.Format(time.DateOnly),
		}
		verified, unverified := cov.FieldSplit()
		v.FieldVerified, v.FieldUnverified, v.OutOfArea = locale.Int(verified), locale.Int(unverified), locale.Int(cov.OutOfArea())
		v.Desk = locale.Int(cov.Desk())
		v.Kecamatan = sorter(c, overlayQuery(c), "nama")
		v.Kecamatan.Desc = v.Kecamatan.Desc && c.QueryParam("urut") != "" // by name: A to Z unless asked
		lines, hrefs := kecamatanLines(cov), map[string]string{}
		if v.ByKabKota = len(cov.KabKota) > 0; v.ByKabKota {
			lines = kabKotaLines(cov)
			for _, k := range cov.KabKota {
				if n := cov.Homes[k.Code]; n > 0 {
					v.Homes = append(v.Homes, coveragepage.HomeLine{Name: k.Name, Count: locale.Int(n)})
				}
			}
			var err error
			if hrefs, err = h.kabKotaHrefs(c, cov); err != nil {
				return page(c, "Cakupan", "cakupan"), nil, err
			}
		}
		sortLines(lines, v.Kecamatan)
		for _, l := range lines {
			href, ok := hrefs[l.row.Code]
			if !ok {
				href = kecamatanDesaHref(l.row.Code)
			}
			v.KecRows = append(v.KecRows, l.view(href))
		}
		var err error
		v.Map, err = h.coverageMap(c, cov)
		return page(c, "Cakupan", "cakupan"), coveragepage.DashboardPage(v), err
	})
}

// coverage is the current coverage, from the read model.
func (h *coverageHandlers) coverage(c echo.Context) (progress.Coverage, error) {
	return h.cache.Coverage(c.Request().Context(), now(c))
}

// overlayQuery is the dashboard's address with its overlay choices, for the
// kecamatan table's sort links.
func overlayQuery(c echo.Context) string {
	q := url.Values{}
	for _, k := range []string{"lokasi", "rencana"} {
		if v := c.QueryParam(k); v != "" {
			q.Set(k, v)
		}
	}
	if len(q) == 0 {
		return paths.Coverage + "?"
	}
	return paths.Coverage + "?" + q.Encode() + "&"
}

// coverageMap builds the choropleth with the overlays the query asks for.
func (h *coverageHandlers) coverageMap(c echo.Context, cov progress.Coverage) (coveragepage.Map, error) {
	m, err := h.maps.get(ctxOf(c), h.regions)
	if err != nil {
		return coveragepage.Map{}, err
	}
	v := coveragepage.Map{ByKabKota: len(cov.KabKota) > 0, Width: m.Width, Height: m.Height,
		ShowSites: c.QueryParam("lokasi") == "1", ShowPlanned: c.QueryParam("rencana") == "1"}
	centroid := map[string][2]float64{}
	for _, k := range cov.Kecamatan {
		for _, d := range cov.Overview.Desa[k.Code] {
			x, y := m.Point(d.Lng, d.Lat)
			centroid[d.Code] = [2]float64{x, y}
		}
	}
	ctx := c.Request().Context()
	parts, err := h.mapParts(c, cov)
	if err != nil {
		return v, err
	}
	areas := cov.Kecamatan // named on the map: the kecamatan, or a province's kab/kota
	if v.ByKabKota {
		areas = cov.KabKota
	}
	v.Labels = mapLabels(m, areas)
	v.Desa, v.Legend = mapShapes(m, parts)
	if v.ShowSites {
		pg, err := h.sites.List(ctx, site.Filter{PerPage: mapSiteLimit})
		if err != nil {
			return v, err
		}
		for _, s := range pg.Rows {
			x, y := centroid[s.DesaCode][0], centroid[s.DesaCode][1]
			if s.Lat != nil && s.Lng != nil {
				x, y = m.Point(*s.Lng, *s.Lat)
			}
			v.Sites = append(v.Sites, coveragepage.Marker{X: x, Y: y, Title: s.Name + " (" + s.Kind.Label() + ")"})
		}
	}
	if v.ShowPlanned {
		now := now(c)
		vs, err := h.visits.List(ctx, visit.Filter{From: now.Format(time.DateOnly), To: now.AddDate(0, 0, overlayDays).Format(time.DateOnly)})
		if err != nil {
			return v, err
		}
		for _, vi := range vs {
			if vi.Status != visit.Direncanakan {
				continue
			}
			p := centroid[vi.DesaCode]
			v.Planned = append(v.Planned, coveragepage.Marker{X: p[0], Y: p[1],
				Title: locale.ShortDate(vi.Start) + ": " + vi.SiteName + " — " + vi.TeamName, Href: paths.For(paths.Visit, vi.ID)})
		}
	}
	return v, nil
}

// mapLabels names areas at their centres, where the data knows them.
func mapLabels(m *geo.Map, areas []region.Row) []coveragepage.Marker {
	var labels []coveragepage.Marker
	for _, a := range areas {
		if a.Lat != 0 || a.Lng != 0 {
			x, y := m.Point(a.Lng, a.Lat)
			labels = append(labels, coveragepage.Marker{X: x, Y: y, Title: a.Name})
		}
	}
	return labels
}

// mapShapes draws each part in its colour class (quartiles of the share of
// its target reached, see coverage.Classes) and names the classes.
func mapShapes(m *geo.Map, parts []mapPart) ([]coveragepage.MapDesa, []coveragepage.LegendItem) {
	shares := make([]int64, len(parts))
	for i, p := range parts {
		shares[i] = coverage.ShareOfTarget(p.row.Activated, p.row.TargetCount)
	}
	classes := coverage.Quartiles(shares)
	var legend []coveragepage.LegendItem
	for _, l := range classes.Legend() {
		legend = append(legend, coveragepage.LegendItem{Class: "c" + strconv.Itoa(l.Index), Label: l.Label})
	}
	var shapes []coveragepage.MapDesa
	for _, p := range parts {
		shape, ok := m.Shapes[p.row.Code]
		if !ok { // no boundary in the data: a dot at the region's centroid
			shape.X, shape.Y = m.Point(p.row.Lng, p.row.Lat)
		}
		shapes = append(shapes, coveragepage.MapDesa{Code: p.row.Code, Href: p.href, Name: p.row.Name, Figures: mapFigures(p.row),
			Class: "c" + strconv.Itoa(classes.Of(p.row.Activated, p.row.TargetCount)), Path: shape.Path, X: shape.X, Y: shape.Y})
	}
	return shapes, legend
}

// mapPart is one area the map colours: a desa, or a province's kab/kota.
type mapPart struct {
	row  region.Row
	href string
}

// mapParts are the desa of a kab/kota office, or the kab/kota of a province:
// each links to where its detail is (a kab/kota with its own office: that
// office's read-only Cakupan; otherwise the province's desa table of it).
func (h *coverageHandlers) mapParts(c echo.Context, cov progress.Coverage) ([]mapPart, error) {
	var parts []mapPart
	if len(cov.KabKota) == 0 {
		for _, k := range cov.Kecamatan {
			for _, d := range cov.Overview.Desa[k.Code] {
				parts = append(parts, mapPart{row: d, href: desaHref(d.Code)})
			}
		}
		return parts, nil
	}
	hrefs, err := h.kabKotaHrefs(c, cov)
	for _, k := range cov.KabKota {
		parts = append(parts, mapPart{row: k, href: hrefs[k.Code]})
	}
	return parts, err
}

// kabKotaHrefs links each kab/kota of a province to its detail.
func (h *coverageHandlers) kabKotaHrefs(c echo.Context, cov progress.Coverage) (map[string]string, error) {
	below, err := h.offices.Below(ctxOf(c), ownCode(c))
	if err != nil {
		return nil, err
	}
	own := map[string]bool{}
	for _, o := range below {
		own[o.Code] = true
	}
	hrefs := map[string]string{}
	for _, k := range cov.KabKota {
		if own[k.Code] {
			hrefs[k.Code] = paths.With(paths.Coverage, url.Values{paths.OfficeParam: {k.Code}})
		} else {
			hrefs[k.Code] = kecamatanDesaHref(k.Code)
		}
	}
	return hrefs, nil
}

// targetForm is the target page for year with the targets of this year and
// the next; f's value, kind and error are the caller's.
func (h *coverageHandlers) targetForm(c echo.Context, f coveragepage.TargetForm) (coveragepage.TargetForm, error) {
	ctx := ctxOf(c)
	now := now(c)
	snap, err := h.cache.Get(ctx, now)
	if err != nil {
		return f, err
	}
	f.CSRF, f.Recorded = csrfToken(c), locale.Int(snap.Coverage.Office.Recorded)
	for _, y := range []int{now.Year(), now.Year() + 1} {
		t, err := h.regions.Target(ctx, y)
		if err != nil {
			return f, err
		}
		f.Years = append(f.Years, coveragepage.TargetYear{Year: strconv.Itoa(y), Target: targetText(t)})
	}
	return f, nil
}

// targetText is a target in words: "30,00% dari perekaman KTP-el", "67.802 orang".
func targetText(t coverage.Target) string {
	if t.Count > 0 {
		return locale.Int(t.Count) + " orang"
	}
	return locale.Pct(t.BP) + " dari perekaman KTP-el"
}

func (h *coverageHandlers) targetPage(c echo.Context) error {
	t, err := h.regions.Target(ctxOf(c), now(c).Year())
	if err != nil {
		return err
	}
	f, err := h.targetForm(c, coveragepage.TargetForm{Year: strconv.Itoa(now(c).Year()), Value: targetInput(t), Count: t.Count > 0})
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, page(c, "Target", "cakupan"), coveragepage.TargetPage(f))
}

// setTarget changes the office's target for a year: a share of recorded
// e-KTP (target_kind pct) or a number of residents (count). A bad value
// shows the form again with what was typed.
func (h *coverageHandlers) setTarget(c echo.Context) error {
	ctx := c.Request().Context()
	year, _ := strconv.Atoi(c.FormValue("year"))
	kind, value := c.FormValue("target_kind"), c.FormValue("target_value")
	t, saved, err := parseTarget(kind, value)
	if err == nil {
		err = h.regions.SetTarget(ctx, actor(c), year, t)
	}
	if apperr.CodeOf(err) == apperr.Invalid {
		f, ferr := h.targetForm(c, coveragepage.TargetForm{Year: strconv.Itoa(year), Value: value, Count: kind == "count",
			Error: strings.Join(fieldMessages(err), " ")})
		if ferr != nil {
			return ferr
		}
		return render(c, http.StatusUnprocessableEntity, page(c, "Target", "cakupan"), coveragepage.TargetPage(f))
	}
	if err != nil {
		return err
	}
	flash(c, "Target "+strconv.Itoa(year)+" disimpan: "+saved+".")
	return redirect(c, paths.Coverage)
}

// parseTarget reads the target form: its kind and its value as typed.
func parseTarget(kind, value string) (coverage.Target, string, error) {
	var f apperr.Fields
	if kind == "count" {
		n, err := strconv.ParseInt(strings.NewReplacer(".", "", " ", "").Replace(strings.TrimSpace(value)), 10, 64)
		if err != nil || n < 1 {
			f.Add("target", "Target jumlah harus berupa bilangan bulat di atas 0, misalnya 67.802.")
			return coverage.Target{}, "", f.Err()
		}
		return coverage.Target{Count: n}, locale.Int(n) + " orang", nil
	}
	bp, ok := parsePct(value)
	if !ok {
		f.Add("target", "Target harus berupa persen, misalnya 30 atau 27,5.")
		return coverage.Target{}, "", f.Err()
	}
	return coverage.Target{BP: bp}, locale.Pct(bp) + " dari perekaman e-KTP", nil
}

// parsePct reads a percentage as written in Indonesian ("27,5") or with a dot,
// into basis points; at most two decimals.
func parsePct(s string) (int64, bool) {
	s = strings.TrimSuffix(strings.TrimSpace(strings.ReplaceAll(s, ",", ".")), "%")
	whole, frac, _ := strings.Cut(strings.TrimSpace(s), ".")
	if whole == "" || len(frac) > 2 {
		return 0, false
	}
	frac += strings.Repeat("0", 2-len(frac))
	w, err1 := strconv.ParseInt(whole, 10, 64)
	f, err2 := strconv.ParseInt(frac, 10, 64)
	if err1 != nil || err2 != nil || w < 0 || w > 100 || f < 0 {
		return 0, false
	}
	return w*100 + f, true
}

// fieldMessages lists an error's field messages, or its message.
func fieldMessages(err error) []string {
	var ms []string
	for _, m := range apperr.FieldsOf(err) {
		ms = append(ms, m)
	}
	slices.Sort(ms)
	if len(ms) == 0 {
		ms = append(ms, apperr.MessageOf(err))
	}
	return ms
}

// mapPage is the coverage map alone, large and printable on one A4 page.
func (h *coverageHandlers) mapPage(c echo.Context) error {
	snap, err := h.cache.Get(c.Request().Context(), now(c))
	if err != nil {
		return err
	}
	o, _ := shownOffice(c)
	head := letterheadView(o)
	// The printed map carries the letterhead: a new one renders the page anew.
	return h.pages.serve(c, snap.Key()+"|"+fmt.Sprint(head), func() (layout.Data, templ.Component, error) {
		cov := snap.Coverage
		v := coveragepage.MapView{Basis: coverageBasis(cov, now(c).Year()), Kabupaten: cov.Office.Name, Letterhead: head}
		var err error
		v.Map, err = h.coverageMap(c, cov)
		return page(c, "Peta cakupan", "cakupan"), coveragepage.MapPage(v), err
	})
}
