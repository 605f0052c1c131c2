package visit_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/dbtest"
	"jemputbola/internal/scope"
	"jemputbola/internal/visit"
)

// addOperator puts a new operator named name in the given teams.
func (f fixture) addOperator(t *testing.T, username, name string, teams ...int64) {
	t.Helper()
	sc, _ := scope.From(f.ctx)
	var id int64
	now := time.Now().UTC()
	err := f.g.Raw(`INSERT INTO users (office_id, username, name, role, password_hash, active, demo, created_at, updated_at)
		VALUES (?, ?, ?, 'operator', 'x', TRUE, FALSE, ?, ?) RETURNING id`, sc.OfficeID, username, name, now, now).Scan(&id).Error
	if err != nil {
		t.Fatal(err)
	}
	for _, team := range teams {
		if err := f.g.Exec("INSERT INTO team_members (team_id, user_id) VALUES (?, ?)", team, id).Error; err != nil {
			t.Fatal(err)
		}
	}
}

func wantClash(t *testing.T, err error, field, contains string, with int64) {
	t.Helper()
	wantField(t, err, apperr.Conflict, field, contains)
	var ce *visit.ConflictError
	if !errors.As(err, &ce) || ce.ConflictID != with {
		t.Fatalf("err %v does not name visit %d", err, with)
	}
}

// TestSiteHostsOneTeam: another team at the same site at an overlapping time
// is refused unless the visit is marked shared; touching windows are fine.
func TestSiteHostsOneTeam(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		f := setup(t, g)
		first := f.create(t, f.in())
		teamB := func(in *visit.Input) { in.TeamID = f.teamB }
		_, checkErr := f.s.Check(f.ctx, f.in(teamB, window("11:00", "13:00")), 0)
		_, _, err := f.s.Create(f.ctx, f.who, f.in(teamB, window("11:00", "13:00")))
		for _, err := range []error{checkErr, err} {
			wantClash(t, err, "start", f.siteAName+" sudah dikunjungi Tim A pada Senin, 6 Juli 2026 10:00–12:00", first.ID)
		}
		f.create(t, f.in(teamB, window("12:00", "14:00")))
		shared := f.create(t, f.in(teamB, window("08:00", "11:00"), func(in *visit.Input) { in.Shared = true }))
		if !shared.Shared {
			t.Fatal("Shared not stored")
		}
		// Unticking shared on the stored visit brings the rule back.
		_, _, err = f.s.Update(f.ctx, f.who, shared.ID, f.in(teamB, window("08:00", "11:00")))
		wantClash(t, err, "start", "sudah dikunjungi Tim A", first.ID)
	})
}

// TestPersonInOneVisit: an operator in two teams cannot be planned in both
// teams' visits at once, whatever the sites; a cancelled visit frees them.
func TestPersonInOneVisit(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		f := setup(t, g)
		f.addOperator(t, "budi_"+strings.ToLower(t.Name()[len(t.Name())-6:]), "Budi Santoso", f.teamA, f.teamB)
		first := f.create(t, f.in())
		atB := f.in(func(in *visit.Input) { in.TeamID, in.SiteID = f.teamB, f.siteB }, window("11:00", "13:00"))
		_, _, err := f.s.Create(f.ctx, f.who, atB)
		wantClash(t, err, "team_id", "Budi Santoso, anggota tim ini, sudah dijadwalkan bersama Tim A di "+f.siteAName+" pada Senin, 6 Juli 2026 10:00–12:00", first.ID)
		if err := f.s.Cancel(f.ctx, f.who, first.ID, "Sekolah libur"); err != nil {
			t.Fatal(err)
		}
		f.create(t, atB)
	})
}

// TestLeaderInOneVisit: the leader counts as one of the team's people.
func TestLeaderInOneVisit(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		f := setup(t, g)
		if err := g.Exec("UPDATE teams SET leader_id = ? WHERE id = ?", f.who.UserID, f.teamB).Error; err != nil {
			t.Fatal(err)
		}
		first := f.create(t, f.in())
		_, _, err := f.s.Create(f.ctx, f.who, f.in(func(in *visit.Input) { in.TeamID, in.SiteID = f.teamB, f.siteB }))
		wantClash(t, err, "team_id", "Ketua Satu, anggota tim ini", first.ID)
	})
}

// TestCreateAllAcrossTeams: the chosen visits are checked against each other
// for shared people and sites, before anything is written.
func TestCreateAllAcrossTeams(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		f := setup(t, g)
		sameSite := []visit.Input{f.in(), f.in(func(in *visit.Input) { in.TeamID = f.teamB })}
		_, err := f.s.CreateAll(f.ctx, f.who, sameSite)
		var be *visit.BatchError
		if !errors.As(err, &be) || be.Index != 1 || !strings.Contains(apperr.MessageOf(err), "Lokasi ini juga dipilih untuk tim lain") {
			t.Fatalf("same site: %v", err)
		}
		f.addOperator(t, "sari_"+strings.ToLower(t.Name()[len(t.Name())-6:]), "Sari", f.teamA, f.teamB)
		samePerson := []visit.Input{f.in(), f.in(func(in *visit.Input) { in.TeamID, in.SiteID = f.teamB, f.siteB })}
		_, err = f.s.CreateAll(f.ctx, f.who, samePerson)
		if !errors.As(err, &be) || be.Index != 1 || !strings.Contains(apperr.MessageOf(err), "berbagi anggota") {
			t.Fatalf("same person: %v", err)
		}
		var n int64
		if err := g.Model(&visit.Visit{}).Count(&n).Error; err != nil || n != 0 {
			t.Fatalf("%d visits stored after refused batches (%v)", n, err)
		}
	})
}

// TestPeopleClash: after a team's people change, a coming visit that puts one
// of them in two places is named; past visits do not count.
func TestPeopleClash(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		f := setup(t, g)
		sc, _ := scope.From(f.ctx)
		f.create(t, f.in())
		atB := f.create(t, f.in(func(in *visit.Input) { in.TeamID, in.SiteID = f.teamB, f.siteB }))
		if err := visit.PeopleClash(f.ctx, g, sc.OfficeID, f.teamA, testNow); err != nil {
			t.Fatalf("no shared people yet: %v", err)
		}
		f.addOperator(t, "dewi_"+strings.ToLower(t.Name()[len(t.Name())-6:]), "Dewi", f.teamA, f.teamB)
		err := visit.PeopleClash(f.ctx, g, sc.OfficeID, f.teamA, testNow)
		wantClash(t, err, "operator_ids", "Dewi sudah dijadwalkan bersama Tim B di Balai Desa B pada Senin, 6 Juli 2026 10:00–12:00, bentrok dengan kunjungan tim ini ke "+f.siteAName, atB.ID)
		if err := visit.PeopleClash(f.ctx, g, sc.OfficeID, f.teamA, testNow.AddDate(0, 1, 0)); err != nil {
			t.Fatalf("both visits are past a month later: %v", err)
		}
	})
}
