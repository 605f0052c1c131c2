package web_test

import (
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"jemputbola/internal/auth"
	"jemputbola/internal/dbtest"
	"jemputbola/web"
)

// guessFrom signs in with a wrong password for a new username each time, the
// request claiming a new address in X-Forwarded-For, and reports whether the
// last try was refused as throttled.
func guessFrom(t *testing.T, c *testClient, tries int) (locked bool) {
	t.Helper()
	c.get(t, "/login")
	for i := range tries {
		c.header = http.Header{"X-Forwarded-For": {"203.0.113." + strconv.Itoa(i+1)}}
		_, doc := c.post(t, "/login", url.Values{"username": {"tebak" + strconv.Itoa(i)}, "password": {"salah-sekali-123"}})
		locked = strings.Contains(doc.Find("main").Text(), "Terlalu banyak percobaan")
	}
	return locked
}

// TestThrottleIgnoresSpoofedAddress: without trusted proxies a client cannot
// escape the per-address limit by naming another address in X-Forwarded-For.
func TestThrottleIgnoresSpoofedAddress(t *testing.T) {
	app := newTestApp(t)
	if !guessFrom(t, app.client(t), auth.FreeTriesPerIP+1) {
		t.Fatalf("%d wrong passwords from one socket under changing X-Forwarded-For are not throttled", auth.FreeTriesPerIP+1)
	}
}

// TestThrottleTrustsNamedProxy: behind a proxy named in the configuration,
// X-Forwarded-For names the client, so one client's guesses do not lock out
// everyone behind the proxy.
func TestThrottleTrustsNamedProxy(t *testing.T) {
	_, loopback, _ := net.ParseCIDR("127.0.0.1/32")
	app := newTestAppOn(t, dbtest.Selected(t), func(d *web.Deps) { d.TrustedProxies = []*net.IPNet{loopback} })
	if guessFrom(t, app.client(t), auth.FreeTriesPerIP+1) {
		t.Fatal("clients behind a trusted proxy are throttled as one")
	}
}
