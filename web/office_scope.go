package web

import (
	"context"
	"time"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/apperr"
	"jemputbola/internal/office"
	"jemputbola/internal/scope"
	"jemputbola/web/paths"
)

// viewCookie remembers which of its kab/kota a province user is looking at.
const viewCookie = "jb_view"

const (
	ctxOffice    = "office"     // the office whose data this request shows
	ctxOwnOffice = "own-office" // the signed-in user's office
)

// officeScope puts the scope of the signed-in user's office into the request
// context, which every store reads. A province user may look at one of its
// kab/kota read-only: ?kantor=CODE picks it (kept in a cookie), its own code
// returns home. A code that is not under the user's office is ignored, never
// confirmed.
func officeScope(offices *office.Store) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			u, ok := currentUser(c)
			if !ok {
				return next(c)
			}
			ctx := c.Request().Context()
			own, err := offices.Get(ctx, u.OfficeID)
			if err != nil {
				return err
			}
			sc, shown := office.Scope(own), own
			view := c.QueryParam(paths.OfficeParam)
			if view == "" {
				if ck, err := c.Cookie(viewCookie); err == nil {
					view = ck.Value
				}
			}
			if view != "" && view != own.Code && sc.Under(view) {
				o, err := offices.ByCode(ctx, view)
				switch apperr.CodeOf(err) {
				case "":
					sc, shown = office.Scope(o), o
					sc.ReadOnly = true
				case apperr.NotFound:
					view = ""
				default:
					return err
				}
			} else {
				view = ""
			}
			if c.QueryParam(paths.OfficeParam) != "" {
				setCookie(c, viewCookie, view, cookieAge(view))
			}
			c.Set(ctxOffice, shown)
			c.Set(ctxOwnOffice, own)
			c.SetRequest(c.Request().WithContext(scope.With(ctx, sc)))
			return next(c)
		}
	}
}

// cookieAge keeps a chosen view for the session, and deletes an empty one.
func cookieAge(view string) int {
	if view == "" {
		return -1
	}
	return 0
}

// shownOffice is the office whose data this request shows.
func shownOffice(c echo.Context) (office.Office, bool) {
	o, ok := c.Get(ctxOffice).(office.Office)
	return o, ok
}

// ownCode is the code of the signed-in user's office.
func ownCode(c echo.Context) string {
	o, _ := c.Get(ctxOwnOffice).(office.Office)
	return o.Code
}

// ownLevel is the level of the signed-in user's office (provinsi or kabkota).
func ownLevel(c echo.Context) string {
	o, _ := c.Get(ctxOwnOffice).(office.Office)
	return o.Level
}

// now is the current time in the zone of the office shown: its "today".
func now(c echo.Context) time.Time {
	sc, err := scope.From(c.Request().Context())
	if err != nil {
		return time.Now().UTC()
	}
	return sc.Now(time.Now())
}

// ctxOf is the request's context, which carries its office's scope.
func ctxOf(c echo.Context) context.Context { return c.Request().Context() }
