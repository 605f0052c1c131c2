package web

import (
	"net/http"
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
		f.Stored = &r
	}
	return render(c, http.StatusOK, page(c, "Hasil kunjungan", "hari-ini"), fieldpage.FormPage(csrfToken(c), f))
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
	f := fieldpage.Form{Visit: d, ClientID: c.FormValue("client_id"), Values: map[string]string{"notes": c.FormValue("notes")}}
	var bad apperr.Fields
	num := func(name string) int64 {
		f.Values[name] = c.FormValue(name)
		return formInt(f.Values[name], 0, name, &bad)
	}
	in := result.Input{ClientID: f.ClientID, VisitID: d.ID, Activations: num("activations"), PeopleServed: num("people_served"),
		EktpRecorded: num("ektp_recorded"), OutOfArea: num("out_of_area"), Failures: map[string]int64{}, Notes: f.Values["notes"]}
	for _, r := range result.Reasons {
		in.Failures[r.Key] = num("failures." + r.Key)
	}
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
