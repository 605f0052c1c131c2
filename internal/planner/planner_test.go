package planner_test

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"jemputbola/internal/planner"
	"jemputbola/internal/planner/plannertest"
)

// check asserts the properties every plan must have.
func check(t *testing.T, in planner.Input, p planner.Plan) {
	t.Helper()
	teams, sites := map[int64]planner.Team{}, map[int64]string{} // site id → kind
	for _, tm := range in.Teams {
		teams[tm.ID] = tm
	}
	for _, s := range in.Sites {
		sites[s.ID] = s.Kind
	}
	type key struct {
		team int64
		day  string
	}
	windows := map[key][][2]string{}
	load := map[key]int64{}
	sitesBusy, peopleBusy := map[key][][2]string{}, map[key][][2]string{} // keyed by site or person id
	occupy := func(v planner.Visit) {
		k := key{v.TeamID, v.Date}
		windows[k] = append(windows[k], [2]string{v.Start, v.End})
		load[k] += v.ExpectedActivations
		sk := key{v.SiteID, v.Date}
		sitesBusy[sk] = append(sitesBusy[sk], [2]string{v.Start, v.End})
		for _, p := range in.People[v.TeamID] {
			pk := key{p, v.Date}
			peopleBusy[pk] = append(peopleBusy[pk], [2]string{v.Start, v.End})
		}
	}
	for _, v := range in.Existing {
		occupy(v)
	}
	var sum int64
	for _, v := range p.Visits {
		if _, ok := teams[v.TeamID]; !ok || sites[v.SiteID] == "" {
			t.Fatalf("visit to unknown team or site: %+v", v)
		}
		d, err := time.Parse(time.DateOnly, v.Date)
		if err != nil || v.Date < in.From || v.Date > in.To || d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
			t.Fatalf("visit on a day off or out of range: %+v", v)
		}
		if slices.Contains(in.Holidays, v.Date) {
			t.Fatalf("visit on a holiday: %+v", v)
		}
		if sites[v.SiteID] == planner.KindSekolah && slices.Contains(in.SchoolHolidays, v.Date) {
			t.Fatalf("school visited during the school holidays: %+v", v)
		}
		if h, ok := planner.OpenHours[sites[v.SiteID]]; ok && (v.Start < h[0] || v.End > h[1]) {
			t.Fatalf("%s visited outside its hours %v: %+v", sites[v.SiteID], h, v)
		}
		if v.Start >= v.End || v.ExpectedActivations < 1 {
			t.Fatalf("bad visit %+v", v)
		}
		overlap := func(ws [][2]string) bool {
			for _, w := range ws {
				if v.Start < w[1] && w[0] < v.End {
					return true
				}
			}
			return false
		}
		if overlap(windows[key{v.TeamID, v.Date}]) {
			t.Fatalf("team %d double-booked: %+v", v.TeamID, v)
		}
		if overlap(sitesBusy[key{v.SiteID, v.Date}]) {
			t.Fatalf("site %d hosts two teams at once: %+v", v.SiteID, v)
		}
		for _, p := range in.People[v.TeamID] {
			if overlap(peopleBusy[key{p, v.Date}]) {
				t.Fatalf("person %d in two visits at once: %+v", p, v)
			}
		}
		occupy(v)
		sum += v.ExpectedActivations
	}
	// A repeat visit (not a follow-up) never expects more than the one before
	// it at the site (equal only as whole numbers round), unless that one was
	// cut to what its team had left that day.
	last := map[int64]planner.Visit{}
	for _, v := range p.Visits { // by date, team and start
		if v.Followup != "" {
			continue
		}
		prev, ok := last[v.SiteID]
		full := load[key{prev.TeamID, prev.Date}] == teams[prev.TeamID].Capacity
		if ok && !full && v.ExpectedActivations > prev.ExpectedActivations {
			t.Fatalf("site %d: a repeat expects %d after %d: %+v", v.SiteID, v.ExpectedActivations, prev.ExpectedActivations, v)
		}
		last[v.SiteID] = v
	}
	for k, l := range load {
		if l > teams[k.team].Capacity && windowsNew(p, k.team, k.day) {
			t.Fatalf("team %d over capacity on %s: %d > %d", k.team, k.day, l, teams[k.team].Capacity)
		}
	}
	if sum != p.ExpectedActivations {
		t.Fatalf("total %d, visits sum to %d", p.ExpectedActivations, sum)
	}
}

// windowsNew: capacity is the planner's to respect only on days it added to.
func windowsNew(p planner.Plan, team int64, day string) bool {
	for _, v := range p.Visits {
		if v.TeamID == team && v.Date == day {
			return true
		}
	}
	return false
}

func TestProperties(t *testing.T) {
	for _, shape := range []string{plannertest.ShapeDense, plannertest.ShapeSparse, plannertest.ShapeMixed} {
		for seed := range int64(5) {
			t.Run(fmt.Sprintf("%s/%d", shape, seed), func(t *testing.T) {
				in := plannertest.Generate(shape, seed)
				in.Holidays = []string{"2026-01-13", "2026-02-17"}
				in.SchoolHolidays = []string{"2026-01-19", "2026-01-20", "2026-01-21", "2026-01-22", "2026-01-23"}
				existing := append([]planner.Visit(nil), in.Existing...)
				p, err := planner.Suggest(in)
				if err != nil {
					t.Fatal(err)
				}
				if len(p.Visits) == 0 {
					t.Fatal("empty plan")
				}
				if !slices.ContainsFunc(p.Visits, func(v planner.Visit) bool { return v.Start >= "12:00" }) {
					t.Fatal("no visit after the midday break")
				}
				check(t, in, p)
				if !reflect.DeepEqual(existing, in.Existing) {
					t.Fatal("existing visits changed")
				}
				again, _ := planner.Suggest(in)
				if !reflect.DeepEqual(p, again) {
					t.Fatal("same input, different plan")
				}
				b, err := planner.Baseline(in)
				if err != nil {
					t.Fatal(err)
				}
				check(t, in, b)
			})
		}
	}
}

func TestFollowups(t *testing.T) {
	in := plannertest.Generate(plannertest.ShapeMixed, 1)
	in.Followups = []planner.Followup{{SiteID: in.Sites[0].ID, NoEmail: 40, NoSignal: 5}}
	p, err := planner.Suggest(in)
	if err != nil {
		t.Fatal(err)
	}
	var found []planner.Visit
	for _, v := range p.Visits {
		if v.Followup != "" {
			found = append(found, v)
		}
	}
	if len(found) != 1 || found[0].SiteID != in.Sites[0].ID || found[0].Followup != "Sapu bersih: bantu membuat email, bawa hotspot" {
		t.Fatalf("follow-ups %+v", found)
	}
	if found[0].ExpectedActivations != 27 { // 60% of the 45 turned away
		t.Errorf("follow-up expects %d", found[0].ExpectedActivations)
	}
}

// TestRevisitsDiminish: each repeat visit to a site brings less, the more of
// its willing people were reached before: a small OPD is done after two
// visits, a campus falls visit by visit (no 59/59/59).
func TestRevisitsDiminish(t *testing.T) {
	for _, c := range []struct {
		eligible int64
		want     []int64
	}{
		// 100 eligible, 60 willing: half of the eligible at most, then the 10 willing left.
		{100, []int64{50, 10}},
		// 2,000 eligible: the willing are four first visits' worth (240).
		{2000, []int64{60, 45, 33, 25, 19}},
	} {
		in := planner.Input{From: "2026-01-05", To: "2026-01-09",
			Teams: []planner.Team{{ID: 1, Capacity: 100}},
			Sites: []planner.Site{{ID: 1, Kind: "opd", DesaCode: "d1", KecamatanCode: "k1", Eligible: c.eligible}},
			Desa:  []planner.Desa{{Code: "d1", KecamatanCode: "k1", Gap: 1000}}}
		p, err := planner.Suggest(in)
		if err != nil {
			t.Fatal(err)
		}
		var got []int64
		for _, v := range p.Visits {
			got = append(got, v.ExpectedActivations)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%d eligible: expected per visit %v, want %v", c.eligible, got, c.want)
		}
	}
}

func TestEdgeCases(t *testing.T) {
	base := plannertest.Generate(plannertest.ShapeDense, 3)
	cases := []struct {
		name   string
		mod    func(*planner.Input)
		err    string
		visits bool
	}{
		{"no teams", func(in *planner.Input) { in.Teams = nil }, "", false},
		{"no sites", func(in *planner.Input) { in.Sites = nil }, "", false},
		{"weekend only", func(in *planner.Input) { in.From, in.To = "2026-01-10", "2026-01-11" }, "", false},
		{"holidays", func(in *planner.Input) {
			in.From, in.To, in.Holidays = "2026-01-05", "2026-01-06", []string{"2026-01-05", "2026-01-06"}
		}, "", false},
		{"reversed", func(in *planner.Input) { in.From, in.To = "2026-02-01", "2026-01-01" }, "tanggal akhir sebelum tanggal awal", false},
		{"bad date", func(in *planner.Input) { in.From = "5 Januari" }, "TTTT-BB-HH", false},
		{"too long", func(in *planner.Input) { in.To = "2028-01-01" }, "paling lama", false},
		{"bad hours", func(in *planner.Input) { in.Slots = [][2]string{{"12:00", "08:00"}} }, "jam selesai setelah jam mulai", false},
		{"overlapping slots", func(in *planner.Input) { in.Slots = [][2]string{{"08:00", "10:00"}, {"09:00", "11:00"}} }, "tanpa tumpang-tindih", false},
		{"saturday work", func(in *planner.Input) {
			in.From, in.To, in.WorkingDays = "2026-01-10", "2026-01-10", []time.Weekday{time.Saturday}
		}, "", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := base
			tc.mod(&in)
			p, err := planner.Suggest(in)
			if tc.err != "" {
				if !errors.Is(err, planner.ErrInvalid) || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil || (len(p.Visits) > 0) != tc.visits {
				t.Fatalf("%d visits, err %v", len(p.Visits), err)
			}
		})
	}
}

// TestBeatsBaseline compares the planner with the plain baseline over 8 weeks
// on generated kabupaten of three shapes; the table it logs is the quality
// report (run with -v). The app's demo data is compared in package autoplan.
func TestBeatsBaseline(t *testing.T) {
	for _, shape := range []string{plannertest.ShapeDense, plannertest.ShapeSparse, plannertest.ShapeMixed} {
		plannertest.CompareWithBaseline(t, shape, plannertest.Generate(shape, 42))
	}
}

func BenchmarkSuggestKabupaten(b *testing.B) {
	in := plannertest.Generate(plannertest.ShapeMixed, 7) // 150 desa, 500 sites, 20 teams, 8 weeks
	b.ReportAllocs()
	for b.Loop() {
		if _, err := planner.Suggest(in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSuggestProvinsi(b *testing.B) {
	in := plannertest.Generate(plannertest.ShapeProvince, 7) // 1,500 desa, 5,000 sites, 100 teams, 8 weeks
	b.ReportAllocs()
	for b.Loop() {
		if _, err := planner.Suggest(in); err != nil {
			b.Fatal(err)
		}
	}
}
