package main

import (
	"context"
	"log/slog"
	"time"

	"jemputbola/internal/auth"
)

// sessionPurgeEvery is how often serve removes expired sessions.
const sessionPurgeEvery = time.Hour

// purgeSessions removes expired sessions at once and then every interval,
// until ctx ends. Several instances on one database may each run it: a
// delete of what is expired is the same from any of them.
func purgeSessions(ctx context.Context, sessions *auth.SessionStore, every time.Duration, log *slog.Logger) {
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		n, err := sessions.DeleteExpired(ctx)
		switch {
		case err != nil:
			if ctx.Err() == nil { // not merely cut short by shutdown
				log.Warn("purge expired sessions", "err", err)
			}
		case n > 0:
			log.Info("expired sessions purged", "count", n)
		default:
			log.Debug("no expired sessions to purge")
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
