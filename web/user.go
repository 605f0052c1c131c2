package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/apperr"
	"jemputbola/internal/auth"
	"jemputbola/templates/userpage"
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
	return render(c, http.StatusOK, page(c, "Pengguna", "pengguna"), userpage.ListPage(us, string(role)))
}

func (h *userHandlers) renderForm(c echo.Context, status int, f userpage.Form) error {
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
	f := userpage.Form{ID: id, Username: c.FormValue("username"), Name: c.FormValue("name"), Role: c.FormValue("role"), Active: c.FormValue("active") != ""}
	in := auth.UserInput{Username: f.Username, Name: f.Name, Role: auth.Role(f.Role), Password: c.FormValue("password"), Active: f.Active}
	if id != 0 {
		u, err := h.users.Get(c.Request().Context(), id)
		if err != nil {
			return err
		}
		f.Username = u.Username
	}
	var err error
	if in.Password != c.FormValue("password2") {
		err = &apperr.Error{Code: apperr.Invalid, Message: "Periksa kembali isian yang ditandai.",
			Fields: map[string]string{"password2": "Konfirmasi kata sandi tidak sama."}}
	} else if id == 0 {
		_, err = h.users.Create(c.Request().Context(), actor(c), in)
	} else {
		_, err = h.users.Update(c.Request().Context(), actor(c), id, in)
		h.sessions.ForgetUser(id) // a new role, password or deactivation applies at the next request
	}
	switch apperr.CodeOf(err) {
	case "":
	case apperr.Invalid, apperr.Conflict:
		f.Errors, f.Error = apperr.FieldsOf(err), apperr.MessageOf(err)
		return h.renderForm(c, http.StatusUnprocessableEntity, f)
	default:
		return err
	}
	flash(c, "Pengguna tersimpan.")
	return redirect(c, "/pengguna")
}
