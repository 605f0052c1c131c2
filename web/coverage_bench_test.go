package web_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/auth"
	"jemputbola/internal/demo"
)

// yearApp is a test app holding a year of kabupaten data: 156 desa, 500
// sites, 20 teams and 20,000 visits done, each with a result.
func yearApp(b *testing.B) (*testApp, *testClient) {
	app := newTestApp(b)
	if err := demo.SeedScale(app.Ctx, app.DB, time.Now(), demo.YearOfKabupaten); err != nil {
		b.Fatal(err)
	}
	return app, app.login(b, "kadis", auth.KepalaDinas)
}

// benchPage requests path b.N times and reports the median latency, which the
// issue sets at under 20 ms, beside the mean that ns/op shows.
func benchPage(b *testing.B, c *testClient, path string) {
	req, _ := http.NewRequest(http.MethodGet, c.app.URL+path, nil)
	req.Header.Set("Accept-Encoding", "gzip") // as browsers send it
	var took []time.Duration
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		res, err := c.http.Do(req)
		if err != nil || res.StatusCode != http.StatusOK {
			b.Fatalf("%s: %v %v", path, err, res.Status)
		}
		discard(b, res)
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "ms-median")
}

// BenchmarkDashboard renders /cakupan over a year of data through the whole
// stack: session, queries, trend, breakdowns, map, template and gzip.
func BenchmarkDashboard(b *testing.B) {
	_, c := yearApp(b)
	benchPage(b, c, "/cakupan")
}

// BenchmarkMap renders the coverage map page over the same data.
func BenchmarkMap(b *testing.B) {
	_, c := yearApp(b)
	benchPage(b, c, "/cakupan/peta")
}

// BenchmarkDashboardVsBareEcho runs one load run over a bare Echo handler
// returning a fixed string and over the dashboard and the map, side by side
// on the same machine, and reports each page's share of the bare handler's
// requests per second (the issue asks for at least 0.25).
func BenchmarkDashboardVsBareEcho(b *testing.B) {
	app, c := yearApp(b)
	bare := echo.New()
	bare.GET("/", func(c echo.Context) error { return c.String(http.StatusOK, "ok") })
	bareSrv := httptest.NewServer(bare)
	defer bareSrv.Close()
	const clients, window = 8, 3 * time.Second
	rate := func(client *http.Client, url string, cookies []*http.Cookie) float64 {
		var done atomic.Int64
		var wg sync.WaitGroup
		stop := time.Now().Add(window)
		for range clients {
			wg.Go(func() {
				req, _ := http.NewRequest(http.MethodGet, url, nil)
				req.Header.Set("Accept-Encoding", "gzip") // like wrk: the bytes are read, not unpacked
				for _, ck := range cookies {
					req.AddCookie(ck) // a fixed header, as a load tool sends it
				}
				for time.Now().Before(stop) {
					res, err := client.Do(req)
					if err != nil || res.StatusCode != http.StatusOK {
						b.Errorf("%s: %v", url, err)
						return
					}
					discard(b, res)
					done.Add(1)
				}
			})
		}
		wg.Wait()
		return float64(done.Load()) / window.Seconds()
	}
	// Both sides keep their connections alive the same way; requests to the
	// app carry the kepala dinas's cookies and ask for gzip like a browser.
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients, DisableCompression: true}}
	base, _ := url.Parse(app.URL)
	cookies := c.http.Jar.Cookies(base)
	b.ResetTimer()
	for b.Loop() {
		bareRate := rate(client, bareSrv.URL+"/", nil)
		dash := rate(client, app.URL+"/cakupan", cookies)
		mapRate := rate(client, app.URL+"/cakupan/peta", cookies)
		b.ReportMetric(bareRate, "bare-req/s")
		b.ReportMetric(dash, "dashboard-req/s")
		b.ReportMetric(mapRate, "map-req/s")
		b.ReportMetric(dash/bareRate, "dashboard/bare")
		b.ReportMetric(mapRate/bareRate, "map/bare")
	}
}

// BenchmarkDashboardAfterWrite measures the dashboard right after a change
// a person makes on a page (here the target, alternating 30% and 31%), which
// makes the next request rebuild the figures from a year of data: the worst
// case a reader meets. Only the dashboard request is timed.
func BenchmarkDashboardAfterWrite(b *testing.B) {
	app, c := yearApp(b)
	year := strconv.Itoa(time.Now().Year())
	req, _ := http.NewRequest(http.MethodGet, app.URL+"/cakupan", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	var took []time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		if res, _ := c.post(b, "/cakupan/target", url.Values{"year": {year}, "target_pct": {strconv.Itoa(30 + i%2)}}); res.StatusCode != http.StatusSeeOther {
			b.Fatalf("set target: %d", res.StatusCode)
		}
		b.StartTimer()
		start := time.Now()
		res, err := c.http.Do(req)
		if err != nil || res.StatusCode != http.StatusOK {
			b.Fatalf("%v %v", err, res.Status)
		}
		discard(b, res)
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "ms-median")
}
