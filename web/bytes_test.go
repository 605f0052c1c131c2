package web_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/google/uuid"

	"jemputbola/internal/auth"
	"jemputbola/internal/dbtest"
)

// TestStrayBytes: a NUL or broken UTF-8 in a form or in a tablet's result is
// cleaned at the edge, so PostgreSQL stores it as SQLite does, never a 500.
func TestStrayBytes(t *testing.T) {
	app := newTestAppOn(t, dbtest.Postgres(t))
	app.fixtures(t)
	k := app.login(t, "ketua-uji", auth.KetuaTim)
	res, _ := k.post(t, "/lokasi", url.Values{"name": {"SD Negeri\x00 5 \xff\xfeCurup"}, "kind": {"sekolah"}, "desa_code": {"17.02.06.2001"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("site with a NUL and broken UTF-8: %d", res.StatusCode)
	}
	var name string
	app.DB.Raw("SELECT name FROM sites ORDER BY id DESC LIMIT 1").Scan(&name)
	if name != "SD Negeri 5 \uFFFDCurup" {
		t.Fatalf("stored name %q", name)
	}
	op := app.user(t, "operator1", auth.Operator)
	app.DB.Exec("INSERT INTO team_members (team_id, user_id) VALUES (1, ?)", op.ID)
	c := app.client(t)
	c.startSession(t, "operator1")
	body := map[string]any{"client_id": uuid.NewString(), "visit_id": app.pastVisit(t), "activations": 1, "people_served": 1, "notes": "catatan\u0000 lapangan"}
	if status, out := c.postResult(t, body, true); status != http.StatusCreated {
		t.Fatalf("result notes with a NUL: %d %s", status, out)
	}
	var notes string
	app.DB.Raw("SELECT notes FROM visit_results").Scan(&notes)
	if notes != "catatan lapangan" {
		t.Fatalf("stored notes %q", notes)
	}
}
