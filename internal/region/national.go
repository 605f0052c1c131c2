package region

import (
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Level of a region in the Kemendagri hierarchy.
const (
	LevelProvinsi  = "provinsi"
	LevelKabKota   = "kabkota"
	LevelKecamatan = "kecamatan"
	LevelDesa      = "desa"
)

// Kinds of a desa-level region.
const (
	KindDesa      = "desa"
	KindKelurahan = "kelurahan"
	KindDesaAdat  = "desa_adat"
)

// DefaultOfficeCode is the office a database without any gets on first start.
const DefaultOfficeCode = "17.02" // Kabupaten Rejang Lebong

// Region is one provinsi, kab/kota, kecamatan or desa/kelurahan, keyed by its
// Kemendagri code (17 → 17.02 → 17.02.06 → 17.02.06.2001).
type Region struct {
	Code       string `gorm:"primaryKey"`
	Name       string
	Level      string
	ParentCode *string // nil for a provinsi
	Kind       string  // desa, kelurahan or desa_adat; kabupaten or kota; "" otherwise
	Lat, Lng   float64 // centroid of the region's polygon; 0, 0 when unknown
}

// TableName keeps GORM on the migrated table.
func (Region) TableName() string { return "regions" }

//go:embed data/indonesia_wilayah.csv.gz data/bengkulu_desa.geojson.gz data/indonesia_kabkota.geojson.gz
var dataFS embed.FS

// Subtree returns the region code, its ancestors and everything under it from
// the built-in national list, parents before children. Errors: no such code.
func Subtree(code string) ([]Region, error) {
	var rs []Region
	err := eachNational(func(r Region) bool {
		if r.Code == code || strings.HasPrefix(r.Code, code+".") || strings.HasPrefix(code, r.Code+".") {
			rs = append(rs, r)
		}
		// Rows are sorted by code, so the subtree ends at the first code past it.
		return r.Code <= code || strings.HasPrefix(r.Code, code+".")
	})
	if err != nil {
		return nil, err
	}
	if !containsCode(rs, code) {
		return nil, fmt.Errorf("kode wilayah %q tidak dikenal", code)
	}
	return rs, nil
}

func containsCode(rs []Region, code string) bool {
	for _, r := range rs {
		if r.Code == code {
			return true
		}
	}
	return false
}

// Lookup returns one region of the built-in national list.
func Lookup(code string) (Region, bool) {
	var found Region
	ok := false
	err := eachNational(func(r Region) bool {
		if r.Code == code {
			found, ok = r, true
			return false
		}
		return r.Code < code
	})
	return found, ok && err == nil
}

// eachNational calls fn for each row of the national list in code order until
// fn returns false.
func eachNational(fn func(Region) bool) error {
	b, err := dataFS.ReadFile("data/indonesia_wilayah.csv.gz")
	if err != nil {
		return err
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return err
	}
	cr := csv.NewReader(zr)
	cr.ReuseRecord = true
	if _, err := cr.Read(); err != nil { // code,parent_code,level,name,kind,lat,lng
		return err
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("region: national list: %w", err)
		}
		r := Region{Code: rec[0], Name: strings.TrimSpace(rec[3]), Level: rec[2], Kind: rec[4]}
		if rec[1] != "" {
			r.ParentCode = new(rec[1])
		}
		r.Lat, _ = strconv.ParseFloat(rec[5], 64) // empty where the source has no centroid
		r.Lng, _ = strconv.ParseFloat(rec[6], 64)
		if !fn(r) {
			return nil
		}
	}
}

// gunzipped returns an embedded data file, uncompressed.
func gunzipped(name string) ([]byte, error) {
	b, err := dataFS.ReadFile(name)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// BengkuluDesaGeoJSON is the FeatureCollection of the polygons of every desa
// of Provinsi Bengkulu (properties "code" and "name").
func BengkuluDesaGeoJSON() ([]byte, error) { return gunzipped("data/bengkulu_desa.geojson.gz") }

// KabKotaGeoJSON is the FeatureCollection of the polygons of every kab/kota
// of Indonesia (properties "code" and "name").
func KabKotaGeoJSON() ([]byte, error) { return gunzipped("data/indonesia_kabkota.geojson.gz") }

// KabKotaCodes lists the code of every kab/kota of Indonesia, in code order.
func KabKotaCodes() []string {
	rs := KabKota()
	codes := make([]string, len(rs))
	for i, r := range rs {
		codes[i] = r.Code
	}
	return codes
}

// KabKota lists every kab/kota of Indonesia in code order, read once.
var KabKota = sync.OnceValue(func() []Region {
	var rs []Region
	_ = eachNational(func(r Region) bool { // the embedded list is known to parse (TestSubtree)
		if r.Level == LevelKabKota {
			rs = append(rs, r)
		}
		return true
	})
	return rs
})

// IsKabKota reports whether code names a kab/kota of Indonesia.
func IsKabKota(code string) bool {
	rs := KabKota()
	i := sort.Search(len(rs), func(i int) bool { return rs[i].Code >= code })
	return i < len(rs) && rs[i].Code == code
}
