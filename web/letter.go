package web

import (
	"cmp"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/auth"
	"jemputbola/internal/letter"
	"jemputbola/internal/locale"
	"jemputbola/internal/office"
	"jemputbola/internal/team"
	"jemputbola/internal/visit"
	"jemputbola/templates/letterpage"
	"jemputbola/web/paths"
)

// issuedLetter is a letter of a visit as numbered, with what its views need.
type issuedLetter struct {
	doc    letter.Document
	visit  visit.Detail
	office office.Office
	issued letter.Issued
}

// letterDoc numbers (on first use) and writes the letter of kind of the
// visit in the request, after checking the user may see the visit.
func (h *visitHandlers) letterDoc(c echo.Context, kind letter.Kind) (issuedLetter, error) {
	var l issuedLetter
	id, err := idParam(c)
	if err != nil {
		return l, err
	}
	ctx := c.Request().Context()
	if l.visit, err = h.visits.Get(ctx, id); err != nil {
		return l, err
	}
	if err := mayView(c, h.teams, l.visit); err != nil {
		return l, err
	}
	t, err := h.teams.Get(ctx, l.visit.TeamID)
	if err != nil {
		return l, err
	}
	if l.office, err = h.offices.Current(ctx); err != nil {
		return l, err
	}
	pattern := cmp.Or(l.office.LetterPattern, letter.DefaultPattern)
	// Letters are numbered when their team's people or planners open them
	// for a visit that will happen, not when anyone else looks.
	u, _ := currentUser(c)
	issue := l.visit.Status != visit.Dibatalkan && (u.Role == auth.Operator || mayPlan(c, h.teams, l.visit.TeamID) == nil)
	if l.issued, err = h.letters.Number(ctx, actor(c), id, kind, pattern, now(c), issue); err != nil {
		return l, err
	}
	l.doc = letter.Write(kind, letterFacts(l.visit, t, l.office, l.issued))
	return l, nil
}

// letterFacts is what the letters of visit v by team t say, for office o,
// numbered and dated as issued (not yet numbered: dots to fill in by hand).
func letterFacts(v visit.Detail, t team.Detail, o office.Office, issued letter.Issued) letter.Facts {
	f := letter.Facts{
		Office: letter.Office{Government: o.Government, Name: o.Name, Address: o.Address, City: o.City,
			HeadName: o.HeadName, HeadNIP: o.HeadNIP, HeadRank: o.HeadRank},
		Number: issued.Number, Date: locale.Date(issued.On), TeamName: v.TeamName, Addressee: addressee(v),
		Place: v.SiteName + ", " + v.DesaName + ", Kecamatan " + v.KecamatanName,
		Day:   locale.Date(v.Start), Window: visitWindow(v), Expected: locale.Int(v.Expected),
		Zone: v.Start.Format("MST"), // WIB, WITA or WIT from the office's zone
	}
	if issued.Number == "" {
		f.Number, f.Date = "........../........../Dukcapil/"+strconv.Itoa(time.Now().Year()), "...................."
	}
	if t.Leader != nil {
		f.Leader = t.Leader.Name
	}
	for _, op := range t.Operators {
		f.Members = append(f.Members, op.Name)
	}
	return f
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

// letterPDFPaths are each kind's PDF download.
var letterPDFPaths = map[letter.Kind]string{letter.Tugas: paths.TaskLetterPDF, letter.Pemberitahuan: paths.NoticeLtrPDF}

func (h *visitHandlers) renderLetter(c echo.Context, kind letter.Kind) error {
	l, err := h.letterDoc(c, kind)
	if err != nil {
		return err
	}
	p := letterpage.Page{Head: letterheadView(l.office), Doc: l.doc, VisitID: l.visit.ID,
		PDFHref: paths.For(letterPDFPaths[kind], l.visit.ID), Unnumbered: l.issued.Number == ""}
	return render(c, http.StatusOK, page(c, kind.Label()+" · "+l.visit.SiteName, "jadwal"), letterpage.Letter(p))
}

// letterPDF sends the letter as an A4 PDF made in Go, named by its number.
func (h *visitHandlers) letterPDF(c echo.Context, kind letter.Kind) error {
	l, err := h.letterDoc(c, kind)
	if err != nil {
		return err
	}
	var logo letter.Logo
	if l.office.LogoType != "" {
		if logo.Data, logo.Type, err = h.offices.Logo(c.Request().Context()); err != nil {
			return err
		}
	}
	b, err := letter.PDF(l.doc, logo, cmp.Or(l.issued.On, now(c)))
	if err != nil {
		return err
	}
	name := string(kind) + "-" + strconv.FormatInt(l.visit.ID, 10)
	if l.issued.Number != "" {
		// The number as a file name: letters, digits, dots and dashes only.
		name = string(kind) + "-" + strings.Map(func(r rune) rune {
			if r < 128 && (r == '.' || r == '-' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
				return r
			}
			return '-'
		}, l.issued.Number)
	}
	c.Response().Header().Set(echo.HeaderContentDisposition, `attachment; filename="surat-`+name+`.pdf"`)
	return c.Blob(http.StatusOK, "application/pdf", b)
}

func (h *visitHandlers) suratTugas(c echo.Context) error { return h.renderLetter(c, letter.Tugas) }

func (h *visitHandlers) suratPemberitahuan(c echo.Context) error {
	return h.renderLetter(c, letter.Pemberitahuan)
}

func (h *visitHandlers) suratTugasPDF(c echo.Context) error { return h.letterPDF(c, letter.Tugas) }

func (h *visitHandlers) suratPemberitahuanPDF(c echo.Context) error {
	return h.letterPDF(c, letter.Pemberitahuan)
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
