// Package geo turns the desa boundaries (GeoJSON) into SVG path data once, so
// the coverage map is drawn on the server without any tile server or script.
package geo

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Shape is one desa ready to draw: its SVG path (empty when the data has no
// polygon for it) and its label point in the map's coordinates.
type Shape struct {
	Code string
	Name string
	Path string
	X, Y float64
}

// Map is every shape projected into a viewBox of Width × Height.
type Map struct {
	Width, Height float64
	Shapes        map[string]Shape
	proj          projection
}

type projection struct {
	minLng, maxLat, scale, kx float64
}

// Point projects lng/lat into map coordinates (equirectangular, corrected for
// the latitude so shapes near the equator keep their proportions).
func (m *Map) Point(lng, lat float64) (x, y float64) {
	return (lng - m.proj.minLng) * m.proj.kx * m.proj.scale, (m.proj.maxLat - lat) * m.proj.scale
}

type featureCollection struct {
	Features []struct {
		Properties struct {
			Code string `json:"code"`
			Name string `json:"name"`
		} `json:"properties"`
		Geometry struct {
			Type        string          `json:"type"`
			Coordinates json.RawMessage `json:"coordinates"`
		} `json:"geometry"`
	} `json:"features"`
}

// tolerance is how far, in map units (about a screen pixel at the map's
// width), a simplified boundary may stray from the shipped one.
const tolerance = 0.5

// Build parses a GeoJSON FeatureCollection of (Multi)Polygons with properties
// code and name, and projects it to a map width px wide.
func Build(geojson []byte, width float64) (*Map, error) {
	var fc featureCollection
	if err := json.Unmarshal(geojson, &fc); err != nil {
		return nil, fmt.Errorf("geojson: %w", err)
	}
	polys := make([][][][2]float64, len(fc.Features)) // feature → polygons' outer and inner rings
	minLng, minLat, maxLng, maxLat := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for i, f := range fc.Features {
		rings, err := rings(f.Geometry.Type, f.Geometry.Coordinates)
		if err != nil {
			return nil, fmt.Errorf("feature %s: %w", f.Properties.Code, err)
		}
		polys[i] = rings
		for _, r := range rings {
			for _, p := range r {
				minLng, maxLng = math.Min(minLng, p[0]), math.Max(maxLng, p[0])
				minLat, maxLat = math.Min(minLat, p[1]), math.Max(maxLat, p[1])
			}
		}
	}
	if len(fc.Features) == 0 {
		return nil, fmt.Errorf("geojson: no features")
	}
	kx := math.Cos((minLat + maxLat) / 2 * math.Pi / 180)
	scale := width / ((maxLng - minLng) * kx)
	m := &Map{Width: width, Height: math.Ceil((maxLat - minLat) * scale), Shapes: map[string]Shape{},
		proj: projection{minLng: minLng, maxLat: maxLat, scale: scale, kx: kx}}
	for i, f := range fc.Features {
		var b strings.Builder
		var sx, sy, n float64
		for _, r := range polys[i] {
			pts := make([][2]float64, len(r))
			for j, p := range r {
				x, y := m.Point(p[0], p[1])
				pts[j] = [2]float64{x, y}
				sx, sy, n = sx+x, sy+y, n+1
			}
			for j, p := range simplify(pts, tolerance) {
				if j == 0 {
					b.WriteByte('M')
				} else {
					b.WriteByte('L')
				}
				b.WriteString(num(p[0]))
				b.WriteByte(' ')
				b.WriteString(num(p[1]))
			}
			b.WriteByte('Z')
		}
		m.Shapes[f.Properties.Code] = Shape{Code: f.Properties.Code, Name: f.Properties.Name, Path: b.String(), X: sx / n, Y: sy / n}
	}
	return m, nil
}

// rings flattens a Polygon or MultiPolygon into its rings of [lng, lat] points.
func rings(typ string, raw json.RawMessage) ([][][2]float64, error) {
	switch typ {
	case "Polygon":
		var p [][][2]float64
		return p, json.Unmarshal(raw, &p)
	case "MultiPolygon":
		var mp [][][][2]float64
		if err := json.Unmarshal(raw, &mp); err != nil {
			return nil, err
		}
		var out [][][2]float64
		for _, p := range mp {
			out = append(out, p...)
		}
		return out, nil
	}
	return nil, fmt.Errorf("unsupported geometry %q", typ)
}

// num writes a coordinate with one decimal: a tenth of a pixel is plenty and keeps pages small.
func num(v float64) string { return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64) }

// simplify drops the points of a line that lie within eps of the straight
// segment between the points kept around them (Ramer–Douglas–Peucker), so
// the page carries no detail finer than a pixel.
func simplify(pts [][2]float64, eps float64) [][2]float64 {
	if len(pts) < 3 {
		return pts
	}
	keep := make([]bool, len(pts))
	keep[0], keep[len(pts)-1] = true, true
	var mark func(lo, hi int)
	mark = func(lo, hi int) {
		far, at := 0.0, -1
		for i := lo + 1; i < hi; i++ {
			if d := segmentDistance(pts[i], pts[lo], pts[hi]); d > far {
				far, at = d, i
			}
		}
		if at >= 0 && far > eps {
			keep[at] = true
			mark(lo, at)
			mark(at, hi)
		}
	}
	mark(0, len(pts)-1)
	out := make([][2]float64, 0, len(pts)/2)
	for i, p := range pts {
		if keep[i] {
			out = append(out, p)
		}
	}
	return out
}

// segmentDistance is the distance from p to the segment a–b.
func segmentDistance(p, a, b [2]float64) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	if dx == 0 && dy == 0 {
		return math.Hypot(p[0]-a[0], p[1]-a[1])
	}
	t := math.Max(0, math.Min(1, ((p[0]-a[0])*dx+(p[1]-a[1])*dy)/(dx*dx+dy*dy)))
	return math.Hypot(p[0]-a[0]-t*dx, p[1]-a[1]-t*dy)
}
