package web

import (
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/apperr"
	"jemputbola/internal/auth"
	"jemputbola/internal/locale"
	"jemputbola/internal/office"
	"jemputbola/internal/region"
	"jemputbola/internal/scope"
	"jemputbola/templates/components"
	"jemputbola/templates/officepage"
	"jemputbola/web/paths"
)

// officeHandlers let a province's admin add its kab/kota offices and their
// first accounts. A kab/kota office has no such page (404).
type officeHandlers struct {
	offices *office.Store
	regions *region.Store
	users   *auth.UserStore
}

var errNotProvince = apperr.New(apperr.NotFound, "Halaman ini hanya untuk kantor provinsi.")

// province returns the scope of the signed-in province office, for writing.
func province(c echo.Context) (scope.Scope, error) {
	sc, err := scope.ForWrite(ctxOf(c))
	if err == nil && !sc.Province() {
		err = errNotProvince
	}
	return sc, err
}

func (h *officeHandlers) list(c echo.Context) error {
	return h.render(c, http.StatusOK, officepage.UserForm{Role: string(auth.Admin)})
}

func (h *officeHandlers) render(c echo.Context, status int, f officepage.UserForm) error {
	sc, err := province(c)
	if err != nil {
		return err
	}
	ctx := ctxOf(c)
	all, err := h.regions.All(ctx)
	if err != nil {
		return err
	}
	below, err := h.offices.Below(ctx, sc.Code)
	if err != nil {
		return err
	}
	byCode := map[string]office.Office{}
	for _, o := range below {
		byCode[o.Code] = o
	}
	own, _ := shownOffice(c)
	v := officepage.View{CSRF: csrfToken(c), Province: own.Region(), Form: f,
		Roles: []components.Option{{Value: string(auth.Admin), Label: auth.Admin.Label()}, {Value: string(auth.KepalaDinas), Label: auth.KepalaDinas.Label()}}}
	for _, r := range all {
		if r.Level != region.LevelKabKota {
			continue
		}
		row := officepage.Row{Code: r.Code, Name: r.Name}
		if o, ok := byCode[r.Code]; ok {
			n, err := h.users.Count(scope.With(ctx, office.Scope(o)))
			if err != nil {
				return err
			}
			row.HasOffice, row.Users = true, locale.Int(n)
			row.ViewHref = paths.With(paths.Coverage, url.Values{paths.OfficeParam: {o.Code}})
			v.Offices = append(v.Offices, components.Option{Value: o.Code, Label: r.Name})
		}
		v.Rows = append(v.Rows, row)
	}
	return render(c, status, page(c, "Kantor kabupaten/kota", "kantor"), officepage.Page(v))
}

// add adds the office of one of the province's kab/kota.
func (h *officeHandlers) add(c echo.Context) error {
	sc, err := province(c)
	if err != nil {
		return err
	}
	code := c.FormValue("code")
	if r, ok := region.Lookup(code); !ok || r.Level != region.LevelKabKota || !sc.Under(code) {
		return apperr.New(apperr.NotFound, "Kabupaten/kota tidak ditemukan di provinsi ini.")
	}
	o, added, err := h.offices.Add(ctxOf(c), actor(c), code)
	if err != nil {
		return err
	}
	if added {
		flash(c, "Kantor "+o.Region()+" ditambahkan. Buat akun pertamanya di bawah.")
	} else {
		flash(c, "Kantor "+o.Region()+" sudah ada.")
	}
	return redirect(c, paths.Offices)
}

// addUser creates an account of one of the province's kab/kota offices.
func (h *officeHandlers) addUser(c echo.Context) error {
	sc, err := province(c)
	if err != nil {
		return err
	}
	r := readForm(c)
	f := officepage.UserForm{Office: r.text("office"), Username: r.text("username"), Name: r.text("name"), Role: r.text("role")}
	o, err := h.offices.ByCode(ctxOf(c), f.Office)
	if err != nil || o.Level != office.KabKota || !sc.Under(o.Code) {
		f.Problems = components.Problems{Error: apperr.CheckFields, Errors: map[string]string{"office": "Pilih kantor kabupaten/kota provinsi ini."}}
		return h.render(c, http.StatusUnprocessableEntity, f)
	}
	role := auth.Role(f.Role)
	if role != auth.Admin && role != auth.KepalaDinas {
		role = "" // the store reports it; a province starts a kab/kota with its head or admin only
	}
	// The account belongs to the kab/kota office: it is written in that office's scope.
	in := auth.UserInput{Username: f.Username, Name: f.Name, Role: role, Password: c.FormValue("password"), Active: true}
	u, err := h.users.Create(scope.With(ctxOf(c), office.Scope(o)), actor(c), in)
	if p, status, ok := formProblems(err); ok {
		f.Problems = p
		return h.render(c, status, f)
	}
	if err != nil {
		return err
	}
	flash(c, "Akun "+u.Username+" ("+u.Role.Label()+") dibuat untuk "+o.Region()+".")
	return redirect(c, paths.Offices)
}
