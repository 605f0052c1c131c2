package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
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

// SessionStore keeps sessions.
type SessionStore struct{ db *gorm.DB }

// NewSessionStore returns a SessionStore on g.
func NewSessionStore(g *gorm.DB) *SessionStore { return &SessionStore{db: g} }

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
	var u User
	err := s.db.WithContext(ctx).
		Joins("JOIN sessions ON sessions.user_id = users.id").
		Where("sessions.token_hash = ? AND sessions.expires_at > ? AND users.active = ?", hashToken(token), time.Now().UTC(), true).
		First(&u).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return u, apperr.New(apperr.NotFound, "Sesi berakhir. Silakan masuk kembali.")
	}
	return u, err
}

// Delete ends a session; unknown tokens are ignored.
func (s *SessionStore) Delete(ctx context.Context, token string) error {
	return s.db.WithContext(ctx).Where("token_hash = ?", hashToken(token)).Delete(&Session{}).Error
}

// DeleteExpired removes sessions past their end.
func (s *SessionStore) DeleteExpired(ctx context.Context) error {
	return s.db.WithContext(ctx).Where("expires_at <= ?", time.Now().UTC()).Delete(&Session{}).Error
}
