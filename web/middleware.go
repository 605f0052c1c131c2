package web

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/auth"
	"jemputbola/internal/text"
	"jemputbola/web/paths"
)

const (
	sessionCookie = "jb_session"
	csrfCookie    = "jb_csrf"
	csrfField     = "_csrf"
	csrfHeader    = "X-CSRF-Token"

	ctxUser = "user"
	ctxCSRF = "csrf"
)

// securityHeaders sets a strict CSP (no inline script or style) and friends on
// every response. Pages show office data and residents' figures, so no cache
// on the way keeps them (no-store; static files set their own); over HTTPS
// the browser is told to come back over HTTPS only.
func securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("Cache-Control", "no-store")
		if isSecure(c) {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		return next(c)
	}
}

// cleanForms cleans every submitted form value and upload file name
// (text.Clean) before the CSRF check or a handler reads them, so a NUL or a
// broken byte is stored the same on both databases instead of failing on one.
func cleanForms(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		if r.Method != http.MethodPost {
			return next(c)
		}
		switch ct := r.Header.Get("Content-Type"); {
		case strings.HasPrefix(ct, "multipart/form-data"):
			if r.ParseMultipartForm(maxFormMemory) == nil {
				cleanValues(r.MultipartForm.Value)
				for _, fs := range r.MultipartForm.File {
					for _, f := range fs {
						f.Filename = text.Clean(f.Filename)
					}
				}
				cleanValues(r.Form)
				cleanValues(r.PostForm)
			}
		case strings.HasPrefix(ct, "application/x-www-form-urlencoded"):
			if r.ParseForm() == nil {
				cleanValues(r.Form)
				cleanValues(r.PostForm)
			}
		}
		return next(c)
	}
}

// maxFormMemory is how much of a multipart form is held in memory; the rest
// of an upload goes to a temporary file.
const maxFormMemory = 8 << 20

func cleanValues(vs map[string][]string) {
	for _, list := range vs {
		for i, v := range list {
			list[i] = text.Clean(v)
		}
	}
}

// headAsGet answers HEAD on every GET route, as HTTP asks: the request is
// routed as a GET and the body dropped.
func headAsGet(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if r := c.Request(); r.Method == http.MethodHead {
			r.Method = http.MethodGet
			c.Response().Writer = headWriter{c.Response().Writer}
		}
		return next(c)
	}
}

// headWriter keeps the status and headers of a response and drops its body.
type headWriter struct{ http.ResponseWriter }

func (w headWriter) Write(b []byte) (int, error) { return len(b), nil }

// isSecure reports whether the browser reached us over TLS (directly or via a proxy).
func isSecure(c echo.Context) bool { return c.Scheme() == "https" }

func setCookie(c echo.Context, name, value string, maxAge int) {
	c.SetCookie(&http.Cookie{Name: name, Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: isSecure(c)})
}

// loadSession puts the signed-in user, if any, into the request context.
func loadSession(sessions *auth.SessionStore) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if ck, err := c.Cookie(sessionCookie); err == nil && ck.Value != "" {
				u, err := sessions.User(c.Request().Context(), ck.Value)
				switch apperr.CodeOf(err) {
				case "":
					c.Set(ctxUser, u)
				case apperr.NotFound:
					setCookie(c, sessionCookie, "", -1)
				default:
					return err
				}
			}
			return next(c)
		}
	}
}

func currentUser(c echo.Context) (auth.User, bool) {
	u, ok := c.Get(ctxUser).(auth.User)
	return u, ok
}

// csrfGuard implements signed double-submit tokens bound to the session: the
// cookie holds a random nonce, pages carry HMAC(secret, nonce, session), and
// every state-changing request must send that token back in the _csrf field or
// the X-CSRF-Token header. A planted cookie is useless without the server's
// secret, a token taken from another session is useless in this one, and no
// server state is needed, so any instance can check any request.
func csrfGuard(secret []byte) echo.MiddlewareFunc {
	sign := func(nonce, session string) string {
		m := hmac.New(sha256.New, secret)
		m.Write([]byte(nonce))
		m.Write([]byte{0})
		m.Write([]byte(session))
		return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
	}
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			nonce := ""
			if ck, err := c.Cookie(csrfCookie); err == nil && len(ck.Value) == 43 {
				nonce = ck.Value
			}
			if nonce == "" {
				nonce = newNonce()
				setCookie(c, csrfCookie, nonce, 0)
			}
			want := sign(nonce, sessionOf(c))
			c.Set(ctxCSRF, want)
			switch c.Request().Method {
			case http.MethodGet, http.MethodHead, http.MethodOptions:
				return next(c)
			}
			got := c.Request().Header.Get(csrfHeader)
			if got == "" {
				got = c.FormValue(csrfField)
			}
			if !hmac.Equal([]byte(got), []byte(want)) {
				return apperr.New(apperr.Forbidden, "Formulir kedaluwarsa atau tidak sah. Muat ulang halaman lalu coba lagi.")
			}
			return next(c)
		}
	}
}

// sessionOf is the signed-in request's session cookie, "" before sign-in.
func sessionOf(c echo.Context) string {
	if _, ok := currentUser(c); !ok {
		return ""
	}
	ck, err := c.Cookie(sessionCookie)
	if err != nil {
		return ""
	}
	return ck.Value
}

func newNonce() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

func csrfToken(c echo.Context) string {
	t, _ := c.Get(ctxCSRF).(string)
	return t
}

// allow lets only signed-in users with one of roles through. Anonymous browsers are
// sent to the sign-in page (API clients get 401); other roles get 403.
func allow(roles ...auth.Role) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			u, ok := currentUser(c)
			if !ok {
				if isAPI(c) || c.Request().Method != http.MethodGet {
					return echo.NewHTTPError(http.StatusUnauthorized, "Silakan masuk terlebih dahulu.")
				}
				return redirect(c, paths.With(paths.Login, url.Values{"next": {c.Request().URL.RequestURI()}}))
			}
			if !u.Role.In(roles...) {
				return apperr.New(apperr.Forbidden, "Peran Anda tidak memiliki akses ke halaman ini.")
			}
			return next(c)
		}
	}
}

func isAPI(c echo.Context) bool { return paths.IsAPI(c.Request().URL.Path) }

// noteWrites tells the dashboard caches of the request's office, through
// changed, after every state-changing request of the routes it guards.
func noteWrites(changed func(context.Context)) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			err := next(c)
			if m := c.Request().Method; m != http.MethodGet && m != http.MethodHead {
				changed(ctxOf(c))
			}
			return err
		}
	}
}

// recordDownload audits each file a route lets a person take out of the app
// (exports and letters) before it is made: no audit entry, no file.
func recordDownload(log *audit.Store, label string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if err := log.Downloaded(c.Request().Context(), actor(c), label+" ("+c.Request().URL.RequestURI()+")"); err != nil {
				return err
			}
			return next(c)
		}
	}
}
