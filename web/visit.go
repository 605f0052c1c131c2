package web

import (
	"errors"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/apperr"
	"jemputbola/internal/progress"
	"jemputbola/internal/region"
	"jemputbola/internal/result"
	"jemputbola/internal/settings"
	"jemputbola/internal/site"
	"jemputbola/internal/team"
	"jemputbola/internal/visit"
	"jemputbola/templates/components"
	"jemputbola/templates/visitpage"
)

type visitHandlers struct {
	visits   *visit.Store
	sites    *site.Store
	teams    *team.Store
	regions  *region.Store
	progress *progress.Cache
	results  *result.Store
	settings *settings.Store
	now      func() time.Time
}

// pickerLimit bounds the site list of the form; filters narrow it further.
const pickerLimit = 300

// picker lists candidate sites, the largest remaining gap of their desa first.
func (h *visitHandlers) picker(c echo.Context, q, kind, kec string) (visitpage.Picker, error) {
	ctx := c.Request().Context()
	p := visitpage.Picker{Query: q, Kind: kind, Kec: kec}
	page, err := h.sites.List(ctx, site.Filter{Query: q, Kind: site.Kind(kind), KecamatanCode: kec, PerPage: pickerLimit})
	if err != nil {
		return p, err
	}
	cov, err := h.progress.Coverage(ctx, h.now())
	o := cov.Overview
	if err != nil {
		return p, err
	}
	gaps := map[string]int64{}
	p.Kecamatan = []components.Option{{Value: "", Label: "Semua kecamatan"}}
	for _, k := range o.Kecamatan {
		p.Kecamatan = append(p.Kecamatan, components.Option{Value: k.Code, Label: k.Name})
		for _, d := range o.Desa[k.Code] {
			gaps[d.Code] = d.Gap
		}
	}
	last, err := h.visits.LastVisitBySite(ctx)
	if err != nil {
		return p, err
	}
	for _, r := range page.Rows {
		p.Results = append(p.Results, visitpage.SiteChoice{ID: r.ID, Name: r.Name, Kind: r.Kind.Label(), DesaName: r.DesaName,
			KecamatanName: r.KecamatanName, Eligible: r.Eligible, Gap: gaps[r.DesaCode], LastVisit: last[r.ID]})
	}
	sort.SliceStable(p.Results, func(i, j int) bool { return p.Results[i].Gap > p.Results[j].Gap })
	return p, nil
}

func (h *visitHandlers) teamOptions(c echo.Context) ([]components.Option, error) {
	ts, err := h.teams.List(c.Request().Context())
	opts := []components.Option{{Value: "", Label: "Pilih tim"}}
	for _, t := range ts {
		opts = append(opts, components.Option{Value: strconv.FormatInt(t.ID, 10), Label: t.Name + " (kapasitas " + strconv.Itoa(t.DailyCapacity) + "/hari)"})
	}
	return opts, err
}

func (h *visitHandlers) renderForm(c echo.Context, status int, f visitpage.Form) error {
	var err error
	if f.Picker, err = h.picker(c, c.QueryParam("q"), c.QueryParam("kind"), c.QueryParam("kec")); err != nil {
		return err
	}
	if f.Teams, err = h.teamOptions(c); err != nil {
		return err
	}
	title := "Rencanakan kunjungan"
	if f.ID != 0 {
		title = "Ubah kunjungan"
	}
	return render(c, status, page(c, title, "jadwal"), visitpage.FormPage(csrfToken(c), f))
}

func (h *visitHandlers) newForm(c echo.Context) error {
	f := visitpage.Form{SiteID: c.QueryParam("site_id"), TeamID: c.QueryParam("team_id"), Day: c.QueryParam("day"),
		Start: "08:00", End: "12:00", Expected: "50"}
	if f.Day == "" {
		f.Day = h.now().AddDate(0, 0, 1).Format(time.DateOnly)
	}
	return h.renderForm(c, http.StatusOK, f)
}

func (h *visitHandlers) editForm(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	d, err := h.visits.Get(c.Request().Context(), id)
	if err != nil {
		return err
	}
	in := d.Input()
	return h.renderForm(c, http.StatusOK, visitpage.Form{ID: id, SiteID: strconv.FormatInt(in.SiteID, 10), TeamID: strconv.FormatInt(in.TeamID, 10),
		Day: in.Day, Start: in.Start, End: in.End, Expected: strconv.FormatInt(in.Expected, 10), Notes: in.Notes})
}

func (h *visitHandlers) create(c echo.Context) error { return h.save(c, 0) }

func (h *visitHandlers) update(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	return h.save(c, id)
}

// save plans (id 0) or reschedules a visit. Bad input and conflicts re-render
// the form; warnings are shown on the visit page after saving.
func (h *visitHandlers) save(c echo.Context, id int64) error {
	f := visitpage.Form{ID: id, SiteID: c.FormValue("site_id"), TeamID: c.FormValue("team_id"), Day: c.FormValue("day"),
		Start: c.FormValue("start"), End: c.FormValue("end"), Expected: c.FormValue("expected"), Notes: c.FormValue("notes")}
	var bad apperr.Fields
	in := visit.Input{SiteID: formInt(f.SiteID, 0, "site_id", &bad), TeamID: formInt(f.TeamID, 0, "team_id", &bad),
		Day: f.Day, Start: f.Start, End: f.End, Expected: formInt(f.Expected, 0, "expected", &bad), Notes: f.Notes}
	if len(bad) > 0 {
		f.Errors, f.Error = bad, "Periksa kembali isian yang ditandai."
		return h.renderForm(c, http.StatusUnprocessableEntity, f)
	}
	var (
		v        visit.Visit
		warnings []string
		err      error
	)
	if id == 0 {
		v, warnings, err = h.visits.Create(c.Request().Context(), actor(c), in)
	} else {
		v, warnings, err = h.visits.Update(c.Request().Context(), actor(c), id, in)
	}
	switch code := apperr.CodeOf(err); code {
	case "":
	case apperr.Invalid, apperr.Conflict:
		if code == apperr.Conflict && len(apperr.FieldsOf(err)) == 0 {
			return err // e.g. editing a visit that is no longer planned
		}
		f.Errors, f.Error = apperr.FieldsOf(err), apperr.MessageOf(err)
		var ce *visit.ConflictError
		if errors.As(err, &ce) {
			f.ConflictID = ce.ConflictID
		}
		return h.renderForm(c, statusOf[code], f)
	default:
		return err
	}
	msg := "Kunjungan tersimpan."
	if len(warnings) > 0 {
		msg += " Perhatian: " + strings.Join(warnings, " ")
	}
	flash(c, msg)
	return redirect(c, "/kunjungan/"+strconv.FormatInt(v.ID, 10))
}

func (h *visitHandlers) show(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	d, err := h.visits.Get(c.Request().Context(), id)
	if err != nil {
		return err
	}
	if err := mayView(c, h.teams, d); err != nil {
		return err
	}
	u, _ := currentUser(c)
	return render(c, http.StatusOK, page(c, d.SiteName, "jadwal"), visitpage.DetailPage(csrfToken(c), visitpage.Detail{Visit: d, CanPlan: u.Role.In(planners...)}))
}

func (h *visitHandlers) cancel(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	reason := c.FormValue("reason")
	err = h.visits.Cancel(c.Request().Context(), actor(c), id, reason)
	if apperr.CodeOf(err) == apperr.Invalid {
		d, gerr := h.visits.Get(c.Request().Context(), id)
		if gerr != nil {
			return gerr
		}
		v := visitpage.Detail{Visit: d, CanPlan: true, Errors: apperr.FieldsOf(err), Reason: reason}
		return render(c, http.StatusUnprocessableEntity, page(c, d.SiteName, "jadwal"), visitpage.DetailPage(csrfToken(c), v))
	}
	if err != nil {
		return err
	}
	flash(c, "Kunjungan dibatalkan.")
	return redirect(c, "/kunjungan/"+strconv.FormatInt(id, 10))
}
