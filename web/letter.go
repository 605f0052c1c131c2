package web

import (
	"net/http"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"jemputbola/templates/letterpage"
)

// letter gathers what both letters need, after checking the user may see the visit.
func (h *visitHandlers) letter(c echo.Context) (letterpage.Letter, error) {
	var l letterpage.Letter
	id, err := idParam(c)
	if err != nil {
		return l, err
	}
	ctx := c.Request().Context()
	if l.Visit, err = h.visits.Get(ctx, id); err != nil {
		return l, err
	}
	if err := mayView(c, h.teams, l.Visit); err != nil {
		return l, err
	}
	t, err := h.teams.Get(ctx, l.Visit.TeamID)
	if err != nil {
		return l, err
	}
	if t.Leader != nil {
		l.Leader = t.Leader.Name
	}
	for _, o := range t.Operators {
		l.Members = append(l.Members, o.Name)
	}
	if l.Office, err = h.settings.Office(ctx); err != nil {
		return l, err
	}
	l.Today = h.now()
	l.Zone = l.Visit.Start.Format("MST") // WIB, WITA or WIT from the office's zone
	return l, nil
}

func (h *visitHandlers) renderLetter(c echo.Context, title string, body func(letterpage.Letter) templ.Component) error {
	l, err := h.letter(c)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, page(c, title+" · "+l.Visit.SiteName, "jadwal"), body(l))
}

func (h *visitHandlers) suratTugas(c echo.Context) error {
	return h.renderLetter(c, "Surat Tugas", letterpage.SuratTugas)
}

func (h *visitHandlers) suratPemberitahuan(c echo.Context) error {
	return h.renderLetter(c, "Surat Pemberitahuan", letterpage.SuratPemberitahuan)
}
