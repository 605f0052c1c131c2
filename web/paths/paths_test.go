package paths

import (
	"net/url"
	"testing"
)

func TestFor(t *testing.T) {
	if got := For(Result, 7); got != "/kunjungan/7/hasil" {
		t.Errorf("For(Result, 7) = %q", got)
	}
	if got := ForCode(Kecamatan, "17.02 06"); got != "/wilayah/17.02%2006" {
		t.Errorf("ForCode = %q", got)
	}
}

func TestWith(t *testing.T) {
	for _, c := range []struct {
		path string
		q    url.Values
		want string
	}{
		{Week, nil, "/jadwal"},
		{Week, url.Values{}, "/jadwal"},
		{Week, url.Values{"week": {"2026-01-05"}, "team_id": {""}}, "/jadwal?team_id=&week=2026-01-05"},
		{Login, url.Values{"next": {"/lokasi?q=sd negeri&kec=17.02"}}, "/login?next=%2Flokasi%3Fq%3Dsd+negeri%26kec%3D17.02"},
		{For(Visit, 3), url.Values{"a": {"x&y=z"}}, "/kunjungan/3?a=x%26y%3Dz"},
	} {
		if got := With(c.path, c.q); got != c.want {
			t.Errorf("With(%q, %v) = %q, want %q", c.path, c.q, got, c.want)
		}
	}
}
