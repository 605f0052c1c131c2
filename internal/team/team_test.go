package team_test

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
	"jemputbola/internal/team"
	"jemputbola/internal/visit"
)

type people struct{ leader, op1, op2, kadis, gone, goneOp auth.User }

// user adds an account of the office of ctx. It writes the row itself, so
// the tests depend on the users table only, not on how auth fills it.
func user(t *testing.T, g *gorm.DB, ctx context.Context, username string, role auth.Role, active bool) auth.User {
	t.Helper()
	sc, err := scope.From(ctx)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC()
	u := auth.User{Username: username, Name: "N " + username, Role: role, Active: active}
	err = g.Raw(`INSERT INTO users (office_id, username, name, role, password_hash, active, demo, created_at, updated_at)
		VALUES (?, ?, ?, ?, 'x', ?, FALSE, ?, ?) RETURNING id`, sc.OfficeID, u.Username, u.Name, string(u.Role), u.Active, now, now).Scan(&u.ID).Error
	if err != nil || u.ID == 0 {
		t.Fatalf("add user %s: id %d, %v", username, u.ID, err)
	}
	return u
}

// setup returns the people of Kabupaten Rejang Lebong and a context working for it.
func setup(t *testing.T, g *gorm.DB) (people, context.Context) {
	t.Helper()
	ctx := dbtest.InOffice(t, g, "17.02")
	mk := func(username string, role auth.Role) auth.User { return user(t, g, ctx, username, role, true) }
	return people{leader: mk("ketua1", auth.KetuaTim), op1: mk("operator1", auth.Operator), op2: mk("operator2", auth.Operator),
		kadis: mk("kadis", auth.KepalaDinas), gone: user(t, g, ctx, "ketua-lama", auth.KetuaTim, false),
		goneOp: user(t, g, ctx, "operator-lama", auth.Operator, false)}, ctx
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
		p, ctx := setup(t, g)
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
				_, err := s.Create(ctx, audit.System, team.AnyTeam, in)
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
				if _, err := s.Create(ctx, audit.System, team.AnyTeam, in); err != nil {
					t.Fatalf("capacity %d: %v", c, err)
				}
			}
		})
		t.Run("NoLeaderNoOperators", func(t *testing.T) {
			tm, err := s.Create(ctx, audit.System, team.AnyTeam, team.Input{Name: "  Tim Cadangan  ", DailyCapacity: 50})
			if err != nil {
				t.Fatal(err)
			}
			d, err := s.Get(ctx, tm.ID)
			if err != nil || d.Name != "Tim Cadangan" || d.Leader != nil || len(d.Operators) != 0 || d.DailyCapacity != 50 {
				t.Fatalf("Get = %+v, %v", d, err)
			}
		})
		created, err := s.Create(ctx, audit.System, team.AnyTeam, valid())
		if err != nil {
			t.Fatal(err)
		}
		t.Run("LeaderManagesOnlyOwnTeam", func(t *testing.T) {
			other := user(t, g, ctx, "ketua2", auth.KetuaTim, true)
			ketua1, ketua2 := team.Manager{UserID: p.leader.ID}, team.Manager{UserID: other.ID}
			in := valid()
			in.LeaderID = other.ID
			if _, err := s.Update(ctx, audit.System, ketua2, created.ID, in); apperr.CodeOf(err) != apperr.Forbidden {
				t.Fatalf("ketua2 takes over ketua1's team: %v", err)
			}
			if _, err := s.Update(ctx, audit.System, ketua1, created.ID, in); apperr.CodeOf(err) != apperr.Forbidden {
				t.Fatalf("ketua1 hands the team to ketua2: %v", err)
			}
			if _, err := s.Update(ctx, audit.System, ketua1, created.ID, valid()); err != nil {
				t.Fatalf("ketua1 changes their own team: %v", err)
			}
			fresh := team.Input{Name: "Tim Baru ketua2", LeaderID: p.leader.ID, DailyCapacity: 30}
			if _, err := s.Create(ctx, audit.System, ketua2, fresh); apperr.FieldsOf(err)["leader_id"] == "" {
				t.Fatalf("ketua2 creates a team for ketua1: %v", err)
			}
			fresh.LeaderID = other.ID
			if _, err := s.Create(ctx, audit.System, ketua2, fresh); err != nil {
				t.Fatalf("ketua2 creates their own team: %v", err)
			}
		})
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
			if _, err := s.Create(ctx, audit.System, team.AnyTeam, in); apperr.FieldsOf(err)["name"] != "Nama tim sudah dipakai." {
				t.Fatalf("duplicate name: %v", err)
			}
		})
		t.Run("UpdateReplacesMembers", func(t *testing.T) {
			in := valid()
			in.OperatorIDs = []int64{p.op2.ID}
			if _, err := s.Update(ctx, audit.System, team.AnyTeam, created.ID, in); err != nil {
				t.Fatal(err)
			}
			d, _ := s.Get(ctx, created.ID)
			if len(d.Operators) != 1 || d.Operators[0].ID != p.op2.ID {
				t.Fatalf("operators after update: %+v", d.Operators)
			}
			if _, err := s.Update(ctx, audit.System, team.AnyTeam, 4242, in); apperr.CodeOf(err) != apperr.NotFound {
				t.Fatalf("update unknown: %v", err)
			}
		})
		t.Run("UpdateSameNameKeepsIt", func(t *testing.T) {
			in := valid()
			in.OperatorIDs = []int64{p.op2.ID}
			in.Notes = "Membawa 3 tablet."
			got, err := s.Update(ctx, audit.System, team.AnyTeam, created.ID, in)
			if err != nil || got.Name != "Tim 1 Curup" || got.Notes != "Membawa 3 tablet." {
				t.Fatalf("Update = %+v, %v", got, err)
			}
		})
		t.Run("ErrUpdateInvalidKeepsTeam", func(t *testing.T) {
			in := valid()
			in.DailyCapacity = 0
			if _, err := s.Update(ctx, audit.System, team.AnyTeam, created.ID, in); apperr.FieldsOf(err)["daily_capacity"] == "" {
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
			want := []string{"Batas 0", "Batas 1", "Tim 1 Curup", "Tim Baru ketua2", "Tim Cadangan"}
			if strings.Join(names, "|") != strings.Join(want, "|") {
				t.Fatalf("List names %v, want %v", names, want)
			}
			if ds[2].Leader == nil || ds[2].Leader.ID != p.leader.ID || len(ds[2].Operators) != 1 {
				t.Fatalf("List lost the people of %+v", ds[2])
			}
			if n, err := s.Count(ctx); err != nil || n != 5 {
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

// TestOffices keeps each office to its own teams and people: another office's
// team id is not found and has no members, another office's users cannot join.
func TestOffices(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		p, rl := setup(t, g)
		kota := dbtest.InOffice(t, g, "17.71")
		kotaLeader := user(t, g, kota, "ketua-kota", auth.KetuaTim, true)
		kotaOp := user(t, g, kota, "operator-kota", auth.Operator, true)
		s := team.NewStore(g)
		in := team.Input{Name: "Tim 1 Curup", LeaderID: p.leader.ID, OperatorIDs: []int64{p.op1.ID}, DailyCapacity: 60}
		mine, err := s.Create(rl, audit.System, team.AnyTeam, in)
		if err != nil {
			t.Fatal(err)
		}
		notFound := func(name string, err error) {
			t.Helper()
			if apperr.CodeOf(err) != apperr.NotFound {
				t.Errorf("%s from another office: %v, want NotFound", name, err)
			}
		}
		t.Run("ErrOtherOfficeID", func(t *testing.T) {
			_, err := s.Get(kota, mine.ID)
			notFound("Get", err)
			_, err = s.Update(kota, audit.System, team.AnyTeam, mine.ID, team.Input{Name: "Direbut", DailyCapacity: 10})
			notFound("Update", err)
			if d, err := s.Get(rl, mine.ID); err != nil || d.Name != "Tim 1 Curup" || d.OfficeID == 0 || len(d.Operators) != 1 {
				t.Fatalf("own team after the other office's tries: %+v, %v", d, err)
			}
		})
		t.Run("ListsEmpty", func(t *testing.T) {
			if ds, err := s.List(kota); err != nil || len(ds) != 0 {
				t.Fatalf("List = %d teams, %v", len(ds), err)
			}
			if n, err := s.Count(kota); err != nil || n != 0 {
				t.Fatalf("Count = %d, %v", n, err)
			}
			if ts, err := s.ForUser(kota, p.leader.ID); err != nil || len(ts) != 0 {
				t.Fatalf("ForUser = %d teams, %v", len(ts), err)
			}
		})
		t.Run("MembershipOfOffice", func(t *testing.T) {
			for _, c := range []struct {
				name string
				ctx  context.Context
				want bool
			}{{"Own", rl, true}, {"Other", kota, false}} {
				member, err := team.IsMember(c.ctx, g, mine.ID, p.op1.ID)
				storeMember, err2 := s.IsMember(c.ctx, mine.ID, p.leader.ID)
				leads, err3 := team.Leads(c.ctx, g, mine.ID, p.leader.ID)
				if errors.Join(err, err2, err3) != nil || member != c.want || storeMember != c.want || leads != c.want {
					t.Errorf("%s office: IsMember %v, store %v, Leads %v (%v %v %v); want %v", c.name, member, storeMember, leads, err, err2, err3, c.want)
				}
			}
		})
		t.Run("ErrOtherOfficePeople", func(t *testing.T) {
			_, err := s.Create(kota, audit.System, team.AnyTeam, team.Input{Name: "Tim Kota", LeaderID: p.leader.ID, DailyCapacity: 50})
			if apperr.FieldsOf(err)["leader_id"] != messages["leader_id"] {
				t.Errorf("leader of another office: %v", err)
			}
			_, err = s.Create(kota, audit.System, team.AnyTeam, team.Input{Name: "Tim Kota", OperatorIDs: []int64{kotaOp.ID, p.op2.ID}, DailyCapacity: 50})
			if apperr.FieldsOf(err)["operator_ids"] != messages["operator_ids"] {
				t.Errorf("operator of another office: %v", err)
			}
			err = s.Check(rl, mine.ID, team.Input{Name: "Tim 1 Curup", LeaderID: kotaLeader.ID, OperatorIDs: []int64{kotaOp.ID}, DailyCapacity: 60})
			if f := apperr.FieldsOf(err); f["leader_id"] == "" || f["operator_ids"] == "" {
				t.Errorf("Check with the other office's people: %v", err)
			}
			_, err = s.Update(rl, audit.System, team.AnyTeam, mine.ID, team.Input{Name: "Tim 1 Curup", OperatorIDs: []int64{kotaOp.ID}, DailyCapacity: 60})
			if apperr.FieldsOf(err)["operator_ids"] == "" {
				t.Errorf("Update with an operator of another office: %v", err)
			}
		})
		t.Run("DetailShowsOwnPeopleOnly", func(t *testing.T) {
			// A membership no store would write: the other office's user stays hidden.
			if err := g.Exec("INSERT INTO team_members (team_id, user_id) VALUES (?, ?)", mine.ID, kotaOp.ID).Error; err != nil {
				t.Fatal(err)
			}
			defer g.Exec("DELETE FROM team_members WHERE user_id = ?", kotaOp.ID)
			if d, err := s.Get(rl, mine.ID); err != nil || len(d.Operators) != 1 || d.Operators[0].ID != p.op1.ID {
				t.Fatalf("Get = %+v, %v", d.Operators, err)
			}
		})
		t.Run("NameUniquePerOffice", func(t *testing.T) {
			own, err := s.Create(kota, audit.System, team.AnyTeam, team.Input{Name: "tim 1 curup", LeaderID: kotaLeader.ID, OperatorIDs: []int64{kotaOp.ID}, DailyCapacity: 40})
			if err != nil {
				t.Fatalf("same name in another office: %v", err)
			}
			ds, err := s.List(kota)
			if err != nil || len(ds) != 1 || ds[0].ID != own.ID || ds[0].Leader == nil || ds[0].Leader.ID != kotaLeader.ID {
				t.Fatalf("List of Kota Bengkulu = %+v, %v", ds, err)
			}
			if ts, _ := s.ForUser(kota, kotaOp.ID); len(ts) != 1 || ts[0].ID != own.ID {
				t.Fatalf("ForUser = %+v", ts)
			}
			if ds, _ := s.List(rl); len(ds) != 1 || ds[0].ID != mine.ID {
				t.Fatalf("List of Rejang Lebong = %+v", ds)
			}
		})
		t.Run("ErrNoScope", func(t *testing.T) {
			bg := context.Background()
			errs := map[string]error{"Check": s.Check(bg, 0, in)}
			_, errs["Create"] = s.Create(bg, audit.System, team.AnyTeam, in)
			_, errs["Update"] = s.Update(bg, audit.System, team.AnyTeam, mine.ID, in)
			_, errs["Get"] = s.Get(bg, mine.ID)
			_, errs["List"] = s.List(bg)
			_, errs["Count"] = s.Count(bg)
			_, errs["ForUser"] = s.ForUser(bg, p.leader.ID)
			_, errs["IsMember"] = team.IsMember(bg, g, mine.ID, p.leader.ID)
			_, errs["Leads"] = team.Leads(bg, g, mine.ID, p.leader.ID)
			for name, err := range errs {
				if !errors.Is(err, scope.ErrMissing) {
					t.Errorf("%s without scope: %v", name, err)
				}
			}
		})
		t.Run("ErrReadOnly", func(t *testing.T) {
			sc, _ := scope.From(rl)
			sc.ReadOnly = true
			ro := scope.With(context.Background(), sc)
			fresh := team.Input{Name: "Hanya dilihat", DailyCapacity: 10}
			errs := map[string]error{"Check": s.Check(ro, 0, fresh)}
			_, errs["Create"] = s.Create(ro, audit.System, team.AnyTeam, fresh)
			_, errs["Update"] = s.Update(ro, audit.System, team.AnyTeam, mine.ID, fresh)
			for name, err := range errs {
				if !errors.Is(err, scope.ErrReadOnly) {
					t.Errorf("%s read-only: %v", name, err)
				}
			}
			if d, err := s.Get(ro, mine.ID); err != nil || d.Name != "Tim 1 Curup" {
				t.Fatalf("read-only Get: %+v, %v", d, err)
			}
		})
	})
}

// TestUpdateKeepsPeopleInOneVisit: adding an operator to a team is refused
// when the team's coming visit overlaps one of the operator's other team,
// and nothing of the change is kept.
func TestUpdateKeepsPeopleInOneVisit(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		p, ctx := setup(t, g)
		s := team.NewStore(g)
		a, err := s.Create(ctx, audit.System, team.AnyTeam, team.Input{Name: "Tim A", OperatorIDs: []int64{p.op1.ID}, DailyCapacity: 60})
		if err != nil {
			t.Fatal(err)
		}
		b, err := s.Create(ctx, audit.System, team.AnyTeam, team.Input{Name: "Tim B", OperatorIDs: []int64{p.op2.ID}, DailyCapacity: 60})
		if err != nil {
			t.Fatal(err)
		}
		sc, _ := scope.From(ctx)
		var site int64
		now := time.Now().UTC()
		if err := g.Raw(`INSERT INTO sites (office_id, name, kind, desa_code, created_at, updated_at)
			VALUES (?, 'SMP Negeri 2 Curup', 'sekolah', '17.02.06.1004', ?, ?) RETURNING id`, sc.OfficeID, now, now).Scan(&site).Error; err != nil {
			t.Fatal(err)
		}
		visits := visit.NewStore(g, nil)
		day := time.Now().AddDate(0, 0, 7).Format(time.DateOnly)
		for _, id := range []int64{a.ID, b.ID} {
			in := visit.Input{SiteID: site, TeamID: id, Day: day, Start: "08:00", End: "10:00", Expected: 20, Shared: true}
			if _, _, err := visits.Create(ctx, audit.System, in); err != nil {
				t.Fatal(err)
			}
		}
		_, err = s.Update(ctx, audit.System, team.AnyTeam, a.ID, team.Input{Name: "Tim A", OperatorIDs: []int64{p.op1.ID, p.op2.ID}, DailyCapacity: 60})
		if apperr.CodeOf(err) != apperr.Conflict || !strings.Contains(apperr.FieldsOf(err)["operator_ids"], p.op2.Name+" sudah dijadwalkan bersama Tim B") {
			t.Fatalf("adding an operator booked elsewhere at the same time: %v", err)
		}
		got, err := s.Get(ctx, a.ID)
		if err != nil || len(got.Operators) != 1 || got.Operators[0].ID != p.op1.ID {
			t.Fatalf("team after the refused change: %+v, %v", got.Operators, err)
		}
	})
}
