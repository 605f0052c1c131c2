package auth_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/auth"
	"jemputbola/internal/dbtest"
	"jemputbola/internal/scope"
)

const pw = "rahasia-123"

func mustUser(t *testing.T, ctx context.Context, g *gorm.DB, username string, role auth.Role) auth.User {
	t.Helper()
	u, err := auth.NewUserStore(g).Create(ctx, audit.System,
		auth.UserInput{Username: username, Name: "Nama " + username, Role: role, Password: pw})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestUserValidation(t *testing.T) {
	cases := []struct {
		name  string
		in    auth.UserInput
		field string
	}{
		{"ErrUsernameShort", auth.UserInput{Username: "ab", Name: "A", Role: auth.Operator, Password: pw}, "username"},
		{"ErrUsernameChars", auth.UserInput{Username: "budi santoso", Name: "A", Role: auth.Operator, Password: pw}, "username"},
		{"ErrNameRequired", auth.UserInput{Username: "budi", Name: "  ", Role: auth.Operator, Password: pw}, "name"},
		{"ErrRoleUnknown", auth.UserInput{Username: "budi", Name: "Budi", Role: "bupati", Password: pw}, "role"},
		{"ErrPasswordShort", auth.UserInput{Username: "budi", Name: "Budi", Role: auth.Operator, Password: "123456789"}, "password"},
		{"ErrPasswordCommon", auth.UserInput{Username: "budi", Name: "Budi", Role: auth.Operator, Password: "1234567890"}, "password"},
		{"ErrPasswordCommonAnyCase", auth.UserInput{Username: "budi", Name: "Budi", Role: auth.Operator, Password: "QwertyUIOP"}, "password"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.in.Validate(true)
			if apperr.CodeOf(err) != apperr.Invalid || apperr.FieldsOf(err)[tc.field] == "" {
				t.Fatalf("Validate = %v, want an Invalid error on %q", err, tc.field)
			}
		})
	}
	t.Run("OK", func(t *testing.T) {
		in := auth.UserInput{Username: " Budi.S ", Name: "Budi", Role: auth.Operator, Password: pw}
		if err := in.Validate(true); err != nil || in.Username != "budi.s" {
			t.Fatalf("Validate = %v, username %q", err, in.Username)
		}
	})
}

func TestUserStore(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		ctx := dbtest.InOffice(t, g, "17.02")
		users := auth.NewUserStore(g)
		u := mustUser(t, ctx, g, "ketua1", auth.KetuaTim)
		t.Run("HashNotPassword", func(t *testing.T) {
			if u.PasswordHash == "" || u.PasswordHash == pw {
				t.Fatalf("password stored as %q", u.PasswordHash)
			}
		})
		t.Run("ErrDuplicate", func(t *testing.T) {
			_, err := users.Create(ctx, audit.System, auth.UserInput{Username: "KETUA1", Name: "X", Role: auth.Operator, Password: pw})
			if apperr.CodeOf(err) != apperr.Conflict {
				t.Fatalf("duplicate username: %v", err)
			}
		})
		t.Run("AuditTrail", func(t *testing.T) {
			es, total, err := audit.NewStore(g).List(ctx, audit.Filter{Entity: "user"})
			if err != nil || total < 1 || es[0].EntityID == "" {
				t.Fatalf("audit entries %v (%d), %v", es, total, err)
			}
		})
		t.Run("ErrSelfDemote", func(t *testing.T) {
			_, err := users.Update(ctx, audit.Actor{UserID: u.ID, Username: u.Username}, u.ID,
				auth.UserInput{Name: u.Name, Role: auth.Operator, Active: true})
			if apperr.CodeOf(err) != apperr.Invalid {
				t.Fatalf("changing own role: %v", err)
			}
		})
		t.Run("ErrNotFound", func(t *testing.T) {
			if _, err := users.Get(ctx, 424242); apperr.CodeOf(err) != apperr.NotFound {
				t.Fatalf("Get unknown: %v", err)
			}
		})
	})
}

func TestSignIn(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		ctx := dbtest.InOffice(t, g, "17.02")
		mustUser(t, ctx, g, "operator1", auth.Operator)
		a := auth.NewAuthenticator(g)
		t.Run("OK", func(t *testing.T) {
			u, err := a.SignIn(ctx, " Operator1 ", pw, "10.0.0.1")
			if err != nil || u.Username != "operator1" {
				t.Fatalf("SignIn = %v, %v", u.Username, err)
			}
		})
		t.Run("ErrWrongPassword", func(t *testing.T) {
			if _, err := a.SignIn(ctx, "operator1", "salah-sekali", "10.0.0.1"); !errors.Is(err, auth.ErrBadCredentials) {
				t.Fatalf("wrong password: %v", err)
			}
		})
		t.Run("ErrUnknownUserSameAnswer", func(t *testing.T) {
			if _, err := a.SignIn(ctx, "siapa", pw, "10.0.0.1"); !errors.Is(err, auth.ErrBadCredentials) {
				t.Fatalf("unknown user: %v", err)
			}
		})
		t.Run("ThrottledAfterFreeTriesWithoutCheckingThePassword", func(t *testing.T) {
			mustUser(t, ctx, g, "korban", auth.Operator)
			for i := range auth.FreeTries {
				if _, err := a.SignIn(ctx, "korban", "tebakan-salah", "10.0.0.2"); !errors.Is(err, auth.ErrBadCredentials) {
					t.Fatalf("attempt %d: %v", i+1, err)
				}
			}
			// Even the right password is refused while throttled.
			_, err := a.SignIn(ctx, "korban", pw, "10.0.0.2")
			if !errors.Is(err, auth.ErrLocked) || !strings.Contains(apperr.MessageOf(err), "Coba lagi dalam 30 detik") {
				t.Fatalf("after %d failures: %v, want ErrLocked with the wait", auth.FreeTries, err)
			}
			// The real user on their own tablet is not locked out by a guesser elsewhere.
			if _, err := a.SignIn(ctx, "korban", pw, "10.0.0.9"); err != nil {
				t.Fatalf("owner at another address: %v", err)
			}
			// Another account is not affected.
			if _, err := a.SignIn(ctx, "operator1", pw, "10.0.0.3"); err != nil {
				t.Fatalf("other user locked too: %v", err)
			}
		})
		t.Run("DelaysGrow", func(t *testing.T) {
			mustUser(t, ctx, g, "sabar", auth.Operator)
			clock := time.Now()
			slow := auth.NewAuthenticator(g)
			slow.SetClock(func() time.Time { return clock })
			for range auth.FreeTries {
				_, _ = slow.SignIn(ctx, "sabar", "tebakan-salah", "10.0.0.5")
			}
			for _, delay := range []time.Duration{30 * time.Second, time.Minute, 2 * time.Minute, 4 * time.Minute} {
				clock = clock.Add(delay - time.Second)
				if _, err := slow.SignIn(ctx, "sabar", pw, "10.0.0.5"); !errors.Is(err, auth.ErrLocked) {
					t.Fatalf("a second before the %v delay ends: %v", delay, err)
				}
				clock = clock.Add(time.Second)
				if _, err := slow.SignIn(ctx, "sabar", "tebakan-salah", "10.0.0.5"); !errors.Is(err, auth.ErrBadCredentials) {
					t.Fatalf("when the %v delay ends the try is checked: %v", delay, err)
				}
			}
			clock = clock.Add(8 * time.Minute)
			if _, err := slow.SignIn(ctx, "sabar", pw, "10.0.0.5"); err != nil {
				t.Fatalf("after the 8 min delay the right password: %v", err)
			}
		})
		t.Run("PerAddressOverAllAccounts", func(t *testing.T) {
			for i := range auth.FreeTriesPerIP {
				_, _ = a.SignIn(ctx, fmt.Sprintf("tebak%d", i), "tebakan-salah", "10.0.0.6")
			}
			if _, err := a.SignIn(ctx, "operator1", pw, "10.0.0.6"); !errors.Is(err, auth.ErrLocked) {
				t.Fatalf("after %d failures over many accounts from one address: %v", auth.FreeTriesPerIP, err)
			}
		})
		t.Run("SignInsAudited", func(t *testing.T) {
			var es []audit.Entry
			g.Where("entity = ? AND action <> ? AND entity_id = (SELECT CAST(id AS TEXT) FROM users WHERE username = ?)", "user", audit.Create, "korban").Order("id").Find(&es)
			var got []string
			for _, e := range es {
				got = append(got, e.Sentence())
			}
			want := "Gagal masuk: kata sandi salah dari 10.0.0.2"
			if len(got) != auth.FreeTries+1 || got[0] != want || got[auth.FreeTries] != "Masuk dari 10.0.0.9" {
				t.Fatalf("audit of korban's sign-ins = %q", got)
			}
		})
		t.Run("ErrDeactivated", func(t *testing.T) {
			u := mustUser(t, ctx, g, "pensiun", auth.Operator)
			users := auth.NewUserStore(g)
			if _, err := users.Update(ctx, audit.System, u.ID, auth.UserInput{Name: u.Name, Role: u.Role, Active: false}); err != nil {
				t.Fatal(err)
			}
			if _, err := a.SignIn(ctx, "pensiun", pw, "10.0.0.4"); !errors.Is(err, auth.ErrBadCredentials) {
				t.Fatalf("deactivated user: %v", err)
			}
		})
	})
}

func TestSessions(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		ctx := dbtest.InOffice(t, g, "17.02")
		u := mustUser(t, ctx, g, "kadis", auth.KepalaDinas)
		s := auth.NewSessionStore(g)
		token, err := s.Create(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		t.Run("TokenNotStored", func(t *testing.T) {
			var n int64
			g.Raw("SELECT COUNT(*) FROM sessions WHERE token_hash = ?", token).Scan(&n)
			if n != 0 {
				t.Fatal("the raw token is stored in the database")
			}
		})
		t.Run("Lookup", func(t *testing.T) {
			got, err := s.User(ctx, token)
			if err != nil || got.ID != u.ID {
				t.Fatalf("User = %v, %v", got.ID, err)
			}
		})
		t.Run("PasswordChangeEndsSessions", func(t *testing.T) {
			tok2, _ := s.Create(ctx, u.ID)
			if err := auth.NewUserStore(g).SetPassword(ctx, audit.System, "kadis", "kata-sandi-baru"); err != nil {
				t.Fatal(err)
			}
			if _, err := s.User(ctx, tok2); apperr.CodeOf(err) != apperr.NotFound {
				t.Fatalf("session after password change: %v", err)
			}
		})
		t.Run("Delete", func(t *testing.T) {
			tok3, _ := s.Create(ctx, u.ID)
			if _, err := s.User(ctx, tok3); err != nil { // now remembered
				t.Fatal(err)
			}
			if err := s.Delete(ctx, tok3); err != nil {
				t.Fatal(err)
			}
			if _, err := s.User(ctx, tok3); apperr.CodeOf(err) != apperr.NotFound {
				t.Fatalf("deleted session still valid: %v", err)
			}
		})
		t.Run("ForgetUser", func(t *testing.T) {
			tok5, _ := s.Create(ctx, u.ID)
			if _, err := s.User(ctx, tok5); err != nil {
				t.Fatal(err)
			}
			g.Exec("UPDATE users SET active = ? WHERE id = ?", false, u.ID)
			s.ForgetUser(u.ID)
			if _, err := s.User(ctx, tok5); apperr.CodeOf(err) != apperr.NotFound {
				t.Fatalf("deactivated user still served: %v", err)
			}
			g.Exec("UPDATE users SET active = ? WHERE id = ?", true, u.ID)
		})
		t.Run("Expired", func(t *testing.T) {
			tok4, _ := s.Create(ctx, u.ID)
			g.Exec("UPDATE sessions SET expires_at = created_at")
			if _, err := s.User(ctx, tok4); apperr.CodeOf(err) != apperr.NotFound {
				t.Fatalf("expired session still valid: %v", err)
			}
		})
	})
}

func TestDeleteExpired(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		ctx := dbtest.InOffice(t, g, "17.02")
		u := mustUser(t, ctx, g, "kadis", auth.KepalaDinas)
		s := auth.NewSessionStore(g)
		old, err := s.Create(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := g.Exec("UPDATE sessions SET expires_at = ?", time.Now().UTC().Add(-time.Minute)).Error; err != nil {
			t.Fatal(err)
		}
		live, err := s.Create(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		if n, err := s.DeleteExpired(ctx); err != nil || n != 1 {
			t.Fatalf("DeleteExpired = %d, %v; want 1 removed", n, err)
		}
		var rows int64
		if err := g.Model(&auth.Session{}).Count(&rows).Error; err != nil || rows != 1 {
			t.Fatalf("%d sessions left, %v; want the live one", rows, err)
		}
		if _, err := s.User(ctx, live); err != nil {
			t.Fatalf("live session after purge: %v", err)
		}
		if _, err := s.User(ctx, old); apperr.CodeOf(err) != apperr.NotFound {
			t.Fatalf("expired session after purge: %v", err)
		}
		if n, err := s.DeleteExpired(ctx); err != nil || n != 0 {
			t.Fatalf("second DeleteExpired = %d, %v; want 0", n, err)
		}
	})
}

func TestOfficeIsolation(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		here, there := dbtest.InOffice(t, g, "17.02"), dbtest.InOffice(t, g, "17.71")
		sc, _ := scope.From(here)
		users := auth.NewUserStore(g)
		u := mustUser(t, here, g, "ketua-a", auth.KetuaTim)
		if u.OfficeID != sc.OfficeID {
			t.Fatalf("created in office %d, want %d", u.OfficeID, sc.OfficeID)
		}
		notFound := func(what string, err error) {
			t.Helper()
			if apperr.CodeOf(err) != apperr.NotFound {
				t.Errorf("%s from another office: %v, want NotFound", what, err)
			}
		}
		t.Run("OtherOfficeSeesNothing", func(t *testing.T) {
			_, err := users.Get(there, u.ID)
			notFound("Get", err)
			_, err = users.ByUsername(there, u.Username)
			notFound("ByUsername", err)
			_, err = users.Update(there, audit.System, u.ID, auth.UserInput{Name: "Diambil", Role: auth.Operator, Active: true})
			notFound("Update", err)
			notFound("SetPassword", users.SetPassword(there, audit.System, u.Username, "kata-sandi-baru"))
			if us, err := users.List(there, ""); err != nil || len(us) != 0 {
				t.Errorf("List = %d users, %v; want none", len(us), err)
			}
			if n, err := users.Count(there); err != nil || n != 0 {
				t.Errorf("Count = %d, %v; want 0", n, err)
			}
			if got, err := users.Get(here, u.ID); err != nil || got.Name != u.Name {
				t.Errorf("own office after the attempts: %+v, %v", got, err)
			}
		})
		t.Run("UsernamesUniqueAcrossOffices", func(t *testing.T) {
			_, err := users.Create(there, audit.System, auth.UserInput{Username: u.Username, Name: "Lain", Role: auth.Operator, Password: pw})
			if apperr.CodeOf(err) != apperr.Conflict {
				t.Fatalf("same username in another office: %v", err)
			}
		})
		t.Run("SignInAndSessionCarryTheOffice", func(t *testing.T) {
			got, err := auth.NewAuthenticator(g).SignIn(context.Background(), u.Username, pw, "10.0.0.9")
			if err != nil || got.OfficeID != sc.OfficeID {
				t.Fatalf("SignIn = office %d, %v; want %d", got.OfficeID, err, sc.OfficeID)
			}
			s := auth.NewSessionStore(g)
			token, err := s.Create(context.Background(), got.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got, err := s.User(context.Background(), token); err != nil || got.OfficeID != sc.OfficeID {
				t.Fatalf("session user = office %d, %v; want %d", got.OfficeID, err, sc.OfficeID)
			}
		})
		t.Run("ErrMissingScope", func(t *testing.T) {
			ctx := context.Background()
			_, err := users.Create(ctx, audit.System, auth.UserInput{Username: "tanpa-kantor", Name: "X", Role: auth.Operator, Password: pw})
			for what, err := range map[string]error{
				"Create":      err,
				"Get":         second(users.Get(ctx, u.ID)),
				"ByUsername":  second(users.ByUsername(ctx, u.Username)),
				"List":        second(users.List(ctx, "")),
				"Count":       second(users.Count(ctx)),
				"SetPassword": users.SetPassword(ctx, audit.System, u.Username, "kata-sandi-baru"),
			} {
				if !errors.Is(err, scope.ErrMissing) {
					t.Errorf("%s without a scope: %v", what, err)
				}
			}
		})
		t.Run("ErrReadOnly", func(t *testing.T) {
			ro := sc
			ro.ReadOnly = true
			ctx := scope.With(context.Background(), ro)
			_, cerr := users.Create(ctx, audit.System, auth.UserInput{Username: "hanya-lihat", Name: "X", Role: auth.Operator, Password: pw})
			_, uerr := users.Update(ctx, audit.System, u.ID, auth.UserInput{Name: "X", Role: u.Role, Active: true})
			for what, err := range map[string]error{"Create": cerr, "Update": uerr,
				"SetPassword": users.SetPassword(ctx, audit.System, u.Username, "kata-sandi-baru")} {
				if !errors.Is(err, scope.ErrReadOnly) {
					t.Errorf("%s on a read-only view: %v", what, err)
				}
			}
			if us, err := users.List(ctx, ""); err != nil || len(us) != 1 {
				t.Errorf("List on a read-only view = %d, %v; want the office's one user", len(us), err)
			}
		})
	})
}

// second is the error of a two-value call.
func second[T any](_ T, err error) error { return err }

func TestPimpinan(t *testing.T) {
	if !auth.Pimpinan.Valid() || auth.Pimpinan.Label() != "Pimpinan" || auth.Roles[len(auth.Roles)-1] != auth.Pimpinan {
		t.Fatalf("role pimpinan: valid %v, label %q, roles %v", auth.Pimpinan.Valid(), auth.Pimpinan.Label(), auth.Roles)
	}
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		ctx := dbtest.InOffice(t, g, "17.71")
		u := mustUser(t, ctx, g, "bupati", auth.Pimpinan)
		if got, err := auth.NewUserStore(g).List(ctx, auth.Pimpinan); err != nil || len(got) != 1 || got[0].ID != u.ID {
			t.Fatalf("List(pimpinan) = %+v, %v", got, err)
		}
	})
}

func TestCreateShared(t *testing.T) {
	if _, err := auth.NewSharedPassword("pendek"); err == nil {
		t.Fatal("NewSharedPassword accepted a 6-character password")
	}
	shared, err := auth.NewSharedPassword(pw)
	if err != nil {
		t.Fatal(err)
	}
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		ctx := dbtest.InOffice(t, g, "17.02")
		users := auth.NewUserStore(g)
		for _, name := range []string{"satu", "dua"} {
			if _, err := users.CreateShared(ctx, audit.System, auth.UserInput{Username: name, Name: "Nama " + name, Role: auth.Operator}, shared); err != nil {
				t.Fatalf("CreateShared %s: %v", name, err)
			}
			if _, err := auth.NewAuthenticator(g).SignIn(ctx, name, pw, "127.0.0.1"); err != nil {
				t.Fatalf("%s cannot sign in with the shared password: %v", name, err)
			}
		}
		_, err := users.CreateShared(ctx, audit.System, auth.UserInput{Username: "x", Name: "X", Role: auth.Operator}, shared)
		if apperr.FieldsOf(err)["username"] == "" {
			t.Fatalf("CreateShared with a bad username = %v, want a username error", err)
		}
	})
}

func TestCommonPasswords(t *testing.T) {
	shared, err := auth.NewSharedPassword("jemputbola")
	if err != nil || shared == (auth.SharedPassword{}) {
		t.Fatalf("the demo password is refused: %v", err)
	}
	for _, pw := range []string{"password12", "1q2w3e4r5t", "PASSWORD12"} {
		if _, err := auth.NewSharedPassword(pw); err == nil {
			t.Errorf("%q, among the most common passwords, accepted", pw)
		}
	}
}
