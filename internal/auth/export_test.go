package auth

import "time"

// SetClock lets tests move the throttle's time without waiting.
func (a *Authenticator) SetClock(now func() time.Time) { a.now = now }
