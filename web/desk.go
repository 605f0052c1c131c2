package web

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/desk"
	"jemputbola/internal/holiday"
	"jemputbola/internal/locale"
	"jemputbola/internal/progress"
	"jemputbola/internal/result"
	"jemputbola/internal/site"
	"jemputbola/templates/components"
	"jemputbola/templates/deskpage"
	"jemputbola/web/paths"
)

type deskHandlers struct {
	desk     *desk.Store
	days     *holiday.Store
	sites    *site.Store
	progress *progress.Caches
}

// forServiceField is the tally's count of residents who came because IKD was
// required for another service at the desk.
const forServiceField = "for_service"

// deskDay is the ?hari= day, today when absent; notice says why a day asked
// for is not shown.
func deskDay(c echo.Context) (day time.Time, notice string) {
	now := now(c)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	q := c.QueryParam("hari")
	if q == "" {
		return today, ""
	}
	d, err := time.ParseInLocation(time.DateOnly, q, now.Location())
	switch {
	case err != nil:
		return today, "Tanggal “" + q + "” tidak terbaca (TTTT-BB-HH); ditampilkan hari ini."
	case d.After(today):
		return today, "Tanggal " + locale.Date(d) + " belum tiba: tally hanya untuk hari ini atau sebelumnya; ditampilkan hari ini."
	}
	return d, ""
}

func (h *deskHandlers) show(c echo.Context) error {
	day, notice := deskDay(c)
	return h.render(c, http.StatusOK, day, notice, nil, deskpage.PointForm{})
}

// render builds the day's page; typed, when set, is one point's form as
// posted, shown again with its messages.
func (h *deskHandlers) render(c echo.Context, status int, day time.Time, notice string, typed *deskpage.Point, newPoint deskpage.PointForm) error {
	ctx := ctxOf(c)
	cal, err := h.days.Calendar(ctx)
	if err != nil {
		return err
	}
	if notice == "" && !cal.Works(day) {
		why := locale.Weekday(day.Weekday()) + " ini bukan hari kerja kantor (lihat Pengaturan)"
		if d, ok := cal.Off(day.Format(time.DateOnly)); ok {
			why = locale.Date(day) + " hari libur: " + d.Name
		}
		notice = why + "; tally tetap dapat dicatat bila loket buka."
	}
	points, err := h.desk.Points(ctx)
	if err != nil {
		return err
	}
	dayS := day.Format(time.DateOnly)
	tallies, err := h.desk.TalliesOn(ctx, dayS)
	if err != nil {
		return err
	}
	cov, err := h.progress.Coverage(ctx, now(c))
	if err != nil {
		return err
	}
	names := map[string]string{}
	for _, d := range cov.AllDesa() {
		names[d.Code] = d.Name
	}
	today := now(c).Format(time.DateOnly)
	p := deskpage.Page{CSRF: csrfToken(c), Day: dayS, Today: today, Notice: notice, DayName: locale.Date(day), CanManage: mayChange(c, managers...), NewPoint: newPoint,
		Prev: deskAddress(day.AddDate(0, 0, -1)), DeskSinceFigure: locale.Int(cov.Desk())}
	if next := day.AddDate(0, 0, 1); next.Format(time.DateOnly) <= today {
		p.Next = deskAddress(next)
	}
	var total int64
	counts, failures := deskCounts(), deskFailures() // the same fields on every point's form
	for _, pt := range points {
		t, logged := tallies[pt.ID]
		total += t.Activations
		v := deskpage.Point{ID: pt.ID, Name: pt.Name, Where: pt.Kind.Label() + " · " + names[pt.DesaCode], Logged: logged,
			Counts: counts, Failures: failures, Values: map[string]string{}}
		if logged {
			v.Saved = deskSummary(t)
			v.Values = formValues(t.Outcome())
			v.Values[forServiceField] = itoa(t.ForService)
		}
		if typed != nil && typed.ID == pt.ID {
			v.Values, v.Problems, v.Reason = typed.Values, typed.Problems, typed.Reason
		}
		p.Points = append(p.Points, v)
	}
	p.DayTotal = locale.Int(total)
	if p.CanManage {
		if p.Groups, err = desaGroups(c, h.sites); err != nil {
			return err
		}
		p.Kinds = []components.Option{{Value: "", Label: "Pilih jenis"}}
		for _, k := range desk.Kinds {
			p.Kinds = append(p.Kinds, components.Option{Value: string(k), Label: k.Label()})
		}
	}
	return render(c, status, page(c, "Loket", "loket"), deskpage.DeskPage(p))
}

// deskAddress is the Loket page of a day.
func deskAddress(day time.Time) string {
	return paths.With(paths.Desk, url.Values{"hari": {day.Format(time.DateOnly)}})
}

// deskCounts are a tally's count fields in form order: a result's counts and
// how many came because IKD was required for another service.
func deskCounts() []components.Option {
	var out []components.Option
	for _, n := range result.Counts {
		out = append(out, components.Option{Value: n.Key, Label: n.Label})
	}
	return append(out, components.Option{Value: forServiceField, Label: "Datang karena IKD syarat layanan lain"})
}

func deskFailures() []components.Option {
	out := make([]components.Option, len(result.Reasons))
	for i, r := range result.Reasons {
		out[i] = components.Option{Value: result.FailureField(r.Key), Label: r.Label}
	}
	return out
}

// deskSummary says what a tally holds.
func deskSummary(t desk.Tally) string {
	return locale.Int(t.Activations) + " aktivasi dari " + locale.Int(t.PeopleServed) + " warga dilayani"
}

// save stores one point's day from its form.
func (h *deskHandlers) save(c echo.Context) error {
	r := readForm(c)
	pointID, _ := strconv.ParseInt(r.text("point_id"), 10, 64)
	now := now(c)
	day, err := time.ParseInLocation(time.DateOnly, r.text("day"), now.Location())
	if err != nil {
		day = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	}
	in := desk.Input{PointID: pointID, Day: r.text("day"), Reason: r.text("reason"), Outcome: r.outcome(), ForService: r.whole(forServiceField)}
	for _, n := range deskCounts() {
		r.required(n.Value)
	}
	err = r.bad.Err()
	var created bool
	if err == nil {
		u, _ := currentUser(c)
		_, created, err = h.desk.Save(ctxOf(c), actor(c), u.ID, in)
	}
	if p, status, ok := formProblems(err); ok {
		typed := &deskpage.Point{ID: pointID, Values: map[string]string{result.KeyNotes: r.text(result.KeyNotes), forServiceField: r.text(forServiceField)}, Problems: p, Reason: in.Reason}
		for name := range resultFields() {
			typed.Values[name] = r.text(name)
		}
		return h.render(c, status, day, "", typed, deskpage.PointForm{})
	}
	if err != nil {
		return err
	}
	what := "Koreksi tally"
	if created {
		what = "Tally"
	}
	points, err := h.desk.Points(ctxOf(c))
	if err != nil {
		return err
	}
	for _, pt := range points {
		if pt.ID == pointID {
			what += " " + pt.Name + ","
		}
	}
	flash(c, what+" "+locale.Date(day)+" tersimpan: "+deskSaved(in))
	return redirect(c, deskAddress(day)+"#loket-"+itoa(pointID))
}

// deskSaved says what a saved tally holds, in words.
func deskSaved(in desk.Input) string {
	o := in.Outcome
	var failed int64
	for _, n := range o.Failures {
		failed += n
	}
	return locale.Int(o.Activations) + " aktivasi dari " + locale.Int(o.PeopleServed) + " warga dilayani (" +
		locale.Int(o.OutOfArea) + " warga luar wilayah, " + locale.Int(in.ForService) + " datang karena IKD syarat layanan lain, " +
		locale.Int(o.EktpRecorded) + " perekaman KTP-el, " + locale.Int(failed) + " kendala)."
}

// addPoint adds a service point of the office.
func (h *deskHandlers) addPoint(c echo.Context) error {
	r := readForm(c)
	f := deskpage.PointForm{Name: r.text("name"), Kind: r.text("kind"), DesaCode: r.text("desa_code")}
	p, err := h.desk.AddPoint(ctxOf(c), actor(c), desk.PointInput{Name: f.Name, Kind: desk.Kind(f.Kind), DesaCode: f.DesaCode})
	if problems, status, ok := formProblems(err); ok {
		f.Problems = problems
		day, _ := deskDay(c)
		return h.render(c, status, day, "", nil, f)
	}
	if err != nil {
		return err
	}
	flash(c, "Loket "+p.Name+" ditambahkan.")
	return redirect(c, paths.Desk)
}
