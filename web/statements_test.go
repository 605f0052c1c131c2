package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"gorm.io/gorm"

	"jemputbola/internal/audit"
	"jemputbola/internal/dbtest"
	"jemputbola/internal/demo"
	"jemputbola/internal/region"
	"jemputbola/internal/site"
	"jemputbola/internal/visit"
	"jemputbola/web"
)

type statementsKey struct{}

// countStatements makes g count, for each request, the SQL statements run
// with that request's context; background work (caches, watchers) runs with
// contexts of its own and is not counted.
func countStatements(t *testing.T, g *gorm.DB) {
	t.Helper()
	count := func(db *gorm.DB) {
		if n, ok := db.Statement.Context.Value(statementsKey{}).(*atomic.Int64); ok {
			n.Add(1)
		}
	}
	cb := g.Callback()
	for _, err := range []error{
		cb.Create().After("gorm:create").Register("test:count", count),
		cb.Query().After("gorm:query").Register("test:count", count),
		cb.Update().After("gorm:update").Register("test:count", count),
		cb.Delete().After("gorm:delete").Register("test:count", count),
		cb.Row().After("gorm:row").Register("test:count", count),
		cb.Raw().After("gorm:raw").Register("test:count", count),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestStatementsPerPage: each main page of each role runs a small, fixed
// number of SQL statements, whatever the office holds: no page reads row by
// row what one query could (N+1). Measured on the demo office's second load,
// with the caches warm.
func TestStatementsPerPage(t *testing.T) {
	g := dbtest.Selected(t)
	countStatements(t, g)
	ctx := dbtest.InOffice(t, g, region.DefaultOfficeCode)
	h := web.New(web.Deps{DB: g, Secret: strings.Repeat("s", 32)})
	var last atomic.Pointer[atomic.Int64]
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := new(atomic.Int64)
		last.Store(n)
		h.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), statementsKey{}, n)))
	}))
	t.Cleanup(srv.Close)
	app := &testApp{DB: g, Ctx: ctx, URL: srv.URL, Server: h, srv: srv}
	if _, err := demo.Seed(ctx, g, time.Now()); err != nil {
		t.Fatal(err)
	}
	var visitID string
	g.Raw("SELECT CAST(MIN(id) AS TEXT) FROM visits").Scan(&visitID)
	type load struct{ user, page string }
	measure := func() map[load]int64 {
		t.Helper()
		counts := map[load]int64{}
		for _, user := range []string{"kadis", "ketua1", "operator1", "kadis.prov"} {
			c := app.client(t)
			c.startSession(t, user)
			_, doc := c.get(t, "/")
			pages := doc.Find("nav.nav a").Map(func(_ int, a *goquery.Selection) string { return a.AttrOr("href", "") })
			for _, page := range append(pages, "/kunjungan/"+visitID, "/cakupan/desa", "/cakupan/peta", "/cakupan/laporan") {
				c.get(t, page) // warm the caches
				c.get(t, page)
				counts[load{user, page}] = last.Load().Load()
			}
		}
		return counts
	}
	before := measure()
	for l, n := range before {
		if n > maxStatementsPerPage {
			t.Errorf("%s %s runs %d statements, more than %d", l.user, l.page, n, maxStatementsPerPage)
		}
	}

	// Forty more sites with a visit at each in the coming days (afternoons,
	// which the demo leaves free), for the first team: a page that reads row
	// by row would run more statements.
	sites, visits := site.NewStore(g), visit.NewStore(g, nil)
	var desa []string
	g.Raw("SELECT code FROM regions WHERE level = 'desa' AND code LIKE '17.02.%' ORDER BY code LIMIT 40").Scan(&desa)
	added := 0
	for i, code := range desa {
		st, err := sites.Create(ctx, audit.System, site.Input{Name: fmt.Sprintf("Balai Desa Uji %d", i), Kind: site.Desa, DesaCode: code, Eligible: 100})
		if err != nil {
			t.Fatal(err)
		}
		day := time.Now().AddDate(0, 0, 1+i%12).Format(time.DateOnly)
		start := fmt.Sprintf("%02d:00", 13+i/12) // four afternoon slots a day, none overlapping
		if _, _, err := visits.Create(ctx, audit.System, visit.Input{SiteID: st.ID, TeamID: 1, Day: day, Start: start, End: start[:2] + ":45", Expected: 10}); err == nil {
			added++
		}
	}
	if added < len(desa)/2 {
		t.Fatalf("only %d of %d visits added", added, len(desa))
	}
	after := measure()
	for l, n := range after {
		if n != before[l] {
			t.Errorf("%s %s ran %d statements, %d once the office held more sites and visits", l.user, l.page, before[l], n)
		}
	}
}

// maxStatementsPerPage bounds the SQL statements of one page load.
const maxStatementsPerPage = 12
