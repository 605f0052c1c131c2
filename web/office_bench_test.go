package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"jemputbola/internal/auth"
	"jemputbola/internal/dbtest"
	"jemputbola/internal/demo"
	"jemputbola/internal/progress"
	"jemputbola/internal/region"
)

// officeScale is a year of one small kab/kota office, for the benchmarks of
// many offices: 100 of them hold 200,000 visits with their results.
var officeScale = demo.Scale{Sites: 200, Teams: 5, Visits: 2000}

// BenchmarkOfficePages measures one kab/kota's pages on PostgreSQL with 1
// office and with 100 offices of a year's data each. Other offices must not
// make them slower: compare offices=1 with offices=100 of the same page,
// which run one right after the other so the machine's drift stays out.
func BenchmarkOfficePages(b *testing.B) {
	clients := map[int]*testClient{}
	for _, n := range []int{1, 100} {
		app := newTestAppOn(b, dbtest.Postgres(b))
		if err := demo.SeedOffices(app.Ctx, app.DB, time.Now(), demo.OfficeCodes(n), officeScale); err != nil {
			b.Fatal(err)
		}
		clients[n] = app.login(b, fmt.Sprintf("kadis%d", n), auth.KepalaDinas)
	}
	for _, path := range []string{"/cakupan", "/hari-ini", "/jadwal", "/kunjungan/baru"} {
		for _, n := range []int{1, 100} {
			b.Run(fmt.Sprintf("%s/offices=%d", strings.TrimPrefix(path, "/"), n), func(b *testing.B) { benchPage(b, clients[n], path) })
		}
	}
}

// BenchmarkProvinceRollUp rebuilds Provinsi Bengkulu's coverage after a data
// change, on SQLite, with its ten kab/kota offices holding a year of
// kabupaten data each (200,000 visits with results).
func BenchmarkProvinceRollUp(b *testing.B) {
	app := newTestApp(b)
	var codes []string
	for _, c := range region.KabKotaCodes() {
		if len(c) == 5 && c[:3] == "17." {
			codes = append(codes, c)
		}
	}
	if err := demo.SeedOffices(app.Ctx, app.DB, time.Now(), codes, demo.YearOfKabupaten); err != nil {
		b.Fatal(err)
	}
	prov := app.inOffice(b, "17")
	caches := progress.NewCaches(progress.NewStore(app.DB))
	if _, err := caches.Get(prov, time.Now()); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		// A ketua tim corrects a result in one kab/kota: the province's next reader must see it.
		b.StopTimer()
		app.DB.Exec("UPDATE visit_results SET activations = activations + 1, updated_at = ? WHERE id = ?", time.Now().Add(time.Duration(i)*time.Millisecond), 1+i%1000)
		b.StartTimer()
		caches.ChangedNow(prov)
		snap, err := caches.Get(context.WithoutCancel(prov), time.Now())
		if err != nil || len(snap.Coverage.KabKota) != 10 {
			b.Fatalf("province snapshot: %v", err)
		}
	}
}
