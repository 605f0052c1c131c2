package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"jemputbola/internal/audit"
	"jemputbola/internal/auth"
	"jemputbola/internal/progress"
	"jemputbola/internal/region"
	"jemputbola/internal/result"
	"jemputbola/internal/settings"
	"jemputbola/internal/site"
	"jemputbola/internal/team"
	"jemputbola/internal/visit"
	"jemputbola/static"
	"jemputbola/templates/layout"
)

// Who may do what. Every route below names one of these; the role matrix test
// (routes_test.go) checks each pair independently of this file.
var (
	everyone = []auth.Role{auth.Admin, auth.KepalaDinas, auth.KetuaTim, auth.Operator}
	planners = []auth.Role{auth.Admin, auth.KepalaDinas, auth.KetuaTim}
	managers = []auth.Role{auth.Admin, auth.KepalaDinas}
)

// maxBody bounds every request body but uploads, which set their own.
const maxBody = "1M"

func (s *Server) routes() {
	e, db := s.echo, s.deps.DB
	e.Use(middleware.Recover(), securityHeaders,
		middleware.BodyLimitWithConfig(middleware.BodyLimitConfig{Limit: maxBody, Skipper: isUpload}),
		middleware.GzipWithConfig(middleware.GzipConfig{Level: 5, Skipper: isPrecompressed}))
	e.GET("/healthz", func(c echo.Context) error { return c.JSON(http.StatusOK, map[string]string{"status": "ok"}) })
	e.GET("/static/*", staticFiles())
	e.GET("/sw.js", serviceWorker)

	sessions := auth.NewSessionStore(db)
	users := auth.NewUserStore(db)
	regions := region.NewStore(db)
	prog := progress.NewStore(db)
	dashboard := progress.NewCache(prog)
	app := e.Group("", loadSession(sessions), csrfGuard([]byte(s.deps.Secret)), noteWrites(dashboard))

	a := &authHandlers{authn: auth.NewAuthenticator(db), sessions: sessions}
	app.GET("/login", a.loginForm)
	app.POST("/login", a.login)
	app.POST("/logout", a.logout, allow(everyone...))

	home := &homeHandlers{regions: regions, progress: dashboard, teams: team.NewStore(db), sites: site.NewStore(db), users: users, visits: visit.NewStore(db, s.deps.Zone, nil), audit: audit.NewStore(db), now: s.now}
	app.GET("/", home.show, allow(everyone...))

	v := &visitHandlers{visits: visit.NewStore(db, s.deps.Zone, nil), sites: site.NewStore(db), teams: team.NewStore(db), regions: regions, progress: dashboard, results: result.NewStore(db), settings: settings.NewStore(db), now: s.now}
	app.GET("/jadwal", v.week, allow(everyone...))
	app.GET("/jadwal/bulan", v.month, allow(everyone...))
	app.GET("/jadwal/ekspor.ics", v.exportICS, allow(everyone...))
	app.GET("/jadwal/ekspor.csv", v.exportCSV, allow(everyone...))
	app.GET("/jadwal/ekspor.xlsx", v.exportXLSX, allow(everyone...))
	app.GET("/kunjungan/baru", v.newForm, allow(planners...))
	app.POST("/kunjungan", v.create, allow(planners...))
	app.GET("/kunjungan/:id", v.show, allow(everyone...))
	app.GET("/kunjungan/:id/ubah", v.editForm, allow(planners...))
	app.POST("/kunjungan/:id", v.update, allow(planners...))
	app.POST("/kunjungan/:id/batal", v.cancel, allow(planners...))
	app.GET("/kunjungan/:id/surat-tugas", v.suratTugas, allow(everyone...))
	app.GET("/kunjungan/:id/surat-pemberitahuan", v.suratPemberitahuan, allow(everyone...))
	app.GET("/api/v1/visits", v.apiList, allow(everyone...))

	ap := &autoplanHandlers{db: db, coverage: dashboard, visits: visit.NewStore(db, s.deps.Zone, nil), now: s.now}
	app.GET("/rencana-otomatis", ap.show, allow(planners...))
	app.POST("/rencana-otomatis", ap.accept, allow(planners...))

	cov := &coverageHandlers{regions: regions, cache: dashboard, sites: site.NewStore(db), visits: visit.NewStore(db, s.deps.Zone, nil),
		results: result.NewStore(db), settings: settings.NewStore(db), now: s.now}
	app.GET("/cakupan", cov.show, allow(planners...))
	app.POST("/cakupan/target", cov.setTarget, allow(managers...))
	app.GET("/cakupan/peta", cov.mapPage, allow(planners...))
	app.GET("/cakupan/desa", cov.desaTable, allow(planners...))
	app.GET("/cakupan/desa/:code", cov.desaPage, allow(planners...))
	app.GET("/cakupan/impor", cov.importForm, allow(managers...))
	app.POST("/cakupan/impor", cov.importFile, allow(managers...), middleware.BodyLimit(importLimit))
	app.GET("/cakupan/rekonsiliasi", cov.reconcile, allow(planners...))
	app.GET("/cakupan/laporan", cov.report, allow(planners...))
	app.GET("/cakupan/ekspor.csv", cov.exportCSV, allow(planners...))
	app.GET("/cakupan/ekspor.xlsx", cov.exportXLSX, allow(planners...))
	app.GET("/api/v1/coverage", cov.api, allow(planners...))

	fh := &fieldHandlers{visits: visit.NewStore(db, s.deps.Zone, nil), teams: team.NewStore(db), results: result.NewStore(db), now: s.now}
	app.GET("/hari-ini", fh.today, allow(everyone...))
	app.POST("/kunjungan/:id/mulai", fh.start, allow(everyone...))
	app.GET("/kunjungan/:id/hasil", fh.form, allow(everyone...))
	app.POST("/kunjungan/:id/hasil", fh.save, allow(everyone...))
	app.POST("/kunjungan/:id/hasil/koreksi", fh.correct, allow(everyone...))
	app.GET("/verifikasi", fh.pending, allow(planners...))
	app.POST("/hasil/:id/verifikasi", fh.verify, allow(planners...))

	res := &resultHandlers{results: result.NewStore(db)}
	app.POST("/api/v1/results", res.apiLog, allow(everyone...), middleware.BodyLimit("64K"))

	r := &regionHandlers{regions: regions, progress: dashboard, now: s.now}
	app.GET("/wilayah", r.kecamatanList, allow(everyone...))
	app.GET("/wilayah/:code", r.desaList, allow(everyone...))
	app.GET("/api/v1/regions", r.apiList, allow(everyone...))

	st := &siteHandlers{sites: site.NewStore(db), regions: regions}
	app.GET("/lokasi", st.list, allow(everyone...))
	app.GET("/lokasi/baru", st.newForm, allow(planners...))
	app.POST("/lokasi", st.create, allow(planners...))
	app.GET("/lokasi/:id/ubah", st.editForm, allow(planners...))
	app.POST("/lokasi/:id", st.update, allow(planners...))
	app.POST("/lokasi/:id/hapus", st.delete, allow(planners...))

	t := &teamHandlers{teams: team.NewStore(db), users: users}
	app.GET("/tim", t.list, allow(everyone...))
	app.GET("/tim/baru", t.newForm, allow(planners...))
	app.POST("/tim", t.create, allow(planners...))
	app.GET("/tim/:id", t.show, allow(everyone...))
	app.GET("/tim/:id/ubah", t.editForm, allow(planners...))
	app.POST("/tim/:id", t.update, allow(planners...))

	u := &userHandlers{users: users, sessions: sessions}
	app.GET("/pengguna", u.list, allow(managers...))
	app.GET("/pengguna/baru", u.newForm, allow(managers...))
	app.POST("/pengguna", u.create, allow(managers...))
	app.GET("/pengguna/:id/ubah", u.editForm, allow(managers...))
	app.POST("/pengguna/:id", u.update, allow(managers...))

	set := &settingsHandlers{settings: settings.NewStore(db)}
	app.GET("/pengaturan", set.show, allow(managers...))
	app.POST("/pengaturan", set.save, allow(managers...))

	au := &auditHandlers{audit: audit.NewStore(db), zone: s.deps.Zone}
	app.GET("/audit", au.list, allow(managers...))
}

// isUpload marks the routes with their own, larger body limit.
func isUpload(c echo.Context) bool {
	return c.Request().Method == http.MethodPost && c.Path() == "/cakupan/impor"
}

// navLinks is the main menu, showing only what the role may open.
func navLinks(r auth.Role) []layout.Link {
	links := []layout.Link{
		{Key: "beranda", Label: "Beranda", Href: "/"},
		{Key: "hari-ini", Label: "Hari ini", Href: "/hari-ini"},
		{Key: "jadwal", Label: "Jadwal", Href: "/jadwal"},
		{Key: "wilayah", Label: "Wilayah", Href: "/wilayah"},
		{Key: "lokasi", Label: "Lokasi Sasaran", Href: "/lokasi"},
		{Key: "tim", Label: "Tim", Href: "/tim"},
	}
	if r.In(planners...) {
		links = append(links, layout.Link{Key: "verifikasi", Label: "Verifikasi", Href: "/verifikasi"},
			layout.Link{Key: "cakupan", Label: "Cakupan", Href: "/cakupan"})
	}
	if r.In(managers...) {
		links = append(links,
			layout.Link{Key: "pengguna", Label: "Pengguna", Href: "/pengguna"},
			layout.Link{Key: "audit", Label: "Audit", Href: "/audit"},
			layout.Link{Key: "pengaturan", Label: "Pengaturan", Href: "/pengaturan"})
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
