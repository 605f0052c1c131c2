package region

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"gorm.io/gorm/clause"
)

// Boundary is one desa's polygon (a GeoJSON geometry).
type Boundary struct {
	Code     string `gorm:"primaryKey"`
	Geometry string
}

// TableName keeps GORM on the migrated table.
func (Boundary) TableName() string { return "region_boundaries" }

// Load stores the regions under code (and its province) from the built-in
// national list and, inside Provinsi Bengkulu, their desa polygons. Regions
// are shared by code: another office may have loaded some already, so
// existing rows stay and only their parent and level are brought up to date.
func (s *Store) Load(ctx context.Context, code string) error {
	rs, err := Subtree(code)
	if err != nil {
		return err
	}
	bounds, err := builtinBoundaries(code)
	if err != nil {
		return err
	}
	q := s.db.WithContext(ctx)
	if err := q.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "code"}},
		DoUpdates: clause.AssignmentColumns([]string{"parent_code", "level"})}).CreateInBatches(rs, 500).Error; err != nil {
		return err
	}
	if len(bounds) == 0 {
		return nil
	}
	return q.Clauses(clause.OnConflict{DoNothing: true}).CreateInBatches(bounds, 200).Error
}

// featureCollection is a GeoJSON FeatureCollection (RFC 7946 §3.3).
type featureCollection struct {
	Type     string    `json:"type"`
	Features []feature `json:"features"`
}

// collectionType is the "type" every FeatureCollection carries.
const collectionType = "FeatureCollection"

// feature is one GeoJSON feature with the properties the app reads.
type feature struct {
	Type       string `json:"type"`
	Properties struct {
		Code string `json:"code"`
		Name string `json:"name,omitempty"`
	} `json:"properties"`
	Geometry json.RawMessage `json:"geometry"`
}

// builtinBoundaries returns the shipped desa polygons under code; only
// Provinsi Bengkulu's ship with the app.
func builtinBoundaries(code string) ([]Boundary, error) {
	if code != "17" && !strings.HasPrefix(code, "17.") {
		return nil, nil
	}
	b, err := BengkuluDesaGeoJSON()
	if err != nil {
		return nil, err
	}
	var fc struct{ Features []feature }
	if err := json.Unmarshal(b, &fc); err != nil {
		return nil, fmt.Errorf("region: built-in boundaries: %w", err)
	}
	var bs []Boundary
	for _, f := range fc.Features {
		if c := f.Properties.Code; c == code || strings.HasPrefix(c, code+".") {
			bs = append(bs, Boundary{Code: c, Geometry: string(f.Geometry)})
		}
	}
	return bs, nil
}

// BoundariesGeoJSON returns the desa polygons of ctx's office as a
// FeatureCollection (property "code"), for the map; desa without one are
// left out and drawn as dots.
func (s *Store) BoundariesGeoJSON(ctx context.Context) ([]byte, error) {
	var bs []Boundary
	if err := s.db.WithContext(ctx).Scopes(area(ctx, "code")).Order("code").Find(&bs).Error; err != nil {
		return nil, err
	}
	fc := featureCollection{Type: collectionType, Features: make([]feature, len(bs))}
	for i, b := range bs {
		fc.Features[i].Type, fc.Features[i].Properties.Code, fc.Features[i].Geometry = "Feature", b.Code, json.RawMessage(b.Geometry)
	}
	return json.Marshal(fc)
}

// KabKotaGeoJSONOf is the FeatureCollection of the kab/kota polygons of one
// province (property "code"), for the province's map.
func KabKotaGeoJSONOf(province string) ([]byte, error) {
	b, err := KabKotaGeoJSON()
	if err != nil {
		return nil, err
	}
	var fc struct{ Features []feature }
	if err := json.Unmarshal(b, &fc); err != nil {
		return nil, fmt.Errorf("region: built-in kab/kota polygons: %w", err)
	}
	out := featureCollection{Type: collectionType, Features: []feature{}}
	for _, f := range fc.Features {
		if strings.HasPrefix(f.Properties.Code, province+".") {
			f.Type = "Feature"
			out.Features = append(out.Features, f)
		}
	}
	return json.Marshal(out)
}
