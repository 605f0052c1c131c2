package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/apperr"
	"jemputbola/internal/locale"
	"jemputbola/internal/region"
	"jemputbola/internal/site"
	"jemputbola/templates/components"
	"jemputbola/templates/sitepage"
	"jemputbola/web/paths"
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
	l := sitepage.List{Total: locale.Int(p.Total), Page: p.Page, Pages: p.Pages, Query: f.Query, Kind: string(f.Kind), Kec: f.KecamatanCode,
		Kinds: kindOptions("Semua jenis"), CanEdit: mayChange(c, planners...), CSRF: csrfToken(c), Error: msg}
	for _, g := range groups {
		l.Kecamatan = append(l.Kecamatan, components.Option{Value: g.Code, Label: g.Name})
	}
	for _, r := range p.Rows {
		l.Rows = append(l.Rows, sitepage.Row{ID: r.ID, Name: r.Name, Demo: r.Demo, Kind: r.Kind.Label(), DesaName: r.DesaName,
			KecamatanName: r.KecamatanName, Eligible: locale.Int(r.Eligible), Contact: r.Contact})
	}
	return render(c, status, page(c, "Lokasi Sasaran", "lokasi"), sitepage.ListPage(l))
}

// kindOptions lists every kind of site after a first choice labelled first.
func kindOptions(first string) []components.Option {
	opts := []components.Option{{Value: "", Label: first}}
	for _, k := range site.Kinds {
		opts = append(opts, components.Option{Value: string(k), Label: k.Label()})
	}
	return opts
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
	return redirect(c, paths.Sites)
}
