package web

import (
	"net/http"
	"slices"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/apperr"
	"jemputbola/internal/auth"
	"jemputbola/templates/components"
	"jemputbola/templates/userpage"
	"jemputbola/web/paths"
)

type userHandlers struct {
	users    *auth.UserStore
	sessions *auth.SessionStore
}

func (h *userHandlers) list(c echo.Context) error {
	role := auth.Role(c.QueryParam("role"))
	if !role.Valid() {
		role = ""
	}
	us, err := h.users.List(c.Request().Context(), role)
	if err != nil {
		return err
	}
	l := userpage.List{Role: string(role), Roles: roleOptions("Semua peran")}
	for _, u := range us {
		l.Users = append(l.Users, userpage.User{ID: u.ID, Username: u.Username, Name: u.Name, Role: u.Role.Label(), Active: u.Active, Demo: u.Demo})
	}
	return render(c, http.StatusOK, page(c, "Pengguna", "pengguna"), userpage.ListPage(l))
}

// roleOptions lists every role after a first choice labelled first.
func roleOptions(first string) []components.Option {
	opts := []components.Option{{Value: "", Label: first}}
	for _, r := range auth.Roles {
		opts = append(opts, components.Option{Value: string(r), Label: r.Label()})
	}
	return opts
}

func (h *userHandlers) renderForm(c echo.Context, status int, f userpage.Form) error {
	f.Roles = roleOptions("Pilih peran")
	if u, _ := currentUser(c); u.Role != auth.Admin && f.Role != string(auth.Admin) {
		// Only an admin makes an admin: others are not offered it.
		f.Roles = slices.DeleteFunc(f.Roles, func(o components.Option) bool { return o.Value == string(auth.Admin) })
	}
	title := "Pengguna baru"
	if f.ID != 0 {
		title = "Ubah pengguna"
	}
	return render(c, status, page(c, title, "pengguna"), userpage.FormPage(csrfToken(c), f))
}

func (h *userHandlers) newForm(c echo.Context) error {
	return h.renderForm(c, http.StatusOK, userpage.Form{Role: string(auth.Operator)})
}

func (h *userHandlers) editForm(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	u, err := h.users.Get(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return h.renderForm(c, http.StatusOK, userpage.Form{ID: u.ID, Username: u.Username, Name: u.Name, Role: string(u.Role), Active: u.Active})
}

// decodeUserForm reads the user form: what was typed (never the passwords,
// which are not shown again), the domain input, and a message when the two
// passwords differ.
func decodeUserForm(c echo.Context) (userpage.Form, auth.UserInput, apperr.Fields) {
	r := readForm(c)
	f := userpage.Form{Username: r.text("username"), Name: r.text("name"), Role: r.text("role"), Active: r.checked("active")}
	in := auth.UserInput{Username: f.Username, Name: f.Name, Role: auth.Role(f.Role), Password: r.text("password"), Active: f.Active}
	if in.Password != r.text("password2") {
		r.bad.Add("password2", "Konfirmasi kata sandi tidak sama.")
	}
	return f, in, r.bad
}

func (h *userHandlers) create(c echo.Context) error { return h.save(c, 0) }

func (h *userHandlers) update(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	return h.save(c, id)
}

// save creates (id 0) or updates a user; bad input re-renders the form with 422.
func (h *userHandlers) save(c echo.Context, id int64) error {
	ctx := c.Request().Context()
	f, in, bad := decodeUserForm(c)
	f.ID = id
	if id != 0 {
		u, err := h.users.Get(ctx, id)
		if err != nil {
			return err // an unknown id is a 404 even when the form is also wrong
		}
		f.Username, in.Username = u.Username, u.Username // usernames never change
	}
	var err error
	switch {
	case len(bad) > 0:
		err = withUnreadable(bad, in.Validate(id == 0))
	case id == 0:
		_, err = h.users.Create(ctx, actor(c), in)
	default:
		_, err = h.users.Update(ctx, actor(c), id, in)
		h.sessions.ForgetUser(id) // a new role, password or deactivation applies at the next request
	}
	if p, status, ok := formProblems(err); ok {
		f.Problems = p
		if status != http.StatusForbidden {
			status = http.StatusUnprocessableEntity // a taken username (Conflict) too, like every mistake in this form
		}
		return h.renderForm(c, status, f)
	}
	if err != nil {
		return err
	}
	flash(c, "Pengguna "+in.Username+" ("+in.Role.Label()+") tersimpan.")
	return redirect(c, paths.Users)
}
