package progress_test

import (
	"slices"
	"testing"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/coverage"
	"jemputbola/internal/dbtest"
	"jemputbola/internal/progress"
	"jemputbola/internal/region"
	"jemputbola/internal/result"
	"jemputbola/internal/site"
)

func row(code, parent string, gap int64) region.Row {
	r := region.Row{Region: region.Region{Code: code, Name: "R" + code}, Row: coverage.Row{Gap: gap}}
	if parent != "" {
		r.ParentCode = &parent
	}
	return r
}

// overview is two kecamatan: K1 with desa a and b, K2 with desa c.
func overview() region.Overview {
	return region.Overview{
		Kecamatan: []region.Row{row("K1", "", 30), row("K2", "", 30)},
		Desa: map[string][]region.Row{
			"K1": {row("K1.a", "K1", 10), row("K1.b", "K1", 20)},
			"K2": {row("K2.c", "K2", 10)},
		},
	}
}

func TestLargestGaps(t *testing.T) {
	rows := []region.Row{row("b", "", 5), row("a", "", 5), row("c", "", 9), row("d", "", 0)}
	for _, tc := range []struct {
		n    int
		want []string
	}{
		{0, nil},
		{-1, nil},
		{1, []string{"c"}},
		{3, []string{"c", "a", "b"}}, // equal gaps by code
		{9, []string{"c", "a", "b", "d"}},
	} {
		var got []string
		for _, r := range progress.LargestGaps(rows, tc.n) {
			got = append(got, r.Code)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("n=%d: %v, want %v", tc.n, got, tc.want)
		}
	}
	if rows[0].Code != "b" {
		t.Error("LargestGaps reordered its argument")
	}
}

func TestLookups(t *testing.T) {
	c := progress.NewCoverage(overview(), nil)
	for _, tc := range []struct {
		code, kec string
		ok        bool
	}{
		{"K1.a", "K1", true}, {"K1.b", "K1", true}, {"K2.c", "K2", true},
		{"K1", "", false}, {"", "", false}, {"K9.z", "", false},
	} {
		d, k, ok := c.DesaByCode(tc.code)
		if ok != tc.ok || (ok && (d.Code != tc.code || k.Code != tc.kec)) {
			t.Errorf("DesaByCode(%q) = %s in %s, %v", tc.code, d.Code, k.Code, ok)
		}
	}
	if k, ok := c.KecamatanByCode("K2"); !ok || k.Code != "K2" {
		t.Errorf("KecamatanByCode(K2) = %+v, %v", k, ok)
	}
	if _, ok := c.KecamatanByCode("K1.a"); ok {
		t.Error("a desa code found as kecamatan")
	}
	var all []string
	for _, d := range c.AllDesa() {
		all = append(all, d.Code)
	}
	if !slices.Equal(all, []string{"K1.a", "K1.b", "K2.c"}) {
		t.Errorf("AllDesa = %v", all)
	}
}

func TestFieldSplit(t *testing.T) {
	for _, tc := range []struct {
		name         string
		desa         map[string]progress.Desa
		verified, un int64
	}{
		{"None", nil, 0, 0},
		{"Mixed", map[string]progress.Desa{"K1.a": {Field: 25, Verified: 20}, "K2.c": {Field: 6}}, 20, 11},
		{"AllVerified", map[string]progress.Desa{"K1.a": {Field: 4, Verified: 4}}, 4, 0},
	} {
		v, u := progress.NewCoverage(overview(), tc.desa).FieldSplit()
		if v != tc.verified || u != tc.un {
			t.Errorf("%s: %d verified, %d not, want %d and %d", tc.name, v, u, tc.verified, tc.un)
		}
	}
}

func TestReconcile(t *testing.T) {
	fig := func(asOf string, n int64) region.Figure { return region.Figure{AsOf: asOf, IkdActivated: n} }
	before := map[string]region.Figure{"K1.a": fig("2026-01-31", 100), "K1.b": fig("2026-01-31", 50), "K2.c": fig("2026-01-31", 10)}
	after := map[string]region.Figure{"K1.a": fig("2026-03-31", 120), "K1.b": fig("2026-03-31", 100), "K2.c": fig("2026-01-31", 10)}
	field := map[string]int64{"K1.a": 50, "K1.b": 45, "K2.c": 3}
	rows := progress.Reconcile(progress.NewCoverage(overview(), nil), before, after, field, 10)
	want := []progress.ReconcileRow{
		{Code: "K1.a", Name: "RK1.a", Kecamatan: "RK1", Field: 50, Official: 20, Difference: -30, Comparable: true, Flagged: true},
		{Code: "K1.b", Name: "RK1.b", Kecamatan: "RK1", Field: 45, Official: 50, Difference: 5, Comparable: true},
		{Code: "K2.c", Name: "RK2.c", Kecamatan: "RK2", Field: 3}, // no newer figure at To
	}
	if !slices.Equal(rows, want) {
		t.Fatalf("rows\n%+v\nwant\n%+v", rows, want)
	}
	if rows := progress.Reconcile(progress.NewCoverage(overview(), nil), before, after, field, 30); rows[0].Flagged {
		t.Error("a difference of exactly the threshold is flagged")
	}
}

// TestMonth: the report of the running month is the dashboard's snapshot; a
// past month counts each desa at its own newest figure up to the month's end,
// plus the field after it up to that end.
func TestMonth(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		w := newWorld(t, g)
		ctx := w.ctx
		w.visit("Tim A", desaA, site.Sekolah, "2026-03-31", 7, result.Verified) // on desa A's figure date: in it already
		w.visit("Tim A", desaA, site.Sekolah, "2026-04-02", 20, result.Verified)
		w.visit("Tim B", desaA, site.Desa, "2026-05-03", 5, result.Unverified)
		w.visit("Tim A", desaB, site.Desa, "2026-03-01", 4, result.Verified) // before desa B's only figure
		w.visit("Tim A", desaC, site.Sekolah, "2026-02-10", 6, result.Unverified)
		w.visit("Tim B", desaC, site.Desa, "2026-04-20", 9, result.SentBack)
		zone := time.FixedZone("WIB", 7*3600)
		now := time.Date(2026, 5, 10, 9, 0, 0, 0, zone)
		cache := progress.NewCache(progress.NewStore(g), w.scope)
		cases := []struct {
			month               time.Time
			current             bool
			activated, recorded int64
			visits, activations int64
		}{
			// Feb: desa A at its Jan figure (50), B none yet, C's 6 in the field.
			{time.Date(2026, 2, 1, 0, 0, 0, 0, zone), false, 50 + 6, 1000, 1, 6},
			// Mar: A 100 (Mar 31) + B 10 + B's 4 before its figure is in it + C 6.
			{time.Date(2026, 3, 1, 0, 0, 0, 0, zone), false, 100 + 10 + 6, 1500, 2, 11},
			// Apr: + A's 20; C's sent-back 9 never counts.
			{time.Date(2026, 4, 1, 0, 0, 0, 0, zone), false, 100 + 10 + 6 + 20, 1500, 2, 20},
			// May, running: today's snapshot.
			{time.Date(2026, 5, 1, 0, 0, 0, 0, zone), true, 100 + 10 + 6 + 20 + 5, 1500, 1, 5},
			{time.Date(2026, 8, 1, 0, 0, 0, 0, zone), true, 100 + 10 + 6 + 20 + 5, 1500, 1, 5}, // future: this month
		}
		for _, tc := range cases {
			m, err := cache.Month(ctx, tc.month, now, weekdays)
			if err != nil {
				t.Fatal(err)
			}
			k := m.Coverage.Office
			if m.Current != tc.current || k.Activated != tc.activated || k.Recorded != tc.recorded ||
				m.Breakdown.Total.Visits != tc.visits || m.Breakdown.Total.Activations != tc.activations {
				t.Errorf("%s: current %v, IKD %d of %d, %d visits with %d; want %v, %d of %d, %d with %d", tc.month.Format("2006-01"),
					m.Current, k.Activated, k.Recorded, m.Breakdown.Total.Visits, m.Breakdown.Total.Activations,
					tc.current, tc.activated, tc.recorded, tc.visits, tc.activations)
			}
		}
		snap, err := cache.Get(ctx, now)
		if err != nil {
			t.Fatal(err)
		}
		m, _ := cache.Month(ctx, now, now, weekdays)
		if m.Coverage.Office != snap.Coverage.Office || !m.End.Equal(now) {
			t.Errorf("running month %+v, dashboard %+v", m.Coverage.Office, snap.Coverage.Office)
		}
		// The trend ends where the coverage stands, though desa B's figure is
		// newer than the field logged in desa C (no figure) and desa B itself.
		if got, want := snap.Series.At(now), snap.Coverage.Office.Activated; got != want {
			t.Errorf("trend at today %d, coverage %d", got, want)
		}
		s, err := progress.NewStore(g).Series(ctx, time.Date(2026, 4, 1, 0, 0, 0, 0, zone), "")
		if err != nil {
			t.Fatal(err)
		}
		if got := s.At(time.Date(2026, 4, 30, 0, 0, 0, 0, zone)); got != 100+10+6+20 {
			t.Errorf("trend at the end of April %d, want the April report's %d", got, 100+10+6+20)
		}
	})
}

// weekdays is a Monday-to-Friday office without days off.
func weekdays(d time.Time) bool { return d.Weekday() != time.Saturday && d.Weekday() != time.Sunday }
