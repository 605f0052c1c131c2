package result

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/db"
	"jemputbola/internal/scope"
	"jemputbola/internal/team"
	"jemputbola/internal/visit"
)

// Store keeps the results of the visits of ctx's office.
type Store struct {
	db      *gorm.DB
	commits *db.GroupCommit // new results from many tablets, one transaction
}

// NewStore returns a Store on g.
func NewStore(g *gorm.DB) *Store { return &Store{db: g, commits: db.NewGroupCommit(g)} }

var (
	errOtherVisit = apperr.New(apperr.Conflict, "client_id ini sudah dipakai untuk kunjungan lain.")
	errHasResult  = apperr.New(apperr.Conflict, "Hasil kunjungan ini sudah tercatat; gunakan koreksi.")
	errCancelled  = apperr.New(apperr.Conflict, "Kunjungan ini dibatalkan; hasil tidak dapat dicatat.")
	errNotMember  = apperr.New(apperr.Forbidden, "Anda bukan anggota tim kunjungan ini.")
	errNoVisit    = apperr.New(apperr.NotFound, "Kunjungan tidak ditemukan.")
)

// lockOwn reads and locks a visit of the office (see visit.Lock); another
// office's visit is not found.
func lockOwn(ctx context.Context, tx *gorm.DB, sc scope.Scope, visitID int64) (visit.Visit, error) {
	var n int64
	if err := tx.Model(&visit.Visit{}).Where("id = ? AND office_id = ?", visitID, sc.OfficeID).Count(&n).Error; err != nil {
		return visit.Visit{}, err
	}
	if n == 0 {
		return visit.Visit{}, errNoVisit
	}
	return visit.Lock(ctx, tx, visitID)
}

// Log stores the result of a visit of ctx's office once per client id. A
// replay of a stored client id returns the stored result with created false
// and changes nothing. Errors: Invalid (fields), NotFound (visit, also another
// office's), Forbidden (not in the visit's team), Conflict (cancelled visit,
// before the visit's day, result already logged, client id reused, by this
// office or another),
// scope.ErrMissing, scope.ErrReadOnly.
func (s *Store) Log(ctx context.Context, who audit.Actor, userID int64, in Input) (Result, bool, error) {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return Result{}, false, err
	}
	if err := in.Validate(); err != nil {
		return Result{}, false, err
	}
	if r, found, err := s.replay(ctx, sc, userID, in); found || err != nil {
		return r, false, err
	}
	var r Result
	// Tablets' results share transactions (one sync of the log for many). Once
	// queued, the write runs to the end even if the tablet hangs up: its
	// retry then finds the result and gets the same answer.
	ctx = context.WithoutCancel(ctx)
	err = s.commits.Do(func(tx *gorm.DB) error {
		tx = tx.WithContext(ctx)
		v, err := lockOwn(ctx, tx, sc, in.VisitID)
		if err != nil {
			return err
		}
		if err := mustBeMember(ctx, tx, v.TeamID, userID); err != nil {
			return err
		}
		if v.Status == visit.Dibatalkan {
			return errCancelled
		}
		if !v.Due(today(sc)) {
			return visit.NotDue(v)
		}
		var existing int64
		if err := tx.Model(&Result{}).Where("visit_id = ? AND office_id = ?", v.ID, sc.OfficeID).Count(&existing).Error; err != nil {
			return err
		}
		if existing > 0 {
			return errHasResult
		}
		now := time.Now().UTC()
		in.apply(&r)
		r.OfficeID = sc.OfficeID
		r.LoggedBy, r.LoggedAt, r.UpdatedAt, r.Verification = &userID, now, now, Unverified
		if err := tx.Create(&r).Error; err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, who, audit.Create, "result", r.ID, nil, r); err != nil {
			return err
		}
		_, err = visit.Finish(ctx, tx, who, v)
		return err
	})
	if errors.Is(err, gorm.ErrDuplicatedKey) || errors.Is(err, errHasResult) {
		// Another request may have stored the same client id first (a retried
		// sync racing itself); the failed transaction is over, so read again.
		if stored, found, rerr := s.replay(ctx, sc, userID, in); found || rerr != nil {
			return stored, false, rerr
		}
		return Result{}, false, errHasResult
	}
	return r, err == nil, err
}

var errReplayDiffers = apperr.New(apperr.Conflict, "client_id ini sudah dipakai untuk hasil dengan isi lain; simpan sebagai koreksi.")

// replay finds a result of the office stored under the input's client id, for
// a member of its visit's team (anyone else is refused before anything of it
// is read) and only when the input holds what is stored: the same id with
// other numbers is a Conflict, not a silent answer with the old ones. Client
// ids are unique across the install, so one another office used is looked up
// too, but only to refuse it as reused: its result is never read.
func (s *Store) replay(ctx context.Context, sc scope.Scope, userID int64, in Input) (Result, bool, error) {
	var owner []Result
	err := s.db.WithContext(ctx).Select("office_id, visit_id").Where("client_id = ?", in.ClientID).Limit(1).Find(&owner).Error
	if err != nil || len(owner) == 0 {
		return Result{}, false, err
	}
	if owner[0].OfficeID != sc.OfficeID || owner[0].VisitID != in.VisitID {
		return Result{}, false, errOtherVisit
	}
	teamID, err := teamOf(s.db.WithContext(ctx), sc, in.VisitID)
	if err != nil {
		return Result{}, false, err
	}
	if err := mustBeMember(ctx, s.db.WithContext(ctx), teamID, userID); err != nil {
		return Result{}, false, err
	}
	var rs []Result
	err = s.db.WithContext(ctx).Where("client_id = ? AND office_id = ?", in.ClientID, sc.OfficeID).Limit(1).Find(&rs).Error
	if err != nil || len(rs) == 0 {
		return Result{}, false, err
	}
	if !in.sameAs(rs[0]) {
		return Result{}, false, errReplayDiffers
	}
	return rs[0], true, nil
}

// Count returns how many results ctx's office has stored. Errors: scope.ErrMissing.
func (s *Store) Count(ctx context.Context) (int64, error) {
	var n int64
	return n, s.db.WithContext(ctx).Model(&Result{}).Scopes(scope.Own(ctx, "visit_results")).Count(&n).Error
}

// ForVisits returns the results of the given visits of ctx's office, keyed by
// visit id; other offices' visits have none. Errors: scope.ErrMissing.
func (s *Store) ForVisits(ctx context.Context, visitIDs []int64) (map[int64]Result, error) {
	sc, err := scope.From(ctx)
	if err != nil {
		return nil, err
	}
	out := map[int64]Result{}
	if len(visitIDs) == 0 {
		return out, nil
	}
	var rs []Result
	if err := s.db.WithContext(ctx).Where("visit_id IN ? AND office_id = ?", visitIDs, sc.OfficeID).Find(&rs).Error; err != nil {
		return nil, err
	}
	for _, r := range rs {
		out[r.VisitID] = r
	}
	return out, nil
}

// today is the office-local date of sc now.
func today(sc scope.Scope) string { return sc.Now(time.Now()).Format(time.DateOnly) }

// mustBeMember refuses a user who may not work the team's visits in the field.
func mustBeMember(ctx context.Context, tx *gorm.DB, teamID, userID int64) error {
	ok, err := team.IsMember(ctx, tx, teamID, userID)
	if err == nil && !ok {
		err = errNotMember
	}
	return err
}

// Start marks a planned visit of ctx's office as under way. Errors: NotFound,
// Forbidden (not in the team), Conflict (not planned any more, or before its day),
// scope.ErrMissing, scope.ErrReadOnly.
func (s *Store) Start(ctx context.Context, who audit.Actor, userID, visitID int64) error {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return err
	}
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		v, err := lockOwn(ctx, tx, sc, visitID)
		if err != nil {
			return err
		}
		if err := mustBeMember(ctx, tx, v.TeamID, userID); err != nil {
			return err
		}
		if !v.Due(today(sc)) {
			return visit.NotDue(v)
		}
		_, err = visit.Move(ctx, tx, who, v, visit.Berlangsung)
		return err
	})
}

// ForVisit returns the result of a visit of ctx's office and whether there is
// one. Errors: scope.ErrMissing.
func (s *Store) ForVisit(ctx context.Context, visitID int64) (Result, bool, error) {
	rs, err := s.ForVisits(ctx, []int64{visitID})
	r, ok := rs[visitID]
	return r, ok, err
}
