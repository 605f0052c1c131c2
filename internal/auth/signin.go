package auth

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
)

// ErrBadCredentials is the one answer for an unknown user, a wrong password or a
// deactivated account, so the form does not reveal which usernames exist.
var ErrBadCredentials = apperr.New(apperr.Invalid, "Nama pengguna atau kata sandi salah.")

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
// throttled (no password is checked then), ErrBadCredentials otherwise. Every
// checked try is audited with its address, for the user's office when the
// username exists.
func (a *Authenticator) SignIn(ctx context.Context, username, password, remoteIP string) (User, error) {
	username = strings.ToLower(strings.TrimSpace(username))
	wait, err := a.throttleWait(ctx, username, remoteIP)
	if err != nil {
		return User{}, err
	}
	if wait > 0 {
		return User{}, lockedFor(wait)
	}
	var u User
	if err := a.db.WithContext(ctx).Where("username = ?", username).Limit(1).Find(&u).Error; err != nil {
		return User{}, err
	}
	if !passwordMatches(u.PasswordHash, password) || !u.Active {
		if err := a.recordFailure(ctx, username, remoteIP); err != nil {
			return User{}, err
		}
		if u.ID != 0 {
			if err := a.audit(ctx, u, audit.SignInFailed, remoteIP); err != nil {
				return User{}, err
			}
		}
		return User{}, ErrBadCredentials
	}
	if err := a.forgetFailures(ctx, username, remoteIP); err != nil {
		return User{}, err
	}
	return u, a.audit(ctx, u, audit.SignIn, remoteIP)
}

// SignedOut audits that u ended their session from remoteIP.
func (a *Authenticator) SignedOut(ctx context.Context, u User, remoteIP string) error {
	return a.audit(ctx, u, audit.SignOut, remoteIP)
}

func (a *Authenticator) audit(ctx context.Context, u User, action, remoteIP string) error {
	return audit.RecordIn(ctx, a.db, u.OfficeID, audit.Actor{UserID: u.ID, Username: u.Username}, action, "user", u.ID, nil, audit.Address{Address: remoteIP})
}
