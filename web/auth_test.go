package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"jemputbola/internal/auth"
)

func TestLogin(t *testing.T) {
	app := newTestApp(t)
	app.user(t, "ketua1", auth.KetuaTim)

	t.Run("FormHasCSRF", func(t *testing.T) {
		c := app.client(t)
		res, doc := c.get(t, "/login")
		if res.StatusCode != http.StatusOK || doc.Find(`input[name="_csrf"]`).AttrOr("value", "") == "" {
			t.Fatalf("status %d, csrf field %q", res.StatusCode, doc.Find(`input[name="_csrf"]`).AttrOr("value", ""))
		}
	})
	t.Run("ErrWrongPasswordKeepsUsername", func(t *testing.T) {
		c := app.client(t)
		c.get(t, "/login")
		res, doc := c.post(t, "/login", url.Values{"username": {"ketua1"}, "password": {"salah"}})
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.StatusCode)
		}
		if !strings.Contains(doc.Find(".alert").Text(), "Nama pengguna atau kata sandi salah") {
			t.Errorf("message %q", doc.Find(".alert").Text())
		}
		if v := doc.Find("#f-username").AttrOr("value", ""); v != "ketua1" {
			t.Errorf("username kept as %q", v)
		}
	})
	t.Run("OKSetsSafeCookie", func(t *testing.T) {
		c := app.client(t)
		c.get(t, "/login")
		res, _ := c.post(t, "/login", url.Values{"username": {"ketua1"}, "password": {testPassword}, "next": {"/wilayah"}})
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/wilayah" {
			t.Fatalf("status %d to %q", res.StatusCode, res.Header.Get("Location"))
		}
		var sess *http.Cookie
		for _, ck := range res.Cookies() {
			if ck.Name == "jb_session" {
				sess = ck
			}
		}
		if sess == nil || !sess.HttpOnly || sess.SameSite != http.SameSiteLaxMode || sess.Secure {
			t.Fatalf("session cookie %+v", sess)
		}
	})
	t.Run("SecureCookieBehindTLS", func(t *testing.T) {
		c := app.client(t)
		c.get(t, "/login")
		req, _ := http.NewRequest(http.MethodPost, app.URL+"/login", strings.NewReader(url.Values{
			"username": {"ketua1"}, "password": {testPassword}, "_csrf": {c.csrf}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-Forwarded-Proto", "https")
		res, err := c.http.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		discard(t, res)
		secure := false
		for _, ck := range res.Cookies() {
			secure = secure || (ck.Name == "jb_session" && ck.Secure)
		}
		if !secure {
			t.Fatal("session cookie not Secure behind TLS")
		}
	})
	t.Run("OpenRedirectRefused", func(t *testing.T) {
		for _, next := range []string{"//evil.example/", "/\t/evil.example", "/\\evil.example", "/\n/evil.example", "https://evil.example/"} {
			c := app.client(t)
			c.get(t, "/login")
			res, _ := c.post(t, "/login", url.Values{"username": {"ketua1"}, "password": {testPassword}, "next": {next}})
			if res.Header.Get("Location") != "/" {
				t.Errorf("next %q redirected to %q", next, res.Header.Get("Location"))
			}
		}
	})
	t.Run("LockedAfterRepeatedFailures", func(t *testing.T) {
		app.user(t, "sasaran", auth.Operator)
		c := app.client(t)
		c.get(t, "/login")
		for range auth.FreeTries {
			c.post(t, "/login", url.Values{"username": {"sasaran"}, "password": {"tebakan"}})
		}
		res, doc := c.post(t, "/login", url.Values{"username": {"sasaran"}, "password": {testPassword}})
		if res.StatusCode != http.StatusTooManyRequests || !strings.Contains(doc.Find(".alert").Text(), "Coba lagi dalam 30 detik") {
			t.Fatalf("status %d, message %q", res.StatusCode, doc.Find(".alert").Text())
		}
	})
	t.Run("LogoutEndsSession", func(t *testing.T) {
		c := app.client(t)
		c.signIn(t, "ketua1", testPassword)
		res, _ := c.post(t, "/logout", nil)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("logout status %d", res.StatusCode)
		}
		res, _ = c.get(t, "/")
		if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/login") {
			t.Fatalf("after logout / answered %d %q", res.StatusCode, res.Header.Get("Location"))
		}
	})
}

// TestCSRFBoundToSession: a token is worth something only in the session it
// was issued to. Another user who plants the victim's nonce cookie and sends
// the victim's token is refused; the same post with their own token passes.
func TestCSRFBoundToSession(t *testing.T) {
	app := newTestApp(t)
	victim := app.login(t, "kadis", auth.KepalaDinas)
	other := app.login(t, "kadis2", auth.KepalaDinas)
	base, _ := url.Parse(app.URL)
	var nonce *http.Cookie
	for _, ck := range victim.http.Jar.Cookies(base) {
		if ck.Name == "jb_csrf" {
			nonce = ck
		}
	}
	if nonce == nil {
		t.Fatal("no CSRF cookie after sign-in")
	}
	other.http.Jar.SetCookies(base, []*http.Cookie{{Name: nonce.Name, Value: nonce.Value, Path: "/"}})
	form := url.Values{"name": {"Tim Curian"}, "daily_capacity": {"40"}, "_csrf": {victim.csrf}}
	if res, _ := other.post(t, "/tim", form); res.StatusCode != http.StatusForbidden {
		t.Fatalf("another session's token: %d, want 403", res.StatusCode)
	}
	other.get(t, "/tim/baru")
	form.Del("_csrf")
	if res, _ := other.post(t, "/tim", form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("own token with the same nonce: %d, want 303", res.StatusCode)
	}
}

func TestSecurityHeaders(t *testing.T) {
	app := newTestApp(t)
	res, _ := app.client(t).get(t, "/login")
	csp := res.Header.Get("Content-Security-Policy")
	if strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("CSP %q", csp)
	}
	for h, want := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin"} {
		if got := res.Header.Get(h); got != want {
			t.Errorf("%s = %q, want %q", h, got, want)
		}
	}
}

func TestUnknownPageIs404InIndonesian(t *testing.T) {
	app := newTestApp(t)
	c := app.login(t, "kadis", auth.KepalaDinas)
	res, doc := c.get(t, "/tidak-ada")
	if res.StatusCode != http.StatusNotFound || !strings.Contains(doc.Find("h1").Text(), "tidak ditemukan") {
		t.Fatalf("status %d, h1 %q", res.StatusCode, doc.Find("h1").Text())
	}
}
