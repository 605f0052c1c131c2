package region_test

import (
	"encoding/json"
	"strings"
	"testing"

	"jemputbola/internal/region"
)

// TestSubtree checks Rejang Lebong as the national list gives it: the
// province, the kabupaten, 15 kecamatan and 156 desa, parents first.
func TestSubtree(t *testing.T) {
	rs, err := region.Subtree("17.02")
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	kinds := map[string]int{}
	byCode := map[string]region.Region{}
	for _, r := range rs {
		count[r.Level]++
		byCode[r.Code] = r
		if r.Level == region.LevelDesa {
			kinds[r.Kind]++
		}
		if r.ParentCode != nil {
			p, ok := byCode[*r.ParentCode]
			if !ok || !strings.HasPrefix(r.Code, p.Code+".") {
				t.Errorf("%s: parent %q missing or listed later", r.Code, *r.ParentCode)
			}
		}
	}
	want := map[string]int{region.LevelProvinsi: 1, region.LevelKabKota: 1, region.LevelKecamatan: 15, region.LevelDesa: 156}
	for level, n := range want {
		if count[level] != n {
			t.Errorf("%s: %d regions, want %d", level, count[level], n)
		}
	}
	if kinds[region.KindDesa] != 122 || kinds[region.KindKelurahan] != 34 {
		t.Errorf("kinds = %v, want 122 desa and 34 kelurahan", kinds)
	}
	spot := []struct{ code, name, level, parent, kind string }{
		{"17", "Bengkulu", region.LevelProvinsi, "", ""},
		{"17.02", "Kabupaten Rejang Lebong", region.LevelKabKota, "17", "kabupaten"},
		{"17.02.06", "Kota Padang", region.LevelKecamatan, "17.02", ""},
		{"17.02.06.1015", "Bedeng SS", region.LevelDesa, "17.02.06", "kelurahan"},
	}
	for _, s := range spot {
		r := byCode[s.code]
		parent := ""
		if r.ParentCode != nil {
			parent = *r.ParentCode
		}
		if r.Name != s.name || r.Level != s.level || parent != s.parent || r.Kind != s.kind {
			t.Errorf("%s = %+v, want %s %s in %q (%q)", s.code, r, s.level, s.name, s.parent, s.kind)
		}
	}
	if _, err := region.Subtree("99.99"); err == nil {
		t.Error("unknown code: no error")
	}
	prov, err := region.Subtree("17")
	if err != nil {
		t.Fatal(err)
	}
	count = map[string]int{}
	for _, r := range prov {
		count[r.Level]++
	}
	if count[region.LevelKabKota] != 10 || count[region.LevelKecamatan] != 129 || count[region.LevelDesa] != 1513 {
		t.Errorf("Provinsi Bengkulu: %v, want 10 kab/kota, 129 kecamatan, 1513 desa", count)
	}
}

func TestLookup(t *testing.T) {
	for code, name := range map[string]string{"17.71": "Kota Bengkulu", "91.03": "Kabupaten Jayapura", "11": "Aceh"} {
		if r, ok := region.Lookup(code); !ok || r.Name != name {
			t.Errorf("Lookup(%s) = %+v, %v; want %s", code, r, ok, name)
		}
	}
	if _, ok := region.Lookup("17.99"); ok {
		t.Error("Lookup(17.99) found a region")
	}
}

// TestShippedPolygons checks that every shipped polygon names a region of the
// national list with its name.
func TestShippedPolygons(t *testing.T) {
	for name, load := range map[string]func() ([]byte, error){"desa": region.BengkuluDesaGeoJSON, "kabkota": region.KabKotaGeoJSON} {
		b, err := load()
		if err != nil {
			t.Fatal(err)
		}
		var fc struct {
			Type     string
			Features []struct {
				Properties struct{ Code, Name string }
				Geometry   struct{ Type string }
			}
		}
		if err := json.Unmarshal(b, &fc); err != nil {
			t.Fatal(err)
		}
		want := map[string]int{"desa": 1513, "kabkota": 514}[name]
		if fc.Type != "FeatureCollection" || len(fc.Features) != want {
			t.Fatalf("%s: %s with %d features, want %d", name, fc.Type, len(fc.Features), want)
		}
		for _, f := range fc.Features[:40] { // Lookup reads the list: a sample is enough
			if r, ok := region.Lookup(f.Properties.Code); !ok || r.Name != strings.TrimSpace(f.Properties.Name) {
				t.Errorf("%s feature %s %q: not in the national list", name, f.Properties.Code, f.Properties.Name)
			}
		}
		for _, f := range fc.Features {
			if g := f.Geometry.Type; g != "Polygon" && g != "MultiPolygon" {
				t.Errorf("%s feature %s: geometry %q", name, f.Properties.Code, g)
			}
		}
	}
}
