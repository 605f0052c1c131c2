package region_test

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"jemputbola/internal/region"
)

func TestBuiltin(t *testing.T) {
	rs, err := region.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	kinds := map[string]int{}
	byCode := map[string]region.Region{}
	rank := map[string]int{region.LevelKabupaten: 0, region.LevelKecamatan: 1, region.LevelDesa: 2}
	for i, r := range rs {
		count[r.Level]++
		byCode[r.Code] = r
		if r.Level == region.LevelDesa {
			kinds[r.Kind]++
		}
		if i > 0 {
			prev := rs[i-1]
			if rank[prev.Level] > rank[r.Level] || (prev.Level == r.Level && prev.Code >= r.Code) {
				t.Errorf("order: %s (%s) before %s (%s)", prev.Code, prev.Level, r.Code, r.Level)
			}
		}
	}
	if len(byCode) != len(rs) {
		t.Errorf("%d regions but %d distinct codes", len(rs), len(byCode))
	}
	for level, want := range map[string]int{region.LevelKabupaten: 1, region.LevelKecamatan: 15, region.LevelDesa: 156} {
		if count[level] != want {
			t.Errorf("%s: %d regions, want %d", level, count[level], want)
		}
	}
	if kinds["desa"] != 122 || kinds["kelurahan"] != 34 {
		t.Errorf("kinds = %v, want 122 desa and 34 kelurahan", kinds)
	}

	kab := rs[0]
	if kab.Code != region.BuiltinKabupatenCode || kab.Name != region.BuiltinKabupatenName ||
		kab.Level != region.LevelKabupaten || kab.ParentCode != nil || kab.Kind != "" {
		t.Errorf("kabupaten = %+v", kab)
	}
	var lat, lng float64
	for _, r := range rs {
		if r.Level == region.LevelKecamatan {
			lat += r.Lat / 15
			lng += r.Lng / 15
		}
	}
	if math.Abs(kab.Lat-lat) > 1e-9 || math.Abs(kab.Lng-lng) > 1e-9 {
		t.Errorf("kabupaten at %v,%v, want mean of kecamatan %v,%v", kab.Lat, kab.Lng, lat, lng)
	}

	wantParent := map[string]string{region.LevelKecamatan: region.LevelKabupaten, region.LevelDesa: region.LevelKecamatan}
	for _, r := range rs[1:] {
		if r.ParentCode == nil {
			t.Errorf("%s has no parent", r.Code)
			continue
		}
		p, ok := byCode[*r.ParentCode]
		if !ok || p.Level != wantParent[r.Level] || !strings.HasPrefix(r.Code, p.Code+".") {
			t.Errorf("%s (%s): bad parent %q", r.Code, r.Level, *r.ParentCode)
		}
		if r.Lat > -2 || r.Lat < -4 || r.Lng < 101 || r.Lng > 104 {
			t.Errorf("%s at %v,%v: outside Rejang Lebong", r.Code, r.Lat, r.Lng)
		}
	}

	spot := []struct {
		code, name, level, parent, kind string
	}{
		{"17.02.06.1015", "Bedeng SS", region.LevelDesa, "17.02.06", "kelurahan"},
		{"17.02.06", "Kota Padang", region.LevelKecamatan, "17.02", ""},
		{"17.02.06.2001", "Derati", region.LevelDesa, "17.02.06", "desa"},
	}
	for _, s := range spot {
		r := byCode[s.code]
		if r.Name != s.name || r.Level != s.level || r.ParentCode == nil || *r.ParentCode != s.parent || r.Kind != s.kind {
			t.Errorf("%s = %+v, want %s %s in %s (%q)", s.code, r, s.level, s.name, s.parent, s.kind)
		}
	}
}

func TestDesaGeoJSON(t *testing.T) {
	var fc struct {
		Type     string
		Features []struct {
			Properties struct{ Code, Name string }
			Geometry   struct{ Type string }
		}
	}
	if err := json.Unmarshal(region.DesaGeoJSON, &fc); err != nil {
		t.Fatal(err)
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) != 156 {
		t.Fatalf("%s with %d features, want FeatureCollection with 156", fc.Type, len(fc.Features))
	}
	rs, err := region.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, r := range rs {
		if r.Level == region.LevelDesa {
			names[r.Code] = r.Name
		}
	}
	for _, f := range fc.Features {
		if name, ok := names[f.Properties.Code]; !ok || name != f.Properties.Name {
			t.Errorf("feature %s %q: no such desa in Builtin", f.Properties.Code, f.Properties.Name)
		}
		if g := f.Geometry.Type; g != "Polygon" && g != "MultiPolygon" {
			t.Errorf("feature %s: geometry %q", f.Properties.Code, g)
		}
	}
}

func TestParse(t *testing.T) {
	const kec = "code,name,lat,lng\n17.02.06,Kota Padang,-3.4,102.9\n17.02.07,Padang Ulak Tanding,-3.3,102.7\n"
	const desaHeader = "code,kecamatan_code,name,type,lat,lng\n"
	const desa = desaHeader + "17.02.07.2001,17.02.07,Lubuk Mumpo,desa,-3.3,102.8\n17.02.06.1004,17.02.06,Kota Padang,kelurahan,-3.4,102.97\n"
	tests := []struct {
		name, kec, desa string
		wantErr         string // "" for success
		wantCodes       string
	}{
		{name: "ok", kec: kec, desa: desa,
			wantCodes: "17.02 17.02.06 17.02.07 17.02.06.1004 17.02.07.2001"},
		{name: "columns in another order", kec: "lng,lat,name,code\n102.9,-3.4,Kota Padang,17.02.06\n",
			desa:      "name,type,code,lng,lat,kecamatan_code\nDerati,desa,17.02.06.2001,102.98,-3.44,17.02.06\n",
			wantCodes: "17.02 17.02.06 17.02.06.2001"},
		{name: "missing column", kec: "code,name,lat\n17.02.06,Kota Padang,-3.4\n", desa: desa,
			wantErr: `kecamatan line 1: missing column "lng"`},
		{name: "no kecamatan", kec: "code,name,lat,lng\n", desa: desaHeader, wantErr: "kecamatan: no rows"},
		{name: "kecamatan of another kabupaten", kec: kec + "17.03.01,Elsewhere,-3,102\n", desa: desa,
			wantErr: "kecamatan line 4: code \"17.03.01\""},
		{name: "short desa code", kec: kec, desa: desaHeader + "17.02.06.201,17.02.06,X,desa,-3,102\n",
			wantErr: "desa line 2: code \"17.02.06.201\""},
		{name: "desa code outside its kecamatan", kec: kec, desa: desa + "17.02.06.2001,17.02.07,X,desa,-3,102\n",
			wantErr: "desa line 4: code \"17.02.06.2001\" is not 17.02.07"},
		{name: "unknown kecamatan", kec: kec, desa: desaHeader + "17.02.09.1001,17.02.09,X,kelurahan,-3,102\n",
			wantErr: `desa line 2: unknown kecamatan "17.02.09"`},
		{name: "bad type", kec: kec, desa: desaHeader + "17.02.06.1001,17.02.06,X,kota,-3,102\n",
			wantErr: `desa line 2: type "kota"`},
		{name: "duplicate", kec: kec, desa: desa + "17.02.06.1004,17.02.06,Again,kelurahan,-3,102\n",
			wantErr: "desa line 4: 17.02.06.1004: duplicate code"},
		{name: "empty name", kec: kec, desa: desaHeader + "17.02.06.1001,17.02.06, ,desa,-3,102\n",
			wantErr: "desa line 2: 17.02.06.1001: empty name"},
		{name: "bad lat", kec: kec, desa: desaHeader + "17.02.06.1001,17.02.06,X,desa,abc,102\n",
			wantErr: "desa line 2: 17.02.06.1001: lat"},
		{name: "lng out of range", kec: "code,name,lat,lng\n17.02.06,Kota Padang,-3.4,200\n", desa: desaHeader,
			wantErr: "kecamatan line 2: 17.02.06: lng: 200 is out of range"},
		{name: "NaN", kec: "code,name,lat,lng\n17.02.06,Kota Padang,NaN,102\n", desa: desaHeader,
			wantErr: "kecamatan line 2: 17.02.06: lat"},
		{name: "wrong field count", kec: kec, desa: desaHeader + "17.02.06.1001,17.02.06,X\n",
			wantErr: "desa: record on line 2: wrong number of fields"},
	}
	for _, tt := range tests {
		rs, err := region.Parse("17.02", "Kabupaten Rejang Lebong", strings.NewReader(tt.kec), strings.NewReader(tt.desa))
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		var codes []string
		for _, r := range rs {
			codes = append(codes, r.Code)
		}
		if got := strings.Join(codes, " "); got != tt.wantCodes {
			t.Errorf("%s: codes %q, want %q", tt.name, got, tt.wantCodes)
		}
	}
}
