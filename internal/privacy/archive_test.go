package privacy_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/dbtest"
	"jemputbola/internal/privacy"
	"jemputbola/internal/scope"
)

// entry writes one audit entry of ctx's office at a given time.
func entry(t *testing.T, g *gorm.DB, ctx context.Context, at time.Time, id string) {
	t.Helper()
	sc, _ := scope.From(ctx)
	if err := g.Exec(`INSERT INTO audit_entries (office_id, at, username, action, entity, entity_id, before_json, after_json)
		VALUES (?, ?, 'ketua1', 'update', 'site', ?, '{"name":"SD 1"}', '{"name":"SD 1, Curup"}')`, sc.OfficeID, at.UTC(), id).Error; err != nil {
		t.Fatal(err)
	}
}

func officeEntries(t *testing.T, g *gorm.DB, ctx context.Context) int64 {
	t.Helper()
	sc, _ := scope.From(ctx)
	var n int64
	g.Raw("SELECT COUNT(*) FROM audit_entries WHERE office_id = ?", sc.OfficeID).Scan(&n)
	return n
}

// TestArchiveThenRemove: entries past the retention are written to a file
// whose digest the removal names; only they go, only the office's own, and
// not one written after the page was shown; recent ones never go.
func TestArchiveThenRemove(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		ctx := dbtest.InOffice(t, g, "17.02")
		other := dbtest.InOffice(t, g, "17.71")
		now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
		cutoff := audit.Cutoff(now, 5)
		if want := time.Date(2021, 12, 4, 0, 0, 0, 0, time.UTC); !cutoff.Equal(want) {
			t.Fatalf("cutoff %v, want %v", cutoff, want)
		}
		oldest := time.Date(2019, 3, 1, 8, 0, 0, 0, time.UTC)
		base := officeEntries(t, g, ctx) // adding the office wrote its own
		entry(t, g, ctx, oldest, "1")
		entry(t, g, ctx, oldest.AddDate(1, 0, 0), "2")
		entry(t, g, ctx, cutoff.Add(-time.Second), "3")
		entry(t, g, ctx, cutoff, "4") // on the cutoff: kept
		entry(t, g, other, oldest, "9")
		entries := audit.NewStore(g)

		old, err := entries.OldEntries(ctx, cutoff)
		if err != nil || old.Entries != 3 || !old.FirstAt.Equal(oldest) {
			t.Fatalf("old entries: %+v, %v; want 3 from %v", old, err, oldest)
		}
		entry(t, g, ctx, oldest, "5") // written after the page was shown

		var file bytes.Buffer
		n, digest, err := privacy.WriteArchive(ctx, entries, &file, old)
		if err != nil || n != 3 {
			t.Fatalf("archive: %d entries, %v", n, err)
		}
		sum := sha256.Sum256(file.Bytes())
		if digest != hex.EncodeToString(sum[:]) {
			t.Fatalf("digest %s is not the file's", digest)
		}
		lines := strings.Split(strings.TrimSpace(file.String()), "\r\n")
		if len(lines) != 4 || !strings.HasPrefix(lines[0], "\uFEFFNo,Waktu,Pengguna,Kejadian") ||
			!strings.Contains(lines[1], "2019-03-01T15:00:00+07:00,ketua1,Lokasi sasaran no. 1 diubah") || !strings.Contains(lines[1], `"{""name"":""SD 1""}"`) {
			t.Fatalf("archive file:\n%s", file.String())
		}

		if _, err := privacy.RemoveArchived(ctx, g, audit.System, old, cutoff.Add(-time.Hour)); apperr.CodeOf(err) != apperr.Invalid {
			t.Fatalf("removing entries younger than the retention: %v, want Invalid", err)
		}
		readOnly := scope.With(context.Background(), func() scope.Scope { s, _ := scope.From(ctx); s.ReadOnly = true; return s }())
		if _, err := privacy.RemoveArchived(readOnly, g, audit.System, old, cutoff); !errors.Is(err, scope.ErrReadOnly) {
			t.Fatalf("removing from a read-only view: %v", err)
		}

		done, err := privacy.RemoveArchived(ctx, g, audit.Actor{Username: "admin"}, old, cutoff)
		if err != nil || done.Entries != 3 || done.SHA256 != digest {
			t.Fatalf("remove: %+v, %v; want 3 entries and digest %s", done, err, digest)
		}
		// Left: the office's own entries, the one on the cutoff, the late one, and the record of the removal.
		if left := officeEntries(t, g, ctx); left != base+3 {
			t.Fatalf("%d entries left, want %d", left, base+3)
		}
		if left := officeEntries(t, g, other); left < 2 {
			t.Fatalf("the other office lost entries: %d left", left)
		}
		list, _, err := entries.List(ctx, audit.Filter{ChangesOnly: true, Limit: 1})
		if err != nil || len(list) != 1 || list[0].Sentence() != "Catatan audit sebelum 4 Desember 2021 diarsipkan lalu dihapus: 3 catatan" ||
			list[0].Username != "admin" || !strings.Contains(list[0].After, digest) {
			t.Fatalf("audit of the removal: %+v, %v", list, err)
		}
		if _, err := privacy.RemoveArchived(ctx, g, audit.System, old, cutoff); apperr.CodeOf(err) != apperr.Invalid {
			t.Fatalf("removing again: %v, want Invalid (nothing left)", err)
		}
	})
}
