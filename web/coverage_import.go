package web

import (
	"context"
	"errors"
	"net/http"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/figimport"
	"jemputbola/internal/locale"
	"jemputbola/internal/scope"
	"jemputbola/templates/coveragepage"
	"jemputbola/web/paths"
)

// importHistory is how many past imports the page lists.
const importHistory = 20

// importProblemsShown bounds the problems listed; the rest are counted.
const importProblemsShown = 200

// importView completes the page: the token, the problems of a refused file
// and the history of imports.
func (h *coverageHandlers) importView(c echo.Context, f coveragepage.ImportForm, problems figimport.Errors) (coveragepage.ImportForm, error) {
	f.CSRF, f.ProblemCount = csrfToken(c), len(problems)
	for _, p := range problems[:min(len(problems), importProblemsShown)] {
		f.Problems = append(f.Problems, coveragepage.Problem{Line: p.Line, Message: p.Message})
	}
	history, err := h.regions.Imports(c.Request().Context(), importHistory)
	for _, i := range history {
		f.History = append(f.History, coveragepage.ImportLine{At: locale.DateTime(i.ImportedAt.In(now(c).Location())), AsOf: locale.DateText(i.AsOf),
			FileName: i.FileName, Rows: strconv.Itoa(i.Rows), Replaced: strconv.Itoa(i.Replaced), Username: i.Username})
	}
	return f, err
}

func (h *coverageHandlers) importForm(c echo.Context) error {
	f, err := h.importView(c, coveragepage.ImportForm{AsOf: now(c).Format(time.DateOnly)}, nil)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, page(c, "Impor angka resmi", "cakupan"), coveragepage.ImportPage(f))
}

// importFile checks every row of the uploaded file and stores all of them, or
// answers 422 with every bad row and stores nothing.
func (h *coverageHandlers) importFile(c echo.Context) error {
	ctx := c.Request().Context()
	f := coveragepage.ImportForm{AsOf: c.FormValue("as_of")}
	fail := func(problems figimport.Errors) error {
		v, err := h.importView(c, f, problems)
		if err != nil {
			return err
		}
		return render(c, http.StatusUnprocessableEntity, page(c, "Impor angka resmi", "cakupan"), coveragepage.ImportPage(v))
	}
	if _, err := time.Parse(time.DateOnly, f.AsOf); err != nil {
		return fail(figimport.Errors{{Message: "Isi tanggal data (per tanggal) dengan tanggal yang sah."}})
	}
	if f.AsOf > now(c).Format(time.DateOnly) {
		return fail(figimport.Errors{{Message: "Tanggal data tidak boleh di masa depan."}})
	}
	fh, err := c.FormFile("file")
	if err != nil {
		return fail(figimport.Errors{{Message: "Pilih berkas CSV atau XLSX untuk diimpor."}})
	}
	f.FileName = filepath.Base(fh.Filename)
	file, err := fh.Open()
	if err != nil {
		return err
	}
	defer file.Close() //nolint:errcheck // read-only: closing cannot lose data
	done, ok := h.imports.start(ctx)
	if !ok {
		return fail(figimport.Errors{{Message: "Impor lain untuk kantor ini sedang berjalan. Tunggu sampai selesai, lalu unggah lagi."}})
	}
	defer done()
	known, err := h.regions.DesaCodes(ctx)
	if err != nil {
		return err
	}
	parsed, err := figimport.Parse(ctx, f.FileName, file, func(code string) bool { return known[code] })
	var problems figimport.Errors
	if errors.As(err, &problems) {
		return fail(problems)
	}
	if err != nil {
		return err
	}
	u, _ := currentUser(c)
	id, err := h.drafts.Save(ctx, u.ID, f.AsOf, f.FileName, parsed)
	if err != nil {
		return err
	}
	return redirect(c, paths.For(paths.ImportPreview, id))
}

// oneImportPerOffice lets one figure import per office run at a time, so a few
// large uploads at once cannot take the server's memory from everyone else.
type oneImportPerOffice struct{ running sync.Map }

// start claims ctx's office; done releases it. ok is false while another runs.
func (o *oneImportPerOffice) start(ctx context.Context) (done func(), ok bool) {
	sc, err := scope.From(ctx)
	if err != nil {
		return nil, false
	}
	if _, busy := o.running.LoadOrStore(sc.OfficeID, true); busy {
		return nil, false
	}
	return func() { o.running.Delete(sc.OfficeID) }, true
}
