package plannertest

import (
	"fmt"
	"math/rand/v2"
	"time"

	"jemputbola/internal/planner"
)

// Shapes of generated kabupaten for the quality harness.
const (
	ShapeDense    = "padat"    // small area, few large desa
	ShapeSparse   = "tersebar" // large area, many small desa far apart
	ShapeMixed    = "campuran" // a town full of schools and offices, rural desa around
	ShapeProvince = "provinsi" // 10 kabupaten: 1,500 desa, 5,000 sites, 100 teams
)

type shape struct {
	kabupaten, kecamatan, desaPerKec, sites, teams int
	spanKm                                         float64 // width of the area
	recorded                                       [2]int64
	townShare                                      float64 // share of schools and offices in the first kecamatan
}

var shapes = map[string]shape{
	ShapeDense:    {1, 10, 10, 300, 12, 25, [2]int64{1500, 4000}, 0.2},
	ShapeSparse:   {1, 20, 12, 500, 20, 120, [2]int64{300, 900}, 0.1},
	ShapeMixed:    {1, 15, 10, 500, 20, 60, [2]int64{500, 3000}, 0.6},
	ShapeProvince: {10, 15, 10, 5000, 100, 80, [2]int64{500, 3000}, 0.3},
}

// Generate builds a kabupaten (or province) of the given shape for an 8-week
// range from Monday 5 January 2026; the same seed gives the same input.
func Generate(shapeName string, seed int64) planner.Input {
	sh, ok := shapes[shapeName]
	if !ok {
		panic("plannertest: unknown shape " + shapeName)
	}
	r := rand.New(rand.NewPCG(uint64(seed), 0x6a65)) // deterministic per seed
	from := time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
	in := planner.Input{From: from.Format(time.DateOnly), To: from.AddDate(0, 0, 7*8-1).Format(time.DateOnly)}
	const lat0, lng0 = -3.5, 102.5
	deg := func(kmv float64) float64 { return kmv / 111 }
	var recorded, activated int64
	for k := range sh.kabupaten {
		kx, ky := float64(k%5)*deg(sh.spanKm*1.2), float64(k/5)*deg(sh.spanKm*1.2)
		for c := range sh.kecamatan {
			kec := fmt.Sprintf("%02d.%02d", k+1, c+1)
			cx := lng0 + kx + r.Float64()*deg(sh.spanKm)
			cy := lat0 - ky - r.Float64()*deg(sh.spanKm)
			for d := range sh.desaPerKec {
				rec := sh.recorded[0] + r.Int64N(sh.recorded[1]-sh.recorded[0])
				act := rec * (2 + r.Int64N(8)) / 100
				recorded, activated = recorded+rec, activated+act
				in.Desa = append(in.Desa, planner.Desa{Code: fmt.Sprintf("%s.%04d", kec, d+1), KecamatanCode: kec,
					Lat: cy + (r.Float64()-0.5)*deg(6), Lng: cx + (r.Float64()-0.5)*deg(6), Gap: max(0, (rec*3+9)/10-act)})
			}
		}
	}
	perKab := len(in.Desa) / sh.kabupaten
	for i := range sh.sites {
		kab := i % sh.kabupaten
		d := in.Desa[kab*perKab+r.IntN(perKab)]
		kind := planner.KindDesa
		switch {
		case i/sh.kabupaten < perKab: // first a balai desa in each desa
			d = in.Desa[kab*perKab+i/sh.kabupaten]
		case r.Float64() < sh.townShare:
			d = in.Desa[kab*perKab+r.IntN(sh.desaPerKec)] // the town: the first kecamatan
			kind = []string{planner.KindSekolah, planner.KindOPD}[r.IntN(2)]
		default:
			kind = []string{planner.KindSekolah, planner.KindOPD, planner.KindLainnya, planner.KindDesa}[r.IntN(4)]
		}
		in.Sites = append(in.Sites, planner.Site{ID: int64(i + 1), Kind: kind, DesaCode: d.Code, KecamatanCode: d.KecamatanCode,
			Lat: d.Lat + (r.Float64()-0.5)*deg(1), Lng: d.Lng + (r.Float64()-0.5)*deg(1), Eligible: 50 + r.Int64N(400)})
	}
	for i := range sh.teams {
		home := in.Desa[(i%sh.kabupaten)*perKab]
		in.Teams = append(in.Teams, planner.Team{ID: int64(i + 1), Capacity: 60 + r.Int64N(60), HomeLat: home.Lat, HomeLng: home.Lng})
	}
	// A leader and two operators a team; every tenth team borrows an
	// operator of the next, so people are shared as in a real office.
	in.People = map[int64][]int64{}
	for i := range sh.teams {
		id := int64(i + 1)
		in.People[id] = []int64{1000 + id, 2000 + 2*id, 2001 + 2*id}
		if i%10 == 0 {
			in.People[id] = append(in.People[id], 2000+2*(id+1))
		}
	}
	in.TargetGap = max(0, (recorded*3+9)/10-activated)
	desk := 100 * float64(sh.kabupaten)
	in.DeskPerDay = &desk
	// Some visits already planned, and a few sites with residents to follow up.
	for i := 0; i < len(in.Teams); i += 3 {
		s := in.Sites[r.IntN(len(in.Sites))]
		in.Existing = append(in.Existing, planner.Visit{TeamID: in.Teams[i].ID, SiteID: s.ID, Date: in.From, Start: "08:00", End: "10:00", ExpectedActivations: 30})
	}
	for range len(in.Sites) / 25 {
		in.Followups = append(in.Followups, planner.Followup{SiteID: in.Sites[r.IntN(len(in.Sites))].ID,
			NoEmail: r.Int64N(30), NoSignal: r.Int64N(15), IncompatiblePhone: r.Int64N(10)})
	}
	return in
}
