package region_test

import (
	"reflect"
	"testing"

	"jemputbola/internal/region"
)

func TestDemoFigures(t *testing.T) {
	builtin, err := region.Subtree("17.02")
	if err != nil {
		t.Fatal(err)
	}
	three := []region.Region{
		{Code: "17.02", Level: region.LevelKabKota}, // ignored
		{Code: "17.02.09", Level: region.LevelKecamatan},
		{Code: "17.02.09.1001", Level: region.LevelDesa, Kind: "kelurahan"},
		{Code: "17.02.10.2001", Level: region.LevelDesa, Kind: "desa"},
		{Code: "17.02.10.2002", Level: region.LevelDesa, Kind: "desa"},
	}
	tests := []struct {
		name  string
		in    []region.Region
		codes int
	}{
		{"builtin", builtin, 156},
		{"three desa", three, 3},
	}
	for _, tt := range tests {
		figs := region.DemoFigures(tt.in)
		if len(figs) != tt.codes {
			t.Fatalf("%s: %d figures, want %d", tt.name, len(figs), tt.codes)
		}
		if again := region.DemoFigures(tt.in); !reflect.DeepEqual(figs, again) {
			t.Errorf("%s: two calls differ", tt.name)
		}

		kind := map[string]string{}
		var want []string
		for _, r := range tt.in {
			if r.Level == region.LevelDesa {
				kind[r.Code] = r.Kind
				want = append(want, r.Code)
			}
		}
		var rec, act int64
		var sum, n [2]int64 // by rural (0) and urban (1)
		for i, f := range figs {
			if f.DesaCode != want[i] {
				t.Errorf("%s: figure %d is %s, want %s", tt.name, i, f.DesaCode, want[i])
			}
			if f.Recorded <= 0 || f.Activated < 0 || f.Activated > f.Recorded {
				t.Errorf("%s: %s: recorded %d, activated %d", tt.name, f.DesaCode, f.Recorded, f.Activated)
			}
			// 1.03..1.08 of recorded, rounded.
			if f.WajibKTP*100 < f.Recorded*103-50 || f.WajibKTP*100 > f.Recorded*108+50 {
				t.Errorf("%s: %s: wajib KTP %d for %d recorded", tt.name, f.DesaCode, f.WajibKTP, f.Recorded)
			}
			rec += f.Recorded
			act += f.Activated
			k := 0
			if kind[f.DesaCode] == "kelurahan" {
				k = 1
			}
			sum[k] += f.Recorded
			n[k]++
			if tt.codes > 100 {
				// Plausible IKD share per desa: about 2% to 10%.
				if share := f.Activated * 10000 / f.Recorded; share < 150 || share > 1100 {
					t.Errorf("%s: %s: IKD share %d bp", tt.name, f.DesaCode, share)
				}
			}
		}
		if rec != region.DemoRecordedTotal || act != region.DemoActivatedTotal {
			t.Errorf("%s: sums %d recorded, %d activated; want %d, %d",
				tt.name, rec, act, region.DemoRecordedTotal, region.DemoActivatedTotal)
		}
		// Over many desa, a kelurahan is on average about 2–3× a rural desa.
		if urban, rural := sum[1]*n[0], sum[0]*n[1]; tt.codes > 100 && (urban < rural*2 || urban > rural*3) {
			t.Errorf("%s: mean kelurahan/desa = %d/%d", tt.name, sum[1]/n[1], sum[0]/n[0])
		}
	}
}

func TestDemoFiguresEmpty(t *testing.T) {
	tests := [][]region.Region{
		nil,
		{{Code: "17.02", Level: region.LevelKabKota}},
	}
	for _, in := range tests {
		if got := region.DemoFigures(in); len(got) != 0 {
			t.Errorf("DemoFigures(%v) = %v, want none", in, got)
		}
	}
}
