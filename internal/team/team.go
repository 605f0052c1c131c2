// Package team keeps the operator teams: a leader (ketua tim), operators and the
// number of activations a day the team can manage. A team belongs to one
// office, and so do its leader and operators.
package team

import (
	"context"
	"errors"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/auth"
	"jemputbola/internal/scope"
	"jemputbola/internal/visit"
)

// Team is one field team.
type Team struct {
	ID            int64 `gorm:"primaryKey"`
	OfficeID      int64
	Name          string
	LeaderID      *int64
	DailyCapacity int
	Notes         string
	Demo          bool
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// TableName keeps GORM on the migrated table.
func (Team) TableName() string { return "teams" }

type member struct {
	TeamID int64
	UserID int64
}

func (member) TableName() string { return "team_members" }

// Detail is a team with its leader and operators.
type Detail struct {
	Team
	Leader    *auth.User
	Operators []auth.User
}

// Input is what a form gives to create or change a team.
type Input struct {
	Name          string
	LeaderID      int64 // 0 = no leader yet
	OperatorIDs   []int64
	DailyCapacity int
	Notes         string
}

// snapshot is what the audit trail records of a team.
type snapshot struct {
	Team
	OperatorIDs []int64
}

// Manager is who changes a team: a ketua tim manages only the teams they
// lead; the kepala dinas and the admin manage every team (AnyTeam).
type Manager struct {
	UserID  int64
	AnyTeam bool
}

// MayManage reports whether m may change t.
func (m Manager) MayManage(t Team) bool {
	return m.AnyTeam || t.LeaderID != nil && *t.LeaderID == m.UserID
}

// AnyTeam is the manager for changes outside a person's session: the
// command line, the demo seed, tests.
var AnyTeam = Manager{AnyTeam: true}

var errNotYours = apperr.New(apperr.Forbidden, "Ketua tim hanya dapat mengubah tim yang dipimpinnya sendiri.")

// Store keeps teams.
type Store struct{ db *gorm.DB }

// NewStore returns a Store on g.
func NewStore(g *gorm.DB) *Store { return &Store{db: g} }

// check validates in against the office's teams and users: the name is free
// in the office, the leader and operators are its active users of the right
// role (another office's user id reads as unknown).
func check(tx *gorm.DB, sc scope.Scope, in *Input, exceptID int64) error {
	in.Name = strings.TrimSpace(in.Name)
	in.Notes = strings.TrimSpace(in.Notes)
	var f apperr.Fields
	switch n := utf8.RuneCountInString(in.Name); {
	case n == 0:
		f.Add("name", "Nama tim wajib diisi.")
	case n > 80:
		f.Add("name", "Nama tim maksimal 80 karakter.")
	default:
		var c int64
		if err := tx.Model(&Team{}).Where("office_id = ? AND LOWER(name) = LOWER(?) AND id <> ?", sc.OfficeID, in.Name, exceptID).Count(&c).Error; err != nil {
			return err
		}
		if c > 0 {
			f.Add("name", "Nama tim sudah dipakai.")
		}
	}
	if in.DailyCapacity < 1 || in.DailyCapacity > 1000 {
		f.Add("daily_capacity", "Kapasitas harian 1–1000 aktivasi.")
	}
	if utf8.RuneCountInString(in.Notes) > 1000 {
		f.Add("notes", "Catatan maksimal 1000 karakter.")
	}
	if in.LeaderID != 0 {
		var c int64
		if err := tx.Model(&auth.User{}).Where("id = ? AND office_id = ? AND role = ? AND active = ?", in.LeaderID, sc.OfficeID, auth.KetuaTim, true).Count(&c).Error; err != nil {
			return err
		}
		if c == 0 {
			f.Add("leader_id", "Pilih ketua tim yang valid.")
		}
	}
	in.OperatorIDs = unique(in.OperatorIDs)
	if len(in.OperatorIDs) > 0 {
		var c int64
		if err := tx.Model(&auth.User{}).Where("id IN ? AND office_id = ? AND role = ? AND active = ?", in.OperatorIDs, sc.OfficeID, auth.Operator, true).Count(&c).Error; err != nil {
			return err
		}
		if c != int64(len(in.OperatorIDs)) {
			f.Add("operator_ids", "Anggota harus pengguna dengan peran operator.")
		}
	}
	return f.Err()
}

func unique(ids []int64) []int64 {
	seen := map[int64]bool{}
	var out []int64
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

func (in Input) apply(t *Team) {
	t.Name, t.DailyCapacity, t.Notes = in.Name, in.DailyCapacity, in.Notes
	t.LeaderID = nil
	if in.LeaderID != 0 {
		id := in.LeaderID
		t.LeaderID = &id
	}
}

func setMembers(tx *gorm.DB, teamID int64, ids []int64) error {
	if err := tx.Where("team_id = ?", teamID).Delete(&member{}).Error; err != nil {
		return err
	}
	for _, id := range ids {
		if err := tx.Create(&member{TeamID: teamID, UserID: id}).Error; err != nil {
			return err
		}
	}
	return nil
}

// Check validates in as Create (id 0) or Update (id) would, without writing,
// so a form can show every problem at once. Errors: Invalid with fields,
// scope.ErrReadOnly.
func (s *Store) Check(ctx context.Context, id int64, in Input) error {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return err
	}
	return check(s.db.WithContext(ctx), sc, &in, id)
}

// Create adds a team with its operators to the office of ctx; a ketua tim
// (m without AnyTeam) creates only a team they lead. Errors: Invalid with
// fields, scope.ErrReadOnly.
func (s *Store) Create(ctx context.Context, who audit.Actor, m Manager, in Input) (Team, error) {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return Team{}, err
	}
	var t Team
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := check(tx, sc, &in, 0); err != nil {
			return err
		}
		if !m.AnyTeam && in.LeaderID != m.UserID {
			return &apperr.Error{Code: apperr.Invalid, Message: "Periksa kembali isian yang ditandai.",
				Fields: map[string]string{"leader_id": "Ketua tim hanya dapat membuat tim yang dipimpinnya sendiri: pilih diri Anda sebagai ketua."}}
		}
		in.apply(&t)
		t.OfficeID = sc.OfficeID
		t.CreatedAt = time.Now().UTC()
		t.UpdatedAt = t.CreatedAt
		if err := tx.Create(&t).Error; err != nil {
			return err
		}
		if err := setMembers(tx, t.ID, in.OperatorIDs); err != nil {
			return err
		}
		return audit.Record(ctx, tx, who, audit.Create, "team", t.ID, nil, snapshot{t, in.OperatorIDs})
	})
	return t, err
}

// Update changes a team and replaces its operators, when m may manage it; a
// ketua tim cannot hand their team to another leader. Errors: NotFound,
// Forbidden, Invalid, Conflict (one of its people would be in two visits at
// once, see visit.PeopleClash), scope.ErrReadOnly.
func (s *Store) Update(ctx context.Context, who audit.Actor, m Manager, id int64, in Input) (Team, error) {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return Team{}, err
	}
	var t Team
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		before, err := get(tx, sc, id)
		if err != nil {
			return err
		}
		if !m.MayManage(before) || !m.AnyTeam && in.LeaderID != m.UserID {
			return errNotYours
		}
		beforeOps, err := memberIDs(tx, id)
		if err != nil {
			return err
		}
		if err := check(tx, sc, &in, id); err != nil {
			return err
		}
		t = before
		in.apply(&t)
		t.UpdatedAt = time.Now().UTC()
		if err := tx.Save(&t).Error; err != nil {
			return err
		}
		if err := setMembers(tx, id, in.OperatorIDs); err != nil {
			return err
		}
		// With its new people, the team's coming visits must not put anyone in two places.
		if err := visit.LockPlanning(ctx, tx, sc.OfficeID); err != nil {
			return err
		}
		if err := visit.PeopleClash(ctx, tx, sc.OfficeID, id, sc.Now(time.Now())); err != nil {
			return err
		}
		return audit.Record(ctx, tx, who, audit.Update, "team", id, snapshot{before, beforeOps}, snapshot{t, in.OperatorIDs})
	})
	return t, err
}

// get reads a team of the office; another office's team is not found.
func get(tx *gorm.DB, sc scope.Scope, id int64) (Team, error) {
	var t Team
	err := tx.Where("office_id = ?", sc.OfficeID).First(&t, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return t, apperr.New(apperr.NotFound, "Tim tidak ditemukan.")
	}
	return t, err
}

func memberIDs(tx *gorm.DB, teamID int64) ([]int64, error) {
	var ids []int64
	return ids, tx.Model(&member{}).Where("team_id = ?", teamID).Order("user_id").Pluck("user_id", &ids).Error
}

// Get returns a team of the office with its leader and operators. Errors: NotFound.
func (s *Store) Get(ctx context.Context, id int64) (Detail, error) {
	sc, err := scope.From(ctx)
	if err != nil {
		return Detail{}, err
	}
	tx := s.db.WithContext(ctx)
	t, err := get(tx, sc, id)
	if err != nil {
		return Detail{}, err
	}
	ds, err := s.details(tx, sc, []Team{t})
	if err != nil {
		return Detail{}, err
	}
	return ds[0], nil
}

// List returns every team of the office with leader and operators, ordered by name.
func (s *Store) List(ctx context.Context) ([]Detail, error) {
	sc, err := scope.From(ctx)
	if err != nil {
		return nil, err
	}
	tx := s.db.WithContext(ctx)
	var ts []Team
	if err := tx.Where("office_id = ?", sc.OfficeID).Order("name").Find(&ts).Error; err != nil {
		return nil, err
	}
	return s.details(tx, sc, ts)
}

// details loads the people of ts, teams of the office sc, in two queries.
func (s *Store) details(tx *gorm.DB, sc scope.Scope, ts []Team) ([]Detail, error) {
	ids := make([]int64, len(ts))
	for i, t := range ts {
		ids[i] = t.ID
	}
	var ms []member
	if err := tx.Where("team_id IN ?", append(ids, 0)).Find(&ms).Error; err != nil {
		return nil, err
	}
	userIDs := []int64{0}
	for _, m := range ms {
		userIDs = append(userIDs, m.UserID)
	}
	for _, t := range ts {
		if t.LeaderID != nil {
			userIDs = append(userIDs, *t.LeaderID)
		}
	}
	var us []auth.User
	if err := tx.Where("id IN ? AND office_id = ?", userIDs, sc.OfficeID).Order("name").Find(&us).Error; err != nil {
		return nil, err
	}
	byID := map[int64]auth.User{}
	for _, u := range us {
		byID[u.ID] = u
	}
	out := make([]Detail, len(ts))
	for i, t := range ts {
		out[i].Team = t
		if t.LeaderID != nil {
			if u, ok := byID[*t.LeaderID]; ok {
				out[i].Leader = &u
			}
		}
		for _, m := range ms {
			if u, ok := byID[m.UserID]; ok && m.TeamID == t.ID {
				out[i].Operators = append(out[i].Operators, u)
			}
		}
		sort.Slice(out[i].Operators, func(a, b int) bool { return out[i].Operators[a].Name < out[i].Operators[b].Name })
	}
	return out, nil
}

// inTeam is the membership rule in SQL over the teams table: the user leads
// the team or is one of its operators. Its two arguments are the user id.
const inTeam = "(teams.leader_id = ? OR teams.id IN (SELECT team_id FROM team_members WHERE user_id = ?))"

// ForUser returns the teams of the office the user leads or belongs to, by name.
func (s *Store) ForUser(ctx context.Context, userID int64) ([]Team, error) {
	sc, err := scope.From(ctx)
	if err != nil {
		return nil, err
	}
	var ts []Team
	err = s.db.WithContext(ctx).Where("teams.office_id = ? AND "+inTeam, sc.OfficeID, userID, userID).Order("name").Find(&ts).Error
	return ts, err
}

// IsMember reports whether the user leads or belongs to the team. It is the
// one rule for who works a team's visits in the field: only members start a
// visit and log or correct its result; everyone else may only read them.
// A team of another office than ctx's has no members. q may be a transaction.
func IsMember(ctx context.Context, q *gorm.DB, teamID, userID int64) (bool, error) {
	sc, err := scope.From(ctx)
	if err != nil {
		return false, err
	}
	var n int64
	err = q.WithContext(ctx).Model(&Team{}).Where("teams.id = ? AND teams.office_id = ? AND "+inTeam, teamID, sc.OfficeID, userID, userID).Count(&n).Error
	return n > 0, err
}

// Leads reports whether the user is the team's leader: the one who verifies
// its results. A team of another office than ctx's has no leader. q may be a
// transaction.
func Leads(ctx context.Context, q *gorm.DB, teamID, userID int64) (bool, error) {
	sc, err := scope.From(ctx)
	if err != nil {
		return false, err
	}
	var n int64
	err = q.WithContext(ctx).Model(&Team{}).Where("id = ? AND office_id = ? AND leader_id = ?", teamID, sc.OfficeID, userID).Count(&n).Error
	return n > 0, err
}

// IsMember reports whether the user leads or belongs to the team (see the
// package function IsMember).
func (s *Store) IsMember(ctx context.Context, teamID, userID int64) (bool, error) {
	return IsMember(ctx, s.db, teamID, userID)
}

// Count returns how many teams the office has.
func (s *Store) Count(ctx context.Context) (int64, error) {
	sc, err := scope.From(ctx)
	if err != nil {
		return 0, err
	}
	var n int64
	return n, s.db.WithContext(ctx).Model(&Team{}).Where("office_id = ?", sc.OfficeID).Count(&n).Error
}
