package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/apperr"
	"jemputbola/internal/settings"
	"jemputbola/templates/settingspage"
)

type settingsHandlers struct{ settings *settings.Store }

func (h *settingsHandlers) show(c echo.Context) error {
	o, err := h.settings.Office(c.Request().Context())
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, page(c, "Pengaturan", "pengaturan"), settingspage.Page(csrfToken(c), settingspage.Form{Office: o}))
}

func (h *settingsHandlers) save(c echo.Context) error {
	o := settings.Office{
		Name: c.FormValue("name"), Address: c.FormValue("address"), City: c.FormValue("city"),
		HeadName: c.FormValue("head_name"), HeadNIP: c.FormValue("head_nip"), HeadRank: c.FormValue("head_rank"),
	}
	err := h.settings.SetOffice(c.Request().Context(), actor(c), o)
	if apperr.CodeOf(err) == apperr.Invalid {
		f := settingspage.Form{Office: o, Errors: apperr.FieldsOf(err), Error: apperr.MessageOf(err)}
		return render(c, http.StatusUnprocessableEntity, page(c, "Pengaturan", "pengaturan"), settingspage.Page(csrfToken(c), f))
	}
	if err != nil {
		return err
	}
	flash(c, "Pengaturan tersimpan.")
	return redirect(c, "/pengaturan")
}
