package web_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image/png"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"jemputbola/internal/auth"
	"jemputbola/internal/dbtest"
	"jemputbola/internal/demo"
)

// TestInstallable: every page names a web app manifest that opens Hari ini
// full-screen, and its icons are real PNGs of the sizes it says.
func TestInstallable(t *testing.T) {
	app := newTestApp(t)
	c := app.client(t)
	_, doc := c.get(t, "/login")
	href := doc.Find(`link[rel="manifest"]`).AttrOr("href", "")
	res, body := c.raw(t, href)
	var m struct {
		StartURL string `json:"start_url"`
		Display  string `json:"display"`
		Icons    []struct{ Src, Sizes, Type string }
	}
	if res.StatusCode != http.StatusOK || json.Unmarshal(body, &m) != nil {
		t.Fatalf("manifest %q: %d %s", href, res.StatusCode, body)
	}
	if m.StartURL != "/hari-ini" || m.Display != "fullscreen" {
		t.Errorf("manifest opens %q %q, want /hari-ini fullscreen", m.StartURL, m.Display)
	}
	pngs := 0
	for _, icon := range m.Icons {
		res, b := c.raw(t, icon.Src)
		if res.StatusCode != http.StatusOK {
			t.Errorf("icon %s: %d", icon.Src, res.StatusCode)
			continue
		}
		if icon.Type != "image/png" {
			continue
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Errorf("icon %s is not a PNG: %v", icon.Src, err)
			continue
		}
		if got := fmt.Sprintf("%dx%d", img.Bounds().Dx(), img.Bounds().Dy()); got != icon.Sizes {
			t.Errorf("icon %s is %s, the manifest says %s", icon.Src, got, icon.Sizes)
		}
		pngs++
	}
	if pngs < 2 {
		t.Errorf("%d PNG icons, want 192 and 512", pngs)
	}
}

// TestNoStore: pages are never kept by a cache on the way; versioned static
// files are, for a year; without HTTPS there is no HSTS.
func TestNoStore(t *testing.T) {
	app := newTestApp(t)
	c := app.login(t, "kadis", auth.KepalaDinas)
	res, doc := c.get(t, "/cakupan")
	if res.Header.Get("Cache-Control") != "no-store" || res.Header.Get("Strict-Transport-Security") != "" {
		t.Errorf("a page: Cache-Control %q, HSTS %q", res.Header.Get("Cache-Control"), res.Header.Get("Strict-Transport-Security"))
	}
	css := doc.Find(`link[rel="stylesheet"]`).AttrOr("href", "")
	if res, _ := c.raw(t, css); !strings.Contains(res.Header.Get("Cache-Control"), "immutable") {
		t.Errorf("versioned CSS %s: Cache-Control %q", css, res.Header.Get("Cache-Control"))
	}
}

// TestHealth: /healthz reads the database, ?deep=1 also writes to it, and a
// database that cannot be written is a 503, not "ok".
func TestHealth(t *testing.T) {
	app := newTestAppOn(t, dbtest.SQLite(t))
	c := app.client(t)
	for _, path := range []string{"/healthz", "/healthz?deep=1"} {
		if res, b := c.raw(t, path); res.StatusCode != http.StatusOK || !strings.Contains(string(b), `"database":"ok"`) {
			t.Fatalf("%s: %d %s", path, res.StatusCode, b)
		}
	}
	app.DB.Exec("PRAGMA query_only = ON") // the writer can no longer write, as on a full disk
	t.Cleanup(func() { app.DB.Exec("PRAGMA query_only = OFF") })
	if res, b := c.raw(t, "/healthz?deep=1"); res.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("deep probe of a database that cannot write: %d %s", res.StatusCode, b)
	}
}

// TestHead: HEAD is answered on GET routes with the GET's status and headers
// and no body.
func TestHead(t *testing.T) {
	app := newTestApp(t)
	c := app.login(t, "kadis", auth.KepalaDinas)
	for path, want := range map[string]int{"/": http.StatusOK, "/cakupan": http.StatusOK, "/static/css/app.css": http.StatusOK, "/tidak-ada": http.StatusNotFound} {
		req, _ := http.NewRequest(http.MethodHead, app.URL+path, nil)
		res, err := c.http.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		_ = res.Body.Close() // read to the end: nothing is lost
		if res.StatusCode != want || len(b) != 0 || res.Header.Get("Content-Type") == "" {
			t.Errorf("HEAD %s: %d, %d body bytes, type %q; want %d, none", path, res.StatusCode, len(b), res.Header.Get("Content-Type"), want)
		}
	}
}

// TestDemoNote: every page of a demo account says so; a real account's do not.
func TestDemoNote(t *testing.T) {
	app := newTestApp(t)
	if _, err := demo.Seed(app.Ctx, app.DB, time.Now()); err != nil {
		t.Fatal(err)
	}
	c := app.client(t)
	c.signIn(t, "kadis", demo.Password)
	for _, path := range []string{"/", "/cakupan", "/loket"} {
		if _, doc := c.get(t, path); !strings.Contains(doc.Find(".demo-note").Text(), "Akun demo") {
			t.Errorf("%s does not say the account is a demo account", path)
		}
	}
	real := app.login(t, "kadis-sungguhan", auth.KepalaDinas)
	if _, doc := real.get(t, "/"); doc.Find(".demo-note").Length() != 0 {
		t.Error("a real account is told it is a demo account")
	}
}
