package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"jemputbola/internal/auth"
)

// Oversize bodies are refused before any handler reads them: 1 MB for forms
// and the API, 11 MB for the figure upload.
func TestBodyLimits(t *testing.T) {
	app := newTestApp(t)
	k := app.login(t, "kadis", auth.KepalaDinas)
	big := strings.Repeat("x", 2<<20)
	if res, _ := k.post(t, "/lokasi", url.Values{"name": {big}}); res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("2 MB form: %d", res.StatusCode)
	}
	// A 2 MB upload is fine for the import route (it fails on content, not size)…
	res, _ := k.upload(t, map[string]string{"as_of": "2026-01-01"}, "besar.csv", []byte(big))
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("2 MB upload: %d, want 422 for its content", res.StatusCode)
	}
	// …but not 12 MB.
	res, _ = k.upload(t, map[string]string{"as_of": "2026-01-01"}, "terlalu-besar.csv", []byte(strings.Repeat("x", 12<<20)))
	if res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("12 MB upload: %d", res.StatusCode)
	}
	// Cached, precompressed pages carry the security headers too.
	res, _ = k.get(t, "/cakupan")
	if !strings.Contains(res.Header.Get("Content-Security-Policy"), "frame-ancestors 'none'") || res.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("headers on /cakupan: %v", res.Header)
	}
}
