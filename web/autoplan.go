package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/autoplan"
	"jemputbola/internal/locale"
	"jemputbola/internal/planner"
	"jemputbola/internal/progress"
	"jemputbola/internal/visit"
	"jemputbola/templates/planpage"
)

type autoplanHandlers struct {
	db       *gorm.DB
	coverage *progress.Cache
	visits   *visit.Store
	now      func() time.Time
}

// Defaults of the form: four weeks from the next working day, every team,
// every desa reached within eight weeks.
const (
	defaultPlanDays     = 28
	defaultHorizonWeeks = 8
	maxHorizonWeeks     = 52
)

// planForm reads the form, falling back to the defaults; bad values become
// field errors.
func (h *autoplanHandlers) planForm(c echo.Context) (planpage.Form, apperr.Fields) {
	now := h.now()
	start := now.AddDate(0, 0, 1)
	for start.Weekday() == time.Saturday || start.Weekday() == time.Sunday {
		start = start.AddDate(0, 0, 1)
	}
	f := planpage.Form{From: start.Format(time.DateOnly), To: start.AddDate(0, 0, defaultPlanDays-1).Format(time.DateOnly),
		HorizonWeeks: defaultHorizonWeeks}
	var bad apperr.Fields
	if q := c.FormValue("dari"); q != "" {
		f.From = q
	}
	if q := c.FormValue("sampai"); q != "" {
		f.To = q
	}
	from, err1 := time.Parse(time.DateOnly, f.From)
	to, err2 := time.Parse(time.DateOnly, f.To)
	switch {
	case err1 != nil:
		bad.Add("dari", "Tanggal awal tidak valid (TTTT-BB-HH).")
	case err2 != nil:
		bad.Add("sampai", "Tanggal akhir tidak valid (TTTT-BB-HH).")
	case f.From <= now.Format(time.DateOnly):
		bad.Add("dari", "Rencana mulai paling cepat besok.")
	case to.Before(from):
		bad.Add("sampai", "Tanggal akhir sebelum tanggal awal.")
	case to.Sub(from) > 365*24*time.Hour:
		bad.Add("sampai", "Rentang paling lama satu tahun.")
	}
	if q := c.FormValue("cakupan"); q != "" {
		n, err := strconv.Atoi(q)
		if err != nil || n < 1 || n > maxHorizonWeeks {
			bad.Add("cakupan", "Isi 1–52 minggu.")
		} else {
			f.HorizonWeeks = n
		}
	}
	for _, h := range strings.FieldsFunc(c.FormValue("libur"), func(r rune) bool { return r == ',' || r == ' ' || r == '\n' || r == ';' }) {
		if _, err := time.Parse(time.DateOnly, h); err != nil {
			bad.Add("libur", "Tulis hari libur sebagai TTTT-BB-HH, dipisah koma.")
			break
		}
		f.Holidays = append(f.Holidays, h)
	}
	for _, v := range c.Request().Form["tim"] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			bad.Add("tim", "Pilihan tim tidak valid.")
			break
		}
		f.TeamIDs = append(f.TeamIDs, id)
	}
	return f, bad
}

func (h *autoplanHandlers) show(c echo.Context) error {
	c.Request().ParseForm()
	f, bad := h.planForm(c)
	v := planpage.View{Form: f, CSRF: csrfToken(c), Errors: map[string]string{}}
	status := http.StatusOK
	if err := bad.Err(); err != nil {
		v.Errors = apperr.FieldsOf(err)
		status = http.StatusUnprocessableEntity
	}
	in, names, err := autoplan.Load(c.Request().Context(), h.db, h.coverage, f.From, f.To, f.TeamIDs, 7*f.HorizonWeeks, h.now())
	if err != nil {
		return err
	}
	v.Names = names
	in.Holidays = f.Holidays
	if status == http.StatusOK {
		if v.Plan, err = planner.Suggest(in); err != nil {
			return err
		}
		if v.Current, err = planner.Current(in); err != nil {
			return err
		}
	}
	return render(c, status, page(c, "Rencana otomatis", "jadwal"), planpage.Page(v))
}

// accept stores the chosen suggested visits as normal visits, all or none.
func (h *autoplanHandlers) accept(c echo.Context) error {
	c.Request().ParseForm()
	var ins []visit.Input
	for _, raw := range c.Request().Form["v"] {
		in, ok := parseChoice(raw)
		if !ok {
			return echo.NewHTTPError(http.StatusBadRequest, "Pilihan kunjungan tidak valid.")
		}
		ins = append(ins, in)
	}
	if len(ins) == 0 {
		flash(c, "Tidak ada kunjungan yang dipilih; tidak ada yang disimpan.")
		return redirect(c, "/rencana-otomatis?"+c.Request().Form.Encode())
	}
	vs, err := h.visits.CreateAll(c.Request().Context(), actor(c), ins)
	var be *visit.BatchError
	if errors.As(err, &be) && apperr.CodeOf(err) != "" && apperr.CodeOf(err) != apperr.Internal {
		in := ins[be.Index]
		msg := "Tidak ada yang disimpan: kunjungan " + in.Day + " " + in.Start + " (tim " + strconv.FormatInt(in.TeamID, 10) + ") " +
			strings.Join(fieldMessages(be.Err), " ") + " Muat ulang rencana lalu pilih lagi."
		flash(c, msg)
		return redirect(c, "/rencana-otomatis")
	}
	if err != nil {
		return err
	}
	flash(c, locale.Int(int64(len(vs)))+" kunjungan dari rencana otomatis disimpan.")
	return redirect(c, "/jadwal?week="+vs[0].Day)
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
