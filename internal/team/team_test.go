package team_test

import (
	"context"
	"testing"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/auth"
	"jemputbola/internal/dbtest"
	"jemputbola/internal/team"
)

type people struct{ leader, op1, op2, kadis auth.User }

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
	return people{mk("ketua1", auth.KetuaTim), mk("operator1", auth.Operator), mk("operator2", auth.Operator), mk("kadis", auth.KepalaDinas)}
}

func TestStore(t *testing.T) {
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
			{"ErrMemberNotOperator", "operator_ids", func(in *team.Input) { in.OperatorIDs = []int64{p.op1.ID, p.leader.ID} }},
		}
		for _, tc := range bad {
			t.Run(tc.name, func(t *testing.T) {
				in := valid()
				tc.edit(&in)
				if _, err := s.Create(ctx, audit.System, in); apperr.FieldsOf(err)[tc.field] == "" {
					t.Fatalf("Create = %v, want a message on %s", err, tc.field)
				}
			})
		}
		created, err := s.Create(ctx, audit.System, valid())
		if err != nil {
			t.Fatal(err)
		}
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
			if err != nil || len(es) != 2 || es[0].Action != audit.Update || es[0].Before == "" || es[0].After == "" {
				t.Fatalf("audit %+v, %v", es, err)
			}
		})
	})
}
