package region

import (
	"bytes"
	"embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Level of a region in the Kemendagri hierarchy.
const (
	LevelKabupaten = "kabupaten"
	LevelKecamatan = "kecamatan"
	LevelDesa      = "desa"
)

// Kinds of a desa-level region.
const (
	KindDesa      = "desa"
	KindKelurahan = "kelurahan"
)

// The kabupaten the app ships with.
const (
	BuiltinKabupatenCode = "17.02"
	BuiltinKabupatenName = "Kabupaten Rejang Lebong"
)

// Region is one kabupaten, kecamatan or desa/kelurahan, keyed by its Kemendagri code.
type Region struct {
	Code       string `gorm:"primaryKey"`
	Name       string
	Level      string
	ParentCode *string // nil for the kabupaten
	Kind       string  // "desa" or "kelurahan" for LevelDesa, "" otherwise
	Lat, Lng   float64
}

// TableName keeps GORM on the migrated table.
func (Region) TableName() string { return "regions" }

//go:embed data/rejang_lebong_kecamatan.csv data/rejang_lebong_desa.csv
var builtinFS embed.FS

// DesaGeoJSON is the FeatureCollection of the built-in desa polygons
// (properties "code" and "name"), for the map.
//
//go:embed data/rejang_lebong_desa.geojson
var DesaGeoJSON []byte

// Builtin returns Kabupaten Rejang Lebong with its 15 kecamatan and 156
// desa/kelurahan from the embedded data; see Parse for the order.
func Builtin() ([]Region, error) {
	kec, err := builtinFS.ReadFile("data/rejang_lebong_kecamatan.csv")
	if err != nil {
		return nil, err
	}
	desa, err := builtinFS.ReadFile("data/rejang_lebong_desa.csv")
	if err != nil {
		return nil, err
	}
	rs, err := Parse(BuiltinKabupatenCode, BuiltinKabupatenName, bytes.NewReader(kec), bytes.NewReader(desa))
	if err != nil {
		return nil, fmt.Errorf("region: built-in data: %w", err)
	}
	return rs, nil
}

// Parse reads a kecamatan CSV (columns code,name,lat,lng) and a desa CSV
// (columns code,kecamatan_code,name,type,lat,lng) of one kabupaten. Columns are
// found by header name, so their order does not matter. It returns the
// kabupaten (placed at the mean of the kecamatan centroids), then the
// kecamatan, then the desa, each level sorted by code, so parents come before
// children. Errors name the file and line.
func Parse(kabCode, kabName string, kecamatan, desa io.Reader) ([]Region, error) {
	kab := Region{Code: kabCode, Name: kabName, Level: LevelKabupaten}
	var kecs, desas []Region
	seen := map[string]bool{}

	err := readCSV("kecamatan", kecamatan, []string{"code", "name", "lat", "lng"}, func(get func(string) string) error {
		r := Region{Code: get("code"), Name: get("name"), Level: LevelKecamatan, ParentCode: new(kabCode)}
		if err := checkChild(kabCode, r.Code, 2); err != nil {
			return err
		}
		if err := finish(&r, get, seen); err != nil {
			return err
		}
		kecs = append(kecs, r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(kecs) == 0 {
		return nil, errors.New("kecamatan: no rows")
	}

	err = readCSV("desa", desa, []string{"code", "kecamatan_code", "name", "type", "lat", "lng"}, func(get func(string) string) error {
		parent := get("kecamatan_code")
		r := Region{Code: get("code"), Name: get("name"), Level: LevelDesa, ParentCode: new(parent), Kind: get("type")}
		if !slices.ContainsFunc(kecs, func(k Region) bool { return k.Code == parent }) {
			return fmt.Errorf("unknown kecamatan %q", parent)
		}
		if err := checkChild(parent, r.Code, 4); err != nil {
			return err
		}
		if r.Kind != KindDesa && r.Kind != KindKelurahan {
			return fmt.Errorf("type %q is neither desa nor kelurahan", r.Kind)
		}
		if err := finish(&r, get, seen); err != nil {
			return err
		}
		desas = append(desas, r)
		return nil
	})
	if err != nil {
		return nil, err
	}

	for _, k := range kecs {
		kab.Lat += k.Lat
		kab.Lng += k.Lng
	}
	kab.Lat /= float64(len(kecs))
	kab.Lng /= float64(len(kecs))

	byCode := func(a, b Region) int { return strings.Compare(a.Code, b.Code) }
	slices.SortFunc(kecs, byCode)
	slices.SortFunc(desas, byCode)
	return slices.Concat([]Region{kab}, kecs, desas), nil
}

// checkChild reports whether code is parent + "." + digits digits, the
// Kemendagri pattern (17.02 → 17.02.06 → 17.02.06.1015).
func checkChild(parent, code string, digits int) error {
	rest, ok := strings.CutPrefix(code, parent+".")
	if !ok || len(rest) != digits || strings.Trim(rest, "0123456789") != "" {
		return fmt.Errorf("code %q is not %s followed by a dot and %d digits", code, parent, digits)
	}
	return nil
}

// finish checks the name and uniqueness of r and parses its coordinates.
func finish(r *Region, get func(string) string, seen map[string]bool) error {
	if strings.TrimSpace(r.Name) == "" {
		return fmt.Errorf("%s: empty name", r.Code)
	}
	if seen[r.Code] {
		return fmt.Errorf("%s: duplicate code", r.Code)
	}
	seen[r.Code] = true
	var err error
	if r.Lat, err = coord(get("lat"), 90); err != nil {
		return fmt.Errorf("%s: lat: %w", r.Code, err)
	}
	if r.Lng, err = coord(get("lng"), 180); err != nil {
		return fmt.Errorf("%s: lng: %w", r.Code, err)
	}
	return nil
}

// coord parses a decimal degree within ±limit (this also rejects NaN and Inf).
func coord(s string, limit float64) (float64, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, err
	}
	if !(v >= -limit && v <= limit) {
		return 0, fmt.Errorf("%v is out of range", v)
	}
	return v, nil
}

// readCSV calls row for every record after the header, with a lookup of the
// record's fields by column name. Errors are prefixed with name and the line.
func readCSV(name string, in io.Reader, cols []string, row func(get func(string) string) error) error {
	cr := csv.NewReader(in)
	header, err := cr.Read()
	if err != nil {
		return fmt.Errorf("%s: header: %w", name, err)
	}
	idx := map[string]int{}
	for i, h := range header {
		idx[strings.TrimSpace(h)] = i
	}
	for _, c := range cols {
		if _, ok := idx[c]; !ok {
			return fmt.Errorf("%s line 1: missing column %q", name, c)
		}
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			// csv.ParseError already names the line.
			return fmt.Errorf("%s: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		if err := row(func(c string) string { return rec[idx[c]] }); err != nil {
			return fmt.Errorf("%s line %d: %w", name, line, err)
		}
	}
}
