package result

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/team"
	"jemputbola/internal/visit"
)

// Store keeps results.
type Store struct{ db *gorm.DB }

// NewStore returns a Store on g.
func NewStore(g *gorm.DB) *Store { return &Store{db: g} }

var (
	errOtherVisit = apperr.New(apperr.Conflict, "client_id ini sudah dipakai untuk kunjungan lain.")
	errHasResult  = apperr.New(apperr.Conflict, "Hasil kunjungan ini sudah tercatat; gunakan koreksi.")
	errCancelled  = apperr.New(apperr.Conflict, "Kunjungan ini dibatalkan; hasil tidak dapat dicatat.")
	errNotMember  = apperr.New(apperr.Forbidden, "Anda bukan anggota tim kunjungan ini.")
)

// Log stores the result of a visit once per client id. A replay of a stored
// client id returns the stored result with created false and changes nothing.
// Errors: Invalid (fields), NotFound (visit), Forbidden (not in the visit's
// team), Conflict (cancelled visit, result already logged, client id reused).
func (s *Store) Log(ctx context.Context, who audit.Actor, userID int64, in Input) (Result, bool, error) {
	if err := in.Validate(); err != nil {
		return Result{}, false, err
	}
	if r, found, err := s.replay(ctx, in); found || err != nil {
		return r, false, err
	}
	var r Result
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		v, err := visit.Lock(ctx, tx, in.VisitID)
		if err != nil {
			return err
		}
		if err := mustBeMember(ctx, tx, v.TeamID, userID); err != nil {
			return err
		}
		if v.Status == visit.Dibatalkan {
			return errCancelled
		}
		var existing int64
		if err := tx.Model(&Result{}).Where("visit_id = ?", v.ID).Count(&existing).Error; err != nil {
			return err
		}
		if existing > 0 {
			return errHasResult
		}
		now := time.Now().UTC()
		in.apply(&r)
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
		if stored, found, rerr := s.replay(ctx, in); found || rerr != nil {
			return stored, false, rerr
		}
		return Result{}, false, errHasResult
	}
	return r, err == nil, err
}

// replay finds a result stored under the input's client id.
func (s *Store) replay(ctx context.Context, in Input) (Result, bool, error) {
	var rs []Result
	if err := s.db.WithContext(ctx).Where("client_id = ?", in.ClientID).Limit(1).Find(&rs).Error; err != nil || len(rs) == 0 {
		return Result{}, false, err
	}
	if rs[0].VisitID != in.VisitID {
		return Result{}, false, errOtherVisit
	}
	return rs[0], true, nil
}

// Count returns how many results are stored.
func (s *Store) Count(ctx context.Context) (int64, error) {
	var n int64
	return n, s.db.WithContext(ctx).Model(&Result{}).Count(&n).Error
}

// ForVisits returns the results of the given visits, keyed by visit id.
func (s *Store) ForVisits(ctx context.Context, visitIDs []int64) (map[int64]Result, error) {
	out := map[int64]Result{}
	if len(visitIDs) == 0 {
		return out, nil
	}
	var rs []Result
	if err := s.db.WithContext(ctx).Where("visit_id IN ?", visitIDs).Find(&rs).Error; err != nil {
		return nil, err
	}
	for _, r := range rs {
		out[r.VisitID] = r
	}
	return out, nil
}

// mustBeMember refuses a user who may not work the team's visits in the field.
func mustBeMember(ctx context.Context, tx *gorm.DB, teamID, userID int64) error {
	ok, err := team.IsMember(ctx, tx, teamID, userID)
	if err == nil && !ok {
		err = errNotMember
	}
	return err
}

// Start marks a planned visit as under way. Errors: NotFound, Forbidden (not in
// the team), Conflict (not planned any more).
func (s *Store) Start(ctx context.Context, who audit.Actor, userID, visitID int64) error {
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		v, err := visit.Lock(ctx, tx, visitID)
		if err != nil {
			return err
		}
		if err := mustBeMember(ctx, tx, v.TeamID, userID); err != nil {
			return err
		}
		_, err = visit.Move(ctx, tx, who, v, visit.Berlangsung)
		return err
	})
}

// ForVisit returns the result of a visit and whether there is one.
func (s *Store) ForVisit(ctx context.Context, visitID int64) (Result, bool, error) {
	rs, err := s.ForVisits(ctx, []int64{visitID})
	r, ok := rs[visitID]
	return r, ok, err
}

// FieldTotals sums the activations logged in the field on visits after the day
// since (YYYY-MM-DD; "" for all), verified and not yet verified apart.
func (s *Store) FieldTotals(ctx context.Context, since string) (verified, unverified int64, err error) {
	var rows []struct {
		Verification string
		Total        int64
	}
	err = s.db.WithContext(ctx).Table("visit_results r").Joins("JOIN visits v ON v.id = r.visit_id").
		Where("v.day > ?", since).Select("r.verification, SUM(r.activations) AS total").Group("r.verification").Scan(&rows).Error
	for _, r := range rows {
		if r.Verification == Verified {
			verified += r.Total
		} else {
			unverified += r.Total
		}
	}
	return verified, unverified, err
}
