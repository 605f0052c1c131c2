package confirm_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/confirm"
	"jemputbola/internal/dbtest"
	"jemputbola/internal/scope"
	"jemputbola/internal/visit"
)

var jakarta, _ = time.LoadLocation("Asia/Jakarta")

// the clock of these tests: the visit is on Monday 14 Dec 2026.
var (
	before = time.Date(2026, 12, 10, 9, 0, 0, 0, jakarta)
	onDay  = time.Date(2026, 12, 14, 17, 0, 0, 0, jakarta)
	after  = time.Date(2026, 12, 15, 7, 0, 0, 0, jakarta)
)

func TestConfirmation(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		ctx := dbtest.InOffice(t, g, "17.02")
		sc, _ := scope.From(ctx)
		now := time.Now().UTC()
		id := func(sql string, args ...any) int64 {
			t.Helper()
			var id int64
			if err := g.Raw(sql+" RETURNING id", args...).Scan(&id).Error; err != nil || id == 0 {
				t.Fatalf("%s: %v", sql, err)
			}
			return id
		}
		leader := id(`INSERT INTO users (office_id, username, name, role, password_hash, active, demo, created_at, updated_at)
			VALUES (?, 'ketua', 'Budi Santoso', 'ketua_tim', 'x', TRUE, FALSE, ?, ?)`, sc.OfficeID, now, now)
		team := id(`INSERT INTO teams (office_id, name, leader_id, daily_capacity, created_at, updated_at) VALUES (?, 'Tim 1 Curup', ?, 100, ?, ?)`, sc.OfficeID, leader, now, now)
		site := id(`INSERT INTO sites (office_id, name, kind, desa_code, contact, created_at, updated_at) VALUES (?, 'SMA Negeri 1', 'sekolah', '17.02.19.1001', 'Ibu Kepala 0812345678', ?, ?)`, sc.OfficeID, now, now)
		clock := before
		visits := visit.NewStore(g, func() time.Time { return clock })
		v, _, err := visits.Create(ctx, audit.System, visit.Input{SiteID: site, TeamID: team, Day: "2026-12-14", Start: "08:00", End: "10:00", Expected: 40})
		if err != nil {
			t.Fatal(err)
		}
		s := confirm.NewStore(g, func() time.Time { return clock })

		token, err := s.Token(ctx, v.ID)
		again, _ := s.Token(ctx, v.ID)
		if err != nil || len(token) < 22 || again != token {
			t.Fatalf("token %q then %q, %v: want one unguessable token a visit", token, again, err)
		}
		if _, err := s.Token(dbtest.InOffice(t, g, "17.71"), v.ID); apperr.CodeOf(err) != apperr.NotFound {
			t.Fatalf("another office's visit: %v", err)
		}
		if _, err := s.Invitation(ctx, token+"x"); !errors.Is(err, confirm.ErrUnknown) {
			t.Fatalf("a wrong token: %v", err)
		}
		inv, err := s.Invitation(ctx, token)
		if err != nil || !inv.Open || inv.Day != "Senin, 14 Desember 2026" || inv.Window != "08.00–10.00 WIB" || inv.Team != "Tim 1 Curup" ||
			inv.Answer.Status != confirm.Waiting || len(inv.Prepare) < 2 {
			t.Fatalf("invitation %+v, %v", inv, err)
		}
		if shown := strings.Join(append([]string{inv.Office, inv.Site, inv.Team, inv.Day, inv.Window}, inv.Prepare...), " "); strings.Contains(shown, "Budi") || strings.Contains(shown, "0812") {
			t.Fatalf("the invitation shows a person: %q", shown)
		}

		if _, err := s.Answer(ctx, token, confirm.Reply{Confirm: false, Note: "  "}); apperr.FieldsOf(err)["note"] == "" {
			t.Fatalf("another date without saying which: %v", err)
		}
		if _, err := s.Answer(ctx, token, confirm.Reply{Note: "Siswa NIK 1702061234560001 sakit"}); apperr.FieldsOf(err)["note"] == "" {
			t.Fatalf("a NIK in the contact's note: %v", err)
		}
		if _, err := s.Answer(ctx, token, confirm.Reply{Confirm: true, Note: "Hubungi saya di 0812 3456 7890"}); err != nil {
			t.Fatalf("the contact's own number: %v", err)
		}
		answers, err := s.Answers(ctx, []int64{v.ID})
		if err != nil || answers[v.ID].Status != confirm.Confirmed || answers[v.ID].At == nil || !strings.Contains(answers[v.ID].Note, "0812") {
			t.Fatalf("answers %+v, %v", answers, err)
		}
		var entries int64
		g.Raw("SELECT COUNT(*) FROM audit_entries WHERE entity = 'visit_confirmation' AND office_id = ? AND username = 'kontak lokasi'", sc.OfficeID).Scan(&entries)
		if entries != 1 {
			t.Fatalf("%d audit entries for the answer", entries)
		}

		// Moved to another time, the visit waits for a new answer.
		in := visit.Input{SiteID: site, TeamID: team, Day: "2026-12-14", Start: "13:00", End: "15:00", Expected: 40}
		if _, _, err := visits.Update(ctx, audit.System, v.ID, in); err != nil {
			t.Fatal(err)
		}
		if answers, _ := s.Answers(ctx, []int64{v.ID}); answers[v.ID].Status != confirm.Waiting {
			t.Fatalf("after the move: %+v", answers[v.ID])
		}
		if _, err := s.Answer(ctx, token, confirm.Reply{Note: "Mohon Kamis, 17 Des, setelah pukul 10"}); err != nil {
			t.Fatal(err)
		}
		if answers, _ := s.Answers(ctx, []int64{v.ID}); answers[v.ID].Status != confirm.Moved || !strings.Contains(answers[v.ID].Note, "Kamis") {
			t.Fatalf("asked to move: %+v", answers[v.ID])
		}

		// Moved to another site, the old link dies and the new site's contact gets a new one.
		other := id(`INSERT INTO sites (office_id, name, kind, desa_code, created_at, updated_at) VALUES (?, 'SMP Negeri 2', 'sekolah', '17.02.19.1001', ?, ?)`, sc.OfficeID, now, now)
		in.SiteID = other
		if _, _, err := visits.Update(ctx, audit.System, v.ID, in); err != nil {
			t.Fatal(err)
		}
		if answers, _ := s.Answers(ctx, []int64{v.ID}); answers[v.ID].Status == confirm.Moved {
			t.Fatalf("an answer for the old site counts for the new one: %+v", answers[v.ID])
		}
		if _, err := s.Invitation(ctx, token); !errors.Is(err, confirm.ErrUnknown) {
			t.Fatalf("the old site's link after the move: %v", err)
		}
		fresh, err := s.Token(ctx, v.ID)
		if err != nil || fresh == token {
			t.Fatalf("new site's token %q (old %q), %v", fresh, token, err)
		}
		if inv, err := s.Invitation(ctx, fresh); err != nil || inv.Site != "SMP Negeri 2" || inv.Answer.Status != confirm.Waiting {
			t.Fatalf("the new link: %+v, %v", inv, err)
		}
		token = fresh

		// The link works through the visit's day, not after.
		clock = onDay
		if inv, _ := s.Invitation(ctx, token); !inv.Open {
			t.Fatal("closed on the visit's day")
		}
		clock = after
		if inv, _ := s.Invitation(ctx, token); inv.Open || inv.Closed == "" {
			t.Fatalf("open after the visit's day: %+v", inv)
		}
		if _, err := s.Answer(ctx, token, confirm.Reply{Confirm: true}); apperr.CodeOf(err) != apperr.Conflict {
			t.Fatalf("an answer after the day: %v", err)
		}
	})
}
