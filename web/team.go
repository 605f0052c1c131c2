package web

import (
	"net/http"
	"strconv"
	"strings"

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

// teamFormNumber parses a whole number from the form ("1.000" as Indonesians
// write it); empty is 0 and anything that is not a positive number is -1, which
// the store refuses with the field's own message, so a capacity of "nol" reads
// "Kapasitas harian 1–1000 aktivasi." next to the field.
func teamFormNumber(s string) int64 {
	s = strings.ReplaceAll(strings.TrimSpace(s), ".", "")
	if s == "" {
		return 0
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 1 {
		return -1
	}
	return n
}

// save creates (id 0) or updates a team; bad input re-renders the form with 422.
func (h *teamHandlers) save(c echo.Context, id int64) error {
	form, err := c.FormParams()
	if err != nil {
		return apperr.New(apperr.Invalid, "Formulir tidak dapat dibaca.")
	}
	f := teampage.Form{ID: id, Name: form.Get("name"), LeaderID: form.Get("leader_id"), DailyCapacity: form.Get("daily_capacity"),
		Notes: form.Get("notes"), OperatorIDs: map[int64]bool{}}
	in := team.Input{Name: f.Name, Notes: f.Notes, LeaderID: teamFormNumber(f.LeaderID), DailyCapacity: int(teamFormNumber(f.DailyCapacity))}
	for _, s := range form["operator_ids"] {
		n := teamFormNumber(s)
		in.OperatorIDs = append(in.OperatorIDs, n)
		if n > 0 {
			f.OperatorIDs[n] = true
		}
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
