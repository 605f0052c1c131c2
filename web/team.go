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
	"jemputbola/web/paths"
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
	l := teampage.List{CanEdit: mayChange(c, planners...)}
	for _, t := range ts {
		l.Teams = append(l.Teams, teamView(t))
	}
	return render(c, http.StatusOK, page(c, "Tim", "tim"), teampage.ListPage(l))
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
	canEdit := mayChange(c, planners...) && teamManager(c).MayManage(t.Team)
	return render(c, http.StatusOK, page(c, t.Name, "tim"), teampage.DetailPage(teampage.Detail{Team: teamView(t), CanEdit: canEdit}))
}

// teamManager is the signed-in user as a manager of teams: the kepala dinas
// and the admin manage every team, a ketua tim the ones they lead.
func teamManager(c echo.Context) team.Manager {
	u, _ := currentUser(c)
	return team.Manager{UserID: u.ID, AnyTeam: u.Role.In(managers...)}
}

// teamView is a team as its pages show it.
func teamView(t team.Detail) teampage.Team {
	v := teampage.Team{ID: t.ID, Name: t.Name, Demo: t.Demo, Leader: "–", Capacity: strconv.Itoa(t.DailyCapacity), Notes: t.Notes}
	if t.Leader != nil {
		v.Leader = t.Leader.Name
	}
	names := make([]string, len(t.Operators))
	for i, o := range t.Operators {
		names[i] = o.Name
	}
	v.Operators = strings.Join(names, ", ")
	return v
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

func (h *teamHandlers) activeUsers(c echo.Context, role auth.Role) ([]teampage.Person, error) {
	all, err := h.users.List(c.Request().Context(), role)
	var active []teampage.Person
	for _, u := range all {
		if u.Active {
			active = append(active, teampage.Person{ID: u.ID, Name: u.Name})
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

// decodeTeamForm reads the team form: the choices as made (kept for a
// re-render), the domain input, and the inputs that did not read.
func decodeTeamForm(c echo.Context) (teampage.Form, team.Input, apperr.Fields) {
	r := readForm(c)
	f := teampage.Form{Name: r.text("name"), LeaderID: r.text("leader_id"), DailyCapacity: r.text("daily_capacity"),
		Notes: r.text("notes"), OperatorIDs: map[int64]bool{}}
	in := team.Input{Name: f.Name, Notes: f.Notes, LeaderID: r.choice("leader_id"), DailyCapacity: int(r.whole("daily_capacity")),
		OperatorIDs: r.choices("operator_ids")}
	for _, id := range in.OperatorIDs {
		f.OperatorIDs[id] = true
	}
	return f, in, r.bad
}

func (h *teamHandlers) create(c echo.Context) error { return h.save(c, 0) }

func (h *teamHandlers) update(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	if _, err := h.teams.Get(c.Request().Context(), id); err != nil {
		return err // an unknown id is a 404 even when the form is also wrong
	}
	return h.save(c, id)
}

// save creates (id 0) or updates a team; bad input re-renders the form with 422.
func (h *teamHandlers) save(c echo.Context, id int64) error {
	ctx := c.Request().Context()
	f, in, bad := decodeTeamForm(c)
	f.ID = id
	var (
		t   team.Team
		err error
	)
	switch {
	case len(bad) > 0:
		err = withUnreadable(bad, h.teams.Check(ctx, id, in))
	case id == 0:
		t, err = h.teams.Create(ctx, actor(c), teamManager(c), in)
	default:
		t, err = h.teams.Update(ctx, actor(c), teamManager(c), id, in)
	}
	if p, status, ok := formProblems(err); ok {
		f.Problems = p
		return h.renderForm(c, status, f)
	}
	if err != nil {
		return err
	}
	flash(c, "Data tim "+t.Name+" tersimpan.")
	return redirect(c, paths.For(paths.Team, t.ID))
}
