package web_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"jemputbola/internal/auth"
	"jemputbola/internal/visit"
	"jemputbola/web/paths"
)

// pastVisit adds a visit of team 1 two days ago (inserted directly: planning refuses the past).
func (a *testApp) pastVisit(t testing.TB) int64 {
	t.Helper()
	start := time.Now().Add(-48 * time.Hour).UTC()
	v := visit.Visit{OfficeID: a.officeID(t), SiteID: 1, TeamID: 1, Day: start.Format(time.DateOnly), StartAt: start, EndAt: start.Add(4 * time.Hour),
		Expected: 40, Status: visit.Direncanakan, CreatedAt: start, UpdatedAt: start}
	if err := a.DB.Create(&v).Error; err != nil {
		t.Fatal(err)
	}
	return v.ID
}

// postResult sends a result as the tablet's sync does.
func (c *testClient) postResult(t *testing.T, body any, withToken bool) (int, []byte) {
	t.Helper()
	return c.postJSON(t, paths.APIResults, body, withToken)
}

// postJSON sends body as JSON to an API path, as the tablet's sync does.
func (c *testClient) postJSON(t *testing.T, path string, body any, withToken bool) (int, []byte) {
	t.Helper()
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest(http.MethodPost, c.app.URL+path, bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	if withToken {
		c.mu.Lock()
		req.Header.Set("X-CSRF-Token", c.csrf)
		c.mu.Unlock()
	}
	res, err := c.http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	out, _ := io.ReadAll(res.Body)
	return res.StatusCode, out
}

func TestResultsAPI(t *testing.T) {
	app := newTestApp(t)
	app.fixtures(t)
	visitID := app.pastVisit(t)
	op := app.user(t, "operator1", auth.Operator)
	app.DB.Exec("INSERT INTO team_members (team_id, user_id) VALUES (1, ?)", op.ID)
	c := app.client(t)
	c.startSession(t, "operator1")
	body := map[string]any{"client_id": uuid.NewString(), "visit_id": visitID, "activations": 25, "people_served": 40,
		"ektp_recorded": 1, "out_of_area": 2, "failures": map[string]int{"no_email": 9, "no_signal": 3}, "notes": "Lancar"}

	status, first := c.postResult(t, body, true)
	if status != http.StatusCreated {
		t.Fatalf("first store: %d %s", status, first)
	}
	t.Run("ReplaySameBody", func(t *testing.T) {
		status, again := c.postResult(t, body, true)
		if status != http.StatusOK || !bytes.Equal(first, again) {
			t.Fatalf("replay: %d\n%s\n%s", status, first, again)
		}
	})
	t.Run("409ReplayWithOtherNumbers", func(t *testing.T) {
		other := map[string]any{}
		for k, v := range body {
			other[k] = v
		}
		other["activations"] = 26
		if status, out := c.postResult(t, other, true); status != http.StatusConflict {
			t.Fatalf("same client id, other numbers: %d %s", status, out)
		}
	})
	t.Run("403ReplayByAnotherTeam", func(t *testing.T) {
		outsider := app.login(t, "operator-lain", auth.Operator)
		if status, out := outsider.postResult(t, body, true); status != http.StatusForbidden || strings.Contains(string(out), "Lancar") {
			t.Fatalf("another team replays a known client id: %d %s", status, out)
		}
	})
	t.Run("VisitsAPICarriesResult", func(t *testing.T) {
		day := time.Now().Add(-48 * time.Hour).Format(time.DateOnly)
		req, _ := http.NewRequest(http.MethodGet, app.URL+"/api/v1/visits?from="+day+"&to="+day, nil)
		res, err := c.http.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var m struct {
			Visits []struct {
				ID     int64
				Status string
				Result *struct{ Activations int64 }
			}
		}
		if err := json.NewDecoder(res.Body).Decode(&m); err != nil || len(m.Visits) != 1 || m.Visits[0].Result == nil ||
			m.Visits[0].Result.Activations != 25 || m.Visits[0].Status != "selesai" {
			t.Fatalf("visits %+v, %v", m.Visits, err)
		}
	})
	t.Run("422FieldErrors", func(t *testing.T) {
		bad := map[string]any{"client_id": uuid.NewString(), "visit_id": visitID, "activations": 50, "people_served": 10, "failures": map[string]int{"no_email": -1}}
		status, out := c.postResult(t, bad, true)
		var m struct{ Errors map[string]string }
		if err := json.Unmarshal(out, &m); status != http.StatusUnprocessableEntity || err != nil || m.Errors["failures.no_email"] == "" {
			t.Fatalf("%d %s", status, out)
		}
	})
	t.Run("400Malformed", func(t *testing.T) {
		if status, out := c.postResult(t, "bukan objek", true); status != http.StatusBadRequest {
			t.Fatalf("%d %s", status, out)
		}
	})
	t.Run("403WrongTeam", func(t *testing.T) {
		other := app.login(t, "operator2", auth.Operator)
		b := map[string]any{"client_id": uuid.NewString(), "visit_id": visitID, "activations": 1, "people_served": 1}
		if status, out := other.postResult(t, b, true); status != http.StatusForbidden {
			t.Fatalf("%d %s", status, out)
		}
	})
	t.Run("403WithoutCSRFHeader", func(t *testing.T) {
		b := map[string]any{"client_id": uuid.NewString(), "visit_id": visitID, "activations": 1, "people_served": 1}
		if status, _ := c.postResult(t, b, false); status != http.StatusForbidden {
			t.Fatalf("%d", status)
		}
	})
	t.Run("409BeforeTheVisitsDay", func(t *testing.T) {
		b := map[string]any{"client_id": uuid.NewString(), "visit_id": 1, "activations": 1, "people_served": 1} // visit 1 is a month ahead
		status, out := c.postResult(t, b, true)
		if status != http.StatusConflict || !strings.Contains(string(out), "baru dapat dicatat pada hari itu") {
			t.Fatalf("%d %s", status, out)
		}
	})
	t.Run("404UnknownVisit", func(t *testing.T) {
		b := map[string]any{"client_id": uuid.NewString(), "visit_id": 99999, "activations": 1, "people_served": 1}
		if status, _ := c.postResult(t, b, true); status != http.StatusNotFound {
			t.Fatalf("%d", status)
		}
	})
	t.Run("OversizeRejected", func(t *testing.T) {
		b := map[string]any{"client_id": uuid.NewString(), "visit_id": visitID, "notes": string(make([]byte, 100_000))}
		if status, _ := c.postResult(t, b, true); status != http.StatusRequestEntityTooLarge {
			t.Fatalf("%d", status)
		}
	})
}

// TestFieldSyncAPI: Mulai and corrections as the offline queue sends them,
// each safe to replay.
func TestFieldSyncAPI(t *testing.T) {
	app := newTestApp(t)
	app.fixtures(t)
	visitID := app.pastVisit(t)
	op := app.user(t, "operator1", auth.Operator)
	app.DB.Exec("INSERT INTO team_members (team_id, user_id) VALUES (1, ?)", op.ID)
	c := app.client(t)
	c.startSession(t, "operator1")
	start := paths.For(paths.APIVisitStart, visitID)
	fix := paths.For(paths.APIResultFix, visitID)

	t.Run("StartAndReplay", func(t *testing.T) {
		for range 2 {
			if status, out := c.postJSON(t, start, nil, true); status != http.StatusOK || !strings.Contains(string(out), `"berlangsung"`) {
				t.Fatalf("start: %d %s", status, out)
			}
		}
		if status, out := c.postJSON(t, paths.For(paths.APIVisitStart, 1), nil, true); status != http.StatusConflict { // a month ahead
			t.Fatalf("start before the day: %d %s", status, out)
		}
	})
	t.Run("CorrectionWithoutResult404", func(t *testing.T) {
		if status, _ := c.postJSON(t, fix, map[string]any{"activations": 1, "people_served": 1, "reason": "x"}, true); status != http.StatusNotFound {
			t.Fatalf("%d", status)
		}
	})
	body := map[string]any{"client_id": uuid.NewString(), "visit_id": visitID, "activations": 10, "people_served": 12}
	if status, out := c.postResult(t, body, true); status != http.StatusCreated {
		t.Fatalf("log: %d %s", status, out)
	}
	t.Run("CorrectionAndReplay", func(t *testing.T) {
		correction := map[string]any{"activations": 11, "people_served": 12, "reason": "Salah hitung"}
		if status, out := c.postJSON(t, fix, map[string]any{"activations": 11, "people_served": 12}, true); status != http.StatusUnprocessableEntity {
			t.Fatalf("without reason: %d %s", status, out)
		}
		for range 2 {
			if status, out := c.postJSON(t, fix, correction, true); status != http.StatusOK || !strings.Contains(string(out), `"activations":11`) {
				t.Fatalf("correct: %d %s", status, out)
			}
		}
		var n int64
		app.DB.Raw("SELECT COUNT(*) FROM visit_result_history").Scan(&n)
		if n != 1 {
			t.Fatalf("%d history entries after a correction and its replay, want 1", n)
		}
	})
	t.Run("OtherOperator403", func(t *testing.T) {
		other := app.login(t, "operator2", auth.Operator)
		if status, _ := other.postJSON(t, start, nil, true); status != http.StatusForbidden {
			t.Fatalf("start by another team: %d", status)
		}
		if status, _ := other.postJSON(t, fix, map[string]any{"activations": 1, "people_served": 1, "reason": "x"}, true); status != http.StatusForbidden {
			t.Fatalf("correction by another team: %d", status)
		}
	})
}
