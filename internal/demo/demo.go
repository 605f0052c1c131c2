// Package demo fills an empty database with demo data so every page has content
// on first run: population figures that add up to Rejang Lebong's published
// totals, demo accounts, teams and sites. Every row it writes is marked demo.
package demo

import (
	"context"
	"fmt"
	"slices"
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

// who is the audit actor of the seed.
var who = audit.Actor{Username: "demo"}

type demoUser struct {
	username, name string
	role           auth.Role
}

var demoUsers = []demoUser{
	{"admin", "Admin Dukcapil", auth.Admin},
	{"kadis", "Kepala Dinas Dukcapil", auth.KepalaDinas},
	{"ketua1", "Rahmat Hidayat", auth.KetuaTim},
	{"ketua2", "Sri Wahyuni", auth.KetuaTim},
	{"operator1", "Dedi Kurniawan", auth.Operator},
	{"operator2", "Yuli Astuti", auth.Operator},
	{"operator3", "Ahmad Fauzi", auth.Operator},
	{"operator4", "Nurhayati", auth.Operator},
	{"operator5", "Budi Santoso", auth.Operator},
	{"operator6", "Rina Marlina", auth.Operator},
	{"operator7", "Agus Salim", auth.Operator},
	{"operator8", "Fitri Handayani", auth.Operator},
}

// Seed fills the database when it holds no user yet and reports whether it did.
// Everything is written in one transaction: a failed seed leaves nothing behind.
func Seed(ctx context.Context, g *gorm.DB, now time.Time) (bool, error) {
	var n int64
	if err := g.WithContext(ctx).Table("users").Count(&n).Error; err != nil || n > 0 {
		return false, err
	}
	err := g.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		o, _, err := office.NewStore(tx).Add(ctx, who, region.DefaultOfficeCode)
		if err != nil {
			return err
		}
		sc := office.Scope(o)
		ctx, now := scope.With(ctx, sc), sc.Now(now)
		users, err := seedUsers(ctx, tx)
		if err != nil {
			return err
		}
		if err := seedFigures(ctx, tx, now); err != nil {
			return err
		}
		sites, err := seedSites(ctx, tx)
		if err != nil {
			return err
		}
		teams, err := seedTeams(ctx, tx, users)
		if err != nil {
			return err
		}
		if err := seedVisits(ctx, tx, now, sites, teams); err != nil {
			return err
		}
		if err := seedOlderFigures(ctx, tx, now); err != nil {
			return err
		}
		return seedLetterhead(ctx, tx, o)
	})
	return err == nil, err
}

func seedUsers(ctx context.Context, tx *gorm.DB) (map[string]auth.User, error) {
	store := auth.NewUserStore(tx)
	users := map[string]auth.User{}
	for _, d := range demoUsers {
		u, err := store.Create(ctx, who, auth.UserInput{Username: d.username, Name: d.name, Role: d.role, Password: Password, Demo: true})
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

// seedFigures stores the published totals as the official count of four weeks ago.
func seedFigures(ctx context.Context, tx *gorm.DB, now time.Time) error {
	regions, err := region.Subtree(region.DefaultOfficeCode)
	if err != nil {
		return err
	}
	current := now.AddDate(0, 0, -currentFiguresDays).Format(time.DateOnly)
	var fs []region.Figure
	for _, d := range region.DemoFigures(regions) {
		fs = append(fs, region.Figure{DesaCode: d.DesaCode, AsOf: current, WajibKTP: d.WajibKTP,
			EktpRecorded: d.Recorded, IkdActivated: d.Activated, Source: region.SourceDemo})
	}
	return region.NewStore(tx).AddFigures(ctx, who, fs)
}

// seedOlderFigures stores the count before the visit history: the current one
// less what the demo teams logged in between and a little desk work, with a
// few desa off by more, as real reconciliations find.
func seedOlderFigures(ctx context.Context, tx *gorm.DB, now time.Time) error {
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
	codes := make([]string, 0, len(latest))
	for code := range latest {
		codes = append(codes, code)
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

// seedLetterhead fills the head of office, so the demo letters are complete.
func seedLetterhead(ctx context.Context, tx *gorm.DB, o office.Office) error {
	l := o.Letterhead()
	l.Address = "Jl. S. Sukowati No. 1, Curup, Rejang Lebong, Bengkulu"
	l.HeadName, l.HeadRank = "Kepala Dinas (demo)", "Pembina Utama Muda (IV/c)"
	return office.NewStore(tx).SetLetterhead(ctx, who, l)
}
