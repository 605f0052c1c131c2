package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/db"
	"jemputbola/internal/loadgen"
)

// crashAfter is how many acknowledged writes the server gets before SIGKILL.
const crashAfter = 300

// server is the real binary running `serve` as a child process.
type server struct {
	cmd    *exec.Cmd
	out    *syncBuffer
	exited chan struct{} // closed when the process is gone; err is set then
	err    error
}

// syncBuffer collects the child's output; exec copies into it from its own goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestCrashKeepsAcknowledgedWrites kills the real server with SIGKILL in the
// middle of write load, restarts it on the same SQLite file, and checks that
// every acknowledged result survived exactly once and that the tablets'
// retries of the unacknowledged ones are each stored once (201) or
// recognised (200).
func TestCrashKeepsAcknowledgedWrites(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test builds the binary and kills it mid-load; skipped under -short")
	}
	ctx := context.Background()
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	dbPath, addr := filepath.Join(dir, "jb.db"), freeAddr(t)
	srv := startServer(t, bin, dbPath, addr)

	g, err := db.Open(db.Options{SQLitePath: dbPath})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close(g)
	fx, err := loadgen.Prepare(ctx, g, loadgen.FixtureConfig{Tablets: 8, Visits: 8 * 1000})
	if err != nil {
		t.Fatal(err)
	}
	fleet, err := loadgen.Connect(ctx, fx, loadgen.FleetConfig{BaseURL: "http://" + addr, Transport: loadgen.NewTransport(8)})
	if err != nil {
		t.Fatal(err)
	}

	out, killed := runUntilKilled(t, fleet, srv)
	if !killed {
		t.Fatalf("only %d writes acknowledged in time; the server was never killed", len(out.Acked))
	}
	t.Logf("killed after %d acknowledged writes; %d unacknowledged", len(out.Acked), len(out.Unacked))
	startServer(t, bin, dbPath, addr)

	v := verifyAfterCrash(t, g, fx, out)
	retryUnacked(t, fleet, out.Unacked, v.Unexpected)
	t.Logf("%d unacknowledged writes had been committed before the kill (retry answered 200)", len(v.Unexpected))
	all := slices.Concat(out.Acked, out.Unacked)
	if v, err := loadgen.VerifyStored(ctx, g, fx, all); err != nil || !v.Exact(len(all)) {
		t.Fatalf("after retries: stored %d of %d, missing %d, duplicated %d, unexpected %d (%v)",
			v.Stored, len(all), len(v.Missing), len(v.Duplicated), len(v.Unexpected), err)
	}
	checkIntegrity(t, g)
}

// runUntilKilled drives the write load and sends SIGKILL once crashAfter
// writes are acknowledged; every tablet stops at its first unanswered write.
func runUntilKilled(t *testing.T, fleet *loadgen.Fleet, srv *server) (*loadgen.Outcome, bool) {
	t.Helper()
	var acked atomic.Int64
	var killed atomic.Bool
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		for acked.Load() < crashAfter {
			select {
			case <-stop:
				return
			case <-time.After(time.Millisecond):
			}
		}
		killed.Store(srv.cmd.Process.Signal(syscall.SIGKILL) == nil)
	}()
	// The kill ends the run (each tablet stops at its first unanswered
	// write); the duration only bounds a run whose kill never comes, so a
	// slow, loaded machine still reaches crashAfter.
	out := fleet.Run(context.Background(), loadgen.RunConfig{Duration: 3 * time.Minute, StopOnError: true, Acked: &acked})
	close(stop)
	<-done // the killer has killed or given up: killed is final
	if killed.Load() {
		<-srv.exited
	}
	return out, killed.Load()
}

// verifyAfterCrash checks every acknowledged write is stored once, and that
// anything else stored is one of the writes in flight at the kill.
func verifyAfterCrash(t *testing.T, g *gorm.DB, fx *loadgen.Fixtures, out *loadgen.Outcome) loadgen.Verification {
	t.Helper()
	v, err := loadgen.VerifyStored(context.Background(), g, fx, out.Acked)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Missing)+len(v.Duplicated)+len(v.WrongVisit) > 0 {
		t.Fatalf("after the crash: %d acknowledged writes missing, %d duplicated, %d on the wrong visit",
			len(v.Missing), len(v.Duplicated), len(v.WrongVisit))
	}
	inFlight := map[string]bool{}
	for _, w := range out.Unacked {
		inFlight[w.ClientID] = true
	}
	for _, id := range v.Unexpected {
		if !inFlight[id] {
			t.Fatalf("stored result %s was never sent", id)
		}
	}
	checkIntegrity(t, g)
	return v
}

// retryUnacked resends the writes that got no answer: those the server
// committed before dying must come back 200, the others 201.
func retryUnacked(t *testing.T, fleet *loadgen.Fleet, unacked []loadgen.Write, committed []string) {
	t.Helper()
	statuses, err := fleet.Retry(context.Background(), unacked)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range unacked {
		want := http.StatusCreated
		if slices.Contains(committed, w.ClientID) {
			want = http.StatusOK
		}
		if got := statuses[w.ClientID]; got != want {
			t.Fatalf("retry of %s: status %d, want %d", w.ClientID, got, want)
		}
	}
}

func checkIntegrity(t *testing.T, g *gorm.DB) {
	t.Helper()
	var rows []string
	if err := g.Raw("PRAGMA integrity_check").Scan(&rows).Error; err != nil || len(rows) != 1 || rows[0] != "ok" {
		t.Fatalf("integrity_check: %v %v", rows, err)
	}
}

// buildBinary compiles this command as the office would run it.
func buildBinary(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "jemputbola")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// startServer runs `serve` on the file and waits until /healthz answers. The
// environment is the test's minus the app's own variables, so a DATABASE_URL
// set on the machine cannot send the server elsewhere.
func startServer(t *testing.T, bin, dbPath, addr string) *server {
	t.Helper()
	cmd := exec.Command(bin, "serve")
	cmd.Env = slices.DeleteFunc(os.Environ(), func(kv string) bool {
		return strings.HasPrefix(kv, "DATABASE_URL=") || strings.HasPrefix(kv, "JEMPUTBOLA_")
	})
	cmd.Env = append(cmd.Env, "JEMPUTBOLA_DB="+dbPath, "JEMPUTBOLA_ADDR="+addr)
	s := &server{cmd: cmd, out: &syncBuffer{}, exited: make(chan struct{})}
	cmd.Stdout, cmd.Stderr = s.out, s.out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { s.err = cmd.Wait(); close(s.exited) }()
	t.Cleanup(func() { s.stop() })
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if res, err := http.Get("http://" + addr + "/healthz"); err == nil {
			if err := res.Body.Close(); err != nil {
				t.Fatal(err)
			}
			return s
		}
		select {
		case <-s.exited:
			t.Fatalf("server exited: %v\n%s", s.err, s.out.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("server did not answer on %s\n%s", addr, s.out.String())
		}
	}
}

// stop ends the server gracefully if it still runs.
func (s *server) stop() {
	select {
	case <-s.exited:
		return
	default:
	}
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.exited:
	case <-time.After(10 * time.Second):
		_ = s.cmd.Process.Kill()
	}
}
