package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/auth"
	"jemputbola/internal/locale"
	"jemputbola/internal/office"
	"jemputbola/internal/privacy"
	"jemputbola/internal/site"
	"jemputbola/templates/components"
	"jemputbola/templates/privacypage"
	"jemputbola/web/paths"
)

type privacyHandlers struct {
	db      *gorm.DB
	offices *office.Store
	audit   *audit.Store
}

// retention is the office shown and the day before which its audit entries
// are past their retention.
func (h *privacyHandlers) retention(c echo.Context) (office.Office, time.Time, error) {
	o, err := h.offices.Current(ctxOf(c))
	return o, audit.Cutoff(now(c), o.AuditRetentionYears), err
}

// privacyState is the page as stored now.
func (h *privacyHandlers) privacyState(c echo.Context) (privacypage.View, error) {
	ctx := ctxOf(c)
	o, cutoff, err := h.retention(c)
	if err != nil {
		return privacypage.View{}, err
	}
	old, err := h.audit.OldEntries(ctx, cutoff)
	if err != nil {
		return privacypage.View{}, err
	}
	_, total, err := h.audit.List(ctx, audit.Filter{Limit: 1})
	if err != nil {
		return privacypage.View{}, err
	}
	v := privacypage.View{Region: o.Region(), SessionHours: int(auth.SessionTTL.Hours()), FailureHours: int(auth.FailureMemory.Hours()),
		ContactMax: site.MaxContact, Years: o.AuditRetentionYears, Entries: locale.Int(total), Cutoff: locale.PlainDate(cutoff),
		Old: old.Entries, OldText: locale.Int(old.Entries), Admin: mayChange(c, auth.Admin),
		Retention: privacypage.RetentionForm{Years: strconv.Itoa(o.AuditRetentionYears)}}
	if old.Entries > 0 {
		q := url.Values{"sebelum": {cutoff.Format(time.RFC3339)}, "sampai": {strconv.FormatInt(old.LastID, 10)}}
		v.OldestAt = locale.PlainDate(old.FirstAt.In(cutoff.Location()))
		v.Archive = privacypage.ArchiveForm{Before: q.Get("sebelum"), LastID: q.Get("sampai"), DownloadHref: paths.With(paths.RetentionCSV, q)}
	}
	return v, nil
}

func (h *privacyHandlers) renderPage(c echo.Context, status int, v privacypage.View) error {
	return render(c, status, page(c, "Data pribadi", "data-pribadi"), privacypage.Page(csrfToken(c), v))
}

func (h *privacyHandlers) show(c echo.Context) error {
	v, err := h.privacyState(c)
	if err != nil {
		return err
	}
	return h.renderPage(c, http.StatusOK, v)
}

// setRetention stores the years audit entries stay; a bad value shows the
// page again with what was typed.
func (h *privacyHandlers) setRetention(c echo.Context) error {
	typed := readForm(c).text("years")
	years, convErr := strconv.Atoi(typed)
	if convErr != nil {
		years = 0 // refused below with the rule's message
	}
	err := h.offices.SetAuditRetention(ctxOf(c), actor(c), years)
	if p, status, ok := formProblems(err); ok {
		v, err := h.privacyState(c)
		if err != nil {
			return err
		}
		v.Retention = privacypage.RetentionForm{Years: typed, Problems: p}
		return h.renderPage(c, status, v)
	}
	if err != nil {
		return err
	}
	flash(c, fmt.Sprintf("Masa simpan catatan audit: %d tahun.", years))
	return redirect(c, paths.Privacy+"#audit")
}

// errStaleArchive answers a download or removal whose cutoff the page no
// longer offers: a forged or very old form.
var errStaleArchive = apperr.New(apperr.Invalid, "Tautan arsip tidak berlaku lagi: muat ulang halaman Data pribadi.")

// archivedPart reads which entries a download or removal is about, as the
// page pinned them, and refuses any younger than the office's retention.
func (h *privacyHandlers) archivedPart(c echo.Context) (audit.Old, time.Time, error) {
	_, cutoff, err := h.retention(c)
	if err != nil {
		return audit.Old{}, cutoff, err
	}
	before, err := time.Parse(time.RFC3339, c.FormValue("sebelum"))
	lastID, idErr := strconv.ParseInt(c.FormValue("sampai"), 10, 64)
	if err != nil || idErr != nil || lastID < 0 || before.After(cutoff) {
		return audit.Old{}, cutoff, errStaleArchive
	}
	return audit.Old{Before: before, LastID: lastID}, cutoff, nil
}

// archiveProblem shows the page with what kept the archive from being made or removed.
func (h *privacyHandlers) archiveProblem(c echo.Context, status int, p components.Problems) error {
	v, err := h.privacyState(c)
	if err != nil {
		return err
	}
	v.Archive.Problems = p
	return h.renderPage(c, status, v)
}

// archiveCSV streams the entries past retention as the page pinned them.
func (h *privacyHandlers) archiveCSV(c echo.Context) error {
	old, _, err := h.archivedPart(c)
	if p, status, ok := formProblems(err); ok {
		return h.archiveProblem(c, status, p)
	}
	if err != nil {
		return err
	}
	res := c.Response()
	res.Header().Set(echo.HeaderContentType, "text/csv; charset=utf-8")
	res.Header().Set("Content-Disposition", `attachment; filename="arsip-audit-sebelum-`+old.Before.Format(time.DateOnly)+`.csv"`)
	res.WriteHeader(http.StatusOK)
	_, _, err = privacy.WriteArchive(ctxOf(c), h.audit, res, old)
	return err // once streaming, an error can only cut the file short
}

// removeArchived removes the entries past retention once the person says
// the archive is kept, and names its SHA-256 to check the file against.
func (h *privacyHandlers) removeArchived(c echo.Context) error {
	old, cutoff, err := h.archivedPart(c)
	if err == nil && !readForm(c).checked("disimpan") {
		var f apperr.Fields
		f.Add("disimpan", "Centang dulu bahwa berkas arsip sudah Anda unduh dan simpan.")
		err = f.Err()
	}
	var done audit.Archived
	if err == nil {
		done, err = privacy.RemoveArchived(ctxOf(c), h.db, actor(c), old, cutoff)
	}
	if p, status, ok := formProblems(err); ok {
		return h.archiveProblem(c, status, p)
	}
	if err != nil {
		return err
	}
	flash(c, fmt.Sprintf("%s catatan audit sebelum %s dihapus dari aplikasi. SHA-256 arsipnya %s: cocokkan dengan berkas yang Anda simpan.",
		locale.Int(done.Entries), locale.PlainDate(old.Before), done.SHA256))
	return redirect(c, paths.Privacy+"#audit")
}
