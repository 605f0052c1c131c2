package result_test

import (
	"context"
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
	"jemputbola/internal/visit"
)

type world struct {
	member, outsider auth.User
	visits           []int64 // two past visits of the team, one cancelled
}

func setup(t *testing.T, g *gorm.DB) world {
	t.Helper()
	ctx := context.Background()
	if err := region.NewStore(g).EnsureBuiltin(ctx); err != nil {
		t.Fatal(err)
	}
	users := auth.NewUserStore(g)
	mk := func(name string) auth.User {
		u, err := users.Create(ctx, audit.System, auth.UserInput{Username: name, Name: name, Role: auth.Operator, Password: "rahasia-123"})
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	w := world{member: mk("operator1"), outsider: mk("operator2")}
	now := time.Now().UTC()
	var teamID, siteID int64
	g.Raw("INSERT INTO teams (name, daily_capacity, created_at, updated_at) VALUES ('Tim 1', 50, ?, ?) RETURNING id", now, now).Scan(&teamID)
	g.Exec("INSERT INTO team_members (team_id, user_id) VALUES (?, ?)", teamID, w.member.ID)
	g.Raw("INSERT INTO sites (name, kind, desa_code, eligible, created_at, updated_at) VALUES ('Balai Desa Derati', 'desa', '17.02.06.2001', 500, ?, ?) RETURNING id", now, now).Scan(&siteID)
	for i, status := range []visit.Status{visit.Direncanakan, visit.Direncanakan, visit.Dibatalkan} {
		start := now.Add(-time.Duration(48+24*i) * time.Hour)
		v := visit.Visit{SiteID: siteID, TeamID: teamID, Day: start.Format(time.DateOnly), StartAt: start, EndAt: start.Add(4 * time.Hour),
			Expected: 40, Status: status, CreatedAt: now, UpdatedAt: now}
		if err := g.Create(&v).Error; err != nil {
			t.Fatal(err)
		}
		w.visits = append(w.visits, v.ID)
	}
	return w
}

func input(visitID int64) result.Input {
	return result.Input{ClientID: uuid.NewString(), VisitID: visitID, Activations: 30, PeopleServed: 45, EktpRecorded: 2,
		Failures: map[string]int64{"no_email": 8, "no_signal": 4, "refused": 1}, Notes: "Sinyal lemah sore hari"}
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
		ctx := context.Background()
		w := setup(t, g)
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
			again := in
			again.Activations = 1 // a replay never changes the stored result
			r, created, err := s.Log(ctx, who, w.member.ID, again)
			if err != nil || created || r.ID != first.ID || r.Activations != 30 {
				t.Fatalf("replay = %+v %v %v", r, created, err)
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
			if err := s.Verify(ctx, who, w.member.ID, first.ID, true, false, "Jumlah dilayani tidak cocok dengan daftar hadir"); err != nil {
				t.Fatal(err)
			}
			ws, err := s.Pending(ctx, 0)
			if err != nil || len(ws) != 2 || ws[0].SiteName == "" {
				t.Fatalf("pending %+v, %v", ws, err)
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
		})
	})
}
