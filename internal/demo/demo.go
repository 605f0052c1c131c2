// Package demo fills an empty database with demo data so every page has content
// on first run: Provinsi Bengkulu with its ten kab/kota. Kabupaten Rejang Lebong
// and Kota Bengkulu each get accounts, sites, teams, visits and results, with
// figures that add up to their published totals; the province office gets one
// team and the figures of the other eight kab/kota. Every row it writes is
// marked demo.
package demo

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/audit"
	"jemputbola/internal/auth"
	"jemputbola/internal/office"
	"jemputbola/internal/progress"
	"jemputbola/internal/region"
	"jemputbola/internal/scope"
)

// Password of every demo account; README.md gives it. Demo use only.
const Password = "jemputbola"

// sharedPassword is Password hashed once per process: every demo account
// (and every test that seeds the demo) shares it instead of a bcrypt run each.
var sharedPassword = sync.OnceValues(func() (auth.SharedPassword, error) { return auth.NewSharedPassword(Password) })

// who is the audit actor of the seed.
var who = audit.Actor{Username: "demo"}

type demoUser struct {
	username, name string
	role           auth.Role
}

// ErrRealData refuses demo data in a database that holds real accounts.
var ErrRealData = errors.New("basis data ini memuat akun sungguhan (bukan demo): --demo hanya untuk basis data kosong atau berisi demo")

// Seed fills the database when it holds no user yet and reports whether it
// did; a database seeded before is left as it is, and one with a real
// account is refused (ErrRealData): demo accounts there would be a way in.
// Everything is written in one transaction: a failed seed leaves nothing behind.
func Seed(ctx context.Context, g *gorm.DB, now time.Time) (bool, error) {
	var users, real int64
	if err := g.WithContext(ctx).Table("users").Count(&users).Error; err != nil {
		return false, err
	}
	if err := g.WithContext(ctx).Table("users").Where("NOT demo").Count(&real).Error; err != nil {
		return false, err
	}
	if real > 0 {
		return false, ErrRealData
	}
	if users > 0 {
		return false, nil
	}
	err := g.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		for _, d := range demoOffices {
			if err := seedOffice(ctx, tx, now, d); err != nil {
				return fmt.Errorf("kantor %s: %w", d.code, err)
			}
		}
		return nil
	})
	return err == nil, err
}

// seedOffice adds one office and seeds it.
func seedOffice(ctx context.Context, tx *gorm.DB, now time.Time, d demoOffice) error {
	o, _, err := office.NewStore(tx).Add(ctx, who, d.code)
	if err != nil {
		return err
	}
	sc := office.Scope(o)
	ctx, now = scope.With(ctx, sc), sc.Now(now)
	users, err := seedUsers(ctx, tx, d.users)
	if err != nil {
		return err
	}
	var seeded []string
	for _, a := range d.figures {
		codes, err := seedFigures(ctx, tx, now, a)
		if err != nil {
			return err
		}
		seeded = append(seeded, codes...)
	}
	sites, err := seedSites(ctx, tx, d)
	if err != nil {
		return err
	}
	teams, err := seedTeams(ctx, tx, users, d.teams)
	if err != nil {
		return err
	}
	if err := seedVisits(ctx, tx, now, sites, teams, d.teams); err != nil {
		return err
	}
	if err := seedDesk(ctx, tx, now, o.ID, d.points); err != nil {
		return err
	}
	if err := seedOlderFigures(ctx, tx, now, seeded); err != nil {
		return err
	}
	if d.target != nil {
		if err := region.NewStore(tx).SetTarget(ctx, who, now.Year(), *d.target); err != nil {
			return err
		}
	}
	return seedLetterhead(ctx, tx, o, d.address)
}

func seedUsers(ctx context.Context, tx *gorm.DB, list []demoUser) (map[string]auth.User, error) {
	pw, err := sharedPassword()
	if err != nil {
		return nil, err
	}
	store := auth.NewUserStore(tx)
	users := map[string]auth.User{}
	for _, d := range list {
		u, err := store.CreateShared(ctx, who, auth.UserInput{Username: d.username, Name: d.name, Role: d.role, Demo: true}, pw)
		if err != nil {
			return nil, fmt.Errorf("user %s: %w", d.username, err)
		}
		users[d.username] = u
	}
	return users, nil
}

// Demo figure dates: an older official count from just before the demo visit
// history starts, and the current one four weeks ago, so the dashboard shows
// field activations on top of it and reconciliation has two dates to compare.
const (
	olderFiguresDays   = 7*historyWeeks + 1
	currentFiguresDays = 28
)

// seedFigures stores an area's totals as the official count of four weeks ago
// and returns the desa codes it wrote.
func seedFigures(ctx context.Context, tx *gorm.DB, now time.Time, a demoArea) ([]string, error) {
	regions, err := region.Subtree(a.code)
	if err != nil {
		return nil, err
	}
	current := now.AddDate(0, 0, -currentFiguresDays).Format(time.DateOnly)
	var fs []region.Figure
	var codes []string
	for _, d := range region.DemoFiguresOf(regions, a.totals) {
		fs = append(fs, region.Figure{DesaCode: d.DesaCode, AsOf: current, WajibKTP: d.WajibKTP,
			EktpRecorded: d.Recorded, IkdActivated: d.Activated, Source: region.SourceDemo})
		codes = append(codes, d.DesaCode)
	}
	return codes, region.NewStore(tx).AddFigures(ctx, who, fs)
}

// seedOlderFigures stores the count before the visit history for the desa
// the office seeded: the current one less what the teams logged in between
// and a little desk work, with a few desa off by more, as real
// reconciliations find.
func seedOlderFigures(ctx context.Context, tx *gorm.DB, now time.Time, codes []string) error {
	older := now.AddDate(0, 0, -olderFiguresDays).Format(time.DateOnly)
	current := now.AddDate(0, 0, -currentFiguresDays).Format(time.DateOnly)
	field, err := progress.NewStore(tx).FieldBetween(ctx, older, current)
	if err != nil {
		return err
	}
	latest, err := region.NewStore(tx).LatestFigures(ctx)
	if err != nil {
		return err
	}
	slices.Sort(codes)
	var fs []region.Figure
	for i, code := range codes {
		f := latest[code]
		desk := f.IkdActivated / 50 // 2% came through the office desk
		if i%9 == 0 {
			desk -= 15 // field logs above the official change: worth a look
		}
		f.ID, f.AsOf = 0, older
		f.IkdActivated = max(0, f.IkdActivated-field[code]-desk)
		fs = append(fs, f)
	}
	return region.NewStore(tx).AddFigures(ctx, who, fs)
}

// seedLetterhead fills the address and head of office, so the demo letters are complete.
func seedLetterhead(ctx context.Context, tx *gorm.DB, o office.Office, address string) error {
	l := o.Letterhead()
	l.Address = address
	l.HeadName, l.HeadRank = "Kepala Dinas (demo)", "Pembina Utama Muda (IV/c)"
	return office.NewStore(tx).SetLetterhead(ctx, who, l)
}
