package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"jemputbola/internal/demo"
)

// TestBerandaPerRole signs in as each demo account and checks that Beranda
// shows what that role must act on.
func TestBerandaPerRole(t *testing.T) {
	app := newTestApp(t)
	if _, err := demo.Seed(context.Background(), app.DB, time.Now()); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		username string
		want     []string
		notWant  []string
	}{
		{"operator1", []string{"Tim Anda", "Tim 1 Curup"}, []string{"Administrasi", "selisih terbesar"}},
		{"ketua1", []string{"Capaian", "202.820", "selisih terbesar"}, []string{"Administrasi"}},
		{"kadis", []string{"202.820", "60.846", "selisih terbesar", "Administrasi"}, nil},
		{"admin", []string{"Administrasi", "Perubahan terbaru"}, []string{"Tim Anda"}},
	}
	for _, tc := range cases {
		t.Run(tc.username, func(t *testing.T) {
			c := app.client(t)
			c.signIn(t, tc.username, demo.Password)
			res, doc := c.get(t, "/")
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d", res.StatusCode)
			}
			text := doc.Find("main").Text()
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("Beranda lacks %q", w)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(text, w) {
					t.Errorf("Beranda shows %q to %s", w, tc.username)
				}
			}
		})
	}
}
