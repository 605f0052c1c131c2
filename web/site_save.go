package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/apperr"
	"jemputbola/internal/site"
	"jemputbola/templates/sitepage"
)

// siteForm reads the posted form into the view (kept for a re-render) and the
// domain input, with messages for numbers that do not parse.
func siteForm(c echo.Context) (sitepage.Form, site.Input, apperr.Fields) {
	f := sitepage.Form{Name: c.FormValue("name"), Kind: c.FormValue("kind"), DesaCode: c.FormValue("desa_code"),
		Address: c.FormValue("address"), Lat: c.FormValue("lat"), Lng: c.FormValue("lng"), Contact: c.FormValue("contact"),
		Eligible: c.FormValue("eligible"), Notes: c.FormValue("notes")}
	var bad apperr.Fields
	in := site.Input{Name: f.Name, Kind: site.Kind(f.Kind), DesaCode: f.DesaCode, Address: f.Address, Contact: f.Contact, Notes: f.Notes,
		Eligible: formInt(f.Eligible, 0, "eligible", &bad), Lat: formFloat(f.Lat, "lat", &bad), Lng: formFloat(f.Lng, "lng", &bad)}
	return f, in, bad
}

func (h *siteHandlers) renderForm(c echo.Context, status int, f sitepage.Form) error {
	groups, err := h.sites.DesaOptions(c.Request().Context())
	if err != nil {
		return err
	}
	f.Groups = groups
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
	f, in, bad := siteForm(c)
	f.ID = id
	if len(bad) > 0 {
		if bad["lat"] != "" || bad["lng"] != "" {
			in.Lat, in.Lng = nil, nil // one unreadable coordinate: skip the pair rule
		}
		for k, v := range apperr.FieldsOf(h.sites.Check(c.Request().Context(), id, in)) {
			bad.Add(k, v) // the parse message stays first on its field
		}
		f.Errors, f.Error = bad, "Periksa kembali isian yang ditandai."
		return h.renderForm(c, http.StatusUnprocessableEntity, f)
	}
	var err error
	if id == 0 {
		_, err = h.sites.Create(c.Request().Context(), actor(c), in)
	} else {
		_, err = h.sites.Update(c.Request().Context(), actor(c), id, in)
	}
	if apperr.CodeOf(err) == apperr.Invalid {
		f.Errors, f.Error = apperr.FieldsOf(err), apperr.MessageOf(err)
		return h.renderForm(c, http.StatusUnprocessableEntity, f)
	}
	if err != nil {
		return err
	}
	flash(c, "Lokasi tersimpan.")
	return redirect(c, "/lokasi")
}
