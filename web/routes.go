package web

import (
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"jemputbola/internal/audit"
	"jemputbola/internal/auth"
	"jemputbola/internal/confirm"
	"jemputbola/internal/desk"
	"jemputbola/internal/figdraft"
	"jemputbola/internal/holiday"
	"jemputbola/internal/letter"
	"jemputbola/internal/office"
	"jemputbola/internal/progress"
	"jemputbola/internal/region"
	"jemputbola/internal/result"
	"jemputbola/internal/settings"
	"jemputbola/internal/site"
	"jemputbola/internal/team"
	"jemputbola/internal/visit"
	"jemputbola/static"
	"jemputbola/templates/layout"
	"jemputbola/web/paths"
)

// Who may do what. Every route below names one of these; the role matrix test
// (routes_test.go) checks each pair independently of this file.
var (
	everyone = []auth.Role{auth.Admin, auth.KepalaDinas, auth.KetuaTim, auth.Operator, auth.Pimpinan}
	staff    = []auth.Role{auth.Admin, auth.KepalaDinas, auth.KetuaTim, auth.Operator} // the office's own people
	readers  = []auth.Role{auth.Admin, auth.KepalaDinas, auth.KetuaTim, auth.Pimpinan} // coverage and reports
	planners = []auth.Role{auth.Admin, auth.KepalaDinas, auth.KetuaTim}
	managers = []auth.Role{auth.Admin, auth.KepalaDinas}
	admins   = []auth.Role{auth.Admin}
)

// Body limits: forms and JSON, the tablets' sync, and the figure upload.
const (
	maxBody   = "1M"
	maxSync   = "64K"
	maxUpload = "11M" // the file plus the form around it
)

func (s *Server) routes() {
	e, db := s.echo, s.deps.DB
	e.Pre(headAsGet)
	e.Use(middleware.Recover(), securityHeaders)
	gzip := middleware.GzipWithConfig(middleware.GzipConfig{Level: 5})
	e.GET(paths.Health, health(settings.NewStore(db), s.deps.Log))
	e.GET(paths.Static, staticFiles(), gzip)
	e.GET(paths.Worker, serviceWorker, gzip)

	sessions := auth.NewSessionStore(db)
	confirms := confirm.NewStore(db, nil)
	users := auth.NewUserStore(db)
	regions := region.NewStore(db)
	offices := office.NewStore(db)
	visits := visit.NewStore(db, nil)
	dashboard := progress.NewCaches(progress.NewStore(db))
	auditLog := audit.NewStore(db)
	results := result.NewStore(db) // one, so that all result writes share its group commits
	// Each group is one kind of route; the body limit comes first, since the
	// CSRF check reads the form. Pages a person changes something on show the
	// change at their next request (ChangedNow); the tablets' sync, the heavy
	// write load, shows within about a second (Changed).
	signedIn := func(limit string, more ...echo.MiddlewareFunc) *echo.Group {
		return e.Group("", append([]echo.MiddlewareFunc{middleware.BodyLimit(limit), loadSession(sessions),
			officeScope(offices), cleanForms, csrfGuard([]byte(s.deps.Secret))}, more...)...)
	}
	app := signedIn(maxBody, gzip, noteWrites(dashboard.ChangedNow))
	upload := signedIn(maxUpload, gzip, noteWrites(dashboard.ChangedNow))
	sync := signedIn(maxSync, gzip, noteWrites(dashboard.Changed))
	cached := signedIn(maxBody) // pages kept compressed by pageCache

	// A site contact's link: no sign-in (the token is the key), each address
	// at most 20 requests a minute.
	cf := &confirmHandlers{confirms: confirms}
	contactRate := newPerAddress(20, 10)
	app.GET(paths.Confirm, cf.show, contactRate.middleware)
	app.POST(paths.Confirm, cf.answer, contactRate.middleware)

	a := &authHandlers{authn: auth.NewAuthenticator(db), sessions: sessions}
	app.GET(paths.Login, a.loginForm)
	app.POST(paths.Login, a.login)
	app.POST(paths.Logout, a.logout, allow(everyone...))

	home := &homeHandlers{progress: dashboard, teams: team.NewStore(db), sites: site.NewStore(db), users: users, visits: visits, audit: auditLog, results: results}
	app.GET(paths.Home, home.show, allow(everyone...))

	v := &visitHandlers{visits: visits, sites: site.NewStore(db), teams: team.NewStore(db), regions: regions, progress: dashboard, results: results, offices: offices, days: holiday.NewStore(db), confirms: confirms, letters: letter.NewNumbers(db), publicURL: s.deps.PublicURL}
	app.GET(paths.Week, v.week, allow(everyone...))
	app.GET(paths.Month, v.month, allow(everyone...))
	app.GET(paths.WeekICS, v.exportICS, allow(everyone...), recordDownload(auditLog, "Jadwal (kalender .ics)"))
	app.GET(paths.WeekCSV, v.exportCSV, allow(everyone...), recordDownload(auditLog, "Jadwal (CSV)"))
	app.GET(paths.WeekXLSX, v.exportXLSX, allow(everyone...), recordDownload(auditLog, "Jadwal (Excel)"))
	app.GET(paths.VisitNew, v.newForm, allow(planners...))
	app.POST(paths.Visits, v.create, allow(planners...))
	app.GET(paths.Visit, v.show, allow(everyone...))
	app.GET(paths.VisitEdit, v.editForm, allow(planners...))
	app.POST(paths.Visit, v.update, allow(planners...))
	app.POST(paths.VisitStop, v.cancel, allow(planners...))
	app.POST(paths.VisitMove, v.move, allow(planners...))
	app.GET(paths.TaskLetter, v.suratTugas, allow(staff...), recordDownload(auditLog, "Surat Tugas"))
	app.GET(paths.NoticeLtr, v.suratPemberitahuan, allow(staff...), recordDownload(auditLog, "Surat Pemberitahuan"))
	app.GET(paths.TaskLetterPDF, v.suratTugasPDF, allow(staff...), recordDownload(auditLog, "Surat Tugas (PDF)"))
	app.GET(paths.NoticeLtrPDF, v.suratPemberitahuanPDF, allow(staff...), recordDownload(auditLog, "Surat Pemberitahuan (PDF)"))
	app.GET(paths.APIVisits, v.apiList, allow(staff...))

	ap := &autoplanHandlers{db: db, days: holiday.NewStore(db), coverage: dashboard, visits: visits, teams: team.NewStore(db)}
	app.GET(paths.AutoPlan, ap.show, allow(planners...))
	app.POST(paths.AutoPlan, ap.accept, allow(planners...))

	cov := &coverageHandlers{regions: regions, days: holiday.NewStore(db), cache: dashboard, sites: site.NewStore(db), visits: visits,
		results: results, offices: offices, drafts: figdraft.NewStore(db)}
	cached.GET(paths.Coverage, cov.show, allow(readers...))
	app.GET(paths.CoverageTarget, cov.targetPage, allow(managers...))
	app.POST(paths.CoverageTarget, cov.setTarget, allow(managers...))
	cached.GET(paths.CoverageMap, cov.mapPage, allow(readers...))
	app.GET(paths.CoverageDesa, cov.desaTable, allow(readers...))
	app.GET(paths.DesaCoverage, cov.desaPage, allow(readers...))
	app.GET(paths.FigureImport, cov.importForm, allow(managers...))
	upload.POST(paths.FigureImport, cov.importFile, allow(managers...))
	app.GET(paths.ImportTemplate, cov.importTemplate, allow(managers...))
	app.GET(paths.ImportPreview, cov.importPreview, allow(managers...))
	app.POST(paths.ImportPreview, cov.importDraft, allow(managers...))
	app.POST(paths.ImportDrop, cov.dropDraft, allow(managers...))
	app.GET(paths.Reconcile, cov.reconcile, allow(readers...))
	app.GET(paths.Report, cov.report, allow(readers...))
	app.GET(paths.CoverageCSV, cov.exportCSV, allow(readers...), recordDownload(auditLog, "Ekspor cakupan (CSV)"))
	app.GET(paths.CoverageXLSX, cov.exportXLSX, allow(readers...), recordDownload(auditLog, "Ekspor cakupan (Excel)"))
	app.GET(paths.APICoverage, cov.api, allow(readers...))

	fh := &fieldHandlers{visits: visits, teams: team.NewStore(db), results: results}
	app.GET(paths.Today, fh.today, allow(staff...))
	app.POST(paths.VisitStart, fh.start, allow(staff...))
	app.GET(paths.Result, fh.form, allow(staff...))
	app.POST(paths.Result, fh.save, allow(staff...))
	app.POST(paths.ResultFix, fh.correct, allow(staff...))
	app.GET(paths.Verify, fh.pending, allow(planners...))
	app.POST(paths.Verify, fh.verifyAll, allow(planners...))
	app.POST(paths.Verified, fh.verify, allow(planners...))

	dk := &deskHandlers{desk: desk.NewStore(db), days: holiday.NewStore(db), sites: site.NewStore(db), progress: dashboard}
	app.GET(paths.Desk, dk.show, allow(staff...))
	app.POST(paths.Desk, dk.save, allow(staff...))
	app.POST(paths.DeskPoints, dk.addPoint, allow(managers...))

	res := &resultHandlers{results: results, visits: visits}
	sync.POST(paths.APIResults, res.apiLog, allow(staff...))
	sync.POST(paths.APIVisitStart, res.apiStart, allow(staff...))
	sync.POST(paths.APIResultFix, res.apiCorrect, allow(staff...))

	r := &regionHandlers{regions: regions, progress: dashboard}
	app.GET(paths.Regions, r.kecamatanList, allow(everyone...))
	app.GET(paths.Kecamatan, r.desaList, allow(everyone...))
	app.GET(paths.APIRegions, r.apiList, allow(everyone...))

	st := &siteHandlers{sites: site.NewStore(db), regions: regions}
	app.GET(paths.Sites, st.list, allow(staff...))
	app.GET(paths.SiteNew, st.newForm, allow(planners...))
	app.POST(paths.Sites, st.create, allow(planners...))
	app.GET(paths.SiteEdit, st.editForm, allow(planners...))
	app.POST(paths.Site, st.update, allow(planners...))
	app.POST(paths.SiteDrop, st.delete, allow(planners...))

	t := &teamHandlers{teams: team.NewStore(db), users: users}
	app.GET(paths.Teams, t.list, allow(staff...))
	app.GET(paths.TeamNew, t.newForm, allow(planners...))
	app.POST(paths.Teams, t.create, allow(planners...))
	app.GET(paths.Team, t.show, allow(staff...))
	app.GET(paths.TeamEdit, t.editForm, allow(planners...))
	app.POST(paths.Team, t.update, allow(planners...))

	u := &userHandlers{users: users, sessions: sessions}
	app.GET(paths.Users, u.list, allow(managers...))
	app.GET(paths.UserNew, u.newForm, allow(managers...))
	app.POST(paths.Users, u.create, allow(managers...))
	app.GET(paths.UserEdit, u.editForm, allow(managers...))
	app.POST(paths.User, u.update, allow(managers...))

	set := &settingsHandlers{offices: offices}
	app.GET(paths.Settings, set.show, allow(managers...))
	app.POST(paths.Settings, set.save, allow(managers...))
	app.POST(paths.Calendar, set.saveCalendar, allow(managers...))
	app.POST(paths.CSVLocale, set.saveCSVLocale, allow(managers...))
	app.GET(paths.Logo, set.logo, allow(everyone...))
	upload.POST(paths.Logo, set.uploadLogo, allow(managers...))

	hl := &holidayHandlers{days: holiday.NewStore(db), visits: visits}
	app.GET(paths.Holidays, hl.show, allow(everyone...))
	app.POST(paths.Holidays, hl.add, allow(managers...))
	app.POST(paths.HolidayDrop, hl.remove, allow(managers...))

	of := &officeHandlers{offices: offices, regions: regions, users: users}
	app.GET(paths.Offices, of.list, allow(managers...))
	app.POST(paths.Offices, of.add, allow(managers...))
	app.POST(paths.OfficeUsers, of.addUser, allow(managers...))

	au := &auditHandlers{audit: auditLog}
	app.GET(paths.Audit, au.list, allow(managers...))

	pv := &privacyHandlers{db: db, offices: offices, audit: auditLog}
	app.GET(paths.Privacy, pv.show, allow(everyone...))
	app.POST(paths.Retention, pv.setRetention, allow(admins...))
	app.GET(paths.RetentionCSV, pv.archiveCSV, allow(admins...), recordDownload(auditLog, "Arsip audit (CSV)"))
	app.POST(paths.RetentionRemove, pv.removeArchived, allow(admins...))
}

// navLinks is the main menu, showing only what the role may open; a
// province's managers also get its kab/kota offices.
func navLinks(r auth.Role, province bool) []layout.Link {
	links := []layout.Link{{Key: "beranda", Label: "Beranda", Href: paths.Home}}
	if r.In(staff...) {
		links = append(links, layout.Link{Key: "hari-ini", Label: "Hari ini", Href: paths.Today})
	}
	links = append(links, layout.Link{Key: "jadwal", Label: "Jadwal", Href: paths.Week},
		layout.Link{Key: "wilayah", Label: "Wilayah", Href: paths.Regions})
	if r.In(staff...) {
		links = append(links, layout.Link{Key: "lokasi", Label: "Lokasi Sasaran", Href: paths.Sites},
			layout.Link{Key: "tim", Label: "Tim", Href: paths.Teams})
	}
	if r.In(staff...) {
		links = append(links, layout.Link{Key: "loket", Label: "Loket", Href: paths.Desk})
	}
	if r.In(planners...) {
		links = append(links, layout.Link{Key: "verifikasi", Label: "Verifikasi", Href: paths.Verify})
	}
	if r.In(readers...) {
		links = append(links, layout.Link{Key: "cakupan", Label: "Cakupan", Href: paths.Coverage})
	}
	if r.In(managers...) {
		links = append(links,
			layout.Link{Key: "pengguna", Label: "Pengguna", Href: paths.Users},
			layout.Link{Key: "audit", Label: "Audit", Href: paths.Audit},
			layout.Link{Key: "pengaturan", Label: "Pengaturan", Href: paths.Settings})
		if province {
			links = append(links, layout.Link{Key: "kantor", Label: "Kantor", Href: paths.Offices})
		}
	}
	return links
}

// serviceWorker serves the worker from the root; browsers re-check it on every visit.
func serviceWorker(c echo.Context) error {
	b, err := static.ServiceWorker()
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-cache")
	return c.Blob(http.StatusOK, "text/javascript; charset=utf-8", b)
}

// staticFiles serves the embedded files; a URL carrying the current content
// hash may be cached for a year.
func staticFiles() echo.HandlerFunc {
	fs := http.StripPrefix("/static/", http.FileServerFS(static.FS))
	return func(c echo.Context) error {
		if c.QueryParam("v") == static.Version() {
			c.Response().Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		}
		if strings.HasSuffix(c.Request().URL.Path, "/") {
			return echo.ErrNotFound
		}
		fs.ServeHTTP(c.Response(), c.Request())
		return nil
	}
}

// healthOut is the answer of /healthz.
type healthOut struct {
	Status   string `json:"status"`
	Database string `json:"database"`
}

// health answers load balancers and monitoring: the database is read, and
// with ?deep=1 also written, so a full disk shows as 503, not "ok".
func health(probe *settings.Store, log *slog.Logger) echo.HandlerFunc {
	return func(c echo.Context) error {
		if err := probe.Probe(ctxOf(c), c.QueryParam("deep") == "1", time.Now()); err != nil {
			log.Error("health probe failed", "err", err) // the details for the operator, not for the caller
			return c.JSON(http.StatusServiceUnavailable, healthOut{Status: "error", Database: "gagal"})
		}
		return c.JSON(http.StatusOK, healthOut{Status: "ok", Database: "ok"})
	}
}
