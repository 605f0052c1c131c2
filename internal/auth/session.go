package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"sync"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
)

// SessionTTL is how long a sign-in lasts: one working day with room to spare.
const SessionTTL = 12 * time.Hour

// Session is a signed-in browser. Only the token's SHA-256 is stored, so a copy of
// the database cannot be used to take over sessions. Sessions live in the database
// so that several app instances share them.
type Session struct {
	TokenHash string `gorm:"primaryKey"`
	UserID    int64
	CreatedAt time.Time
	ExpiresAt time.Time
}

// TableName keeps GORM on the migrated table.
func (Session) TableName() string { return "sessions" }

// sessionRecheck is how long a looked-up session is trusted before the
// database is asked again. Signing out here takes effect at once; signing
// out, a password change or a deactivation on another instance takes effect
// there within this time.
const sessionRecheck = 5 * time.Second

// maxRemembered bounds the remembered sessions; past it, stale ones are dropped.
const maxRemembered = 10_000

type remembered struct {
	user  User
	until time.Time
}

// SessionStore keeps sessions, remembering recent lookups so that most
// requests need no database round trip.
type SessionStore struct {
	db  *gorm.DB
	mu  sync.Mutex
	got map[string]remembered // by token hash
}

// NewSessionStore returns a SessionStore on g.
func NewSessionStore(g *gorm.DB) *SessionStore {
	return &SessionStore{db: g, got: map[string]remembered{}}
}

func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// Create starts a session for userID and returns its secret token for the cookie.
func (s *SessionStore) Create(ctx context.Context, userID int64) (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	token := base64.RawURLEncoding.EncodeToString(b)
	now := time.Now().UTC()
	sess := Session{TokenHash: hashToken(token), UserID: userID, CreatedAt: now, ExpiresAt: now.Add(SessionTTL)}
	return token, s.db.WithContext(ctx).Create(&sess).Error
}

// User returns the active user of a live session. Errors: NotFound when the token
// is unknown, expired or its user is deactivated.
func (s *SessionStore) User(ctx context.Context, token string) (User, error) {
	hash, now := hashToken(token), time.Now()
	s.mu.Lock()
	r, ok := s.got[hash]
	s.mu.Unlock()
	if ok && now.Before(r.until) {
		return r.user, nil
	}
	var row struct {
		User
		ExpiresAt time.Time
	}
	err := s.db.WithContext(ctx).Model(&User{}).Select("users.*, sessions.expires_at").
		Joins("JOIN sessions ON sessions.user_id = users.id").
		Where("sessions.token_hash = ? AND sessions.expires_at > ? AND users.active = ?", hash, now.UTC(), true).
		Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		s.forget(hash)
		return User{}, apperr.New(apperr.NotFound, "Sesi berakhir. Silakan masuk kembali.")
	}
	if err != nil {
		return User{}, err
	}
	s.mu.Lock()
	if len(s.got) >= maxRemembered {
		for h, r := range s.got {
			if !now.Before(r.until) {
				delete(s.got, h)
			}
		}
	}
	if len(s.got) < maxRemembered {
		s.got[hash] = remembered{user: row.User, until: minTime(now.Add(sessionRecheck), row.ExpiresAt)}
	}
	s.mu.Unlock()
	return row.User, nil
}

// ForgetUser drops what this instance remembers of a user's sessions, after
// their role, password or status changed.
func (s *SessionStore) ForgetUser(userID int64) {
	s.mu.Lock()
	for h, r := range s.got {
		if r.user.ID == userID {
			delete(s.got, h)
		}
	}
	s.mu.Unlock()
}

func (s *SessionStore) forget(hash string) {
	s.mu.Lock()
	delete(s.got, hash)
	s.mu.Unlock()
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

// Delete ends a session; unknown tokens are ignored.
func (s *SessionStore) Delete(ctx context.Context, token string) error {
	s.forget(hashToken(token))
	return s.db.WithContext(ctx).Where("token_hash = ?", hashToken(token)).Delete(&Session{}).Error
}

// DeleteExpired removes sessions past their end and returns how many. Lookups
// ignore expired sessions already; this keeps the table from growing by a row
// for every sign-in (serve runs it hourly).
func (s *SessionStore) DeleteExpired(ctx context.Context) (int64, error) {
	res := s.db.WithContext(ctx).Where("expires_at <= ?", time.Now().UTC()).Delete(&Session{})
	return res.RowsAffected, res.Error
}
