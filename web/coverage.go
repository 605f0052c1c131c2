package web

import (
	"net/http"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/geo"
	"jemputbola/internal/region"
	"jemputbola/internal/result"
	"jemputbola/templates/coveragepage"
)

type coverageHandlers struct {
	regions *region.Store
	results *result.Store
	now     func() time.Time

	mapOnce sync.Once // the projected boundaries never change while running
	desaMap *geo.Map
	mapErr  error
}

// mapWidth is the SVG's coordinate width; the page scales it to the screen.
const mapWidth = 800

func (h *coverageHandlers) boundaries() (*geo.Map, error) {
	h.mapOnce.Do(func() { h.desaMap, h.mapErr = geo.Build(region.DesaGeoJSON, mapWidth) })
	return h.desaMap, h.mapErr
}

// mapClass buckets a desa by the share of its target it has reached.
func mapClass(r region.Row) string {
	if r.TargetCount == 0 || r.Activated >= r.TargetCount {
		return "c4"
	}
	return [...]string{"c0", "c1", "c2", "c3"}[r.Activated*4/r.TargetCount]
}

func (h *coverageHandlers) show(c echo.Context) error {
	m, err := h.boundaries()
	if err != nil {
		return err
	}
	o, err := h.regions.Overview(c.Request().Context(), h.now().Year())
	if err != nil {
		return err
	}
	v := coveragepage.View{Overview: o, Width: m.Width, Height: m.Height}
	if v.FieldVerified, v.FieldUnverified, err = h.results.FieldTotals(c.Request().Context(), o.AsOf); err != nil {
		return err
	}
	for _, k := range o.Kecamatan {
		for _, d := range o.Desa[k.Code] {
			shape, ok := m.Shapes[d.Code]
			if !ok { // no boundary in the data: a dot at the desa's centroid
				shape.X, shape.Y = m.Point(d.Lng, d.Lat)
			}
			v.Desa = append(v.Desa, coveragepage.MapDesa{Row: d, Shape: shape, Class: mapClass(d)})
		}
	}
	return render(c, http.StatusOK, page(c, "Cakupan", "cakupan"), coveragepage.Page(v))
}
