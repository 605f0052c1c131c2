package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"jemputbola/internal/db"
)

// TestPrivacyCommand: privacy scan lists stored texts with a resident's
// number, masked in its output; --mask rewrites them; a second scan finds none.
func TestPrivacyCommand(t *testing.T) {
	env := testEnv(t)
	ctx := context.Background()
	_, g, err := openDB(env)
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Exec(`INSERT INTO audit_entries (at, username, action, entity, entity_id, before_json, after_json)
		VALUES (?, 'op', 'update', 'result', '7', '', '{"notes":"NIK 1702061234560001 gagal"}')`, time.Now().UTC()).Error; err != nil {
		t.Fatal(err)
	}
	db.Close(g)
	var out strings.Builder
	if err := run(ctx, []string{"privacy", "scan"}, env, nil, &out); err != nil ||
		!strings.Contains(out.String(), "audit_entries.after_json") || strings.Contains(out.String(), "1702061234560001") ||
		!strings.Contains(out.String(), "1702********0001") || !strings.Contains(out.String(), "--mask") {
		t.Fatalf("scan: %v\n%s", err, out.String())
	}
	out.Reset()
	if err := run(ctx, []string{"privacy", "scan", "--mask"}, env, nil, &out); err != nil || !strings.Contains(out.String(), "sudah disamarkan") {
		t.Fatalf("scan --mask: %v\n%s", err, out.String())
	}
	out.Reset()
	if err := run(ctx, []string{"privacy", "scan"}, env, nil, &out); err != nil || !strings.Contains(out.String(), "Tidak ada NIK") {
		t.Fatalf("scan after masking: %v\n%s", err, out.String())
	}
	if err := run(ctx, []string{"privacy"}, env, nil, &out); err == nil || !strings.Contains(err.Error(), "privacy scan") {
		t.Fatalf("privacy without scan: %v", err)
	}
}
