package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/apperr"
	"jemputbola/internal/auth"
	"jemputbola/internal/team"
	"jemputbola/templates/teampage"
)

type teamHandlers struct {
	teams *team.Store
	users *auth.UserStore
}

func (h *teamHandlers) list(c echo.Context) error {
	ts, err := h.teams.List(c.Request().Context())
	if err != nil {
		return err
	}
	u, _ := currentUser(c)
	return render(c, http.StatusOK, page(c, "Tim", "tim"), teampage.ListPage(ts, u.Role.In(planners...)))
}

func (h *teamHandlers) show(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	t, err := h.teams.Get(c.Request().Context(), id)
	if err != nil {
		return err
	}
	u, _ := currentUser(c)
	return render(c, http.StatusOK, page(c, t.Name, "tim"), teampage.DetailPage(t, u.Role.In(planners...)))
}

func (h *teamHandlers) renderForm(c echo.Context, status int, f teampage.Form) error {
	var err error
	if f.Leaders, err = h.activeUsers(c, auth.KetuaTim); err != nil {
		return err
	}
	if f.Operators, err = h.activeUsers(c, auth.Operator); err != nil {
		return err
	}
	title := "Tim baru"
	if f.ID != 0 {
		title = "Ubah tim"
	}
	return render(c, status, page(c, title, "tim"), teampage.FormPage(csrfToken(c), f))
}

func (h *teamHandlers) activeUsers(c echo.Context, role auth.Role) ([]auth.User, error) {
	all, err := h.users.List(c.Request().Context(), role)
	var active []auth.User
	for _, u := range all {
		if u.Active {
			active = append(active, u)
		}
	}
	return active, err
}

func (h *teamHandlers) newForm(c echo.Context) error {
	return h.renderForm(c, http.StatusOK, teampage.Form{DailyCapacity: "50"})
}

func (h *teamHandlers) editForm(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	t, err := h.teams.Get(c.Request().Context(), id)
	if err != nil {
		return err
	}
	f := teampage.Form{ID: t.ID, Name: t.Name, DailyCapacity: strconv.Itoa(t.DailyCapacity), Notes: t.Notes, OperatorIDs: map[int64]bool{}}
	if t.LeaderID != nil {
		f.LeaderID = strconv.FormatInt(*t.LeaderID, 10)
	}
	for _, o := range t.Operators {
		f.OperatorIDs[o.ID] = true
	}
	return h.renderForm(c, http.StatusOK, f)
}

func (h *teamHandlers) create(c echo.Context) error { return h.save(c, 0) }

func (h *teamHandlers) update(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	return h.save(c, id)
}

// save creates (id 0) or updates a team; bad input re-renders the form with 422.
func (h *teamHandlers) save(c echo.Context, id int64) error {
	form, err := c.FormParams()
	if err != nil {
		return apperr.New(apperr.Invalid, "Formulir tidak dapat dibaca.")
	}
	f := teampage.Form{ID: id, Name: form.Get("name"), LeaderID: form.Get("leader_id"), DailyCapacity: form.Get("daily_capacity"),
		Notes: form.Get("notes"), OperatorIDs: map[int64]bool{}}
	var bad apperr.Fields
	in := team.Input{Name: f.Name, Notes: f.Notes, LeaderID: formInt(f.LeaderID, 0, "leader_id", &bad),
		DailyCapacity: int(formInt(f.DailyCapacity, 0, "daily_capacity", &bad))}
	for _, s := range form["operator_ids"] {
		if n := formInt(s, 0, "operator_ids", &bad); n > 0 {
			in.OperatorIDs = append(in.OperatorIDs, n)
			f.OperatorIDs[n] = true
		}
	}
	if len(bad) > 0 {
		f.Errors, f.Error = bad, "Periksa kembali isian yang ditandai."
		return h.renderForm(c, http.StatusUnprocessableEntity, f)
	}
	var t team.Team
	if id == 0 {
		t, err = h.teams.Create(c.Request().Context(), actor(c), in)
	} else {
		t, err = h.teams.Update(c.Request().Context(), actor(c), id, in)
	}
	if apperr.CodeOf(err) == apperr.Invalid {
		f.Errors, f.Error = apperr.FieldsOf(err), apperr.MessageOf(err)
		return h.renderForm(c, http.StatusUnprocessableEntity, f)
	}
	if err != nil {
		return err
	}
	flash(c, "Tim tersimpan.")
	return redirect(c, "/tim/"+strconv.FormatInt(t.ID, 10))
}
