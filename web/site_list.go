package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/apperr"
	"jemputbola/internal/region"
	"jemputbola/internal/site"
	"jemputbola/templates/sitepage"
)

type siteHandlers struct {
	sites   *site.Store
	regions *region.Store
}

func (h *siteHandlers) list(c echo.Context) error {
	f := site.Filter{Kind: site.Kind(c.QueryParam("kind")), KecamatanCode: c.QueryParam("kec"), Query: c.QueryParam("q"), Page: pageParam(c)}
	return h.renderList(c, http.StatusOK, f, "")
}

func (h *siteHandlers) renderList(c echo.Context, status int, f site.Filter, msg string) error {
	ctx := c.Request().Context()
	p, err := h.sites.List(ctx, f)
	if err != nil {
		return err
	}
	groups, err := h.sites.DesaOptions(ctx)
	if err != nil {
		return err
	}
	u, _ := currentUser(c)
	l := sitepage.List{Page: p, Filter: f, Kecamatan: groups, CanEdit: u.Role.In(planners...), CSRF: csrfToken(c), Error: msg}
	return render(c, status, page(c, "Lokasi Sasaran", "lokasi"), sitepage.ListPage(l))
}

func (h *siteHandlers) delete(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	err = h.sites.Delete(c.Request().Context(), actor(c), id)
	if apperr.CodeOf(err) == apperr.Conflict {
		return h.renderList(c, http.StatusConflict, site.Filter{Page: 1}, apperr.MessageOf(err))
	}
	if err != nil {
		return err
	}
	flash(c, "Lokasi dihapus.")
	return redirect(c, "/lokasi")
}
