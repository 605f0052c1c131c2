package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"jemputbola/internal/apperr"
	"jemputbola/internal/result"
	"jemputbola/internal/team"
	"jemputbola/internal/visit"
	"jemputbola/templates/fieldpage"
)

type fieldHandlers struct {
	visits  *visit.Store
	teams   *team.Store
	results *result.Store
	now     func() time.Time
}

// aheadDays is how far ahead Hari ini lists the team's visits.
const aheadDays = 7

func (h *fieldHandlers) today(c echo.Context) error {
	ctx := c.Request().Context()
	u, _ := currentUser(c)
	ts, err := h.teams.ForUser(ctx, u.ID)
	if err != nil {
		return err
	}
	ids := []int64{0} // no team: an empty list, not every visit
	for _, t := range ts {
		ids = append(ids, t.ID)
	}
	now := h.now()
	vs, err := h.visits.List(ctx, visit.Filter{From: now.Format(time.DateOnly), To: now.AddDate(0, 0, aheadDays).Format(time.DateOnly), TeamIDs: ids})
	if err != nil {
		return err
	}
	visitIDs := make([]int64, len(vs))
	for i, v := range vs {
		visitIDs[i] = v.ID
	}
	rs, err := h.results.ForVisits(ctx, visitIDs)
	if err != nil {
		return err
	}
	logged := map[int64]bool{}
	for id := range rs {
		logged[id] = true
	}
	return render(c, http.StatusOK, page(c, "Hari ini", "hari-ini"), fieldpage.TodayPage(fieldpage.Today{Visits: vs, Logged: logged, CSRF: csrfToken(c)}))
}

func (h *fieldHandlers) start(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	u, _ := currentUser(c)
	if err := h.results.Start(c.Request().Context(), actor(c), u.ID, id); err != nil {
		return err
	}
	flash(c, "Kunjungan dimulai.")
	return redirect(c, "/hari-ini")
}

func (h *fieldHandlers) form(c echo.Context) error {
	d, err := h.visitFor(c)
	if err != nil {
		return err
	}
	f := fieldpage.Form{Visit: d, ClientID: uuid.NewString(), Values: map[string]string{}}
	if r, ok, err := h.results.ForVisit(c.Request().Context(), d.ID); err != nil {
		return err
	} else if ok {
		if err := h.withStored(c, &f, r); err != nil {
			return err
		}
		f.Values = storedValues(r)
	}
	return render(c, http.StatusOK, page(c, "Hasil kunjungan", "hari-ini"), fieldpage.FormPage(csrfToken(c), f))
}

// withStored adds the stored result and its corrections to the page.
func (h *fieldHandlers) withStored(c echo.Context, f *fieldpage.Form, r result.Result) error {
	f.Stored = &r
	var err error
	f.History, err = h.results.HistoryOf(c.Request().Context(), r.ID)
	return err
}

// storedValues pre-fills the correction form with the stored numbers.
func storedValues(r result.Result) map[string]string {
	v := map[string]string{"activations": itoa(r.Activations), "people_served": itoa(r.PeopleServed),
		"ektp_recorded": itoa(r.EktpRecorded), "out_of_area": itoa(r.OutOfArea), "notes": r.Notes}
	for k, n := range r.Failures() {
		v["failures."+k] = itoa(n)
	}
	return v
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// resultInput reads the numbers of a posted result form; bad numbers become field messages.
func resultInput(c echo.Context, f *fieldpage.Form, visitID int64) (result.Input, apperr.Fields) {
	var bad apperr.Fields
	f.Values = map[string]string{"notes": c.FormValue("notes")}
	num := func(name string) int64 {
		f.Values[name] = c.FormValue(name)
		return formInt(f.Values[name], 0, name, &bad)
	}
	in := result.Input{ClientID: f.ClientID, VisitID: visitID, Activations: num("activations"), PeopleServed: num("people_served"),
		EktpRecorded: num("ektp_recorded"), OutOfArea: num("out_of_area"), Failures: map[string]int64{}, Notes: f.Values["notes"]}
	for _, r := range result.Reasons {
		in.Failures[r.Key] = num("failures." + r.Key)
	}
	return in, bad
}

// correct stores a correction of the visit's result, keeping the earlier values.
func (h *fieldHandlers) correct(c echo.Context) error {
	d, err := h.visitFor(c)
	if err != nil {
		return err
	}
	r, ok, err := h.results.ForVisit(c.Request().Context(), d.ID)
	if err != nil {
		return err
	}
	if !ok {
		return apperr.New(apperr.NotFound, "Kunjungan ini belum punya hasil.")
	}
	f := fieldpage.Form{Visit: d, Reason: c.FormValue("reason")}
	in, bad := resultInput(c, &f, d.ID)
	if len(bad) == 0 {
		u, _ := currentUser(c)
		_, err = h.results.Correct(c.Request().Context(), actor(c), u.ID, r.ID, in, f.Reason)
	}
	if len(bad) > 0 || apperr.CodeOf(err) == apperr.Invalid {
		f.Errors, f.Error = map[string]string(bad), "Periksa kembali isian yang ditandai."
		if len(bad) == 0 {
			f.Errors = apperr.FieldsOf(err)
		}
		if err := h.withStored(c, &f, r); err != nil {
			return err
		}
		return render(c, http.StatusUnprocessableEntity, page(c, "Hasil kunjungan", "hari-ini"), fieldpage.FormPage(csrfToken(c), f))
	}
	if err != nil {
		return err
	}
	flash(c, "Koreksi tersimpan; hasil menunggu verifikasi ulang.")
	return redirect(c, "/kunjungan/"+itoa(d.ID)+"/hasil")
}

// visitFor loads the :id visit and refuses users outside its team.
func (h *fieldHandlers) visitFor(c echo.Context) (visit.Detail, error) {
	id, err := idParam(c)
	if err != nil {
		return visit.Detail{}, err
	}
	d, err := h.visits.Get(c.Request().Context(), id)
	if err != nil {
		return d, err
	}
	return d, mayView(c, h.teams, d)
}

// save stores the posted result; the hidden client_id makes a double submit a replay.
func (h *fieldHandlers) save(c echo.Context) error {
	d, err := h.visitFor(c)
	if err != nil {
		return err
	}
	f := fieldpage.Form{Visit: d, ClientID: c.FormValue("client_id")}
	in, bad := resultInput(c, &f, d.ID)
	if len(bad) == 0 {
		u, _ := currentUser(c)
		_, _, err = h.results.Log(c.Request().Context(), actor(c), u.ID, in)
	}
	if len(bad) > 0 || apperr.CodeOf(err) == apperr.Invalid {
		f.Errors = map[string]string(bad)
		if len(bad) == 0 {
			f.Errors = apperr.FieldsOf(err)
		}
		f.Error = "Periksa kembali isian yang ditandai."
		return render(c, http.StatusUnprocessableEntity, page(c, "Hasil kunjungan", "hari-ini"), fieldpage.FormPage(csrfToken(c), f))
	}
	if err != nil {
		return err
	}
	flash(c, "Hasil tersimpan.")
	return redirect(c, "/hari-ini")
}

func (h *fieldHandlers) pending(c echo.Context) error {
	u, _ := currentUser(c)
	leader := u.ID
	if u.Role.In(managers...) {
		leader = 0 // kepala dinas and admin see every team
	}
	ws, err := h.results.Pending(c.Request().Context(), leader)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, page(c, "Verifikasi", "verifikasi"), fieldpage.VerifyPage(csrfToken(c), ws))
}

func (h *fieldHandlers) verify(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	u, _ := currentUser(c)
	ok := c.FormValue("action") != "back"
	err = h.results.Verify(c.Request().Context(), actor(c), u.ID, id, u.Role.In(managers...), ok, c.FormValue("comment"))
	if apperr.CodeOf(err) == apperr.Invalid {
		flash(c, apperr.MessageOf(err))
		return redirect(c, "/verifikasi")
	}
	if err != nil {
		return err
	}
	msg := "Hasil diverifikasi."
	if !ok {
		msg = "Hasil dikembalikan ke tim."
	}
	flash(c, msg)
	return redirect(c, "/verifikasi")
}
