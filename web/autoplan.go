package web

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/autoplan"
	"jemputbola/internal/holiday"
	"jemputbola/internal/locale"
	"jemputbola/internal/planner"
	"jemputbola/internal/progress"
	"jemputbola/internal/team"
	"jemputbola/internal/visit"
	"jemputbola/templates/planpage"
	"jemputbola/web/paths"
)

type autoplanHandlers struct {
	db       *gorm.DB
	days     *holiday.Store
	coverage *progress.Caches
	visits   *visit.Store
	teams    *team.Store
}

// Defaults of the form: four weeks from the next working day, every team,
// every desa reached within eight weeks.
const (
	defaultPlanDays     = 28
	defaultHorizonWeeks = 8
	maxHorizonWeeks     = 52
)

// planForm is the Rencana otomatis form as read: the range, the teams (none:
// every team) and the coverage horizon.
type planForm struct {
	From, To     string // YYYY-MM-DD
	TeamIDs      []int64
	HorizonWeeks int
}

// decodePlanForm reads the form, falling back to the defaults; bad values
// become field messages.
func (h *autoplanHandlers) decodePlanForm(c echo.Context, cal holiday.Calendar) (planForm, apperr.Fields) {
	now := now(c)
	start := cal.NextWorkingDay(now)
	f := planForm{From: start.Format(time.DateOnly), To: start.AddDate(0, 0, defaultPlanDays-1).Format(time.DateOnly),
		HorizonWeeks: defaultHorizonWeeks}
	r := readForm(c)
	if q := r.text("dari"); q != "" {
		f.From = q
	}
	if q := r.text("sampai"); q != "" {
		f.To = q
	}
	from, err1 := time.Parse(time.DateOnly, f.From)
	to, err2 := time.Parse(time.DateOnly, f.To)
	switch {
	case err1 != nil:
		r.bad.Add("dari", "Tanggal awal tidak valid (TTTT-BB-HH).")
	case err2 != nil:
		r.bad.Add("sampai", "Tanggal akhir tidak valid (TTTT-BB-HH).")
	case f.From <= now.Format(time.DateOnly):
		r.bad.Add("dari", "Rencana mulai paling cepat besok.")
	case to.Before(from):
		r.bad.Add("sampai", "Tanggal akhir sebelum tanggal awal.")
	case to.Sub(from) > 365*24*time.Hour:
		r.bad.Add("sampai", "Rentang paling lama satu tahun.")
	}
	if n, present, ok := wholeNumber(r.text("cakupan")); !ok || present && (n < 1 || n > maxHorizonWeeks) {
		r.bad.Add("cakupan", "Isi 1–52 minggu.")
	} else if present {
		f.HorizonWeeks = int(n)
	}
	for _, v := range r.all("tim") {
		id, present, ok := wholeNumber(v)
		if !ok || !present {
			r.bad.Add("tim", "Pilihan tim tidak valid.")
			break
		}
		f.TeamIDs = append(f.TeamIDs, id)
	}
	return f, r.bad
}

func (h *autoplanHandlers) show(c echo.Context) error {
	cal, err := h.days.Calendar(ctxOf(c))
	if err != nil {
		return err
	}
	f, bad := h.decodePlanForm(c, cal)
	cache, err := h.coverage.For(ctxOf(c))
	if err != nil {
		return err
	}
	mine, err := h.plannable(c)
	if err != nil {
		return err
	}
	if mine != nil {
		f.TeamIDs = slices.DeleteFunc(f.TeamIDs, func(id int64) bool { return !slices.Contains(mine, id) })
		if len(f.TeamIDs) == 0 {
			f.TeamIDs = mine
		}
		if len(mine) == 0 {
			bad.Add("tim", "Anda belum memimpin tim: rencana otomatis hanya untuk tim yang Anda pimpin.")
		}
	}
	in, names, err := autoplan.Load(ctxOf(c), h.db, cache, f.From, f.To, f.TeamIDs, 7*f.HorizonWeeks, now(c))
	if err != nil {
		return err
	}
	v := planpage.View{CSRF: csrfToken(c), Action: paths.With(paths.AutoPlan, c.QueryParams()), Teams: planTeams(names, f.TeamIDs, mine),
		Form: planpage.Form{From: f.From, To: f.To, HorizonWeeks: strconv.Itoa(f.HorizonWeeks)}, DaysOff: daysOffBetween(cal, f.From, f.To)}
	if p, status, ok := formProblems(bad.Err()); ok {
		v.Problems = p
		return render(c, status, page(c, "Rencana otomatis", "jadwal"), planpage.Page(v))
	}
	plan, err := planner.Suggest(in)
	if err != nil {
		return err
	}
	current, err := planner.Current(in)
	if err != nil {
		return err
	}
	v.Expected, v.CurrentExpected = locale.Int(plan.ExpectedActivations), locale.Int(current.ExpectedActivations)
	v.DeskPerDay, v.DeskMeasured = locale.Int(planner.DefaultDeskPerDay), in.DeskPerDay != nil
	if v.DeskMeasured {
		v.DeskPerDay = locale.Int(int64(math.Round(*in.DeskPerDay)))
	}
	v.ReachedOn, v.CurrentReachedOn = reachedOn(plan.TargetReachedOn), reachedOn(current.TargetReachedOn)
	for _, p := range plan.Visits {
		s := names.Sites[p.SiteID]
		v.Visits = append(v.Visits, planpage.Suggestion{Choice: encodeChoice(p), Day: planDay(p.Date), Start: p.Start, End: p.End,
			Team: names.Teams[p.TeamID], SiteName: s.Name, SiteKind: s.Kind.Label(), DesaName: s.DesaName, KecamatanName: s.KecamatanName,
			Expected: locale.Int(p.ExpectedActivations), Followup: p.Followup})
	}
	return render(c, http.StatusOK, page(c, "Rencana otomatis", "jadwal"), planpage.Page(v))
}

// daysOffBetween names the days off and school holidays the plan skips.
func daysOffBetween(cal holiday.Calendar, from, to string) []string {
	off, school := cal.Between(from, to)
	var out []string
	for _, day := range off {
		if d, ok := cal.Off(day); ok {
			out = append(out, dayLabel(day)+": "+d.Name)
		}
	}
	if len(school) > 0 {
		d, _ := cal.SchoolBreak(school[0])
		out = append(out, fmt.Sprintf("%d hari libur sekolah (%s, mulai %s): sekolah tidak diusulkan", len(school), d.Name, dayLabel(school[0])))
	}
	return out
}

// dayLabel is a YYYY-MM-DD date as "Jum, 25 Des 2026".
func dayLabel(day string) string {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return day
	}
	return locale.DayDate(t)
}

// plannable is the teams a ketua tim leads, whom the planner plans for them;
// nil for the kepala dinas and admin, who plan every team.
func (h *autoplanHandlers) plannable(c echo.Context) ([]int64, error) {
	m := teamManager(c)
	if m.AnyTeam {
		return nil, nil
	}
	ts, err := h.teams.List(ctxOf(c))
	mine := []int64{}
	for _, t := range ts {
		if m.MayManage(t.Team) {
			mine = append(mine, t.ID)
		}
	}
	return mine, err
}

// planTeams lists the teams by name, ticked when chosen (none chosen: all);
// only those in mine, unless mine is nil.
func planTeams(names autoplan.Names, chosen, mine []int64) []planpage.TeamOption {
	var out []planpage.TeamOption
	for id, name := range names.Teams {
		if mine != nil && !slices.Contains(mine, id) {
			continue
		}
		out = append(out, planpage.TeamOption{ID: id, Name: name, Checked: len(chosen) == 0 || slices.Contains(chosen, id)})
	}
	slices.SortFunc(out, func(a, b planpage.TeamOption) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// reachedOn is when the target is reached, long form.
func reachedOn(d *planner.Date) string {
	if d == nil {
		return "belum tercapai dalam 5 tahun"
	}
	t, err := time.Parse(time.DateOnly, *d)
	if err != nil {
		return *d
	}
	return locale.Date(t)
}

// planDay is a suggested visit's day, "Senin, 7 Des 2026".
func planDay(d string) string {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return d
	}
	return locale.Weekday(t.Weekday()) + ", " + locale.ShortDate(t)
}

// accept stores the chosen suggested visits as normal visits, all or none.
func (h *autoplanHandlers) accept(c echo.Context) error {
	if err := c.Request().ParseForm(); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, "Isi formulir tidak dapat dibaca.")
	}
	var ins []visit.Input
	for _, raw := range c.Request().Form["v"] {
		in, ok := parseChoice(raw)
		if !ok {
			return echo.NewHTTPError(http.StatusBadRequest, "Pilihan kunjungan tidak valid.")
		}
		ins = append(ins, in)
	}
	teamIDs := make([]int64, len(ins))
	for i, in := range ins {
		teamIDs[i] = in.TeamID
	}
	if err := mayPlan(c, h.teams, teamIDs...); err != nil {
		return err
	}
	if len(ins) == 0 {
		flashProblem(c, "Tidak ada kunjungan yang dipilih; tidak ada yang disimpan.")
		return redirect(c, paths.With(paths.AutoPlan, c.QueryParams())) // the plan's filters, never the form's token
	}
	vs, err := h.visits.CreateAll(c.Request().Context(), actor(c), ins)
	var be *visit.BatchError
	if errors.As(err, &be) && apperr.CodeOf(err) != "" && apperr.CodeOf(err) != apperr.Internal {
		in := ins[be.Index]
		saved := "Tidak ada yang disimpan"
		if be.Saved > 0 {
			saved = locale.Int(int64(be.Saved)) + " kunjungan pertama sudah disimpan, sisanya tidak"
		}
		flashProblem(c, saved+": kunjungan "+in.Day+" "+in.Start+" (tim "+strconv.FormatInt(in.TeamID, 10)+") "+
			strings.Join(fieldMessages(be.Err), " ")+" Muat ulang rencana lalu pilih lagi.")
		return redirect(c, paths.AutoPlan)
	}
	if err != nil {
		return err
	}
	flash(c, locale.Int(int64(len(vs)))+" kunjungan dari rencana otomatis disimpan.")
	return redirect(c, paths.With(paths.Week, url.Values{"week": {vs[0].Day}}))
}

// encodeChoice writes a suggested visit for the accept form:
// team|site|date|start|end|expected|note, as parseChoice reads it.
func encodeChoice(v planner.Visit) string {
	return strconv.FormatInt(v.TeamID, 10) + "|" + strconv.FormatInt(v.SiteID, 10) + "|" + v.Date + "|" + v.Start + "|" + v.End + "|" +
		strconv.FormatInt(v.ExpectedActivations, 10) + "|" + v.Followup
}

// parseChoice reads one chosen visit: team|site|date|start|end|expected|note.
func parseChoice(raw string) (visit.Input, bool) {
	p := strings.SplitN(raw, "|", 7)
	if len(p) != 7 {
		return visit.Input{}, false
	}
	team, err1 := strconv.ParseInt(p[0], 10, 64)
	site, err2 := strconv.ParseInt(p[1], 10, 64)
	expected, err3 := strconv.ParseInt(p[5], 10, 64)
	if err1 != nil || err2 != nil || err3 != nil {
		return visit.Input{}, false
	}
	notes := "Dari rencana otomatis."
	if p[6] != "" {
		notes += " " + p[6] + "."
	}
	return visit.Input{TeamID: team, SiteID: site, Day: p[2], Start: p[3], End: p[4], Expected: expected, Notes: notes}, true
}
