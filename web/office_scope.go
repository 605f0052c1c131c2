package web

import (
	"context"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/apperr"
	"jemputbola/internal/auth"
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

// viewable are the pages a province user may open for one of its kab/kota:
// its coverage, map, reports, exports, schedule, sites and teams, read-only.
// Every other page, and every change, is the user's own office's.
var viewable = map[string]bool{
	paths.Coverage: true, paths.CoverageMap: true, paths.CoverageDesa: true, paths.DesaCoverage: true,
	paths.Reconcile: true, paths.Report: true, paths.CoverageCSV: true, paths.CoverageXLSX: true, paths.Logo: true,
	paths.Regions: true, paths.Kecamatan: true, paths.Week: true, paths.Month: true, paths.Visit: true,
	paths.WeekICS: true, paths.WeekCSV: true, paths.WeekXLSX: true, paths.Sites: true, paths.Site: true,
	paths.Teams: true, paths.Team: true, paths.APICoverage: true, paths.APIRegions: true, paths.APIVisits: true,
}

// officeScope puts the scope of the signed-in user's office into the request
// context, which every store reads. A province user may look at one of its
// kab/kota read-only: ?kantor=CODE picks it (kept in a cookie), its own code
// returns home. The view applies to reading the viewable pages only, so a form
// always changes the office it was shown for. A code that is not under the
// user's office is ignored, never confirmed.
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
			if viewing(c) {
				if sc, shown, err = viewed(c, offices, sc, own); err != nil {
					return err
				}
			}
			c.Set(ctxOffice, shown)
			c.Set(ctxOwnOffice, own)
			c.SetRequest(c.Request().WithContext(scope.With(ctx, sc)))
			return next(c)
		}
	}
}

// viewed is the scope and office a viewable page shows: the kab/kota the
// user picked (?kantor=, else the cookie), read-only, or their own office.
func viewed(c echo.Context, offices *office.Store, sc scope.Scope, own office.Office) (scope.Scope, office.Office, error) {
	view := c.QueryParam(paths.OfficeParam)
	if view != "" {
		// Set once view is settled: an unknown or own code clears the cookie.
		defer func() { setCookie(c, viewCookie, view, cookieAge(view)) }()
	} else if ck, err := c.Cookie(viewCookie); err == nil {
		view = ck.Value
	}
	if view == "" || view == own.Code || !sc.Under(view) {
		view = ""
		return sc, own, nil
	}
	o, err := offices.ByCode(ctxOf(c), view)
	switch apperr.CodeOf(err) {
	case "":
		ro := office.Scope(o)
		ro.ReadOnly = true
		return ro, o, nil
	case apperr.NotFound:
		view = ""
		return sc, own, nil
	}
	return sc, own, err
}

// viewing reports whether this request may show another office: it reads a
// viewable page.
func viewing(c echo.Context) bool {
	m := c.Request().Method
	return (m == http.MethodGet || m == http.MethodHead) && viewable[c.Path()]
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

// ownOffice is the signed-in user's office; the zero Office when signed out.
func ownOffice(c echo.Context) office.Office {
	o, _ := c.Get(ctxOwnOffice).(office.Office)
	return o
}

// ownCode is the code of the signed-in user's office.
func ownCode(c echo.Context) string { return ownOffice(c).Code }

// ownLevel is the level of the signed-in user's office (provinsi or kabkota).
func ownLevel(c echo.Context) string { return ownOffice(c).Level }

// mayChange reports whether the signed-in user may change what this request
// shows: their role is one of roles and the office shown is their own, not a
// province's read-only view of a kab/kota. Pages offer their forms only then.
func mayChange(c echo.Context, roles ...auth.Role) bool {
	u, ok := currentUser(c)
	if !ok || !u.Role.In(roles...) {
		return false
	}
	sc, err := scope.From(ctxOf(c))
	return err == nil && !sc.ReadOnly
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
