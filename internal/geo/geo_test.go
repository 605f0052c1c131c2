package geo_test

import (
	"strings"
	"testing"

	"jemputbola/internal/geo"
	"jemputbola/internal/region"
)

func TestBuildBengkulu(t *testing.T) {
	b, err := region.BengkuluDesaGeoJSON()
	if err != nil {
		t.Fatal(err)
	}
	m, err := geo.Build(b, 800)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Shapes) != 1513 {
		t.Fatalf("%d shapes, want 1513", len(m.Shapes))
	}
	for code, s := range m.Shapes {
		if !strings.HasPrefix(s.Path, "M") || !strings.HasSuffix(s.Path, "Z") {
			t.Fatalf("%s: path %q", code, s.Path[:min(40, len(s.Path))])
		}
		if s.X < 0 || s.X > m.Width || s.Y < 0 || s.Y > m.Height {
			t.Errorf("%s: label point (%.1f, %.1f) outside %vx%v", code, s.X, s.Y, m.Width, m.Height)
		}
	}
	// Curup (kelurahan 17.02.09.*) lies west of Kota Padang (17.02.06.*).
	if m.Shapes["17.02.09.1026"].X >= m.Shapes["17.02.06.1004"].X {
		t.Error("projection mirrored: Curup should be west of Kota Padang")
	}
}

func TestBuildErrors(t *testing.T) {
	for name, in := range map[string]string{
		"ErrJSON":       `{`,
		"ErrNoFeatures": `{"type":"FeatureCollection","features":[]}`,
		"ErrGeometry":   `{"features":[{"properties":{"code":"x"},"geometry":{"type":"Point","coordinates":[1,2]}}]}`,
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := geo.Build([]byte(in), 100); err == nil {
				t.Fatal("no error")
			}
		})
	}
}
