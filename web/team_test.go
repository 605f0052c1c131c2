package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"jemputbola/internal/auth"
)

func TestTeamPages(t *testing.T) {
	app := newTestApp(t)
	c := app.login(t, "ketua1", auth.KetuaTim)
	leader, _ := auth.NewUserStore(app.DB).ByUsername(t.Context(), "ketua1")
	op1 := app.user(t, "operator1", auth.Operator)
	op2 := app.user(t, "operator2", auth.Operator)
	id := func(u auth.User) string { return strconv.FormatInt(u.ID, 10) }

	t.Run("ErrKeepsChoices", func(t *testing.T) {
		res, doc := c.post(t, "/tim", url.Values{"name": {""}, "leader_id": {id(leader)}, "operator_ids": {id(op2)}, "daily_capacity": {"nol"}})
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d", res.StatusCode)
		}
		if doc.Find(`input[name="operator_ids"][checked]`).AttrOr("value", "") != id(op2) || doc.Find("#e-daily_capacity").Text() == "" {
			t.Fatal("form lost the checked operator or the capacity message")
		}
	})
	t.Run("CreateShowList", func(t *testing.T) {
		res, _ := c.post(t, "/tim", url.Values{"name": {"Tim Curup"}, "leader_id": {id(leader)}, "operator_ids": {id(op1), id(op2)}, "daily_capacity": {"60"}})
		if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/tim/") {
			t.Fatalf("status %d to %q", res.StatusCode, res.Header.Get("Location"))
		}
		_, doc := c.get(t, res.Header.Get("Location"))
		facts := doc.Find("dl.facts").Text()
		if !strings.Contains(facts, "Uji operator1") || !strings.Contains(facts, "Uji operator2") || !strings.Contains(facts, "60 aktivasi") {
			t.Fatalf("detail %q", facts)
		}
		_, doc = c.get(t, "/tim")
		if !strings.Contains(doc.Find("tbody").Text(), "Tim Curup") {
			t.Fatal("team missing from list")
		}
	})
	t.Run("OperatorCannotCreate", func(t *testing.T) {
		op := app.client(t)
		op.signIn(t, "operator1", testPassword)
		if res, _ := op.get(t, "/tim/baru"); res.StatusCode != http.StatusForbidden {
			t.Fatalf("status %d", res.StatusCode)
		}
		if res, _ := op.get(t, "/tim"); res.StatusCode != http.StatusOK {
			t.Fatalf("operator list status %d", res.StatusCode)
		}
	})
	t.Run("UnknownTeam", func(t *testing.T) {
		for _, p := range []string{"/tim/999", "/tim/x", "/tim/999/ubah"} {
			if res, _ := c.get(t, p); res.StatusCode != http.StatusNotFound {
				t.Errorf("%s: %d", p, res.StatusCode)
			}
		}
	})
}

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
		u, _ := auth.NewUserStore(app.DB).ByUsername(t.Context(), "baru")
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
