package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/apperr"
	"jemputbola/internal/export"
	"jemputbola/internal/figdraft"
	"jemputbola/internal/figimport"
	"jemputbola/internal/locale"
	"jemputbola/internal/region"
	"jemputbola/templates/coveragepage"
	"jemputbola/web/paths"
)

// previewRowsShown bounds the desa the preview lists; the totals count all.
const previewRowsShown = 500

// draft is the signed-in user's draft named by :id.
func (h *coverageHandlers) draft(c echo.Context) (figdraft.Draft, error) {
	id, err := idParam(c)
	if err != nil {
		return figdraft.Draft{}, err
	}
	u, _ := currentUser(c)
	return h.drafts.Get(ctxOf(c), u.ID, id)
}

// importPreview shows what a checked file will change, desa by desa, before
// one click stores it.
func (h *coverageHandlers) importPreview(c echo.Context) error {
	ctx := ctxOf(c)
	d, err := h.draft(c)
	if err != nil {
		return err
	}
	before, err := h.regions.FiguresOn(ctx, d.AsOf)
	if err != nil {
		return err
	}
	regions, err := h.regions.All(ctx)
	if err != nil {
		return err
	}
	names := make(map[string]region.Region, len(regions))
	for _, r := range regions {
		names[r.Code] = r
	}
	v := coveragepage.ImportPreview{CSRF: csrfToken(c), Store: paths.For(paths.ImportPreview, d.ID), Drop: paths.For(paths.ImportDrop, d.ID),
		FileName: d.FileName, AsOf: locale.DateText(d.AsOf), Desa: locale.Int(int64(len(d.Parsed.Rows))), FormulaNote: d.Parsed.FormulaNote()}
	var replacing, oldIKD, newIKD int64
	for i, r := range d.Parsed.Rows {
		old, had := before[r.DesaCode]
		replaces := had && old.AsOf == d.AsOf
		if replaces {
			replacing++
		}
		oldIKD, newIKD = oldIKD+old.IkdActivated, newIKD+r.Activated
		if i >= previewRowsShown {
			continue
		}
		desa := names[r.DesaCode]
		row := coveragepage.PreviewRow{Code: r.DesaCode, Name: desa.Name, NewRecorded: locale.Int(r.Recorded), NewActivated: locale.Int(r.Activated),
			NewWajib: locale.Int(r.WajibKTP), Replaces: replaces, OldAsOf: "—", OldRecorded: "—", OldActivated: "—"}
		if desa.ParentCode != nil {
			row.Kecamatan = names[*desa.ParentCode].Name
		}
		if had {
			row.OldAsOf, row.OldRecorded, row.OldActivated = locale.DateText(old.AsOf), locale.Int(old.EktpRecorded), locale.Int(old.IkdActivated)
			row.Change = signed(r.Activated - old.IkdActivated)
		}
		v.Rows = append(v.Rows, row)
	}
	v.More = max(0, len(d.Parsed.Rows)-previewRowsShown)
	v.Replacing, v.OldIKD, v.NewIKD = locale.Int(replacing), locale.Int(oldIKD), locale.Int(newIKD)
	for _, s := range d.Parsed.Skipped {
		v.Skipped = append(v.Skipped, coveragepage.SkippedLine{Line: strconv.Itoa(s.Line), Reason: s.Reason})
	}
	return render(c, http.StatusOK, page(c, "Pratinjau impor", "cakupan"), coveragepage.ImportPreviewPage(v))
}

// importDraft stores a previewed file, all or nothing, and drops its draft.
func (h *coverageHandlers) importDraft(c echo.Context) error {
	ctx := ctxOf(c)
	done, ok := h.imports.start(ctx)
	if !ok {
		return apperr.New(apperr.Conflict, "Impor lain untuk kantor ini sedang berjalan. Tunggu sampai selesai, lalu coba lagi.")
	}
	defer done()
	d, err := h.draft(c)
	if err != nil {
		return err
	}
	imp, err := h.regions.ImportFigures(ctx, actor(c), d.AsOf, d.FileName, figimport.Figures(d.Parsed.Rows))
	if err != nil {
		return err
	}
	u, _ := currentUser(c)
	if err := h.drafts.Drop(ctx, u.ID, d.ID); err != nil {
		return err
	}
	msg := locale.Int(int64(imp.Rows)) + " desa/kelurahan diimpor dengan angka per " + locale.DateText(imp.AsOf) + "."
	if imp.Replaced > 0 {
		msg += " " + locale.Int(int64(imp.Replaced)) + " angka lama untuk tanggal yang sama diganti."
	}
	if n := len(d.Parsed.Skipped); n > 0 {
		msg += " " + locale.Int(int64(n)) + " baris judul, jumlah atau kelompok dilewati."
	}
	if note := d.Parsed.FormulaNote(); note != "" {
		msg += " " + note
	}
	flash(c, msg)
	return redirect(c, paths.FigureImport)
}

// dropDraft forgets a previewed file the office decided against.
func (h *coverageHandlers) dropDraft(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	u, _ := currentUser(c)
	if err := h.drafts.Drop(ctxOf(c), u.ID, id); err != nil {
		return err
	}
	flash(c, "Impor dibatalkan; tidak ada angka yang disimpan.")
	return redirect(c, paths.FigureImport)
}

// importTemplate is a file to fill in: the columns the import reads, a row
// for every desa of the office with its code and names (?format=xlsx, or CSV
// in the office's locale).
func (h *coverageHandlers) importTemplate(c echo.Context) error {
	ctx := ctxOf(c)
	regions, err := h.regions.All(ctx)
	if err != nil {
		return err
	}
	known, err := h.regions.DesaCodes(ctx)
	if err != nil {
		return err
	}
	t := export.Table{Sheet: "Angka resmi", Widths: []float64{16, 22, 26, 12, 12, 12},
		Header: []string{"kode_wilayah", "kecamatan", "desa_kelurahan", "wajib_ktp", "rekam_ektp", "ikd_aktif"}}
	names := map[string]string{}
	for _, r := range regions {
		names[r.Code] = r.Name
		if known[r.Code] && r.ParentCode != nil {
			t.Rows = append(t.Rows, []any{r.Code, names[*r.ParentCode], r.Name, "", "", ""})
		}
	}
	return sendTable(c, t, "templat-angka-resmi-"+ownCode(c), c.QueryParam("format") == "xlsx")
}
