package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"jemputbola/internal/auth"
)

func TestUserPages(t *testing.T) {
	app := newTestApp(t)
	c := app.login(t, "kadis", auth.KepalaDinas)

	t.Run("ErrPasswordMismatch", func(t *testing.T) {
		res, doc := c.post(t, "/pengguna", url.Values{"username": {"baru"}, "name": {"Pegawai Baru"}, "role": {"operator"}, "password": {"rahasia-123"}, "password2": {"rahasia-321"}})
		if res.StatusCode != http.StatusUnprocessableEntity || doc.Find("#e-password2").Text() != "Konfirmasi kata sandi tidak sama." || doc.Find("#f-name").AttrOr("value", "") != "Pegawai Baru" {
			t.Fatalf("status %d, message %q", res.StatusCode, doc.Find("#e-password2").Text())
		}
	})
	t.Run("CreatedUserCanSignIn", func(t *testing.T) {
		res, _ := c.post(t, "/pengguna", url.Values{"username": {"baru"}, "name": {"Pegawai Baru"}, "role": {"operator"}, "password": {"rahasia-123"}, "password2": {"rahasia-123"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("status %d", res.StatusCode)
		}
		app.client(t).signIn(t, "baru", "rahasia-123")
	})
	t.Run("ErrDuplicateUsername", func(t *testing.T) {
		res, doc := c.post(t, "/pengguna", url.Values{"username": {"baru"}, "name": {"X"}, "role": {"operator"}, "password": {"rahasia-123"}, "password2": {"rahasia-123"}})
		if res.StatusCode != http.StatusUnprocessableEntity || doc.Find("#e-username").Text() == "" {
			t.Fatalf("status %d", res.StatusCode)
		}
	})
	t.Run("DeactivatedCannotSignIn", func(t *testing.T) {
		u, _ := auth.NewUserStore(app.DB).ByUsername(app.Ctx, "baru")
		res, _ := c.post(t, "/pengguna/"+strconv.FormatInt(u.ID, 10), url.Values{"name": {"Pegawai Baru"}, "role": {"operator"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("deactivate status %d", res.StatusCode)
		}
		x := app.client(t)
		x.get(t, "/login")
		if res, _ := x.post(t, "/login", url.Values{"username": {"baru"}, "password": {"rahasia-123"}}); res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("deactivated sign-in status %d", res.StatusCode)
		}
	})
	t.Run("ListAndFilter", func(t *testing.T) {
		_, doc := c.get(t, "/pengguna")
		row := doc.Find("tbody tr").FilterFunction(func(_ int, s *goquery.Selection) bool { return strings.Contains(s.Text(), "Pegawai Baru") })
		if !strings.Contains(row.Text(), "Operator") || !strings.Contains(row.Text(), "Nonaktif") {
			t.Fatalf("row %q", row.Text())
		}
		_, doc = c.get(t, "/pengguna?role=kepala_dinas")
		if strings.Contains(doc.Find("tbody").Text(), "Pegawai Baru") || !strings.Contains(doc.Find("tbody").Text(), "kadis") {
			t.Fatalf("filtered list %q", doc.Find("tbody").Text())
		}
		if strings.Contains(doc.Text(), "$2a$") {
			t.Fatal("a password hash is on the page")
		}
	})
	t.Run("EditShowsUsernameReadOnly", func(t *testing.T) {
		u, _ := auth.NewUserStore(app.DB).ByUsername(app.Ctx, "baru")
		_, doc := c.get(t, "/pengguna/"+strconv.FormatInt(u.ID, 10)+"/ubah")
		in := doc.Find("#f-username")
		if _, ro := in.Attr("readonly"); !ro || in.AttrOr("value", "") != "baru" || in.AttrOr("name", "") != "" {
			t.Fatal("username is not shown read-only")
		}
		if doc.Find(`input[name="active"][checked]`).Length() != 0 {
			t.Fatal("deactivated user shown as active")
		}
		if strings.Contains(doc.Text(), u.PasswordHash) {
			t.Fatal("password hash rendered")
		}
	})
	t.Run("ErrEditPasswordMismatch", func(t *testing.T) {
		u, _ := auth.NewUserStore(app.DB).ByUsername(app.Ctx, "baru")
		res, doc := c.post(t, "/pengguna/"+strconv.FormatInt(u.ID, 10), url.Values{"name": {"Nama Diubah"}, "role": {"operator"}, "active": {"1"}, "password": {"sandi-baru-123"}, "password2": {"lain"}})
		if res.StatusCode != http.StatusUnprocessableEntity || doc.Find("#e-password2").Text() != "Konfirmasi kata sandi tidak sama." || doc.Find("#f-name").AttrOr("value", "") != "Nama Diubah" {
			t.Fatalf("status %d", res.StatusCode)
		}
		if doc.Find(`input[name="active"][checked]`).Length() != 1 {
			t.Fatal("form lost the active box")
		}
	})
	t.Run("ReactivateWithNewPassword", func(t *testing.T) {
		u, _ := auth.NewUserStore(app.DB).ByUsername(app.Ctx, "baru")
		res, _ := c.post(t, "/pengguna/"+strconv.FormatInt(u.ID, 10), url.Values{"name": {"Pegawai Baru"}, "role": {"operator"}, "active": {"1"}, "password": {"sandi-baru-123"}, "password2": {"sandi-baru-123"}})
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/pengguna" {
			t.Fatalf("status %d", res.StatusCode)
		}
		app.client(t).signIn(t, "baru", "sandi-baru-123")
	})
	t.Run("ErrOwnRole", func(t *testing.T) {
		me, _ := auth.NewUserStore(app.DB).ByUsername(app.Ctx, "kadis")
		res, doc := c.post(t, "/pengguna/"+strconv.FormatInt(me.ID, 10), url.Values{"name": {"Kadis"}, "role": {"operator"}, "active": {"1"}})
		if res.StatusCode != http.StatusUnprocessableEntity || doc.Find(".field.has-error").Length() == 0 {
			t.Fatalf("changing own role: status %d", res.StatusCode)
		}
	})
	t.Run("KetuaForbidden", func(t *testing.T) {
		k := app.login(t, "ketua1", auth.KetuaTim)
		if res, _ := k.get(t, "/pengguna"); res.StatusCode != http.StatusForbidden {
			t.Fatalf("status %d", res.StatusCode)
		}
	})
	t.Run("UnknownUser", func(t *testing.T) {
		for _, p := range []string{"/pengguna/999/ubah", "/pengguna/x/ubah"} {
			if res, _ := c.get(t, p); res.StatusCode != http.StatusNotFound {
				t.Errorf("%s: %d", p, res.StatusCode)
			}
		}
		if res, _ := c.post(t, "/pengguna/999", url.Values{"name": {"x"}}); res.StatusCode != http.StatusNotFound {
			t.Errorf("POST unknown: %d", res.StatusCode)
		}
	})
}

// TestOnlyAdminsMakeAdmins: the kepala dinas manages users but not admins.
func TestOnlyAdminsMakeAdmins(t *testing.T) {
	app := newTestApp(t)
	kadis := app.login(t, "kadis", auth.KepalaDinas)
	admin := app.user(t, "admin", auth.Admin)
	if _, doc := kadis.get(t, "/pengguna/baru"); doc.Find(`select[name="role"] option[value="admin"]`).Length() != 0 {
		t.Error("the kepala dinas is offered the admin role")
	}
	form := url.Values{"username": {"admin2"}, "name": {"Admin Kedua"}, "role": {"admin"}, "password": {testPassword}, "password2": {testPassword}, "active": {"on"}}
	res, doc := kadis.post(t, "/pengguna", form)
	if res.StatusCode != http.StatusForbidden || !strings.Contains(doc.Find(".has-error").Text(), "Hanya admin") || doc.Find("#f-name").AttrOr("value", "") != "Admin Kedua" {
		t.Fatalf("kadis creates an admin: %d", res.StatusCode)
	}
	reset := url.Values{"name": {"Admin"}, "role": {"admin"}, "password": {"kata-sandi-baru-9"}, "password2": {"kata-sandi-baru-9"}, "active": {"on"}}
	if res, _ := kadis.post(t, "/pengguna/"+strconv.FormatInt(admin.ID, 10), reset); res.StatusCode != http.StatusForbidden {
		t.Fatalf("kadis resets the admin's password: %d", res.StatusCode)
	}
	if _, err := auth.NewAuthenticator(app.DB).SignIn(app.Ctx, "admin", testPassword, "127.0.0.1"); err != nil {
		t.Fatalf("the admin's password changed: %v", err)
	}
	a := app.clientOf(t, "admin")
	form.Del("_csrf") // the kepala dinas's token went into the form above
	if res, doc := a.post(t, "/pengguna", form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("an admin creates an admin: %d %q", res.StatusCode, doc.Find("main").Text())
	}
}
