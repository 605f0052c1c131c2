package auth

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
)

// Sign-in throttle. Wrong passwords are remembered per account and address
// together, and per address across accounts. After the free tries each further
// try waits twice as long as the one before, up to MaxDelay. Keying on the pair
// means a guesser somewhere else never locks the real user out of their own
// tablet, and a throttled try is refused before any bcrypt work.
const (
	FreeTries      = 5  // per account and address
	FreeTriesPerIP = 20 // per address, over all accounts
	FirstDelay     = 30 * time.Second
	MaxDelay       = 15 * time.Minute
	// FailureMemory is how long a failure counts. It must outlast many
	// MaxDelay steps, or a patient guesser would see the delays reset.
	FailureMemory = 24 * time.Hour
)

type loginFailure struct {
	ID       int64 `gorm:"primaryKey"`
	Username string
	RemoteIP string
	At       time.Time
}

func (loginFailure) TableName() string { return "login_failures" }

// ErrLocked marks a try refused by the throttle; the error also carries the
// message with how long to wait.
var ErrLocked = errors.New("auth: sign-in throttled")

func lockedFor(wait time.Duration) error {
	msg := fmt.Sprintf("Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam %s.", waitWords(wait))
	return fmt.Errorf("%w: %w", ErrLocked, apperr.New(apperr.Forbidden, msg))
}

// waitWords says a wait in whole seconds under a minute, else whole minutes, rounded up.
func waitWords(d time.Duration) string {
	if d < time.Minute {
		return fmt.Sprintf("%d detik", max(1, int((d+time.Second-1)/time.Second)))
	}
	return fmt.Sprintf("%d menit", int((d+time.Minute-1)/time.Minute))
}

// delayAfter is how long must pass after the last of n failures when free are allowed.
func delayAfter(n, free int64) time.Duration {
	if n < free {
		return 0
	}
	steps := n - free
	if steps >= 10 { // 30 s << 10 is far past MaxDelay
		return MaxDelay
	}
	return min(FirstDelay<<steps, MaxDelay)
}

// throttleWait is how long username at remoteIP must still wait, 0 when a try may be checked.
func (a *Authenticator) throttleWait(ctx context.Context, username, remoteIP string) (time.Duration, error) {
	now := a.now().UTC()
	since := now.Add(-FailureMemory)
	pair := a.db.WithContext(ctx).Model(&loginFailure{}).Where("username = ? AND remote_ip = ? AND at > ?", username, remoteIP, since)
	byIP := a.db.WithContext(ctx).Model(&loginFailure{}).Where("remote_ip = ? AND at > ?", remoteIP, since)
	var wait time.Duration
	for _, k := range []struct {
		q    *gorm.DB
		free int64
	}{{pair, FreeTries}, {byIP, FreeTriesPerIP}} {
		var n int64
		if err := k.q.Count(&n).Error; err != nil {
			return 0, err
		}
		d := delayAfter(n, k.free)
		if d == 0 {
			continue
		}
		var last loginFailure
		if err := k.q.Order("at DESC").Limit(1).Find(&last).Error; err != nil {
			return 0, err
		}
		wait = max(wait, last.At.Add(d).Sub(now))
	}
	return wait, nil
}

// recordFailure remembers a wrong password and forgets failures past FailureMemory.
func (a *Authenticator) recordFailure(ctx context.Context, username, remoteIP string) error {
	now := a.now().UTC()
	return a.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Where("at <= ?", now.Add(-FailureMemory)).Delete(&loginFailure{}).Error; err != nil {
			return err
		}
		return tx.Create(&loginFailure{Username: username, RemoteIP: remoteIP, At: now}).Error
	})
}

// forgetFailures clears a pair's failures after it signed in, so an honest
// typo does not linger; other addresses' failures for the account stay.
func (a *Authenticator) forgetFailures(ctx context.Context, username, remoteIP string) error {
	return a.db.WithContext(ctx).Where("username = ? AND remote_ip = ?", username, remoteIP).Delete(&loginFailure{}).Error
}
