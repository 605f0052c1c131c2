package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/settings"
	"jemputbola/templates/settingspage"
	"jemputbola/web/paths"
)

type settingsHandlers struct{ settings *settings.Store }

func (h *settingsHandlers) show(c echo.Context) error {
	o, err := h.settings.Office(c.Request().Context())
	if err != nil {
		return err
	}
	f := settingspage.Form{Name: o.Name, Address: o.Address, City: o.City, HeadName: o.HeadName, HeadNIP: o.HeadNIP, HeadRank: o.HeadRank}
	return render(c, http.StatusOK, page(c, "Pengaturan", "pengaturan"), settingspage.Page(csrfToken(c), f))
}

// decodeOfficeForm reads the office form: the text as typed and the letterhead.
func decodeOfficeForm(c echo.Context) (settingspage.Form, settings.Office) {
	r := readForm(c)
	f := settingspage.Form{Name: r.text("name"), Address: r.text("address"), City: r.text("city"),
		HeadName: r.text("head_name"), HeadNIP: r.text("head_nip"), HeadRank: r.text("head_rank")}
	return f, settings.Office{Name: f.Name, Address: f.Address, City: f.City, HeadName: f.HeadName, HeadNIP: f.HeadNIP, HeadRank: f.HeadRank}
}

func (h *settingsHandlers) save(c echo.Context) error {
	f, o := decodeOfficeForm(c)
	err := h.settings.SetOffice(c.Request().Context(), actor(c), o)
	if p, status, ok := formProblems(err); ok {
		f.Problems = p
		return render(c, status, page(c, "Pengaturan", "pengaturan"), settingspage.Page(csrfToken(c), f))
	}
	if err != nil {
		return err
	}
	flash(c, "Pengaturan tersimpan.")
	return redirect(c, paths.Settings)
}
