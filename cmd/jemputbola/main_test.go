package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jemputbola/internal/dbtest"
)

func testEnv(t *testing.T) func(string) string {
	env := map[string]string{"JEMPUTBOLA_DB": filepath.Join(t.TempDir(), "jb.db"), "JEMPUTBOLA_ADDR": "127.0.0.1:0"}
	if os.Getenv(dbtest.Env) == "postgres" {
		env["DATABASE_URL"] = dbtest.PostgresURL(t)
	}
	return func(k string) string { return env[k] }
}

func TestUserCommands(t *testing.T) {
	env := testEnv(t)
	ctx := context.Background()
	var out strings.Builder
	err := run(ctx, []string{"user", "add", "--username", "admin", "--role", "admin", "--name", "Admin Dukcapil", "--password-stdin"},
		env, strings.NewReader("kata-sandi-panjang\n"), &out)
	if err != nil || !strings.Contains(out.String(), "admin (Admin) dibuat") {
		t.Fatalf("user add: %v, %q", err, out.String())
	}
	t.Run("ErrExplainsField", func(t *testing.T) {
		err := run(ctx, []string{"user", "add", "--username", "x", "--role", "raja", "--name", "X", "--password-stdin"}, env, strings.NewReader("pendek\n"), io.Discard)
		if err == nil || !strings.Contains(err.Error(), "--role") || !strings.Contains(err.Error(), "--password") {
			t.Fatalf("user add with bad input: %v", err)
		}
	})
	t.Run("ErrPasswordNotOnCommandLine", func(t *testing.T) {
		if err := run(ctx, []string{"user", "add", "--username", "y", "--role", "admin", "--name", "Y"}, env, strings.NewReader(""), io.Discard); err == nil {
			t.Fatal("accepted a user without --password-stdin")
		}
	})
	t.Run("Passwd", func(t *testing.T) {
		out.Reset()
		if err := run(ctx, []string{"user", "passwd", "--username", "admin", "--password-stdin"}, env, strings.NewReader("kata-sandi-baru-1\n"), &out); err != nil {
			t.Fatal(err)
		}
		if err := run(ctx, []string{"user", "passwd", "--username", "siapa", "--password-stdin"}, env, strings.NewReader("kata-sandi-baru-1\n"), io.Discard); err == nil {
			t.Fatal("passwd for an unknown user succeeded")
		}
	})
}

// TestServeShutsDownGracefully starts the server with demo data, waits until it
// answers, then cancels the context as SIGTERM would and expects a clean exit.
func TestServeShutsDownGracefully(t *testing.T) {
	env := testEnv(t)
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"serve", "--demo"}, env, strings.NewReader(""), pw); _ = pw.Close() }()
	lines := bufio.NewScanner(pr)
	var url string
	for lines.Scan() {
		if _, after, ok := strings.Cut(lines.Text(), "berjalan di "); ok {
			url = after
			break
		}
	}
	go func() { _, _ = io.Copy(io.Discard, pr) }() // keep the server's log from blocking it
	if url == "" {
		t.Fatal("server did not print its address")
	}
	res, err := http.Get(url + "/healthz")
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("healthz: %v", err)
	}
	if err := res.Body.Close(); err != nil {
		t.Fatal(err)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve returned %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("server did not stop")
	}
}
