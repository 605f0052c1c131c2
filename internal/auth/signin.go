package auth

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
)

// Sign-in throttle: after MaxFailures wrong passwords for one username (or
// MaxFailuresPerIP from one address) within LockWindow, further attempts are
// refused until the window has passed. Failures are stored in the database so
// that every app instance sees them.
const (
	MaxFailures      = 5
	MaxFailuresPerIP = 20
	LockWindow       = 15 * time.Minute
)

type loginFailure struct {
	ID       int64 `gorm:"primaryKey"`
	Username string
	RemoteIP string
	At       time.Time
}

func (loginFailure) TableName() string { return "login_failures" }

// ErrBadCredentials is the one answer for an unknown user, a wrong password or a
// deactivated account, so the form does not reveal which usernames exist.
var ErrBadCredentials = apperr.New(apperr.Invalid, "Nama pengguna atau kata sandi salah.")

// ErrLocked is returned while sign-in is throttled.
var ErrLocked = apperr.New(apperr.Forbidden, "Terlalu banyak percobaan masuk yang gagal. Tunggu 15 menit lalu coba lagi.")

// Authenticator checks credentials against the users table and the throttle.
type Authenticator struct {
	db  *gorm.DB
	now func() time.Time
}

// NewAuthenticator returns an Authenticator on g.
func NewAuthenticator(g *gorm.DB) *Authenticator {
	return &Authenticator{db: g, now: time.Now}
}

// SignIn returns the user when the password matches. Errors: ErrLocked while
// throttled, ErrBadCredentials otherwise.
func (a *Authenticator) SignIn(ctx context.Context, username, password, remoteIP string) (User, error) {
	username = strings.ToLower(strings.TrimSpace(username))
	since := a.now().UTC().Add(-LockWindow)
	var byUser, byIP int64
	q := a.db.WithContext(ctx).Model(&loginFailure{})
	if err := q.Where("username = ? AND at > ?", username, since).Count(&byUser).Error; err != nil {
		return User{}, err
	}
	if err := a.db.WithContext(ctx).Model(&loginFailure{}).Where("remote_ip = ? AND at > ?", remoteIP, since).Count(&byIP).Error; err != nil {
		return User{}, err
	}
	if byUser >= MaxFailures || byIP >= MaxFailuresPerIP {
		return User{}, ErrLocked
	}
	var u User
	err := a.db.WithContext(ctx).Where("username = ?", username).Limit(1).Find(&u).Error
	if err != nil {
		return User{}, err
	}
	if !passwordMatches(u.PasswordHash, password) || !u.Active {
		f := loginFailure{Username: username, RemoteIP: remoteIP, At: a.now().UTC()}
		if err := a.db.WithContext(ctx).Create(&f).Error; err != nil {
			return User{}, err
		}
		return User{}, ErrBadCredentials
	}
	// A success clears the user's count so an honest typo earlier does not linger.
	if err := a.db.WithContext(ctx).Where("username = ?", username).Delete(&loginFailure{}).Error; err != nil {
		return User{}, err
	}
	return u, nil
}
