package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"github.com/google/uuid"

	"jemputbola/internal/auth"
)

// TestResultFormAgreesWithSave checks, for every role, that the result form
// is offered exactly to those whose save is accepted: both answers come from
// team.IsMember. Everyone else who may see the visit reads it without a form.
func TestResultFormAgreesWithSave(t *testing.T) {
	app := newTestApp(t)
	app.fixtures(t) // team 1, without leader or members
	member := app.user(t, "operator-tim", auth.Operator)
	leader := app.user(t, "ketua-tim", auth.KetuaTim)
	app.DB.Exec("INSERT INTO team_members (team_id, user_id) VALUES (1, ?)", member.ID)
	app.DB.Exec("UPDATE teams SET leader_id = ? WHERE id = 1", leader.ID)

	cases := []struct {
		name     string
		client   *testClient
		opens    bool // GET answers 200
		mayWrite bool
	}{
		{"OperatorOfTeam", app.clientOf(t, "operator-tim"), true, true},
		{"LeaderOfTeam", app.clientOf(t, "ketua-tim"), true, true},
		{"OtherOperator", app.login(t, "operator-lain", auth.Operator), false, false},
		{"OtherLeader", app.login(t, "ketua-lain", auth.KetuaTim), true, false},
		{"KepalaDinas", app.login(t, "kadis", auth.KepalaDinas), true, false},
		{"Admin", app.login(t, "admin", auth.Admin), true, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := "/kunjungan/" + strconv.FormatInt(app.pastVisit(t), 10) + "/hasil"
			res, doc := tc.client.get(t, path)
			if opens := res.StatusCode == http.StatusOK; opens != tc.opens {
				t.Fatalf("GET %s: status %d", path, res.StatusCode)
			}
			offered := doc.Find("#result-form").Length() == 1
			if offered != tc.mayWrite {
				t.Fatalf("form offered %v, want %v", offered, tc.mayWrite)
			}
			clientID := doc.Find(`#result-form input[name="client_id"]`).AttrOr("value", uuid.NewString())
			res, _ = tc.client.post(t, path, url.Values{"client_id": {clientID}, "activations": {"3"}, "people_served": {"4"}, "ektp_recorded": {"0"}, "out_of_area": {"0"}})
			if saved := res.StatusCode == http.StatusSeeOther; saved != offered {
				t.Fatalf("POST %s: status %d, but the form was offered: %v", path, res.StatusCode, offered)
			}
			if !offered && res.StatusCode != http.StatusForbidden {
				t.Fatalf("POST refused with %d, want 403", res.StatusCode)
			}

			// The same holds for the correction of a stored result.
			if !tc.opens {
				return
			}
			if !saved(res) {
				app.DB.Exec(`INSERT INTO visit_results (office_id, visit_id, client_id, activations, people_served, verification, logged_at, updated_at)
					SELECT office_id, id, ?, 1, 1, 'belum', created_at, created_at FROM visits ORDER BY id DESC LIMIT 1`, clientID)
			}
			_, doc = tc.client.get(t, path)
			offered = doc.Find(`form[action$="/hasil/koreksi"]`).Length() == 1
			if offered != tc.mayWrite {
				t.Fatalf("correction offered %v, want %v", offered, tc.mayWrite)
			}
			res, _ = tc.client.post(t, path+"/koreksi", url.Values{"activations": {"2"}, "people_served": {"4"}, "ektp_recorded": {"0"}, "out_of_area": {"0"}, "reason": {"Salah hitung"}})
			if saved(res) != offered {
				t.Fatalf("correction POST: status %d, offered %v", res.StatusCode, offered)
			}
		})
	}
}

func saved(res *http.Response) bool { return res.StatusCode == http.StatusSeeOther }

// clientOf signs in as an existing user.
func (a *testApp) clientOf(t testing.TB, username string) *testClient {
	t.Helper()
	c := a.client(t)
	c.startSession(t, username)
	return c
}
