package region

import (
	"context"
	"encoding/json"
	"fmt"
	"math"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"jemputbola/internal/audit"
	"jemputbola/internal/scope"
)

// MaxBoundaryBytes bounds an imported GeoJSON file: every desa of the largest
// province at the detail the shipped polygons have, many times over.
const MaxBoundaryBytes = 64 << 20

// BoundaryErrors lists every problem of a refused boundary file.
type BoundaryErrors []string

func (e BoundaryErrors) Error() string {
	return fmt.Sprintf("%d masalah pada berkas batas wilayah", len(e))
}

// ImportBoundaries stores the desa polygons of a GeoJSON FeatureCollection
// (RFC 7946: [lng, lat] positions, closed rings of at least four positions)
// for ctx's office, all or nothing: every feature must carry the code of one
// of the office's desa in properties.code and a Polygon or MultiPolygon.
// Polygons already stored for those desa are replaced. It returns how many
// desa got a polygon. Errors: BoundaryErrors, scope.ErrReadOnly.
func (s *Store) ImportBoundaries(ctx context.Context, who audit.Actor, data []byte) (int, error) {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return 0, err
	}
	var fc featureCollection
	if err := json.Unmarshal(data, &fc); err != nil {
		return 0, BoundaryErrors{"bukan GeoJSON yang sah: " + err.Error()}
	}
	if fc.Type != collectionType {
		return 0, BoundaryErrors{`berkas harus berupa GeoJSON "FeatureCollection"`}
	}
	desa, err := s.desaOf(ctx)
	if err != nil {
		return 0, err
	}
	var problems BoundaryErrors
	seen := map[string]bool{}
	bs := make([]Boundary, 0, len(fc.Features))
	for i, f := range fc.Features {
		at := fmt.Sprintf("fitur %d (%s)", i+1, f.Properties.Code)
		switch code := f.Properties.Code; {
		case !desa[code]:
			problems = append(problems, at+": kode bukan desa/kelurahan "+sc.Code)
		case seen[code]:
			problems = append(problems, at+": kode muncul dua kali")
		default:
			seen[code] = true
			if msg := checkGeometry(f.Geometry); msg != "" {
				problems = append(problems, at+": "+msg)
			}
			bs = append(bs, Boundary{Code: code, Geometry: string(f.Geometry)})
		}
		if len(problems) >= 50 {
			problems = append(problems, "… berhenti setelah 50 masalah")
			break
		}
	}
	if len(fc.Features) == 0 {
		problems = append(problems, "berkas tidak berisi fitur")
	}
	if len(problems) > 0 {
		return 0, problems
	}
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "code"}},
			DoUpdates: clause.AssignmentColumns([]string{"geometry"})}).CreateInBatches(bs, 200).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, who, audit.Update, "region_boundaries", sc.Code, nil, map[string]any{"desa": len(bs)})
	})
	return len(bs), err
}

// desaOf is the set of desa codes of ctx's office.
func (s *Store) desaOf(ctx context.Context) (map[string]bool, error) {
	var codes []string
	err := s.db.WithContext(ctx).Model(&Region{}).Scopes(area(ctx, "code")).Where("level = ?", LevelDesa).Pluck("code", &codes).Error
	set := make(map[string]bool, len(codes))
	for _, c := range codes {
		set[c] = true
	}
	return set, err
}

// checkGeometry returns what is wrong with a Polygon or MultiPolygon, "" when nothing.
func checkGeometry(raw json.RawMessage) string {
	var g struct {
		Type        string
		Coordinates json.RawMessage
	}
	if err := json.Unmarshal(raw, &g); err != nil {
		return "geometri tidak sah"
	}
	var polys [][][][]float64
	switch g.Type {
	case "Polygon":
		var p [][][]float64
		if err := json.Unmarshal(g.Coordinates, &p); err != nil {
			return "koordinat Polygon tidak sah"
		}
		polys = [][][][]float64{p}
	case "MultiPolygon":
		if err := json.Unmarshal(g.Coordinates, &polys); err != nil {
			return "koordinat MultiPolygon tidak sah"
		}
	default:
		return fmt.Sprintf("geometri %q; yang diterima hanya Polygon dan MultiPolygon", g.Type)
	}
	if len(polys) == 0 {
		return "geometri kosong"
	}
	for _, p := range polys {
		if len(p) == 0 {
			return "poligon tanpa cincin"
		}
		for _, ring := range p {
			if msg := checkRing(ring); msg != "" {
				return msg
			}
		}
	}
	return ""
}

// checkRing checks one linear ring (RFC 7946 §3.1.6).
func checkRing(ring [][]float64) string {
	if len(ring) < 4 {
		return "cincin poligon kurang dari 4 titik"
	}
	for _, pos := range ring {
		if len(pos) < 2 || math.IsNaN(pos[0]) || math.IsNaN(pos[1]) || math.Abs(pos[0]) > 180 || math.Abs(pos[1]) > 90 {
			return "titik di luar [bujur, lintang] WGS84 (RFC 7946 memakai urutan bujur lalu lintang)"
		}
	}
	first, last := ring[0], ring[len(ring)-1]
	if first[0] != last[0] || first[1] != last[1] {
		return "cincin poligon tidak tertutup (titik pertama dan terakhir harus sama)"
	}
	return ""
}
