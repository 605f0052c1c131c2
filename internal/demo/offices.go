package demo

import (
	"jemputbola/internal/auth"
	"jemputbola/internal/coverage"
	"jemputbola/internal/desk"
	"jemputbola/internal/region"
)

// Team leaders, each named by the users and by the teams they lead.
const (
	ketua1    = "ketua1"
	ketua2    = "ketua2"
	ketuaKota = "ketua.kota"
)

// demoOffice is what the demo seeds for one office.
type demoOffice struct {
	code     string
	address  string
	users    []demoUser
	teams    []demoTeam
	places   []place          // schools, OPDs and other sites besides the balai desa
	figures  []demoArea       // areas whose official figures the office keeps
	target   *coverage.Target // nil: the default 30%
	villages bool             // a site at every balai desa / kantor kelurahan
	points   []demoPoint      // the loket: office desk, MPP
}

// demoArea is an area (a kab/kota) with the totals its desa figures add up to.
type demoArea struct {
	code   string
	totals region.DemoTotals
}

// demoOffices are seeded in this order: Rejang Lebong exactly as before
// offices existed, Kota Bengkulu with its published state, then the province
// with one team and the figures of the eight kab/kota without an office of
// their own, so its map is whole.
var demoOffices = []demoOffice{rejangLebong, kotaBengkulu, provinsiBengkulu}

var rejangLebong = demoOffice{
	code: "17.02",
	points: []demoPoint{
		{"Loket Dinas Dukcapil Rejang Lebong", desk.Kantor, "17.02.09.1023", 45},
		{"MPP Rejang Lebong", desk.MPP, "17.02.09.1013", 25},
	},
	address: "Jl. S. Sukowati No. 1, Curup, Rejang Lebong, Bengkulu",
	users: []demoUser{
		{"admin", "Admin Dukcapil", auth.Admin},
		{"kadis", "Kepala Dinas Dukcapil", auth.KepalaDinas},
		{ketua1, "Rahmat Hidayat", auth.KetuaTim},
		{ketua2, "Sri Wahyuni", auth.KetuaTim},
		{"operator1", "Dedi Kurniawan", auth.Operator},
		{"operator2", "Yuli Astuti", auth.Operator},
		{"operator3", "Ahmad Fauzi", auth.Operator},
		{"operator4", "Nurhayati", auth.Operator},
		{"operator5", "Budi Santoso", auth.Operator},
		{"operator6", "Rina Marlina", auth.Operator},
		{"operator7", "Agus Salim", auth.Operator},
		{"operator8", "Fitri Handayani", auth.Operator},
	},
	teams: []demoTeam{
		{"Tim 1 Curup", ketua1, []string{"operator1", "operator2"}, 60, []string{"17.02.09", "17.02.19", "17.02.17", "17.02.18"}},
		{"Tim 2 Curup Utara", ketua1, []string{"operator3", "operator4"}, 50, []string{"17.02.16", "17.02.11", "17.02.10", "17.02.24"}},
		{"Tim 3 Padang Ulak Tanding", ketua2, []string{"operator5", "operator6"}, 45, []string{"17.02.07", "17.02.06", "17.02.23"}},
		{"Tim 4 Sindang", ketua2, []string{"operator7", "operator8"}, 45, []string{"17.02.08", "17.02.22", "17.02.20", "17.02.21"}},
	},
	places:   append(append([]place{}, demoSchools...), demoOPDs...),
	figures:  []demoArea{{"17.02", region.DemoTotals{Recorded: region.DemoRecordedTotal, Activated: region.DemoActivatedTotal}}},
	villages: true,
}

var kotaBengkulu = demoOffice{
	code: "17.71",
	points: []demoPoint{
		{"Loket Dinas Dukcapil Kota Bengkulu", desk.Kantor, "17.71.06.1003", 55},
		{"MPP Kota Bengkulu", desk.MPP, "17.71.06.1002", 35},
	},
	address: "Jl. Basuki Rahmat No. 1, Kota Bengkulu",
	users: []demoUser{
		{"kadis.kota", "Kepala Dinas Dukcapil Kota", auth.KepalaDinas},
		{ketuaKota, "Hendra Saputra", auth.KetuaTim},
		{"operator.kota", "Dewi Lestari", auth.Operator},
		{"operator2.kota", "Rudi Hartono", auth.Operator},
	},
	teams: []demoTeam{
		{"Tim OPD Kota", ketuaKota, []string{"operator.kota"}, 60, []string{"17.71.03", "17.71.06", "17.71.07", "17.71.09"}},
		{"Tim Sekolah Kota", ketuaKota, []string{"operator2.kota"}, 50, []string{"17.71.01", "17.71.02", "17.71.04", "17.71.05", "17.71.08"}},
	},
	places:   kotaPlaces,
	figures:  []demoArea{{"17.71", region.KotaBengkuluTotals}},
	target:   &coverage.Target{Count: 67802},
	villages: true,
}

var provinsiBengkulu = demoOffice{
	code:    "17",
	address: "Jl. Pembangunan No. 1, Padang Harapan, Kota Bengkulu",
	users: []demoUser{
		{"kadis.prov", "Kepala Dinas Dukcapil Provinsi", auth.KepalaDinas},
		{"ketua.prov", "Yusuf Effendi", auth.KetuaTim},
		{"operator.prov", "Maya Sari", auth.Operator},
	},
	teams: []demoTeam{
		{"Tim Provinsi", "ketua.prov", []string{"operator.prov"}, 60, []string{"17.71.02", "17.71.03", "17.71.06", "17.71.09"}},
	},
	places: provinsiPlaces,
	// Invented totals, about as large as each kab/kota's population suggests.
	figures: []demoArea{
		{"17.01", region.DemoTotals{Recorded: 118400, Activated: 7230}},
		{"17.03", region.DemoTotals{Recorded: 213900, Activated: 9840}},
		{"17.04", region.DemoTotals{Recorded: 95600, Activated: 4020}},
		{"17.05", region.DemoTotals{Recorded: 149800, Activated: 6590}},
		{"17.06", region.DemoTotals{Recorded: 131200, Activated: 8110}},
		{"17.07", region.DemoTotals{Recorded: 82300, Activated: 3460}},
		{"17.08", region.DemoTotals{Recorded: 102700, Activated: 5850}},
		{"17.09", region.DemoTotals{Recorded: 88900, Activated: 3290}},
	},
}
