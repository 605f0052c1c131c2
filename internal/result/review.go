package result

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/pii"
	"jemputbola/internal/scope"
	"jemputbola/internal/team"
	"jemputbola/internal/text"
	"jemputbola/internal/visit"
)

// Verification states.
const (
	Unverified = "belum"
	Verified   = "diverifikasi"
	SentBack   = "dikembalikan"
)

// History is one correction of a result, with the values before and after.
type History struct {
	ID        int64 `gorm:"primaryKey"`
	ResultID  int64
	ChangedBy *int64
	ChangedAt time.Time
	Reason    string
	Before    string `gorm:"column:before_json"`
	After     string `gorm:"column:after_json"`
}

// TableName keeps GORM on the migrated table.
func (History) TableName() string { return "visit_result_history" }

// get reads a result of the office; another office's is not found.
func get(tx *gorm.DB, sc scope.Scope, id int64) (Result, error) {
	var r Result
	err := tx.Where("id = ? AND office_id = ?", id, sc.OfficeID).First(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return r, apperr.New(apperr.NotFound, "Hasil kunjungan tidak ditemukan.")
	}
	return r, err
}

func teamOf(tx *gorm.DB, sc scope.Scope, visitID int64) (int64, error) {
	var v visit.Visit
	err := tx.Select("team_id").Where("id = ? AND office_id = ?", visitID, sc.OfficeID).First(&v).Error
	return v.TeamID, err
}

// Correct replaces the values of a result of ctx's office and keeps the
// earlier ones in its history; the result then waits for verification again.
// A correction that changes nothing of a result already waiting for
// verification is a replay (a tablet's retried sync): it stores nothing.
// Errors: Invalid (fields, or no reason), NotFound, Forbidden (not in the
// visit's team), scope.ErrMissing, scope.ErrReadOnly.
func (s *Store) Correct(ctx context.Context, who audit.Actor, userID, resultID int64, in Input, reason string) (Result, error) {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return Result{}, err
	}
	reason = text.Clean(strings.TrimSpace(reason))
	var r Result
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		before, err := get(tx, sc, resultID)
		if err != nil {
			return err
		}
		in.ClientID, in.VisitID = before.ClientID, before.VisitID
		verr := in.Validate()
		if msg := pii.Check(reason, true); reason == "" || msg != "" {
			f := apperr.Fields(apperr.FieldsOf(verr))
			f.Add("reason", cmp.Or(msg, "Isi alasan koreksi."))
			verr = f.Err()
		}
		if verr != nil {
			return verr
		}
		teamID, err := teamOf(tx, sc, before.VisitID)
		if err != nil {
			return err
		}
		if err := mustBeMember(ctx, tx, teamID, userID); err != nil {
			return err
		}
		r = before
		if in.sameAs(before) && before.Verification == Unverified {
			return nil
		}
		in.apply(&r)
		r.Verification, r.VerifiedBy, r.VerifiedAt, r.VerifyComment, r.UpdatedAt = Unverified, nil, nil, "", time.Now().UTC()
		if err := tx.Save(&r).Error; err != nil {
			return err
		}
		b, _ := json.Marshal(before)
		a, _ := json.Marshal(r)
		h := History{ResultID: r.ID, ChangedBy: &userID, ChangedAt: r.UpdatedAt, Reason: reason, Before: string(b), After: string(a)}
		if err := tx.Create(&h).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, who, audit.Update, "result", r.ID, before, r)
	})
	return r, err
}

// Verify marks a result of ctx's office verified (ok) or sends it back with a
// comment. A team leader verifies only results of teams they lead unless
// anyTeam is set (kepala dinas, admin); nobody verifies a result they logged.
// Errors: Invalid (sending back without a comment), NotFound, Forbidden,
// scope.ErrMissing, scope.ErrReadOnly.
func (s *Store) Verify(ctx context.Context, who audit.Actor, userID, resultID int64, anyTeam, ok bool, comment string) error {
	comment = strings.TrimSpace(comment)
	if !ok && comment == "" {
		return &apperr.Error{Code: apperr.Invalid, Message: "Tulis alasan pengembalian.", Fields: map[string]string{"comment": "Tulis alasan pengembalian."}}
	}
	if msg := pii.Check(comment, true); msg != "" {
		return &apperr.Error{Code: apperr.Invalid, Message: msg, Fields: map[string]string{"comment": msg}}
	}
	return s.review(ctx, func(tx *gorm.DB, sc scope.Scope) error {
		return verify(ctx, tx, sc, who, userID, resultID, anyTeam, ok, comment)
	})
}

// VerifyAll marks several results verified at once, all or none, by the rules
// of Verify. Errors: those of Verify for the first result refused.
func (s *Store) VerifyAll(ctx context.Context, who audit.Actor, userID int64, resultIDs []int64, anyTeam bool) error {
	return s.review(ctx, func(tx *gorm.DB, sc scope.Scope) error {
		for _, id := range resultIDs {
			if err := verify(ctx, tx, sc, who, userID, id, anyTeam, true, ""); err != nil {
				return err
			}
		}
		return nil
	})
}

// review runs fn in one transaction of ctx's office, which may write.
func (s *Store) review(ctx context.Context, fn func(*gorm.DB, scope.Scope) error) error {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return err
	}
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error { return fn(tx, sc) })
}

var errOwnResult = apperr.New(apperr.Forbidden, "Hasil yang Anda catat sendiri diverifikasi oleh ketua tim lain, kepala dinas atau admin.")

func verify(ctx context.Context, tx *gorm.DB, sc scope.Scope, who audit.Actor, userID, resultID int64, anyTeam, ok bool, comment string) error {
	before, err := get(tx, sc, resultID)
	if err != nil {
		return err
	}
	if before.LoggedBy != nil && *before.LoggedBy == userID {
		return errOwnResult
	}
	if !anyTeam {
		teamID, err := teamOf(tx, sc, before.VisitID)
		if err != nil {
			return err
		}
		leads, err := team.Leads(ctx, tx, teamID, userID)
		if err != nil {
			return err
		}
		if !leads {
			return apperr.New(apperr.Forbidden, "Hanya ketua tim kunjungan ini yang dapat memverifikasi.")
		}
	}
	r := before
	now := time.Now().UTC()
	r.Verification, r.VerifiedBy, r.VerifiedAt, r.VerifyComment, r.UpdatedAt = Verified, &userID, &now, comment, now
	if !ok {
		r.Verification = SentBack
	}
	if err := tx.Save(&r).Error; err != nil {
		return err
	}
	return audit.Record(ctx, tx, who, audit.Update, "result", r.ID, before, r)
}

// Waiting is a result that waits for verification, with its visit.
type Waiting struct {
	Result
	SiteName, TeamName, Day string
}

// Pending lists the results of ctx's office not yet verified, oldest first;
// leaderID > 0 keeps only the teams that user leads. Errors: scope.ErrMissing.
func (s *Store) Pending(ctx context.Context, leaderID int64) ([]Waiting, error) {
	q := waiting(ctx, s.db.WithContext(ctx)).Where("r.verification <> ?", Verified).Order("v.day, r.id").Limit(200)
	if leaderID > 0 {
		q = q.Where("t.leader_id = ?", leaderID)
	}
	var ws []Waiting
	return ws, q.Scan(&ws).Error
}

// SentBackTo lists the results of the given teams of ctx's office that a ketua
// tim sent back and that wait for a correction, newest visit first.
// Errors: scope.ErrMissing.
func (s *Store) SentBackTo(ctx context.Context, teamIDs []int64) ([]Waiting, error) {
	var ws []Waiting
	if len(teamIDs) == 0 {
		return ws, nil
	}
	return ws, waiting(ctx, s.db.WithContext(ctx)).Where("r.verification = ? AND v.team_id IN ?", SentBack, teamIDs).
		Order("v.day DESC, r.id DESC").Limit(50).Scan(&ws).Error
}

// waiting selects results of ctx's office with their visit's names (Waiting).
func waiting(ctx context.Context, g *gorm.DB) *gorm.DB {
	return g.Table("visit_results r").Scopes(scope.Own(ctx, "r")).
		Select("r.*, s.name AS site_name, t.name AS team_name, v.day AS day").
		Joins("JOIN visits v ON v.id = r.visit_id").Joins("JOIN sites s ON s.id = v.site_id").Joins("JOIN teams t ON t.id = v.team_id")
}

// HistoryOf returns the corrections of a result of ctx's office, newest
// first. Errors: NotFound, scope.ErrMissing.
func (s *Store) HistoryOf(ctx context.Context, resultID int64) ([]History, error) {
	sc, err := scope.From(ctx)
	if err != nil {
		return nil, err
	}
	q := s.db.WithContext(ctx)
	if _, err := get(q, sc, resultID); err != nil {
		return nil, err
	}
	var hs []History
	return hs, q.Where("result_id = ?", resultID).Order("id DESC").Find(&hs).Error
}

// Corrected is how often a result was corrected and why, the last time.
type Corrected struct {
	Times      int
	LastReason string
}

// CorrectionsOf returns, for those of the results of ctx's office that were
// ever corrected, how often and the last reason, by result id.
// Errors: scope.ErrMissing.
func (s *Store) CorrectionsOf(ctx context.Context, resultIDs []int64) (map[int64]Corrected, error) {
	out := map[int64]Corrected{}
	if len(resultIDs) == 0 {
		return out, nil
	}
	var hs []History
	err := s.db.WithContext(ctx).Table("visit_result_history h").Select("h.*").
		Joins("JOIN visit_results r ON r.id = h.result_id").Scopes(scope.Own(ctx, "r")).
		Where("h.result_id IN ?", resultIDs).Order("h.id").Find(&hs).Error
	for _, h := range hs {
		c := out[h.ResultID]
		c.Times++
		c.LastReason = h.Reason
		out[h.ResultID] = c
	}
	return out, err
}
