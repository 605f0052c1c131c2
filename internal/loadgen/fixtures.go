// Package loadgen drives the app the way a fleet of field tablets and a few
// dashboard readers do, over HTTP, and checks afterwards that every result the
// server acknowledged is stored exactly once. It writes its own fixtures into
// the database: point it at a test copy, never at the office's real data.
package loadgen

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/audit"
	"jemputbola/internal/auth"
	"jemputbola/internal/office"
	"jemputbola/internal/region"
	"jemputbola/internal/scope"
	"jemputbola/internal/site"
	"jemputbola/internal/team"
	"jemputbola/internal/visit"
)

// Password is the password of every load-test account.
const Password = "uji-beban-jemputbola"

// Visit slots: slotsPerDay windows of slotLength from 08:00, so no team is ever
// in two visits at once.
const (
	slotsPerDay = 16
	slotLength  = 30 * time.Minute
	firstHour   = 8
	batchSize   = 500
)

// FixtureConfig says how many tablets and visits to prepare.
type FixtureConfig struct {
	Tablets int    // one operator and one team per tablet
	Visits  int    // spread evenly over the teams
	Office  string // code of the office the run works for; Kabupaten Rejang Lebong when ""
}

// Tablet is one simulated field tablet: its operator, team and visits in order.
type Tablet struct {
	Username string
	UserID   int64
	TeamID   int64
	VisitIDs []int64
}

// Fixtures is what Prepare created, all named with Prefix.
type Fixtures struct {
	Scope   scope.Scope // the office the run works for
	Prefix  string
	Reader  string // a kepala_dinas account for the dashboard readers
	SiteID  int64
	Tablets []Tablet
}

// TeamIDs lists the run's teams.
func (f *Fixtures) TeamIDs() []int64 {
	ids := make([]int64, len(f.Tablets))
	for i, t := range f.Tablets {
		ids[i] = t.TeamID
	}
	return ids
}

// teamMember is a row of team_members (the team package keeps its own unexported).
type teamMember struct {
	TeamID int64
	UserID int64
}

func (teamMember) TableName() string { return "team_members" }

// Prepare creates, in one transaction, a reader, one operator and team per
// tablet, one site and the visits, all starting tomorrow. Rows are inserted
// directly in batches: this is a test fixture, and the visit rules (no
// overlap, end after start) hold by construction.
func Prepare(ctx context.Context, g *gorm.DB, cfg FixtureConfig) (*Fixtures, error) {
	if cfg.Tablets < 1 || cfg.Visits < cfg.Tablets {
		return nil, errors.New("loadgen: need at least one tablet and one visit per tablet")
	}
	if cfg.Office == "" {
		cfg.Office = region.DefaultOfficeCode
	}
	o, _, err := office.NewStore(g).Add(ctx, audit.System, cfg.Office)
	if err != nil {
		return nil, err
	}
	sc := office.Scope(o)
	ctx = scope.With(ctx, sc)
	fx := &Fixtures{Scope: sc, Prefix: newPrefix()}
	err = g.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		hash, err := createReader(ctx, tx, fx)
		if err != nil {
			return err
		}
		if err := createTablets(tx, fx, sc, cfg.Tablets, hash); err != nil {
			return err
		}
		if err := createSite(tx, fx, sc); err != nil {
			return err
		}
		return createVisits(tx, fx, sc, cfg)
	})
	if err != nil {
		return nil, fmt.Errorf("loadgen: prepare fixtures: %w", err)
	}
	return fx, nil
}

// newPrefix names a run: lowercase, so it is a valid start of a username.
func newPrefix() string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return "lg" + hex.EncodeToString(b)
}

// createReader makes the dashboard account through the user store, so the
// password is hashed the app's way; the operators reuse that hash, which
// saves a bcrypt per tablet.
func createReader(ctx context.Context, tx *gorm.DB, fx *Fixtures) (string, error) {
	fx.Reader = fx.Prefix + "-kadis"
	u, err := auth.NewUserStore(tx).Create(ctx, audit.System, auth.UserInput{
		Username: fx.Reader, Name: "Uji beban " + fx.Prefix, Role: auth.KepalaDinas, Password: Password})
	return u.PasswordHash, err
}

func createTablets(tx *gorm.DB, fx *Fixtures, sc scope.Scope, n int, hash string) error {
	now := time.Now().UTC()
	users := make([]auth.User, n)
	teams := make([]team.Team, n)
	for i := range n {
		users[i] = auth.User{OfficeID: sc.OfficeID, Username: fmt.Sprintf("%s-op%04d", fx.Prefix, i+1), Name: fmt.Sprintf("Operator uji %d", i+1),
			Role: auth.Operator, PasswordHash: hash, Active: true, CreatedAt: now, UpdatedAt: now}
		teams[i] = team.Team{OfficeID: sc.OfficeID, Name: fmt.Sprintf("Uji beban %s #%04d", fx.Prefix, i+1), DailyCapacity: 1000, CreatedAt: now, UpdatedAt: now}
	}
	if err := tx.CreateInBatches(users, batchSize).Error; err != nil {
		return err
	}
	if err := tx.CreateInBatches(teams, batchSize).Error; err != nil {
		return err
	}
	members := make([]teamMember, n)
	fx.Tablets = make([]Tablet, n)
	for i := range n {
		members[i] = teamMember{TeamID: teams[i].ID, UserID: users[i].ID}
		fx.Tablets[i] = Tablet{Username: users[i].Username, UserID: users[i].ID, TeamID: teams[i].ID}
	}
	return tx.CreateInBatches(members, batchSize).Error
}

func createSite(tx *gorm.DB, fx *Fixtures, sc scope.Scope) error {
	var desa string
	if err := tx.Raw("SELECT code FROM regions WHERE level = ? AND code LIKE ? ORDER BY code LIMIT 1", region.LevelDesa, sc.Below()).Scan(&desa).Error; err != nil {
		return err
	}
	now := time.Now().UTC()
	s := site.Site{OfficeID: sc.OfficeID, Name: "Lokasi uji beban " + fx.Prefix, Kind: site.Lainnya, DesaCode: desa, CreatedAt: now, UpdatedAt: now}
	if err := tx.Create(&s).Error; err != nil {
		return err
	}
	fx.SiteID = s.ID
	return nil
}

// createVisits gives team i every visit k with k % tablets == i, so the teams
// share the work evenly; each team's visits fill its slots day after day, up
// to today.
func createVisits(tx *gorm.DB, fx *Fixtures, sc scope.Scope, cfg FixtureConfig) error {
	now := time.Now().UTC()
	y, m, d := sc.Now(now).Date()
	n := len(fx.Tablets)
	// The visits end today: results are logged only from a visit's day on.
	days := ((cfg.Visits+n-1)/n + slotsPerDay - 1) / slotsPerDay
	first := time.Date(y, m, d+1-days, 0, 0, 0, 0, sc.Zone)
	batch := make([]visit.Visit, 0, batchSize)
	for k := range cfg.Visits {
		slot := k / n
		start := time.Date(first.Year(), first.Month(), first.Day()+slot/slotsPerDay, firstHour, 0, 0, 0, sc.Zone).
			Add(time.Duration(slot%slotsPerDay) * slotLength)
		batch = append(batch, visit.Visit{OfficeID: sc.OfficeID, SiteID: fx.SiteID, TeamID: fx.Tablets[k%n].TeamID, Day: start.Format(time.DateOnly),
			StartAt: start.UTC(), EndAt: start.Add(slotLength - 5*time.Minute).UTC(), Expected: 10,
			Status: visit.Direncanakan, CreatedAt: now, UpdatedAt: now})
		if len(batch) == batchSize || k == cfg.Visits-1 {
			if err := tx.Create(&batch).Error; err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	return loadVisitIDs(tx, fx)
}

// loadVisitIDs reads each team's visits back in time order.
func loadVisitIDs(tx *gorm.DB, fx *Fixtures) error {
	byTeam := make(map[int64]*Tablet, len(fx.Tablets))
	for i := range fx.Tablets {
		byTeam[fx.Tablets[i].TeamID] = &fx.Tablets[i]
	}
	rows, err := tx.Raw("SELECT id, team_id FROM visits WHERE site_id = ? ORDER BY team_id, start_at", fx.SiteID).Rows()
	if err != nil {
		return err
	}
	for rows.Next() {
		var id, teamID int64
		if err := rows.Scan(&id, &teamID); err != nil {
			return errors.Join(err, rows.Close())
		}
		if t := byTeam[teamID]; t != nil {
			t.VisitIDs = append(t.VisitIDs, id)
		}
	}
	return errors.Join(rows.Err(), rows.Close())
}
