package main

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"jemputbola/internal/audit"
	"jemputbola/internal/auth"
	"jemputbola/internal/dbtest"
)

// lockedBuffer is a log destination the test reads while the loop writes.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestPurgeSessions runs the purge loop on a short interval: an expired
// session goes at start, one that expires later goes on a tick, a live one
// stays, and the loop returns once its context ends.
func TestPurgeSessions(t *testing.T) {
	g := dbtest.Selected(t)
	ctx := dbtest.InOffice(t, g, "17.02")
	u, err := auth.NewUserStore(g).Create(ctx, audit.System,
		auth.UserInput{Username: "kadis", Name: "Kadis", Role: auth.KepalaDinas, Password: "rahasia-123"})
	if err != nil {
		t.Fatal(err)
	}
	sessions := auth.NewSessionStore(g)
	live, err := sessions.Create(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	expired := func(name string) {
		t.Helper()
		at := time.Now().UTC().Add(-time.Minute)
		if err := g.Create(&auth.Session{TokenHash: name, UserID: u.ID, CreatedAt: at.Add(-auth.SessionTTL), ExpiresAt: at}).Error; err != nil {
			t.Fatal(err)
		}
	}
	count := func() int64 {
		t.Helper()
		var n int64
		if err := g.Model(&auth.Session{}).Count(&n).Error; err != nil {
			t.Fatal(err)
		}
		return n
	}
	waitFor := func(what string, want int64) {
		t.Helper()
		for deadline := time.Now().Add(5 * time.Second); count() != want; time.Sleep(5 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("%s: %d sessions, want %d", what, count(), want)
			}
		}
	}

	expired("before-start")
	var logs lockedBuffer
	loopCtx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		purgeSessions(loopCtx, sessions, 20*time.Millisecond, slog.New(slog.NewTextHandler(&logs, nil)))
		close(done)
	}()
	waitFor("at start", 1)
	expired("while-running")
	waitFor("on a tick", 1)
	if _, err := sessions.User(ctx, live); err != nil {
		t.Fatalf("live session purged: %v", err)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("purge loop still running after cancel")
	}
	if got := strings.Count(logs.String(), `msg="expired sessions purged" count=1`); got != 2 {
		t.Fatalf("%d purge lines logged, want 2:\n%s", got, logs.String())
	}
}
