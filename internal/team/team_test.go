package team_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/auth"
	"jemputbola/internal/dbtest"
	"jemputbola/internal/team"
)

type people struct{ leader, op1, op2, kadis, gone, goneOp auth.User }

func setup(t *testing.T, g *gorm.DB) people {
	t.Helper()
	users := auth.NewUserStore(g)
	mk := func(username string, role auth.Role) auth.User {
		u, err := users.Create(context.Background(), audit.System, auth.UserInput{Username: username, Name: "N " + username, Role: role, Password: "rahasia-123"})
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	p := people{leader: mk("ketua1", auth.KetuaTim), op1: mk("operator1", auth.Operator), op2: mk("operator2", auth.Operator),
		kadis: mk("kadis", auth.KepalaDinas), gone: mk("ketua-lama", auth.KetuaTim), goneOp: mk("operator-lama", auth.Operator)}
	for _, u := range []auth.User{p.gone, p.goneOp} {
		if _, err := users.Update(context.Background(), audit.System, u.ID, auth.UserInput{Name: u.Name, Role: u.Role, Active: false}); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

// messages are the Indonesian field messages the forms show.
var messages = map[string]string{
	"name":           "", // several messages: required, too long, taken
	"leader_id":      "Pilih ketua tim yang valid.",
	"operator_ids":   "Anggota harus pengguna dengan peran operator.",
	"daily_capacity": "Kapasitas harian 1–1000 aktivasi.",
}

func TestTeamStore(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		ctx := context.Background()
		p := setup(t, g)
		s := team.NewStore(g)
		valid := func() team.Input {
			return team.Input{Name: "Tim 1 Curup", LeaderID: p.leader.ID, OperatorIDs: []int64{p.op1.ID, p.op2.ID, p.op1.ID}, DailyCapacity: 60}
		}
		bad := []struct {
			name, field string
			edit        func(*team.Input)
		}{
			{"ErrNameRequired", "name", func(in *team.Input) { in.Name = "" }},
			{"ErrCapacityZero", "daily_capacity", func(in *team.Input) { in.DailyCapacity = 0 }},
			{"ErrCapacityHuge", "daily_capacity", func(in *team.Input) { in.DailyCapacity = 5000 }},
			{"ErrLeaderNotKetua", "leader_id", func(in *team.Input) { in.LeaderID = p.kadis.ID }},
			{"ErrLeaderUnknown", "leader_id", func(in *team.Input) { in.LeaderID = 98765 }},
			{"ErrNameBlank", "name", func(in *team.Input) { in.Name = "   " }},
			{"ErrNameTooLong", "name", func(in *team.Input) { in.Name = strings.Repeat("é", 81) }},
			{"ErrCapacityNegative", "daily_capacity", func(in *team.Input) { in.DailyCapacity = -1 }},
			{"ErrCapacityOverMax", "daily_capacity", func(in *team.Input) { in.DailyCapacity = 1001 }},
			{"ErrLeaderInactive", "leader_id", func(in *team.Input) { in.LeaderID = p.gone.ID }},
			{"ErrLeaderOperator", "leader_id", func(in *team.Input) { in.LeaderID = p.op1.ID }},
			{"ErrLeaderNegative", "leader_id", func(in *team.Input) { in.LeaderID = -1 }},
			{"ErrMemberNotOperator", "operator_ids", func(in *team.Input) { in.OperatorIDs = []int64{p.op1.ID, p.leader.ID} }},
			{"ErrMemberInactive", "operator_ids", func(in *team.Input) { in.OperatorIDs = []int64{p.goneOp.ID} }},
			{"ErrMemberUnknown", "operator_ids", func(in *team.Input) { in.OperatorIDs = []int64{p.op1.ID, 98765} }},
		}
		for _, tc := range bad {
			t.Run(tc.name, func(t *testing.T) {
				in := valid()
				tc.edit(&in)
				_, err := s.Create(ctx, audit.System, in)
				got, want := apperr.FieldsOf(err)[tc.field], messages[tc.field]
				if apperr.CodeOf(err) != apperr.Invalid || got == "" || (want != "" && got != want) {
					t.Fatalf("Create = %v (fields %v), want %q on %s", err, apperr.FieldsOf(err), messages[tc.field], tc.field)
				}
			})
		}
		t.Run("ErrNothingWritten", func(t *testing.T) {
			if n, err := s.Count(ctx); err != nil || n != 0 {
				t.Fatalf("Count after refused creates = %d, %v", n, err)
			}
		})
		t.Run("CapacityBounds", func(t *testing.T) {
			for i, c := range []int{1, 1000} {
				in := team.Input{Name: fmt.Sprintf("Batas %d", i), DailyCapacity: c}
				if _, err := s.Create(ctx, audit.System, in); err != nil {
					t.Fatalf("capacity %d: %v", c, err)
				}
			}
		})
		t.Run("NoLeaderNoOperators", func(t *testing.T) {
			tm, err := s.Create(ctx, audit.System, team.Input{Name: "  Tim Cadangan  ", DailyCapacity: 50})
			if err != nil {
				t.Fatal(err)
			}
			d, err := s.Get(ctx, tm.ID)
			if err != nil || d.Name != "Tim Cadangan" || d.Leader != nil || len(d.Operators) != 0 || d.DailyCapacity != 50 {
				t.Fatalf("Get = %+v, %v", d, err)
			}
		})
		created, err := s.Create(ctx, audit.System, valid())
		if err != nil {
			t.Fatal(err)
		}
		t.Run("ErrGetUnknown", func(t *testing.T) {
			if _, err := s.Get(ctx, 4242); apperr.CodeOf(err) != apperr.NotFound {
				t.Fatalf("Get unknown = %v", err)
			}
		})
		t.Run("GetWithPeople", func(t *testing.T) {
			d, err := s.Get(ctx, created.ID)
			if err != nil || d.Leader == nil || d.Leader.ID != p.leader.ID || len(d.Operators) != 2 {
				t.Fatalf("Get = %+v, %v", d, err)
			}
		})
		t.Run("ErrNameTaken", func(t *testing.T) {
			in := valid()
			in.Name = "tim 1 curup"
			if _, err := s.Create(ctx, audit.System, in); apperr.FieldsOf(err)["name"] != "Nama tim sudah dipakai." {
				t.Fatalf("duplicate name: %v", err)
			}
		})
		t.Run("UpdateReplacesMembers", func(t *testing.T) {
			in := valid()
			in.OperatorIDs = []int64{p.op2.ID}
			if _, err := s.Update(ctx, audit.System, created.ID, in); err != nil {
				t.Fatal(err)
			}
			d, _ := s.Get(ctx, created.ID)
			if len(d.Operators) != 1 || d.Operators[0].ID != p.op2.ID {
				t.Fatalf("operators after update: %+v", d.Operators)
			}
			if _, err := s.Update(ctx, audit.System, 4242, in); apperr.CodeOf(err) != apperr.NotFound {
				t.Fatalf("update unknown: %v", err)
			}
		})
		t.Run("UpdateSameNameKeepsIt", func(t *testing.T) {
			in := valid()
			in.OperatorIDs = []int64{p.op2.ID}
			in.Notes = "Membawa 3 tablet."
			got, err := s.Update(ctx, audit.System, created.ID, in)
			if err != nil || got.Name != "Tim 1 Curup" || got.Notes != "Membawa 3 tablet." {
				t.Fatalf("Update = %+v, %v", got, err)
			}
		})
		t.Run("ErrUpdateInvalidKeepsTeam", func(t *testing.T) {
			in := valid()
			in.DailyCapacity = 0
			if _, err := s.Update(ctx, audit.System, created.ID, in); apperr.FieldsOf(err)["daily_capacity"] == "" {
				t.Fatalf("Update = %v", err)
			}
			d, _ := s.Get(ctx, created.ID)
			if d.DailyCapacity != 60 || len(d.Operators) != 1 {
				t.Fatalf("team changed by a refused update: %+v", d)
			}
		})
		t.Run("ListByName", func(t *testing.T) {
			ds, err := s.List(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, d := range ds {
				names = append(names, d.Name)
			}
			want := []string{"Batas 0", "Batas 1", "Tim 1 Curup", "Tim Cadangan"}
			if strings.Join(names, "|") != strings.Join(want, "|") {
				t.Fatalf("List names %v, want %v", names, want)
			}
			if ds[2].Leader == nil || ds[2].Leader.ID != p.leader.ID || len(ds[2].Operators) != 1 {
				t.Fatalf("List lost the people of %+v", ds[2])
			}
			if n, err := s.Count(ctx); err != nil || n != 4 {
				t.Fatalf("Count = %d, %v", n, err)
			}
		})
		t.Run("ForUser", func(t *testing.T) {
			for _, tc := range []struct {
				u    auth.User
				want int
			}{{p.leader, 1}, {p.op2, 1}, {p.op1, 0}, {p.kadis, 0}} {
				ts, err := s.ForUser(ctx, tc.u.ID)
				if err != nil || len(ts) != tc.want {
					t.Errorf("ForUser(%s) = %d teams, %v; want %d", tc.u.Username, len(ts), err, tc.want)
				}
			}
		})
		t.Run("AuditKeepsMembership", func(t *testing.T) {
			es, _, err := audit.NewStore(g).List(ctx, audit.Filter{Entity: "team"})
			if err != nil {
				t.Fatal(err)
			}
			var create, update *audit.Entry
			for i := range es {
				if es[i].EntityID != fmt.Sprint(created.ID) {
					continue
				}
				switch {
				case es[i].Action == audit.Create && create == nil:
					create = &es[i]
				case es[i].Action == audit.Update && update == nil:
					update = &es[i] // newest first: the last successful update
				}
			}
			if create == nil || update == nil {
				t.Fatalf("audit entries for team %d: %+v", created.ID, es)
			}
			if create.Before != "" || !strings.Contains(create.After, fmt.Sprintf("[%d,%d]", p.op1.ID, p.op2.ID)) {
				t.Fatalf("create entry %q -> %q", create.Before, create.After)
			}
			if !strings.Contains(update.Before, fmt.Sprintf("[%d]", p.op2.ID)) || !strings.Contains(update.After, "Membawa 3 tablet.") {
				t.Fatalf("update entry %q -> %q", update.Before, update.After)
			}
		})
	})
}
