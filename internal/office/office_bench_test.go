package office_test

import (
	"context"
	"testing"

	"gorm.io/gorm"

	"jemputbola/internal/audit"
	"jemputbola/internal/dbtest"
	"jemputbola/internal/office"
)

// BenchmarkAdd adds an office with its regions from the built-in national
// list into an emptied database, on SQLite and PostgreSQL: Kabupaten Aceh Utara
// (11.08, 852 desa, the most of any kab/kota), Provinsi Bengkulu (17, with its
// 1,513 desa polygons) and Provinsi Jawa Tengah (33, 8,563 desa).
func BenchmarkAdd(b *testing.B) {
	dbs := map[string]func(testing.TB) *gorm.DB{"sqlite": dbtest.SQLite, "postgres": dbtest.Postgres}
	for _, name := range []string{"sqlite", "postgres"} {
		g := dbs[name](b)
		for _, code := range []string{"11.08", "17", "33"} {
			b.Run(name+"/"+code, func(b *testing.B) {
				for b.Loop() {
					b.StopTimer()
					g.Exec("DELETE FROM audit_entries")
					g.Exec("DELETE FROM offices")
					g.Exec("DELETE FROM region_boundaries")
					g.Exec("DELETE FROM regions")
					b.StartTimer()
					if _, added, err := office.NewStore(g).Add(context.Background(), audit.System, code); err != nil || !added {
						b.Fatalf("add %s: %v %v", code, added, err)
					}
				}
			})
		}
	}
}
