package web

import (
	"errors"
	"net/http"
	"strings"
	"unicode"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/apperr"
	"jemputbola/internal/auth"
	"jemputbola/templates/authpage"
	"jemputbola/web/paths"
)

type authHandlers struct {
	authn    *auth.Authenticator
	sessions *auth.SessionStore
}

// safeNext keeps post-login redirects on this site: one leading "/" and a
// path without backslashes or control characters (browsers drop a tab or a
// new line, which would make "/\t/evil" a link to another site).
func safeNext(next string) string {
	bad := strings.IndexFunc(next, func(r rune) bool { return r == '\\' || unicode.IsControl(r) }) >= 0
	if bad || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") {
		return paths.Home
	}
	return next
}

func (h *authHandlers) loginForm(c echo.Context) error {
	if _, ok := currentUser(c); ok {
		return redirect(c, paths.Home)
	}
	f := authpage.LoginForm{Next: safeNext(c.QueryParam("next"))}
	return render(c, http.StatusOK, page(c, "Masuk", ""), authpage.Login(csrfToken(c), f))
}

func (h *authHandlers) login(c echo.Context) error {
	f := authpage.LoginForm{Username: strings.TrimSpace(c.FormValue("username")), Next: safeNext(c.FormValue("next"))}
	u, err := h.authn.SignIn(c.Request().Context(), f.Username, c.FormValue("password"), c.RealIP())
	switch apperr.CodeOf(err) {
	case "":
	case apperr.Invalid, apperr.Forbidden:
		f.Error = apperr.MessageOf(err)
		status := http.StatusUnprocessableEntity
		if errors.Is(err, auth.ErrLocked) {
			status = http.StatusTooManyRequests
		}
		return render(c, status, page(c, "Masuk", ""), authpage.Login(csrfToken(c), f))
	default:
		return err
	}
	token, err := h.sessions.Create(c.Request().Context(), u.ID)
	if err != nil {
		return err
	}
	setCookie(c, sessionCookie, token, int(auth.SessionTTL.Seconds()))
	// A fresh CSRF nonce at sign-in, so a token seen before sign-in is worthless after.
	setCookie(c, csrfCookie, newNonce(), 0)
	return redirect(c, f.Next)
}

func (h *authHandlers) logout(c echo.Context) error {
	if u, ok := currentUser(c); ok {
		if err := h.authn.SignedOut(c.Request().Context(), u, c.RealIP()); err != nil {
			return err
		}
	}
	if ck, err := c.Cookie(sessionCookie); err == nil {
		if err := h.sessions.Delete(c.Request().Context(), ck.Value); err != nil {
			return err
		}
	}
	setCookie(c, sessionCookie, "", -1)
	return redirect(c, paths.Login)
}
