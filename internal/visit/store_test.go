package visit_test

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/dbtest"
	"jemputbola/internal/scope"
	"jemputbola/internal/visit"
)

// The fixed clock of every store test: Wednesday 1 July 2026, 09:00 in Jakarta.
// Monday 6 July 2026 is the default visit day.
var jakarta = mustZone("Asia/Jakarta")

func mustZone(name string) *time.Location {
	z, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return z
}

var testNow = time.Date(2026, 7, 1, 9, 0, 0, 0, jakarta)

const (
	monday = "2026-07-06"
	friday = "2026-07-10"
	nextMo = "2026-07-13"
)

// fixture holds the rows every store test builds on, all of one office.
type fixture struct {
	g              *gorm.DB
	ctx            context.Context // working for the office
	s              *visit.Store
	who            audit.Actor
	teamA, teamB   int64 // capacities 100 and 500
	siteA, siteB   int64 // eligible 150 and 0 (not estimated)
	siteAName      string
	kecamatan      string // of siteA
	otherKecamatan string // of siteB
}

// setup builds the fixture in Kabupaten Rejang Lebong.
func setup(t *testing.T, g *gorm.DB) fixture {
	t.Helper()
	return setupIn(t, g, dbtest.InOffice(t, g, "17.02"), "ketua1", "17.02.06.1004", "17.02.07")
}

// setupIn builds the fixture in the office of ctx: team A led by the user
// leader (a username unique in the install), site A in desaA and site B in a
// desa of otherKecamatan.
func setupIn(t *testing.T, g *gorm.DB, ctx context.Context, leader, desaA, otherKecamatan string) fixture {
	t.Helper()
	sc, err := scope.From(ctx)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC()
	f := fixture{g: g, ctx: ctx, s: visit.NewStore(g, func() time.Time { return testNow }),
		siteAName: "SMA Negeri 1 Rejang Lebong", kecamatan: desaA[:strings.LastIndex(desaA, ".")], otherKecamatan: otherKecamatan}
	id := func(sql string, args ...any) int64 {
		t.Helper()
		var id int64
		if err := g.Raw(sql+" RETURNING id", args...).Scan(&id).Error; err != nil || id == 0 {
			t.Fatalf("%s: id %d, %v", sql, id, err)
		}
		return id
	}
	office := sc.OfficeID
	uid := id(`INSERT INTO users (office_id, username, name, role, password_hash, active, demo, created_at, updated_at)
		VALUES (?, ?, 'Ketua Satu', 'ketua_tim', 'x', TRUE, FALSE, ?, ?)`, office, leader, now, now)
	f.who = audit.Actor{UserID: uid, Username: leader}
	f.teamA = id(`INSERT INTO teams (office_id, name, leader_id, daily_capacity, created_at, updated_at) VALUES (?, 'Tim A', ?, 100, ?, ?)`,
		office, uid, now, now)
	f.teamB = id(`INSERT INTO teams (office_id, name, daily_capacity, created_at, updated_at) VALUES (?, 'Tim B', 500, ?, ?)`, office, now, now)
	f.siteA = id(`INSERT INTO sites (office_id, name, kind, desa_code, eligible, created_at, updated_at) VALUES (?, ?, 'sekolah', ?, 150, ?, ?)`,
		office, f.siteAName, desaA, now, now)
	var desaB string
	if err := g.Raw("SELECT MIN(code) FROM regions WHERE parent_code = ?", f.otherKecamatan).Scan(&desaB).Error; err != nil || desaB == "" {
		t.Fatalf("desa of %s: %q %v", f.otherKecamatan, desaB, err)
	}
	f.siteB = id(`INSERT INTO sites (office_id, name, kind, desa_code, created_at, updated_at) VALUES (?, 'Balai Desa B', 'desa', ?, ?, ?)`,
		office, desaB, now, now)
	return f
}

func (f fixture) reset(t *testing.T) {
	t.Helper()
	sc, _ := scope.From(f.ctx)
	if err := f.g.Exec("DELETE FROM visits WHERE office_id = ?", sc.OfficeID).Error; err != nil {
		t.Fatal(err)
	}
}

// in is a valid input for team A at site A on Monday 10:00–12:00, expecting 50.
func (f fixture) in(mod ...func(*visit.Input)) visit.Input {
	in := visit.Input{SiteID: f.siteA, TeamID: f.teamA, Day: monday, Start: "10:00", End: "12:00", Expected: 50}
	for _, m := range mod {
		m(&in)
	}
	return in
}

func (f fixture) create(t *testing.T, in visit.Input) visit.Visit {
	t.Helper()
	v, _, err := f.s.Create(f.ctx, f.who, in)
	if err != nil {
		t.Fatalf("Create(%+v): %v", in, err)
	}
	return v
}

func window(start, end string) func(*visit.Input) {
	return func(in *visit.Input) { in.Start, in.End = start, end }
}

func onDay(day string) func(*visit.Input) { return func(in *visit.Input) { in.Day = day } }

func wantField(t *testing.T, err error, code apperr.Code, field, contains string) {
	t.Helper()
	if apperr.CodeOf(err) != code {
		t.Fatalf("err = %v, want code %s", err, code)
	}
	msg, ok := apperr.FieldsOf(err)[field]
	if !ok || !strings.Contains(msg, contains) {
		t.Fatalf("field %q = %q (all %v), want it to contain %q", field, msg, apperr.FieldsOf(err), contains)
	}
}

func TestValidation(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		f := setup(t, g)
		set := func(fn func(*visit.Input)) func(*visit.Input) { return fn }
		cases := []struct {
			name         string
			mod          func(*visit.Input)
			field, inMsg string
		}{
			{"ErrSiteRequired", set(func(in *visit.Input) { in.SiteID = 0 }), "site_id", "Pilih lokasi sasaran."},
			{"ErrSiteUnknown", set(func(in *visit.Input) { in.SiteID = 9999 }), "site_id", "Pilih lokasi sasaran."},
			{"ErrTeamRequired", set(func(in *visit.Input) { in.TeamID = 0 }), "team_id", "Pilih tim."},
			{"ErrTeamUnknown", set(func(in *visit.Input) { in.TeamID = 9999 }), "team_id", "Pilih tim."},
			{"ErrDayRequired", onDay(""), "day", "Isi tanggal"},
			{"ErrDayInvalid", onDay("2026-02-30"), "day", "Tanggal tidak valid"},
			{"ErrDayFormat", onDay("06/07/2026"), "day", "Tanggal tidak valid"},
			{"ErrStartRequired", window("", "12:00"), "start", "Isi jam mulai."},
			{"ErrStartInvalid", window("25:00", "12:00"), "start", "Jam mulai tidak valid"},
			{"ErrEndRequired", window("10:00", ""), "end", "Isi jam selesai."},
			{"ErrEndInvalid", window("10:00", "12:60"), "end", "Jam selesai tidak valid"},
			{"ErrEndEqualsStart", window("10:00", "10:00"), "end", "Jam selesai harus setelah jam mulai."},
			{"ErrEndBeforeStart", window("10:00", "09:59"), "end", "Jam selesai harus setelah jam mulai."},
			{"ErrWindowOver12h", window("06:00", "18:01"), "end", "paling lama 12 jam"},
			{"ErrPastDay", onDay("2026-06-30"), "start", "Kunjungan tidak boleh dijadwalkan di waktu yang sudah lewat."},
			{"ErrPastMinute", set(func(in *visit.Input) { in.Day, in.Start = "2026-07-01", "08:59" }), "start", "sudah lewat"},
			{"ErrExpectedNegative", set(func(in *visit.Input) { in.Expected = -1 }), "expected", "0–100.000"},
			{"ErrExpectedTooLarge", set(func(in *visit.Input) { in.Expected = 100001 }), "expected", "0–100.000"},
			{"ErrNotesTooLong", set(func(in *visit.Input) { in.Notes = strings.Repeat("é", 2001) }), "notes", "terlalu panjang"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				in := f.in(c.mod)
				_, err := f.s.Check(f.ctx, in, 0)
				wantField(t, err, apperr.Invalid, c.field, c.inMsg)
				_, _, err = f.s.Create(f.ctx, f.who, in)
				wantField(t, err, apperr.Invalid, c.field, c.inMsg)
			})
		}
		ok := []struct {
			name string
			mod  func(*visit.Input)
		}{
			{"OK", set(func(*visit.Input) {})},
			{"OKStartsNow", set(func(in *visit.Input) { in.Day, in.Start, in.End = "2026-07-01", "09:00", "10:00" })},
			{"OKExactly12h", window("06:00", "18:00")},
			{"OKDotSeparator", window("10.00", "12.00")},
			{"OKExpectedBounds", set(func(in *visit.Input) { in.Expected = 0 })},
			{"OKExpectedMax", set(func(in *visit.Input) { in.Expected = 100000 })},
		}
		for _, c := range ok {
			t.Run(c.name, func(t *testing.T) {
				f.reset(t)
				f.create(t, f.in(c.mod))
			})
		}
		t.Run("SeveralFieldsAtOnce", func(t *testing.T) {
			_, err := f.s.Check(f.ctx, visit.Input{Expected: -5}, 0)
			got := apperr.FieldsOf(err)
			for _, k := range []string{"site_id", "team_id", "day", "start", "end", "expected"} {
				if got[k] == "" {
					t.Errorf("no message for %s in %v", k, got)
				}
			}
		})
	})
}

func TestZone(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		f := setup(t, g)
		ctx := f.ctx
		v := f.create(t, f.in(window("07:30", "09:15"), func(in *visit.Input) { in.Notes = "  bawa spanduk  " }))
		if want := time.Date(2026, 7, 6, 0, 30, 0, 0, time.UTC); !v.StartAt.Equal(want) || v.StartAt.Location() != time.UTC {
			t.Fatalf("StartAt = %v, want %v (UTC)", v.StartAt, want)
		}
		if v.Status != visit.Direncanakan || v.Day != monday || v.Notes != "bawa spanduk" || v.CreatedBy == nil || *v.CreatedBy != f.who.UserID {
			t.Fatalf("created %+v", v)
		}
		d, err := f.s.Get(ctx, v.ID)
		if err != nil {
			t.Fatal(err)
		}
		if d.Start.Location().String() != "Asia/Jakarta" || d.Start.Format("2006-01-02 15:04") != "2026-07-06 07:30" || d.End.Format("15:04") != "09:15" {
			t.Fatalf("Detail window %v – %v", d.Start, d.End)
		}
		if !d.StartAt.Equal(v.StartAt) || !d.EndAt.Equal(v.EndAt) {
			t.Fatalf("Detail instants %v – %v, want %v – %v", d.StartAt, d.EndAt, v.StartAt, v.EndAt)
		}
		if d.SiteName != f.siteAName || d.SiteKind != "sekolah" || d.DesaCode != "17.02.06.1004" || d.DesaName != "Kota Padang" ||
			d.KecamatanCode != "17.02.06" || d.KecamatanName != "Kota Padang" || d.TeamName != "Tim A" {
			t.Fatalf("Detail names %+v", d)
		}
		if got := d.Input(); got != f.in(window("07:30", "09:15"), func(in *visit.Input) { in.Notes = "bawa spanduk" }) {
			t.Fatalf("Detail.Input() = %+v", got)
		}
		if _, err := f.s.Get(ctx, 9999); apperr.CodeOf(err) != apperr.NotFound {
			t.Fatalf("Get unknown: %v", err)
		}
	})
}

func TestOverlap(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		f := setup(t, g)
		ctx := f.ctx
		// Each case starts from one visit of team A at site A on Monday 10:00–12:00.
		cases := []struct {
			name     string
			in       visit.Input
			conflict bool
		}{
			{"OKTouchingBefore", f.in(window("08:00", "10:00")), false},
			{"OKTouchingAfter", f.in(window("12:00", "14:00")), false},
			{"OKOtherTeamOtherSite", f.in(func(in *visit.Input) { in.TeamID, in.SiteID = f.teamB, f.siteB }), false},
			{"OKOtherTeamSharedSite", f.in(func(in *visit.Input) { in.TeamID, in.Shared = f.teamB, true }), false},
			{"OKOtherDay", f.in(onDay(friday)), false},
			{"ErrOneMinuteAtStart", f.in(window("08:00", "10:01")), true},
			{"ErrOneMinuteAtEnd", f.in(window("11:59", "14:00")), true},
			{"ErrSameWindow", f.in(), true},
			{"ErrContained", f.in(window("10:30", "11:30")), true},
			{"ErrContaining", f.in(window("09:00", "13:00")), true},
			{"ErrOtherSite", f.in(func(in *visit.Input) { in.SiteID = f.siteB }, window("11:00", "13:00")), true},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				f.reset(t)
				first := f.create(t, f.in())
				_, checkErr := f.s.Check(ctx, c.in, 0)
				_, _, err := f.s.Create(ctx, f.who, c.in)
				if !c.conflict {
					if err != nil || checkErr != nil {
						t.Fatalf("Create: %v; Check: %v", err, checkErr)
					}
					return
				}
				for _, err := range []error{checkErr, err} {
					wantField(t, err, apperr.Conflict, "start", "Tim sudah dijadwalkan di "+f.siteAName+" pada Senin, 6 Juli 2026 10:00–12:00.")
					var ce *visit.ConflictError
					if !errors.As(err, &ce) || ce.ConflictID != first.ID {
						t.Fatalf("err %v does not name visit %d", err, first.ID)
					}
					if !strings.Contains(apperr.MessageOf(err), f.siteAName) {
						t.Fatalf("message %q", apperr.MessageOf(err))
					}
				}
			})
		}
		t.Run("OKCancelledDoesNotBlock", func(t *testing.T) {
			f.reset(t)
			first := f.create(t, f.in())
			if err := f.s.Cancel(ctx, f.who, first.ID, "Hujan deras"); err != nil {
				t.Fatal(err)
			}
			f.create(t, f.in(window("11:00", "13:00")))
		})
		t.Run("UpdateExcludesItself", func(t *testing.T) {
			f.reset(t)
			v := f.create(t, f.in())
			if _, _, err := f.s.Update(ctx, f.who, v.ID, f.in(window("10:30", "12:30"))); err != nil {
				t.Fatalf("move within its own window: %v", err)
			}
			if _, err := f.s.Check(ctx, f.in(window("11:00", "12:00")), v.ID); err != nil {
				t.Fatalf("Check excluding itself: %v", err)
			}
			other := f.create(t, f.in(window("13:00", "14:00"), func(in *visit.Input) { in.SiteID = f.siteB }))
			_, _, err := f.s.Update(ctx, f.who, v.ID, f.in(window("12:00", "13:01")))
			var ce *visit.ConflictError
			if !errors.As(err, &ce) || ce.ConflictID != other.ID || apperr.CodeOf(err) != apperr.Conflict {
				t.Fatalf("Update into another visit: %v", err)
			}
			wantField(t, err, apperr.Conflict, "start", "Balai Desa B pada Senin, 6 Juli 2026 13:00–14:00")
			if _, _, err := f.s.Update(ctx, f.who, v.ID, f.in(window("12:00", "13:00"))); err != nil {
				t.Fatalf("Update touching: %v", err)
			}
		})
	})
}

func TestWarnings(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		f := setup(t, g)
		ctx := f.ctx
		expected := func(n int64) func(*visit.Input) { return func(in *visit.Input) { in.Expected = n } }
		teamB := func(in *visit.Input) { in.TeamID = f.teamB }
		siteB := func(in *visit.Input) { in.SiteID = f.siteB }
		// Inserted as stored: the Hari Libur form only takes recent years, and these dates are fixed.
		if err := g.Exec(`INSERT INTO days_off (office_id, kind, first_day, last_day, name, created_at)
			SELECT office_id, 'sekolah', '2026-07-20', '2026-07-24', 'Libur kenaikan kelas', CURRENT_TIMESTAMP FROM sites WHERE id = ?`, f.siteA).Error; err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name  string
			setup []visit.Input
			in    visit.Input
			want  []string
		}{
			{"None", nil, f.in(expected(100)), nil},
			{"Capacity", nil, f.in(expected(101), siteB),
				[]string{"Target aktivasi melebihi kapasitas harian tim (100)."}},
			{"CapacityOverTheDay", []visit.Input{f.in(expected(60), window("07:00", "09:00"))},
				f.in(expected(50), siteB, onDay(monday)),
				[]string{"Target aktivasi tim pada hari itu (total 110) melebihi kapasitas harian tim (100)."}},
			{"Eligible", nil, f.in(expected(151), teamB),
				[]string{"Target aktivasi melebihi perkiraan sasaran di lokasi (150)."}},
			{"EligibleNotEstimated", nil, f.in(expected(400), teamB, siteB), nil},
			{"CapacityAndEligible", nil, f.in(expected(1200), teamB), []string{
				"Target aktivasi melebihi kapasitas harian tim (500).",
				"Target aktivasi melebihi perkiraan sasaran di lokasi (150).",
			}},
			{"SameWeek", []visit.Input{f.in(teamB)}, f.in(onDay(friday)),
				[]string{"Lokasi ini sudah punya kunjungan pada minggu yang sama (Senin, 6 Juli 2026)."}},
			{"SameWeekSunday", []visit.Input{f.in(teamB, onDay(friday))}, f.in(onDay("2026-07-12")), []string{
				"Minggu bukan hari kerja kantor.",
				"Lokasi ini sudah punya kunjungan pada minggu yang sama (Jumat, 10 Juli 2026).",
			}},
			{"NationalHoliday", nil, f.in(onDay("2026-08-17")),
				[]string{"Senin, 17 Agustus 2026 hari libur: Proklamasi Kemerdekaan Republik Indonesia (libur nasional)."}},
			{"SchoolHoliday", nil, f.in(onDay("2026-07-21")),
				[]string{"Sekolah sedang libur pada tanggal itu: Libur kenaikan kelas."}},
			{"SchoolHolidayNotADesa", nil, f.in(onDay("2026-07-21"), siteB), nil},
			{"NextWeek", []visit.Input{f.in(teamB)}, f.in(onDay(nextMo)), nil},
			{"SameWeekOtherSite", []visit.Input{f.in(teamB, siteB)}, f.in(onDay(friday)), nil},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				f.reset(t)
				for _, in := range c.setup {
					f.create(t, in)
				}
				checked, err := f.s.Check(ctx, c.in, 0)
				if err != nil {
					t.Fatal(err)
				}
				_, got, err := f.s.Create(ctx, f.who, c.in)
				if err != nil {
					t.Fatal(err)
				}
				if strings.Join(got, "|") != strings.Join(c.want, "|") || strings.Join(checked, "|") != strings.Join(c.want, "|") {
					t.Fatalf("warnings\n Create %q\n Check  %q\nwant    %q", got, checked, c.want)
				}
			})
		}
		t.Run("CancelledDoesNotWarn", func(t *testing.T) {
			f.reset(t)
			v := f.create(t, f.in(teamB, expected(480)))
			if err := f.s.Cancel(ctx, f.who, v.ID, "Sekolah libur"); err != nil {
				t.Fatal(err)
			}
			if w, err := f.s.Check(ctx, f.in(onDay(friday), expected(100)), 0); err != nil || len(w) != 0 {
				t.Fatalf("warnings %q, %v", w, err)
			}
		})
		t.Run("UpdateDoesNotWarnAboutItself", func(t *testing.T) {
			f.reset(t)
			v := f.create(t, f.in(expected(90)))
			_, w, err := f.s.Update(ctx, f.who, v.ID, f.in(expected(95), window("13:00", "15:00")))
			if err != nil || len(w) != 0 {
				t.Fatalf("warnings %q, %v", w, err)
			}
		})
	})
}

func TestLifecycle(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		f := setup(t, g)
		ctx := f.ctx
		status := func(t *testing.T, id int64) visit.Status {
			t.Helper()
			d, err := f.s.Get(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			return d.Status
		}
		t.Run("StartThenFinish", func(t *testing.T) {
			v := f.create(t, f.in())
			if err := f.move(ctx, v.ID, visit.Selesai); apperr.CodeOf(err) != apperr.Conflict {
				t.Fatalf("direncanakan → selesai: %v", err)
			}
			if err := f.move(ctx, v.ID, visit.Berlangsung); err != nil {
				t.Fatal(err)
			}
			if _, _, err := f.s.Update(ctx, f.who, v.ID, f.in()); apperr.CodeOf(err) != apperr.Conflict {
				t.Fatalf("Update while berlangsung: %v", err)
			}
			if err := f.move(ctx, v.ID, visit.Berlangsung); apperr.CodeOf(err) != apperr.Conflict {
				t.Fatalf("berlangsung → berlangsung: %v", err)
			}
			if err := f.move(ctx, v.ID, visit.Selesai); err != nil {
				t.Fatal(err)
			}
			if s := status(t, v.ID); s != visit.Selesai {
				t.Fatalf("status %s", s)
			}
			if err := f.s.Cancel(ctx, f.who, v.ID, "Salah input"); apperr.CodeOf(err) != apperr.Conflict ||
				!strings.Contains(apperr.MessageOf(err), "selesai") {
				t.Fatalf("cancel selesai: %v", err)
			}
			if err := f.move(ctx, v.ID, visit.Direncanakan); apperr.CodeOf(err) != apperr.Conflict {
				t.Fatalf("selesai → direncanakan: %v", err)
			}
		})
		t.Run("Cancel", func(t *testing.T) {
			f.reset(t)
			v := f.create(t, f.in())
			for _, reason := range []string{"", "   \n"} {
				err := f.s.Cancel(ctx, f.who, v.ID, reason)
				wantField(t, err, apperr.Invalid, "reason", "Isi alasan pembatalan.")
			}
			wantField(t, f.s.Cancel(ctx, f.who, v.ID, strings.Repeat("x", 501)), apperr.Invalid, "reason", "terlalu panjang")
			wantField(t, f.move(ctx, v.ID, visit.Dibatalkan), apperr.Invalid, "reason", "Isi alasan pembatalan.")
			if err := f.s.Cancel(ctx, f.who, v.ID, "  Tim sakit  "); err != nil {
				t.Fatal(err)
			}
			d, err := f.s.Get(ctx, v.ID)
			if err != nil || d.Status != visit.Dibatalkan || d.CancelReason != "Tim sakit" {
				t.Fatalf("after cancel %+v, %v", d.Visit, err)
			}
			if err := f.s.Cancel(ctx, f.who, v.ID, "lagi"); apperr.CodeOf(err) != apperr.Conflict {
				t.Fatalf("cancel twice: %v", err)
			}
			if _, _, err := f.s.Update(ctx, f.who, v.ID, f.in()); apperr.CodeOf(err) != apperr.Conflict {
				t.Fatalf("Update cancelled: %v", err)
			}
		})
		t.Run("CancelWhileBerlangsung", func(t *testing.T) {
			f.reset(t)
			v := f.create(t, f.in())
			if err := f.move(ctx, v.ID, visit.Berlangsung); err != nil {
				t.Fatal(err)
			}
			if err := f.s.Cancel(ctx, f.who, v.ID, "Listrik padam"); err != nil {
				t.Fatal(err)
			}
		})
		t.Run("ErrUnknownStatus", func(t *testing.T) {
			f.reset(t)
			v := f.create(t, f.in())
			wantField(t, f.move(ctx, v.ID, "aneh"), apperr.Invalid, "status", "Status tidak dikenal.")
		})
		t.Run("NotFound", func(t *testing.T) {
			for name, err := range map[string]error{
				"Cancel": f.s.Cancel(ctx, f.who, 9999, "alasan"),
				"Move":   f.move(ctx, 9999, visit.Berlangsung),
				"Update": func() error { _, _, err := f.s.Update(ctx, f.who, 9999, f.in()); return err }(),
			} {
				if apperr.CodeOf(err) != apperr.NotFound {
					t.Errorf("%s: %v", name, err)
				}
			}
		})
		t.Run("UpdateChangesEverything", func(t *testing.T) {
			f.reset(t)
			v := f.create(t, f.in())
			in := visit.Input{SiteID: f.siteB, TeamID: f.teamB, Day: friday, Start: "13:00", End: "15:30", Expected: 7, Notes: "pindah"}
			u, _, err := f.s.Update(ctx, f.who, v.ID, in)
			if err != nil {
				t.Fatal(err)
			}
			d, err := f.s.Get(ctx, v.ID)
			if err != nil {
				t.Fatal(err)
			}
			if d.Input() != in || !d.StartAt.Equal(u.StartAt) || d.Status != visit.Direncanakan || d.CreatedBy == nil {
				t.Fatalf("after update %+v", d)
			}
			// Monday's slot of team A is free again.
			f.create(t, f.in())
		})
	})
}

// move changes a visit's status as every caller does: Lock and Move in one transaction.
func (f fixture) move(ctx context.Context, id int64, to visit.Status) error {
	return f.g.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		v, err := visit.Lock(ctx, tx, id)
		if err != nil {
			return err
		}
		_, err = visit.Move(ctx, tx, f.who, v, to)
		return err
	})
}

// finish is what logging a result does to the visit.
func (f fixture) finish(ctx context.Context, id int64) (visit.Visit, error) {
	var out visit.Visit
	err := f.g.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		v, err := visit.Lock(ctx, tx, id)
		if err != nil {
			return err
		}
		out, err = visit.Finish(ctx, tx, f.who, v)
		return err
	})
	return out, err
}

func TestFinish(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		f := setup(t, g)
		ctx := f.ctx
		entries := func(t *testing.T, id int64) int64 {
			t.Helper()
			es, _, err := audit.NewStore(g).List(ctx, audit.Filter{Entity: "visit", Limit: 1000})
			if err != nil {
				t.Fatal(err)
			}
			var n int64
			for _, e := range es {
				if e.EntityID == strconv.FormatInt(id, 10) {
					n++
				}
			}
			return n
		}
		t.Run("PlannedStartsFirst", func(t *testing.T) {
			v := f.create(t, f.in())
			got, err := f.finish(ctx, v.ID)
			if err != nil || got.Status != visit.Selesai {
				t.Fatalf("finish planned: %v, %v", got.Status, err)
			}
			if n := entries(t, v.ID); n != 3 { // created, started, finished
				t.Fatalf("%d audit entries, want 3", n)
			}
		})
		t.Run("UnderWay", func(t *testing.T) {
			f.reset(t)
			v := f.create(t, f.in())
			if err := f.move(ctx, v.ID, visit.Berlangsung); err != nil {
				t.Fatal(err)
			}
			if got, err := f.finish(ctx, v.ID); err != nil || got.Status != visit.Selesai {
				t.Fatalf("finish berlangsung: %v, %v", got.Status, err)
			}
			if got, err := f.finish(ctx, v.ID); err != nil || got.Status != visit.Selesai {
				t.Fatalf("finish selesai again: %v, %v", got.Status, err)
			}
			if n := entries(t, v.ID); n != 3 {
				t.Fatalf("%d audit entries, want 3", n)
			}
		})
		t.Run("ErrCancelled", func(t *testing.T) {
			f.reset(t)
			v := f.create(t, f.in())
			if err := f.s.Cancel(ctx, f.who, v.ID, "Hujan"); err != nil {
				t.Fatal(err)
			}
			if _, err := f.finish(ctx, v.ID); apperr.CodeOf(err) != apperr.Conflict {
				t.Fatalf("finish cancelled: %v", err)
			}
		})
	})
}

func TestAudit(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		f := setup(t, g)
		ctx := f.ctx
		v := f.create(t, f.in())
		if _, _, err := f.s.Update(ctx, f.who, v.ID, f.in(window("13:00", "14:00"))); err != nil {
			t.Fatal(err)
		}
		if err := f.move(ctx, v.ID, visit.Berlangsung); err != nil {
			t.Fatal(err)
		}
		if err := f.s.Cancel(ctx, f.who, v.ID, "Hujan"); err != nil {
			t.Fatal(err)
		}
		// Refused changes leave no entry.
		_, _, _ = f.s.Create(ctx, f.who, f.in(onDay("2020-01-01")))
		_ = f.s.Cancel(ctx, f.who, v.ID, "lagi")

		es, total, err := audit.NewStore(g).List(ctx, audit.Filter{Entity: "visit"})
		if err != nil || total != 4 {
			t.Fatalf("%d entries, %v; want 4", total, err)
		}
		// Newest first.
		wantActions := []string{audit.Update, audit.Update, audit.Update, audit.Create}
		wantAfter := []string{`"Status":"dibatalkan"`, `"Status":"berlangsung"`, `"StartAt":"2026-07-06T06:00:00Z"`, `"StartAt":"2026-07-06T03:00:00Z"`}
		for i, e := range es {
			if e.Action != wantActions[i] || e.EntityID != strconv.FormatInt(v.ID, 10) || e.Username != "ketua1" || e.UserID == nil || *e.UserID != f.who.UserID {
				t.Errorf("entry %d: %+v", i, e)
			}
			if !strings.Contains(e.After, wantAfter[i]) {
				t.Errorf("entry %d after %s, want %s", i, e.After, wantAfter[i])
			}
			if (e.Action == audit.Create) != (e.Before == "") {
				t.Errorf("entry %d before %q", i, e.Before)
			}
		}
		if !strings.Contains(es[0].After, `"CancelReason":"Hujan"`) || !strings.Contains(es[0].Before, `"Status":"berlangsung"`) {
			t.Errorf("cancel entry %+v", es[0])
		}
	})
}

func TestListAndLastVisit(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		f := setup(t, g)
		ctx := f.ctx
		a1 := f.create(t, f.in(window("13:00", "14:00")))
		a2 := f.create(t, f.in(window("08:00", "09:00")))
		b1 := f.create(t, f.in(func(in *visit.Input) { in.TeamID, in.SiteID = f.teamB, f.siteB }, onDay(friday)))
		a3 := f.create(t, f.in(onDay(nextMo)))
		gone := f.create(t, f.in(onDay("2026-07-20")))
		if err := f.s.Cancel(ctx, f.who, gone.ID, "Batal"); err != nil {
			t.Fatal(err)
		}
		ids := func(ds []visit.Detail) []int64 {
			out := []int64{}
			for _, d := range ds {
				out = append(out, d.ID)
			}
			return out
		}
		cases := []struct {
			name string
			f    visit.Filter
			want []int64
		}{
			{"All", visit.Filter{}, []int64{a2.ID, a1.ID, b1.ID, a3.ID}},
			{"IncludeCancelled", visit.Filter{IncludeCancelled: true}, []int64{a2.ID, a1.ID, b1.ID, a3.ID, gone.ID}},
			{"Week", visit.Filter{From: monday, To: "2026-07-12"}, []int64{a2.ID, a1.ID, b1.ID}},
			{"OneDay", visit.Filter{From: friday, To: friday}, []int64{b1.ID}},
			{"Team", visit.Filter{TeamID: f.teamB}, []int64{b1.ID}},
			{"TeamIDs", visit.Filter{TeamIDs: []int64{f.teamA, 9999}, From: nextMo}, []int64{a3.ID}},
			{"TeamIDsEmpty", visit.Filter{TeamIDs: []int64{}}, []int64{}},
			{"Kecamatan", visit.Filter{KecamatanCode: f.otherKecamatan}, []int64{b1.ID}},
			{"Site", visit.Filter{SiteID: f.siteA, To: monday}, []int64{a2.ID, a1.ID}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				ds, err := f.s.List(ctx, c.f)
				if err != nil {
					t.Fatal(err)
				}
				if got := ids(ds); !equal(got, c.want) {
					t.Fatalf("List = %v, want %v", got, c.want)
				}
			})
		}
		t.Run("DetailFilled", func(t *testing.T) {
			ds, err := f.s.List(ctx, visit.Filter{TeamID: f.teamB})
			if err != nil || len(ds) != 1 {
				t.Fatal(ds, err)
			}
			d := ds[0]
			if d.TeamName != "Tim B" || d.SiteName != "Balai Desa B" || d.KecamatanCode != f.otherKecamatan || d.Start.Location().String() != "Asia/Jakarta" || d.Start.Hour() != 10 {
				t.Fatalf("%+v", d)
			}
		})
		t.Run("ErrBadDay", func(t *testing.T) {
			_, err := f.s.List(ctx, visit.Filter{From: "kemarin"})
			wantField(t, err, apperr.Invalid, "from", "Tanggal tidak valid")
		})
		t.Run("LastVisitBySite", func(t *testing.T) {
			m, err := f.s.LastVisitBySite(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(m) != 2 || m[f.siteA] != nextMo || m[f.siteB] != friday {
				t.Fatalf("LastVisitBySite = %v", m)
			}
		})
	})
}

func equal(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestConcurrentDoubleBooking has ten planners book the same team for
// overlapping windows at once: exactly one wins, the others get Conflict.
func TestConcurrentDoubleBooking(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		f := setup(t, g)
		ctx := f.ctx
		const planners = 10
		for round := range 3 {
			f.reset(t)
			var wg sync.WaitGroup
			start := make(chan struct{})
			errs := make([]error, planners)
			for i := range planners {
				wg.Add(1)
				go func() {
					defer wg.Done()
					in := f.in(window(fmt.Sprintf("10:%02d", i*5), fmt.Sprintf("12:%02d", i*5)))
					if i%2 == 1 {
						in.SiteID = f.siteB
					}
					<-start
					_, _, errs[i] = f.s.Create(ctx, f.who, in)
				}()
			}
			close(start)
			wg.Wait()
			wins := 0
			for i, err := range errs {
				switch {
				case err == nil:
					wins++
				case apperr.CodeOf(err) != apperr.Conflict:
					t.Errorf("round %d planner %d: %v", round, i, err)
				}
			}
			var n int64
			g.Raw("SELECT COUNT(*) FROM visits").Scan(&n)
			if wins != 1 || n != 1 {
				t.Fatalf("round %d: %d winners, %d visits; want 1 and 1", round, wins, n)
			}
		}
	})
}

// TestOffices keeps each office to its own visits, sites and teams, in its own
// time zone.
func TestOffices(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		rl := setup(t, g)
		kota := setupIn(t, g, dbtest.InOffice(t, g, "17.71"), "ketua-kota", "17.71.01.1001", "17.71.02")
		mine := rl.create(t, rl.in())
		notFound := func(name string, err error) {
			t.Helper()
			if apperr.CodeOf(err) != apperr.NotFound {
				t.Errorf("%s from another office: %v, want NotFound", name, err)
			}
		}
		t.Run("ErrOtherOfficeID", func(t *testing.T) {
			_, err := kota.s.Get(kota.ctx, mine.ID)
			notFound("Get", err)
			_, _, err = kota.s.Update(kota.ctx, kota.who, mine.ID, kota.in())
			notFound("Update", err)
			notFound("Cancel", kota.s.Cancel(kota.ctx, kota.who, mine.ID, "Bukan milik kami"))
			notFound("Lock+Move", kota.move(kota.ctx, mine.ID, visit.Berlangsung))
			_, err = kota.finish(kota.ctx, mine.ID)
			notFound("Lock+Finish", err)
			// A visit read by the other office, handed to Move, changes nothing.
			err = g.Transaction(func(tx *gorm.DB) error {
				_, err := visit.Move(kota.ctx, tx, kota.who, mine, visit.Berlangsung)
				return err
			})
			notFound("Move", err)
			if d, err := rl.s.Get(rl.ctx, mine.ID); err != nil || d.Status != visit.Direncanakan || d.SiteID != rl.siteA || d.OfficeID == 0 {
				t.Fatalf("own visit after the other office's tries: %+v, %v", d.Visit, err)
			}
		})
		t.Run("ListsEmpty", func(t *testing.T) {
			for name, f := range map[string]visit.Filter{
				"All": {IncludeCancelled: true}, "Week": {From: monday, To: "2026-07-12"}, "Day": {From: monday, To: monday},
				"Team": {TeamID: rl.teamA}, "TeamIDs": {TeamIDs: []int64{rl.teamA, rl.teamB}}, "Site": {SiteID: rl.siteA},
				"Kecamatan": {KecamatanCode: rl.kecamatan},
			} {
				if ds, err := kota.s.List(kota.ctx, f); err != nil || len(ds) != 0 {
					t.Errorf("List %s = %d visits, %v", name, len(ds), err)
				}
			}
			if m, err := kota.s.LastVisitBySite(kota.ctx); err != nil || len(m) != 0 {
				t.Errorf("LastVisitBySite = %v, %v", m, err)
			}
			if ds, _ := rl.s.List(rl.ctx, visit.Filter{}); len(ds) != 1 {
				t.Errorf("own List = %d visits", len(ds))
			}
		})
		t.Run("ErrOtherOfficeSiteOrTeam", func(t *testing.T) {
			otherSite := kota.in(func(in *visit.Input) { in.SiteID = rl.siteA })
			otherTeam := kota.in(func(in *visit.Input) { in.TeamID = rl.teamA })
			for _, c := range []struct {
				name, field, msg string
				in               visit.Input
			}{{"Site", "site_id", "Pilih lokasi sasaran.", otherSite}, {"Team", "team_id", "Pilih tim.", otherTeam}} {
				_, _, err := kota.s.Create(kota.ctx, kota.who, c.in)
				wantField(t, err, apperr.Invalid, c.field, c.msg)
				_, err = kota.s.Check(kota.ctx, c.in, 0)
				wantField(t, err, apperr.Invalid, c.field, c.msg)
				_, err = kota.s.CreateAll(kota.ctx, kota.who, []visit.Input{kota.in(onDay(friday)), c.in})
				wantField(t, err, apperr.Invalid, c.field, c.msg)
			}
			_, _, err := rl.s.Update(rl.ctx, rl.who, mine.ID, rl.in(func(in *visit.Input) { in.TeamID = kota.teamA }))
			wantField(t, err, apperr.Invalid, "team_id", "Pilih tim.")
			if ds, _ := kota.s.List(kota.ctx, visit.Filter{}); len(ds) != 0 {
				t.Fatalf("refused creates left %d visits", len(ds))
			}
		})
		t.Run("OverlapWithinOffice", func(t *testing.T) {
			// Same window, same team and site names: the other office's visit is no clash.
			v, warnings, err := kota.s.Create(kota.ctx, kota.who, kota.in())
			if err != nil || len(warnings) != 0 || v.OfficeID == 0 || v.OfficeID == mine.OfficeID {
				t.Fatalf("Create = %+v, %q, %v", v, warnings, err)
			}
			if ds, _ := kota.s.List(kota.ctx, visit.Filter{}); len(ds) != 1 || ds[0].ID != v.ID || ds[0].DesaCode != "17.71.01.1001" {
				t.Fatalf("List of Kota Bengkulu = %+v", ds)
			}
			kota.reset(t)
			if _, err := rl.s.Get(rl.ctx, mine.ID); err != nil {
				t.Fatalf("reset of one office removed the other's visit: %v", err)
			}
		})
		t.Run("ZoneOfOffice", func(t *testing.T) {
			mks := setupIn(t, g, dbtest.InOffice(t, g, "73.71"), "ketua-makassar", "73.71.01.1001", "73.71.02")
			v := mks.create(t, mks.in(window("07:30", "09:15")))
			if want := time.Date(2026, 7, 5, 23, 30, 0, 0, time.UTC); !v.StartAt.Equal(want) || v.Day != monday {
				t.Fatalf("07:30 WITA on %s: StartAt %v, day %s; want %v", monday, v.StartAt, v.Day, want)
			}
			d, err := mks.s.Get(mks.ctx, v.ID)
			if err != nil || d.Start.Location().String() != "Asia/Makassar" || d.Start.Format("15:04") != "07:30" {
				t.Fatalf("Detail start %v, %v", d.Start, err)
			}
			// 09:00 in Jakarta is 10:00 in Makassar: 09:30 there has passed.
			_, err = mks.s.Check(mks.ctx, mks.in(onDay("2026-07-01"), window("09:30", "11:00")), 0)
			wantField(t, err, apperr.Invalid, "start", "sudah lewat")
			if _, err := rl.s.Check(rl.ctx, rl.in(onDay("2026-07-01"), window("09:30", "11:00"), func(in *visit.Input) { in.TeamID = rl.teamB }), 0); err != nil {
				t.Fatalf("09:30 WIB is still ahead: %v", err)
			}
		})
		t.Run("ErrNoScope", func(t *testing.T) {
			bg := context.Background()
			errs := map[string]error{
				"Cancel": rl.s.Cancel(bg, rl.who, mine.ID, "alasan"),
				"Lock":   rl.move(bg, mine.ID, visit.Berlangsung),
			}
			_, errs["Get"] = rl.s.Get(bg, mine.ID)
			_, errs["List"] = rl.s.List(bg, visit.Filter{})
			_, errs["LastVisitBySite"] = rl.s.LastVisitBySite(bg)
			_, errs["Check"] = rl.s.Check(bg, rl.in(onDay(friday)), 0)
			_, _, errs["Create"] = rl.s.Create(bg, rl.who, rl.in(onDay(friday)))
			_, errs["CreateAll"] = rl.s.CreateAll(bg, rl.who, []visit.Input{rl.in(onDay(friday))})
			_, _, errs["Update"] = rl.s.Update(bg, rl.who, mine.ID, rl.in(onDay(friday)))
			for name, err := range errs {
				if !errors.Is(err, scope.ErrMissing) {
					t.Errorf("%s without scope: %v", name, err)
				}
			}
		})
		t.Run("ErrReadOnly", func(t *testing.T) {
			sc, _ := scope.From(rl.ctx)
			sc.ReadOnly = true
			ro := scope.With(context.Background(), sc)
			errs := map[string]error{
				"Cancel": rl.s.Cancel(ro, rl.who, mine.ID, "alasan"),
				"Lock":   rl.move(ro, mine.ID, visit.Berlangsung),
			}
			_, errs["Check"] = rl.s.Check(ro, rl.in(onDay(friday)), 0)
			_, _, errs["Create"] = rl.s.Create(ro, rl.who, rl.in(onDay(friday)))
			_, errs["CreateAll"] = rl.s.CreateAll(ro, rl.who, []visit.Input{rl.in(onDay(friday))})
			_, _, errs["Update"] = rl.s.Update(ro, rl.who, mine.ID, rl.in(onDay(friday)))
			errs["Move"] = g.Transaction(func(tx *gorm.DB) error {
				_, err := visit.Move(ro, tx, rl.who, mine, visit.Berlangsung)
				return err
			})
			for name, err := range errs {
				if !errors.Is(err, scope.ErrReadOnly) {
					t.Errorf("%s read-only: %v", name, err)
				}
			}
			if d, err := rl.s.Get(ro, mine.ID); err != nil || d.Status != visit.Direncanakan {
				t.Fatalf("read-only Get: %+v, %v", d.Visit, err)
			}
			if ds, err := rl.s.List(ro, visit.Filter{}); err != nil || len(ds) != 1 {
				t.Fatalf("read-only List: %d, %v", len(ds), err)
			}
		})
	})
}

// TestCreateAllInChunks: a large plan is checked whole, then written in short
// transactions (a tablet's sync waits behind one chunk, not the plan); a
// broken rule anywhere, an overlap between two chosen visits included,
// stores nothing.
func TestCreateAllInChunks(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		f := setup(t, g)
		base, _ := time.Parse(time.DateOnly, monday)
		var plan []visit.Input
		for d := range 125 {
			day := onDay(base.AddDate(0, 0, d).Format(time.DateOnly))
			plan = append(plan, f.in(day, window("08:00", "10:00")), f.in(day, window("10:00", "12:00")))
		}
		txs := map[gorm.ConnPool]bool{}
		err := g.Callback().Create().After("gorm:create").Register("test:visit_tx", func(db *gorm.DB) {
			if db.Statement.Table == "visits" {
				txs[db.Statement.ConnPool] = true
			}
		})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = g.Callback().Create().Remove("test:visit_tx") })

		t.Run("ErrOverlapBetweenChosen", func(t *testing.T) {
			clash := append(append([]visit.Input{}, plan...), f.in(onDay(monday), window("09:00", "11:00")))
			_, err := f.s.CreateAll(f.ctx, f.who, clash)
			var be *visit.BatchError
			if !errors.As(err, &be) || be.Index != len(plan) || be.Saved != 0 || apperr.CodeOf(err) != apperr.Conflict ||
				!strings.Contains(apperr.MessageOf(err), "kunjungan ke-1 yang juga dipilih") {
				t.Fatalf("overlap between chosen visits: %v", err)
			}
			if ds, _ := f.s.List(f.ctx, visit.Filter{}); len(ds) != 0 {
				t.Fatalf("a refused plan stored %d visits", len(ds))
			}
		})
		t.Run("ChunksOf100", func(t *testing.T) {
			clear(txs)
			vs, err := f.s.CreateAll(f.ctx, f.who, plan)
			if err != nil || len(vs) != len(plan) {
				t.Fatalf("CreateAll: %d visits, %v", len(vs), err)
			}
			if len(txs) != 3 {
				t.Fatalf("250 visits written in %d transactions, want 3", len(txs))
			}
			if ds, _ := f.s.List(f.ctx, visit.Filter{}); len(ds) != len(plan) {
				t.Fatalf("%d visits stored, want %d", len(ds), len(plan))
			}
		})
	})
}
