package web

import (
	"bytes"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"jemputbola/internal/office"
	"jemputbola/internal/scope"
	"jemputbola/templates/layout"
	"jemputbola/web/paths"
)

// htmx request headers (https://htmx.org/reference/#request_headers).
const (
	hxRequest  = "HX-Request"
	hxBoosted  = "HX-Boosted"
	hxRedirect = "HX-Redirect"
)

const flashCookie = "jb_flash"

// page is the layout data of this request: who is signed in, their menu, the token.
func page(c echo.Context, title, nav string) layout.Data {
	d := layout.Data{Title: title, Nav: nav, CSRF: csrfToken(c)}
	if u, ok := currentUser(c); ok {
		d.UserName, d.Username, d.RoleName, d.DemoUser = u.Name, u.Username, u.Role.Label(), u.Demo
		d.Links = navLinks(u.Role, ownLevel(c) == office.Provinsi)
	}
	if own := ownOffice(c); own.ID != 0 {
		d.Office = own.Region()
	}
	if o, ok := shownOffice(c); ok {
		if sc, err := scope.From(ctxOf(c)); err == nil && sc.ReadOnly {
			d.Viewed = o.Region()
			d.ViewOnly, d.HomeHref = true, paths.With(paths.Coverage, url.Values{paths.OfficeParam: {ownCode(c)}})
			d.Links = slices.DeleteFunc(d.Links, func(l layout.Link) bool { return !viewable[l.Href] })
		}
	}
	if ck, err := c.Cookie(flashCookie); err == nil {
		d.Flash, _ = url.QueryUnescape(ck.Value)
		if rest, ok := strings.CutPrefix(d.Flash, problemMark); ok {
			d.Flash, d.FlashProblem = rest, true
		}
		setCookie(c, flashCookie, "", -1)
	}
	return d
}

// render writes body inside the layout, or alone for an htmx partial request.
// It renders into a buffer first so a template error becomes a clean 500.
func render(c echo.Context, status int, d layout.Data, body templ.Component) error {
	b, err := renderBytes(c, d, body)
	if err != nil {
		return err
	}
	return c.HTMLBlob(status, b)
}

// renderBytes renders like render without sending.
func renderBytes(c echo.Context, d layout.Data, body templ.Component) ([]byte, error) {
	comp := body
	h := c.Request().Header
	if h.Get(hxRequest) == "" || h.Get(hxBoosted) != "" {
		comp = layout.Page(d, body)
	}
	var buf bytes.Buffer
	err := comp.Render(c.Request().Context(), &buf)
	return buf.Bytes(), err
}

// redirect sends the browser on after a successful POST (303) or via HX-Redirect for htmx.
func redirect(c echo.Context, to string) error {
	if c.Request().Header.Get(hxRequest) != "" {
		c.Response().Header().Set(hxRedirect, to)
		return c.NoContent(http.StatusNoContent)
	}
	return c.Redirect(http.StatusSeeOther, to)
}

// flash stores a confirmation shown once on the next page.
func flash(c echo.Context, msg string) {
	setCookie(c, flashCookie, url.QueryEscape(msg), 60)
}

// problemMark starts a flash that reports what was not done.
const problemMark = "!"

// flashProblem is flash for a message that says nothing was stored: the next
// page shows it as a warning, not as a confirmation.
func flashProblem(c echo.Context, msg string) { flash(c, problemMark+msg) }
