package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"jemputbola/internal/locale"
	"jemputbola/internal/office"
	"jemputbola/internal/team"
	"jemputbola/internal/visit"
	"jemputbola/templates/letterpage"
	"jemputbola/web/paths"
)

// letter gathers what both letters need, after checking the user may see the visit.
func (h *visitHandlers) letter(c echo.Context) (letterpage.Letter, error) {
	id, err := idParam(c)
	if err != nil {
		return letterpage.Letter{}, err
	}
	ctx := c.Request().Context()
	v, err := h.visits.Get(ctx, id)
	if err != nil {
		return letterpage.Letter{}, err
	}
	if err := mayView(c, h.teams, v); err != nil {
		return letterpage.Letter{}, err
	}
	t, err := h.teams.Get(ctx, v.TeamID)
	if err != nil {
		return letterpage.Letter{}, err
	}
	o, err := h.offices.Current(ctx)
	if err != nil {
		return letterpage.Letter{}, err
	}
	return letterView(v, t, o, now(c)), nil
}

// letterView is the letters of visit v by team t, signed for office o on today.
func letterView(v visit.Detail, t team.Detail, o office.Office, today time.Time) letterpage.Letter {
	l := letterpage.Letter{
		Office:  letterheadView(o),
		VisitID: v.ID, SiteName: v.SiteName, TeamName: v.TeamName, Addressee: addressee(v),
		Place: v.SiteName + ", " + v.DesaName + ", Kecamatan " + v.KecamatanName,
		Date:  locale.Date(v.Start), Window: visitWindow(v), Expected: locale.Int(v.Expected),
		Zone:  v.Start.Format("MST"), // WIB, WITA or WIT from the office's zone
		Today: locale.Date(today), Year: strconv.Itoa(today.Year()),
	}
	if t.Leader != nil {
		l.Leader = t.Leader.Name
	}
	for _, op := range t.Operators {
		l.Members = append(l.Members, op.Name)
	}
	return l
}

// addressee is who the announcement goes to, by the kind of site.
func addressee(v visit.Detail) string {
	switch v.SiteKind {
	case "desa":
		return "Kepala Desa/Lurah " + v.DesaName
	case "sekolah":
		return "Kepala Sekolah " + v.SiteName
	}
	return "Kepala " + v.SiteName
}

func (h *visitHandlers) renderLetter(c echo.Context, title string, body func(letterpage.Letter) templ.Component) error {
	l, err := h.letter(c)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, page(c, title+" · "+l.SiteName, "jadwal"), body(l))
}

func (h *visitHandlers) suratTugas(c echo.Context) error {
	return h.renderLetter(c, "Surat Tugas", letterpage.SuratTugas)
}

func (h *visitHandlers) suratPemberitahuan(c echo.Context) error {
	return h.renderLetter(c, "Surat Pemberitahuan", letterpage.SuratPemberitahuan)
}

// letterheadView is the letterhead and signatory every printed page shows.
func letterheadView(o office.Office) letterpage.Office {
	l := letterpage.Office{Government: o.Government, Name: o.Name, Address: o.Address, City: o.City,
		HeadName: o.HeadName, HeadNIP: o.HeadNIP, HeadRank: o.HeadRank}
	if o.LogoType != "" {
		l.LogoURL = paths.Logo
	}
	return l
}
