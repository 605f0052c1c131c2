package result_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/auth"
	"jemputbola/internal/dbtest"
	"jemputbola/internal/region"
	"jemputbola/internal/result"
	"jemputbola/internal/scope"
	"jemputbola/internal/visit"
)

type world struct {
	member, outsider auth.User
	team             int64
	visits           []int64 // two past visits of the team, one cancelled
}

// setup gives the office of ctx a team with one member, a site in the desa
// and three past visits; prefix keeps usernames apart across offices.
func setup(t *testing.T, ctx context.Context, g *gorm.DB, prefix, desa string) world {
	t.Helper()
	sc, err := scope.From(ctx)
	if err != nil {
		t.Fatal(err)
	}
	users := auth.NewUserStore(g)
	mk := func(name string) auth.User {
		u, err := users.Create(ctx, audit.System, auth.UserInput{Username: prefix + name, Name: name, Role: auth.Operator, Password: "rahasia-123"})
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	w := world{member: mk("operator1"), outsider: mk("operator2")}
	now := time.Now().UTC()
	var teamID, siteID int64
	g.Raw("INSERT INTO teams (office_id, name, daily_capacity, created_at, updated_at) VALUES (?, 'Tim 1', 50, ?, ?) RETURNING id", sc.OfficeID, now, now).Scan(&teamID)
	g.Exec("INSERT INTO team_members (team_id, user_id) VALUES (?, ?)", teamID, w.member.ID)
	g.Raw("INSERT INTO sites (office_id, name, kind, desa_code, eligible, created_at, updated_at) VALUES (?, 'Balai Desa', 'desa', ?, 500, ?, ?) RETURNING id",
		sc.OfficeID, desa, now, now).Scan(&siteID)
	for i, status := range []visit.Status{visit.Direncanakan, visit.Direncanakan, visit.Dibatalkan} {
		start := now.Add(-time.Duration(48+24*i) * time.Hour)
		var id int64
		err := g.Raw(`INSERT INTO visits (office_id, site_id, team_id, day, start_at, end_at, expected_activations, notes, status, cancel_reason, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, 40, '', ?, '', ?, ?) RETURNING id`,
			sc.OfficeID, siteID, teamID, start.Format(time.DateOnly), start, start.Add(4*time.Hour), string(status), now, now).Scan(&id).Error
		if err != nil || id == 0 {
			t.Fatalf("insert visit: %v", err)
		}
		w.visits = append(w.visits, id)
	}
	w.team = teamID
	return w
}

func input(visitID int64) result.Input {
	return result.Input{ClientID: uuid.NewString(), VisitID: visitID, Outcome: result.Outcome{Activations: 30, PeopleServed: 45, EktpRecorded: 2,
		Failures: map[string]int64{"no_email": 8, "no_signal": 4, "refused": 1}, Notes: "Sinyal lemah sore hari"}}
}

func TestValidation(t *testing.T) {
	cases := []struct {
		name, field string
		edit        func(*result.Input)
	}{
		{"ErrClientID", "client_id", func(in *result.Input) { in.ClientID = "bukan-uuid" }},
		{"ErrNegative", "activations", func(in *result.Input) { in.Activations = -1 }},
		{"ErrHuge", "people_served", func(in *result.Input) { in.PeopleServed = 200_000 }},
		{"ErrUnknownReason", "failures.lupa", func(in *result.Input) { in.Failures["lupa"] = 1 }},
		{"ErrNegativeFailure", "failures.no_email", func(in *result.Input) { in.Failures["no_email"] = -2 }},
		{"ErrMoreThanServed", "people_served", func(in *result.Input) { in.PeopleServed = 42 }},
		{"ErrVisit", "visit_id", func(in *result.Input) { in.VisitID = 0 }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := input(1)
			tc.edit(&in)
			if err := in.Validate(); apperr.FieldsOf(err)[tc.field] == "" {
				t.Fatalf("Validate = %v, want a message on %s", err, tc.field)
			}
		})
	}
	t.Run("OKAtTheLimit", func(t *testing.T) {
		in := input(1)
		in.PeopleServed = 43 // 30 activations + 13 failures
		if err := in.Validate(); err != nil {
			t.Fatal(err)
		}
	})
}

func TestLog(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		ctx := dbtest.InOffice(t, g, "17.02")
		w := setup(t, ctx, g, "", "17.02.06.2001")
		s := result.NewStore(g)
		who := audit.Actor{UserID: w.member.ID, Username: w.member.Username}
		in := input(w.visits[0])
		first, created, err := s.Log(ctx, who, w.member.ID, in)
		if err != nil || !created || first.ID == 0 {
			t.Fatalf("first Log = %+v %v %v", first, created, err)
		}
		t.Run("VisitDone", func(t *testing.T) {
			var status string
			g.Raw("SELECT status FROM visits WHERE id = ?", w.visits[0]).Scan(&status)
			if status != string(visit.Selesai) {
				t.Fatalf("visit status %q", status)
			}
			// A planned visit is started, then finished: both moves are in the trail.
			es, _, err := audit.NewStore(g).List(ctx, audit.Filter{Entity: "visit"})
			if err != nil || len(es) != 2 || !strings.Contains(es[1].After, `"Status":"berlangsung"`) ||
				!strings.Contains(es[0].After, `"Status":"selesai"`) {
				t.Fatalf("visit audit %+v, %v", es, err)
			}
		})
		t.Run("ReplayReturnsStored", func(t *testing.T) {
			r, created, err := s.Log(ctx, who, w.member.ID, in)
			if err != nil || created || r.ID != first.ID || r.Activations != 30 {
				t.Fatalf("replay = %+v %v %v", r, created, err)
			}
		})
		t.Run("ErrReplayWithOtherNumbers", func(t *testing.T) {
			again := in
			again.Activations = 1 // the same client id with other numbers is no replay
			if _, _, err := s.Log(ctx, who, w.member.ID, again); apperr.CodeOf(err) != apperr.Conflict {
				t.Fatalf("same client id, other numbers: %v", err)
			}
		})
		t.Run("ErrReplayByOutsider", func(t *testing.T) {
			// Someone outside the team who knows the client id reads nothing of it.
			r, _, err := s.Log(ctx, who, w.outsider.ID, in)
			if apperr.CodeOf(err) != apperr.Forbidden || r.ID != 0 {
				t.Fatalf("replay by an outsider = %+v, %v", r, err)
			}
		})
		t.Run("ErrClientIDOfOtherVisit", func(t *testing.T) {
			other := in
			other.VisitID = w.visits[1]
			if _, _, err := s.Log(ctx, who, w.member.ID, other); apperr.CodeOf(err) != apperr.Conflict {
				t.Fatalf("reused client id: %v", err)
			}
		})
		t.Run("ErrSecondResult", func(t *testing.T) {
			if _, _, err := s.Log(ctx, who, w.member.ID, input(w.visits[0])); apperr.CodeOf(err) != apperr.Conflict {
				t.Fatalf("second result: %v", err)
			}
		})
		t.Run("ErrNotInTeam", func(t *testing.T) {
			if _, _, err := s.Log(ctx, audit.System, w.outsider.ID, input(w.visits[1])); apperr.CodeOf(err) != apperr.Forbidden {
				t.Fatalf("outsider: %v", err)
			}
		})
		t.Run("ErrCancelledVisit", func(t *testing.T) {
			if _, _, err := s.Log(ctx, who, w.member.ID, input(w.visits[2])); apperr.CodeOf(err) != apperr.Conflict {
				t.Fatalf("cancelled: %v", err)
			}
		})
		t.Run("ErrUnknownVisit", func(t *testing.T) {
			if _, _, err := s.Log(ctx, who, w.member.ID, input(987654)); apperr.CodeOf(err) != apperr.NotFound {
				t.Fatalf("unknown visit: %v", err)
			}
		})
		t.Run("SameClientIDFrom20Goroutines", func(t *testing.T) {
			in := input(w.visits[1])
			var wg sync.WaitGroup
			var mu sync.Mutex
			created, ids := 0, map[int64]bool{}
			for range 20 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					r, c, err := s.Log(ctx, who, w.member.ID, in)
					mu.Lock()
					defer mu.Unlock()
					if err != nil {
						t.Errorf("Log: %v", err)
						return
					}
					ids[r.ID] = true
					if c {
						created++
					}
				}()
			}
			wg.Wait()
			var n int64
			g.Raw("SELECT COUNT(*) FROM visit_results WHERE client_id = ?", in.ClientID).Scan(&n)
			if n != 1 || created != 1 || len(ids) != 1 {
				t.Fatalf("%d rows, %d created, %d distinct ids; want 1 each", n, created, len(ids))
			}
		})
		t.Run("Audit", func(t *testing.T) {
			if _, n, _ := audit.NewStore(g).List(ctx, audit.Filter{Entity: "result"}); n != 2 {
				t.Fatalf("%d result audit entries, want 2", n)
			}
		})
		t.Run("VerifyAndSendBack", func(t *testing.T) {
			if err := s.Verify(ctx, who, w.member.ID, first.ID, false, false, " "); apperr.FieldsOf(err)["comment"] == "" {
				t.Fatalf("send back without comment: %v", err)
			}
			if err := s.Verify(ctx, who, w.member.ID, first.ID, false, true, ""); apperr.CodeOf(err) != apperr.Forbidden {
				t.Fatalf("verify by a non-leader: %v", err)
			}
			if err := s.Verify(ctx, who, w.member.ID, first.ID, true, true, ""); apperr.CodeOf(err) != apperr.Forbidden || !strings.Contains(apperr.MessageOf(err), "catat sendiri") {
				t.Fatalf("verify one's own result, even as kepala dinas: %v", err)
			}
			if err := s.Verify(ctx, who, w.outsider.ID, first.ID, true, false, "Jumlah dilayani tidak cocok dengan daftar hadir"); err != nil {
				t.Fatal(err)
			}
			back, err := s.SentBackTo(ctx, []int64{w.team})
			if err != nil || len(back) != 1 || back[0].ID != first.ID || back[0].VerifyComment == "" {
				t.Fatalf("sent back to the team: %+v, %v", back, err)
			}
			ws, err := s.Pending(ctx, 0)
			if err != nil || len(ws) != 2 || ws[0].SiteName == "" {
				t.Fatalf("pending %+v, %v", ws, err)
			}
			// Several at once: all or none.
			if err := s.VerifyAll(ctx, who, w.outsider.ID, []int64{first.ID, 99999}, true); apperr.CodeOf(err) != apperr.NotFound {
				t.Fatalf("VerifyAll with an unknown id: %v", err)
			}
			if back, _ := s.SentBackTo(ctx, []int64{w.team}); len(back) != 1 {
				t.Fatal("a refused VerifyAll changed a result")
			}
			if err := s.VerifyAll(ctx, who, w.outsider.ID, []int64{first.ID}, true); err != nil {
				t.Fatal(err)
			}
			if ws, _ := s.Pending(ctx, 0); len(ws) != 1 {
				t.Fatalf("%d pending after VerifyAll, want 1", len(ws))
			}
			// Back to where the next subtests expect it.
			if err := s.Verify(ctx, who, w.outsider.ID, first.ID, true, false, "Periksa lagi"); err != nil {
				t.Fatal(err)
			}
		})
		t.Run("CorrectKeepsHistory", func(t *testing.T) {
			fix := input(w.visits[0])
			fix.Activations = 28
			if _, err := s.Correct(ctx, who, w.member.ID, first.ID, fix, ""); apperr.FieldsOf(err)["reason"] == "" {
				t.Fatalf("correction without reason: %v", err)
			}
			if _, err := s.Correct(ctx, audit.System, w.outsider.ID, first.ID, fix, "salah ketik"); apperr.CodeOf(err) != apperr.Forbidden {
				t.Fatalf("correction by an outsider: %v", err)
			}
			r, err := s.Correct(ctx, who, w.member.ID, first.ID, fix, "Salah ketik aktivasi")
			if err != nil || r.Activations != 28 || r.Verification != result.Unverified || r.ClientID != first.ClientID {
				t.Fatalf("Correct = %+v, %v", r, err)
			}
			hs, err := s.HistoryOf(ctx, first.ID)
			if err != nil || len(hs) != 1 || !strings.Contains(hs[0].Before, `"Activations":30`) || hs[0].Reason != "Salah ketik aktivasi" {
				t.Fatalf("history %+v, %v", hs, err)
			}
			if cs, err := s.CorrectionsOf(ctx, []int64{first.ID}); err != nil || cs[first.ID] != (result.Corrected{Times: 1, LastReason: "Salah ketik aktivasi"}) {
				t.Fatalf("CorrectionsOf = %+v, %v", cs, err)
			}
			if cs, err := s.CorrectionsOf(dbtest.InOffice(t, g, "17.71"), []int64{first.ID}); err != nil || len(cs) != 0 {
				t.Fatalf("another office reads the corrections: %+v, %v", cs, err)
			}
		})
	})
}

func TestOfficeIsolation(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		here, there := dbtest.InOffice(t, g, "17.02"), dbtest.InOffice(t, g, "17.71")
		var desa string
		g.Raw("SELECT code FROM regions WHERE code LIKE '17.71.%' AND level = ? ORDER BY code LIMIT 1", region.LevelDesa).Scan(&desa)
		a, b := setup(t, here, g, "a-", "17.02.06.2001"), setup(t, there, g, "b-", desa)
		s := result.NewStore(g)
		whoA := audit.Actor{UserID: a.member.ID, Username: a.member.Username}
		whoB := audit.Actor{UserID: b.member.ID, Username: b.member.Username}
		stored, _, err := s.Log(here, whoA, a.member.ID, input(a.visits[0]))
		if err != nil || stored.OfficeID == 0 {
			t.Fatalf("Log in office A = %+v, %v", stored, err)
		}
		notFound := func(what string, err error) {
			t.Helper()
			if apperr.CodeOf(err) != apperr.NotFound {
				t.Errorf("%s from another office: %v, want NotFound", what, err)
			}
		}
		t.Run("OtherOfficeSeesNothing", func(t *testing.T) {
			_, _, err := s.Log(there, whoB, b.member.ID, input(a.visits[1]))
			notFound("Log on its visit", err)
			notFound("Start", s.Start(there, whoB, b.member.ID, a.visits[1]))
			_, err = s.Correct(there, whoB, b.member.ID, stored.ID, input(a.visits[0]), "diubah")
			notFound("Correct", err)
			notFound("Verify", s.Verify(there, whoB, b.member.ID, stored.ID, true, true, ""))
			_, err = s.HistoryOf(there, stored.ID)
			notFound("HistoryOf", err)
			if rs, err := s.ForVisits(there, a.visits); err != nil || len(rs) != 0 {
				t.Errorf("ForVisits = %v, %v; want none", rs, err)
			}
			if _, ok, err := s.ForVisit(there, a.visits[0]); err != nil || ok {
				t.Errorf("ForVisit = %v, %v; want none", ok, err)
			}
			if ws, err := s.Pending(there, 0); err != nil || len(ws) != 0 {
				t.Errorf("Pending = %d, %v; want none", len(ws), err)
			}
			if n, err := s.Count(there); err != nil || n != 0 {
				t.Errorf("Count = %d, %v; want 0", n, err)
			}
		})
		t.Run("ClientIDOfOtherOfficeNotReplayed", func(t *testing.T) {
			in := input(b.visits[0])
			in.ClientID = stored.ClientID
			r, created, err := s.Log(there, whoB, b.member.ID, in)
			if apperr.CodeOf(err) != apperr.Conflict || created || r.ID != 0 {
				t.Fatalf("client id of office A from office B = %+v %v %v; want a Conflict revealing nothing", r, created, err)
			}
			in.VisitID = a.visits[0] // even naming the visit it was logged for
			if r, _, err := s.Log(there, whoB, b.member.ID, in); apperr.CodeOf(err) != apperr.Conflict || r.ID != 0 {
				t.Fatalf("replay of office A's result from office B = %+v %v", r, err)
			}
		})
		t.Run("OwnOfficeUnchanged", func(t *testing.T) {
			if r, ok, err := s.ForVisit(here, a.visits[0]); err != nil || !ok || r.ID != stored.ID || r.Verification != result.Unverified {
				t.Fatalf("ForVisit in office A = %+v %v %v", r, ok, err)
			}
			if ws, err := s.Pending(here, 0); err != nil || len(ws) != 1 {
				t.Fatalf("Pending in office A = %d, %v", len(ws), err)
			}
			if r, created, err := s.Log(there, whoB, b.member.ID, input(b.visits[0])); err != nil || !created || r.OfficeID == stored.OfficeID {
				t.Fatalf("Log in office B = %+v %v %v", r, created, err)
			}
		})
		t.Run("ErrMissingScope", func(t *testing.T) {
			ctx := context.Background()
			_, _, lerr := s.Log(ctx, whoA, a.member.ID, input(a.visits[1]))
			_, cerr := s.Correct(ctx, whoA, a.member.ID, stored.ID, input(a.visits[0]), "diubah")
			for what, err := range map[string]error{
				"Log":       lerr,
				"Start":     s.Start(ctx, whoA, a.member.ID, a.visits[1]),
				"Correct":   cerr,
				"Verify":    s.Verify(ctx, whoA, a.member.ID, stored.ID, true, true, ""),
				"ForVisits": second(s.ForVisits(ctx, a.visits)),
				"Pending":   second(s.Pending(ctx, 0)),
				"HistoryOf": second(s.HistoryOf(ctx, stored.ID)),
				"Count":     second(s.Count(ctx)),
			} {
				if !errors.Is(err, scope.ErrMissing) {
					t.Errorf("%s without a scope: %v", what, err)
				}
			}
		})
		t.Run("ErrReadOnly", func(t *testing.T) {
			sc, _ := scope.From(here)
			sc.ReadOnly = true
			ctx := scope.With(context.Background(), sc)
			_, _, lerr := s.Log(ctx, whoA, a.member.ID, input(a.visits[1]))
			_, cerr := s.Correct(ctx, whoA, a.member.ID, stored.ID, input(a.visits[0]), "diubah")
			for what, err := range map[string]error{
				"Log":     lerr,
				"Start":   s.Start(ctx, whoA, a.member.ID, a.visits[1]),
				"Correct": cerr,
				"Verify":  s.Verify(ctx, whoA, a.member.ID, stored.ID, true, true, ""),
			} {
				if !errors.Is(err, scope.ErrReadOnly) {
					t.Errorf("%s on a read-only view: %v", what, err)
				}
			}
			if ws, err := s.Pending(ctx, 0); err != nil || len(ws) != 1 {
				t.Errorf("Pending on a read-only view = %d, %v", len(ws), err)
			}
		})
	})
}

// second is the error of a two-value call.
func second[T any](_ T, err error) error { return err }
