package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/holiday"
	"jemputbola/internal/locale"
	"jemputbola/internal/planner"
	"jemputbola/internal/team"
	"jemputbola/internal/visit"
	"jemputbola/templates/components"
	"jemputbola/templates/visitpage"
)

// weekStart returns the Monday of the week holding the ?week= day (today by default).
func weekStart(param string, now time.Time) time.Time {
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	if t, err := time.ParseInLocation(time.DateOnly, param, now.Location()); err == nil {
		day = t
	}
	return day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
}

// markAnswers shows on each planned visit of the week the site contact's
// answer, where a link was made.
func (h *visitHandlers) markAnswers(c echo.Context, w *visitpage.Week, visits []visit.Detail) error {
	ids := make([]int64, len(visits))
	for i, v := range visits {
		ids[i] = v.ID
	}
	answers, err := h.confirms.Answers(ctxOf(c), ids)
	if err != nil {
		return err
	}
	mark := func(ch *visitpage.Chip) {
		if a, ok := answers[ch.ID]; ok && ch.Status == string(visit.Direncanakan) {
			ch.Contact, ch.Answered = a.Status.Label(), string(a.Status)
		}
	}
	for _, r := range w.Rows {
		for _, cell := range r.Cells {
			for i := range cell {
				mark(&cell[i])
			}
		}
	}
	for _, d := range w.Days {
		for i := range d.Visits {
			mark(&d.Visits[i])
		}
	}
	return nil
}

// weekMonth is the month "Tampilan bulan" opens from the week of monday:
// today's when today is in it, else the month of its Thursday, which holds
// most of its days.
func weekMonth(monday, now time.Time) time.Time {
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, monday.Location())
	if !today.Before(monday) && today.Before(monday.AddDate(0, 0, 7)) {
		return today
	}
	return monday.AddDate(0, 0, 3)
}

// slotOptions are the visit windows the calendar's move form offers: the
// planner's slots.
func slotOptions() []components.Option {
	var opts []components.Option
	for _, sl := range planner.DefaultSlots {
		opts = append(opts, components.Option{Value: sl[0] + "-" + sl[1],
			Label: strings.ReplaceAll(sl[0], ":", ".") + "–" + strings.ReplaceAll(sl[1], ":", ".")})
	}
	return opts
}

// dayOff names the day off and the school holiday of d, for a calendar cell.
func dayOff(cal holiday.Calendar, d time.Time) visitpage.DayOff {
	var o visitpage.DayOff
	if off, ok := cal.Off(d.Format(time.DateOnly)); ok {
		o.Off = off.Name
	}
	if sb, ok := cal.SchoolBreak(d.Format(time.DateOnly)); ok {
		o.School = sb.Name
	}
	return o
}

// week renders the calendar: teams as rows, Monday..Sunday as columns.
func (h *visitHandlers) week(c echo.Context) error {
	ctx := c.Request().Context()
	now := now(c)
	monday := weekStart(c.QueryParam("week"), now)
	sunday := monday.AddDate(0, 0, 6)
	w := visitpage.Week{From: locale.Date(monday), To: locale.Date(sunday), Monday: monday.Format(time.DateOnly), Month: weekMonth(monday, now).Format("2006-01"),
		Prev: monday.AddDate(0, 0, -7).Format(time.DateOnly), Next: monday.AddDate(0, 0, 7).Format(time.DateOnly),
		TeamID: c.QueryParam("team_id"), Kec: c.QueryParam("kec")}
	today := now.Format(time.DateOnly)
	cal, err := h.days.Calendar(ctx)
	if err != nil {
		return err
	}
	for i := range 7 {
		d := monday.AddDate(0, 0, i)
		w.Days = append(w.Days, visitpage.Day{Weekday: locale.Weekday(d.Weekday()), Date: locale.ShortDate(d), Today: d.Format(time.DateOnly) == today,
			DayOff: dayOff(cal, d)})
	}
	scope, err := teamScope(c, h.teams)
	if err != nil {
		return err
	}
	f := visit.Filter{From: w.Monday, To: sunday.Format(time.DateOnly), TeamIDs: scope,
		KecamatanCode: w.Kec, IncludeCancelled: true}
	f.TeamID, _ = strconv.ParseInt(w.TeamID, 10, 64)
	visits, err := h.visits.List(ctx, f)
	if err != nil {
		return err
	}
	teams, err := h.teams.List(ctx)
	if err != nil {
		return err
	}
	if w.Teams, w.Kecamatan, err = h.filterOptions(c, scope, teams); err != nil {
		return err
	}
	o, err := h.offices.Current(ctx)
	if err != nil {
		return err
	}
	w.CanPlan, w.CSRF, w.Letterhead, w.Slots = mayChange(c, planners...), csrfToken(c), letterheadView(o), slotOptions()
	mgr := teamManager(c)
	for _, t := range teams {
		if !inScope(scope, t.ID) {
			continue
		}
		if f.TeamID != 0 && t.ID != f.TeamID {
			continue
		}
		row := visitpage.WeekRow{TeamName: t.Name, Cells: make([][]visitpage.Chip, 7)}
		movable := w.CanPlan && mgr.MayManage(t.Team)
		for _, v := range visits {
			if v.TeamID == t.ID {
				i := int(v.Start.Sub(monday).Hours() / 24)
				if i >= 0 && i < 7 {
					chip := visitChip(v)
					chip.Movable = movable && v.Status == visit.Direncanakan
					row.Cells[i] = append(row.Cells[i], chip)
					w.Days[i].Visits = append(w.Days[i].Visits, chip)
				}
			}
		}
		w.Rows = append(w.Rows, row)
	}
	if err := h.markAnswers(c, &w, visits); err != nil {
		return err
	}
	for i := range w.Days { // the day list shows every team's visits by time
		slices.SortStableFunc(w.Days[i].Visits, func(a, b visitpage.Chip) int { return strings.Compare(a.Slot, b.Slot) })
	}
	w.Total = locale.Int(int64(len(visits)))
	for i := range 5 {
		d := monday.AddDate(0, 0, i)
		w.Share = append(w.Share, visitpage.ShareLink{Weekday: locale.Weekday(d.Weekday()), Href: whatsAppURL(d, visits)})
	}
	return render(c, http.StatusOK, page(c, "Jadwal "+locale.ShortDate(monday), "jadwal"), visitpage.WeekPage(w))
}

// filterOptions lists the teams the user may see and every kecamatan, for the calendar filters.
func (h *visitHandlers) filterOptions(c echo.Context, scope []int64, ts []team.Detail) (teams, kecamatan []components.Option, err error) {
	teams = []components.Option{{Value: "", Label: "Semua tim"}}
	for _, t := range ts {
		if inScope(scope, t.ID) {
			teams = append(teams, components.Option{Value: strconv.FormatInt(t.ID, 10), Label: t.Name})
		}
	}
	ks, err := h.regions.Kecamatan(c.Request().Context())
	kecamatan = []components.Option{{Value: "", Label: "Semua kecamatan"}}
	for _, k := range ks {
		kecamatan = append(kecamatan, components.Option{Value: k.Code, Label: k.Name})
	}
	return teams, kecamatan, err
}

func inScope(scope []int64, id int64) bool {
	if scope == nil {
		return true
	}
	for _, s := range scope {
		if s == id {
			return true
		}
	}
	return false
}
