package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/apperr"
	"jemputbola/internal/site"
	"jemputbola/templates/components"
	"jemputbola/templates/sitepage"
	"jemputbola/web/paths"
)

// decodeSiteForm reads the site form: the text as typed (kept for a
// re-render), the domain input, and the inputs that did not read.
func decodeSiteForm(c echo.Context) (sitepage.Form, site.Input, apperr.Fields) {
	r := readForm(c)
	f := sitepage.Form{Name: r.text("name"), Kind: r.text("kind"), DesaCode: r.text("desa_code"),
		Address: r.text("address"), Lat: r.text("lat"), Lng: r.text("lng"), Contact: r.text("contact"),
		Eligible: r.text("eligible"), Notes: r.text("notes")}
	in := site.Input{Name: f.Name, Kind: site.Kind(f.Kind), DesaCode: f.DesaCode, Address: f.Address, Contact: f.Contact, Notes: f.Notes,
		Eligible: r.whole("eligible"), Lat: r.decimal("lat"), Lng: r.decimal("lng")}
	if r.bad["lat"] != "" || r.bad["lng"] != "" {
		in.Lat, in.Lng = nil, nil // one unreadable coordinate: skip the pair rule
	}
	return f, in, r.bad
}

func (h *siteHandlers) renderForm(c echo.Context, status int, f sitepage.Form) error {
	groups, err := desaGroups(c, h.sites)
	if err != nil {
		return err
	}
	f.Groups = groups
	f.Kinds = kindOptions("Pilih jenis")
	title := "Tambah lokasi"
	if f.ID != 0 {
		title = "Ubah lokasi"
	}
	return render(c, status, page(c, title, "lokasi"), sitepage.FormPage(csrfToken(c), f))
}

func (h *siteHandlers) newForm(c echo.Context) error {
	return h.renderForm(c, http.StatusOK, sitepage.Form{Kind: c.QueryParam("kind"), DesaCode: c.QueryParam("desa")})
}

func (h *siteHandlers) editForm(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	s, err := h.sites.Get(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return h.renderForm(c, http.StatusOK, sitepage.Form{ID: s.ID, Name: s.Name, Kind: string(s.Kind), DesaCode: s.DesaCode,
		Address: s.Address, Lat: floatText(s.Lat), Lng: floatText(s.Lng), Contact: s.Contact,
		Eligible: strconv.FormatInt(s.Eligible, 10), Notes: s.Notes})
}

func (h *siteHandlers) create(c echo.Context) error {
	return h.save(c, 0)
}

func (h *siteHandlers) update(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	if _, err := h.sites.Get(c.Request().Context(), id); err != nil {
		return err // an unknown id is a 404 even when the form is also wrong
	}
	return h.save(c, id)
}

// save creates (id 0) or updates a site; bad input re-renders the form with 422.
func (h *siteHandlers) save(c echo.Context, id int64) error {
	ctx := c.Request().Context()
	f, in, bad := decodeSiteForm(c)
	f.ID = id
	var err error
	switch {
	case len(bad) > 0:
		err = withUnreadable(bad, h.sites.Check(ctx, id, in))
	case id == 0:
		_, err = h.sites.Create(ctx, actor(c), in)
	default:
		_, err = h.sites.Update(ctx, actor(c), id, in)
	}
	if p, status, ok := formProblems(err); ok {
		f.Problems = p
		return h.renderForm(c, status, f)
	}
	if err != nil {
		return err
	}
	flash(c, "Lokasi "+in.Name+" tersimpan.")
	return redirect(c, paths.Sites)
}

// desaGroups is the office's desa by kecamatan, for the grouped drop-down.
func desaGroups(c echo.Context, sites *site.Store) ([]components.DesaGroup, error) {
	groups, err := sites.DesaOptions(ctxOf(c))
	out := make([]components.DesaGroup, len(groups))
	for i, g := range groups {
		out[i].Name = g.Name
		for _, d := range g.Desa {
			out[i].Desa = append(out[i].Desa, components.Option{Value: d.Code, Label: d.Name})
		}
	}
	return out, err
}
