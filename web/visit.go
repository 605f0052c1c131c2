package web

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/apperr"
	"jemputbola/internal/confirm"
	"jemputbola/internal/holiday"
	"jemputbola/internal/letter"
	"jemputbola/internal/locale"
	"jemputbola/internal/office"
	"jemputbola/internal/progress"
	"jemputbola/internal/region"
	"jemputbola/internal/result"
	"jemputbola/internal/site"
	"jemputbola/internal/team"
	"jemputbola/internal/visit"
	"jemputbola/templates/components"
	"jemputbola/templates/visitpage"
	"jemputbola/web/paths"
)

type visitHandlers struct {
	visits   *visit.Store
	sites    *site.Store
	teams    *team.Store
	regions  *region.Store
	progress *progress.Caches
	results  *result.Store
	offices  *office.Store
	days     *holiday.Store
	confirms *confirm.Store
	letters  *letter.Numbers
	// publicURL is where site contacts open their links; "": the request's address.
	publicURL string
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
	cov, err := h.progress.Coverage(ctx, now(c))
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

// teamOptions are the teams the user may plan for: a ketua tim's own.
func (h *visitHandlers) teamOptions(c echo.Context) ([]components.Option, error) {
	ts, err := h.teams.List(c.Request().Context())
	opts := []components.Option{{Value: "", Label: "Pilih tim"}}
	m := teamManager(c)
	for _, t := range ts {
		if !m.MayManage(t.Team) {
			continue
		}
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
	if f.DayWarning, f.DaysOff, err = h.dayWarnings(c, f.Day); err != nil {
		return err
	}
	title := "Rencanakan kunjungan"
	if f.ID != 0 {
		title = "Ubah kunjungan"
	}
	return render(c, status, page(c, title, "jadwal"), visitpage.FormPage(csrfToken(c), f))
}

// warnAhead is how far ahead the form knows the days off as the date changes.
const warnAhead = 400

// dayWarnings is the warning for the day shown and, as JSON, those of the
// coming days that have one.
func (h *visitHandlers) dayWarnings(c echo.Context, shown string) (string, string, error) {
	cal, err := h.days.Calendar(ctxOf(c))
	if err != nil {
		return "", "", err
	}
	today := now(c)
	today = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, today.Location())
	ahead := map[string]string{}
	for d := today; d.Before(today.AddDate(0, 0, warnAhead)); d = d.AddDate(0, 0, 1) {
		if ws := visit.DayWarnings(cal, d, ""); len(ws) > 0 {
			ahead[d.Format(time.DateOnly)] = strings.Join(ws, " ")
		}
	}
	b, err := json.Marshal(ahead)
	if err != nil {
		return "", "", err
	}
	var warning string
	if d, err := time.ParseInLocation(time.DateOnly, shown, today.Location()); err == nil {
		warning = strings.Join(visit.DayWarnings(cal, d, ""), " ")
	}
	return warning, string(b), nil
}

func (h *visitHandlers) newForm(c echo.Context) error {
	f := visitpage.Form{SiteID: c.QueryParam("site_id"), TeamID: c.QueryParam("team_id"), Day: c.QueryParam("day"),
		Start: "08:00", End: "12:00", Expected: "50"}
	if f.Day == "" {
		f.Day = now(c).AddDate(0, 0, 1).Format(time.DateOnly)
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
	return h.renderForm(c, http.StatusOK, formOf(id, d.Input()))
}

// formOf is the form showing visit id as in.
func formOf(id int64, in visit.Input) visitpage.Form {
	return visitpage.Form{ID: id, SiteID: strconv.FormatInt(in.SiteID, 10), TeamID: strconv.FormatInt(in.TeamID, 10),
		Day: in.Day, Start: in.Start, End: in.End, Expected: strconv.FormatInt(in.Expected, 10), Notes: in.Notes, Shared: in.Shared}
}

// move moves a planned visit to another day and slot from the calendar (the
// same rules as the full form). A refusal shows the full form with the new
// day and time and the reason, so nothing typed is lost.
func (h *visitHandlers) move(c echo.Context) error {
	ctx := ctxOf(c)
	id, err := idParam(c)
	if err != nil {
		return err
	}
	d, err := h.visits.Get(ctx, id)
	if err != nil {
		return err
	}
	if err := mayPlan(c, h.teams, d.TeamID); err != nil {
		return err
	}
	in := d.Input()
	r := readForm(c)
	in.Day = r.text("day")
	in.Start, in.End, _ = strings.Cut(r.text("slot"), "-")
	v, warnings, err := h.visits.Update(ctx, actor(c), id, in)
	if p, status, ok := formProblems(err); ok {
		f := formOf(id, in)
		f.Problems, f.ConflictID = p, conflictID(err)
		return h.renderForm(c, status, f)
	}
	if err != nil {
		return err
	}
	dot := func(hhmm string) string { return strings.Replace(hhmm, ":", ".", 1) }
	msg := "Kunjungan dipindah ke " + locale.Date(v.StartAt.In(now(c).Location())) + ", " + dot(in.Start) + "–" + dot(in.End) + "."
	if len(warnings) > 0 {
		msg += " Perhatian: " + strings.Join(warnings, " ")
	}
	flash(c, msg)
	return redirect(c, paths.With(paths.Week, url.Values{"week": {in.Day}}))
}

// decodeVisitForm reads the visit form: the text as typed (kept for a
// re-render), the domain input, and the inputs that did not read.
func decodeVisitForm(c echo.Context) (visitpage.Form, visit.Input, apperr.Fields) {
	r := readForm(c)
	f := visitpage.Form{SiteID: r.text("site_id"), TeamID: r.text("team_id"), Day: r.text("day"),
		Start: r.text("start"), End: r.text("end"), Expected: r.text("expected"), Notes: r.text("notes"), Shared: r.text("shared") != ""}
	in := visit.Input{SiteID: r.choice("site_id"), TeamID: r.choice("team_id"), Day: f.Day, Start: f.Start, End: f.End,
		Expected: r.whole("expected"), Notes: f.Notes, Shared: f.Shared}
	return f, in, r.bad
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
	ctx := c.Request().Context()
	f, in, bad := decodeVisitForm(c)
	f.ID = id
	var (
		v        visit.Visit
		warnings []string
		err      error
	)
	var before visit.Detail
	if id != 0 {
		if before, err = h.visits.Get(ctx, id); err != nil {
			return err // an unknown id is a 404 even when the form is also wrong
		}
	}
	if err := mayPlan(c, h.teams, in.TeamID, before.TeamID); err != nil {
		return err
	}
	switch {
	case len(bad) > 0:
		_, cerr := h.visits.Check(ctx, in, id)
		err = withUnreadable(bad, cerr)
	case id == 0:
		v, warnings, err = h.visits.Create(ctx, actor(c), in)
	default:
		v, warnings, err = h.visits.Update(ctx, actor(c), id, in)
	}
	if p, status, ok := formProblems(err); ok {
		f.Problems, f.ConflictID = p, conflictID(err)
		return h.renderForm(c, status, f)
	}
	if err != nil {
		return err // e.g. editing a visit that is no longer planned
	}
	msg := "Kunjungan tersimpan."
	if len(warnings) > 0 {
		msg += " Perhatian: " + strings.Join(warnings, " ")
	}
	flash(c, msg)
	return redirect(c, paths.For(paths.Visit, v.ID))
}

// conflictID is the visit a booking collided with, 0 for other errors.
func conflictID(err error) int64 {
	var ce *visit.ConflictError
	if errors.As(err, &ce) {
		return ce.ConflictID
	}
	return 0
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
	canPlan := mayChange(c, planners...) && mayPlan(c, h.teams, d.TeamID) == nil
	v := visitDetail(d, canPlan)
	if canPlan && d.Status == visit.Direncanakan {
		if v.Contact, err = h.contactShare(c, d); err != nil {
			return err
		}
	}
	return render(c, http.StatusOK, page(c, d.SiteName, "jadwal"), visitpage.DetailPage(csrfToken(c), v))
}

// contactShare makes (on first view) the visit's confirmation link and
// reads the contact's answer.
func (h *visitHandlers) contactShare(c echo.Context, d visit.Detail) (*visitpage.ContactShare, error) {
	ctx := ctxOf(c)
	token, err := h.confirms.Token(ctx, d.ID)
	if err != nil {
		return nil, err
	}
	answers, err := h.confirms.Answers(ctx, []int64{d.ID})
	if err != nil {
		return nil, err
	}
	st, err := h.sites.Get(ctx, d.SiteID)
	if err != nil {
		return nil, err
	}
	share := contactShare(c, h.publicURL, d, token, answers[d.ID], st.Contact)
	return &share, nil
}

func (h *visitHandlers) cancel(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	reason := readForm(c).text("reason")
	d, err := h.visits.Get(c.Request().Context(), id)
	if err != nil {
		return err
	}
	if err := mayPlan(c, h.teams, d.TeamID); err != nil {
		return err
	}
	err = h.visits.Cancel(c.Request().Context(), actor(c), id, reason)
	if p, status, ok := formProblems(err); ok {
		v := visitDetail(d, true)
		v.Problems, v.Reason = p, reason
		return render(c, status, page(c, d.SiteName, "jadwal"), visitpage.DetailPage(csrfToken(c), v))
	}
	if err != nil {
		return err
	}
	flash(c, "Kunjungan dibatalkan; alasan tercatat: "+strings.TrimSpace(reason))
	return redirect(c, paths.For(paths.Visit, id))
}

// visitDetail is the visit page of d; canPlan says whether the user plans visits.
func visitDetail(d visit.Detail, canPlan bool) visitpage.Detail {
	return visitpage.Detail{ID: d.ID, SiteName: d.SiteName, Status: d.Status.Label(), Badge: statusBadge(d.Status),
		Date: locale.Date(d.Start), Window: visitWindow(d), Place: d.SiteName + ", " + d.DesaName + ", Kec. " + d.KecamatanName,
		TeamID: d.TeamID, TeamName: d.TeamName, Expected: locale.Int(d.Expected), Notes: d.Notes, CancelReason: d.CancelReason,
		CanEdit:   canPlan && d.Status == visit.Direncanakan,
		CanCancel: canPlan && (d.Status == visit.Direncanakan || d.Status == visit.Berlangsung)}
}

// visitChip is a visit in a calendar cell.
func visitChip(d visit.Detail) visitpage.Chip {
	return visitpage.Chip{ID: d.ID, Status: string(d.Status), Label: d.Status.Label(), Badge: statusBadge(d.Status),
		Start: d.Start.Format("15.04"), Window: visitWindow(d), SiteName: d.SiteName, TeamName: d.TeamName,
		Day: d.Day, Slot: d.Start.Format("15:04") + "-" + d.End.Format("15:04")}
}

// visitWindow is the visit's time window as Indonesians write it, "08.00–12.00".
func visitWindow(d visit.Detail) string {
	return d.Start.Format("15.04") + "–" + d.End.Format("15.04")
}

// statusBadge is the CSS classes of a status badge.
func statusBadge(s visit.Status) string {
	switch s {
	case visit.Selesai:
		return "badge good"
	case visit.Dibatalkan:
		return "badge bad"
	case visit.Berlangsung:
		return "badge warnb"
	}
	return "badge"
}
