package privacy_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/audit"
	"jemputbola/internal/dbtest"
	"jemputbola/internal/privacy"
	"jemputbola/internal/scope"
)

// TestScanAndMask: numbers stored before the app refused them are found in
// notes, reasons and audit entries, masked on request (audited), and gone
// from the database; a site contact's number in a visit's notes stays.
func TestScanAndMask(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		ctx := dbtest.InOffice(t, g, "17.02")
		sc, _ := scope.From(ctx)
		now := time.Now().UTC()
		var team, site, visit int64
		g.Raw(`INSERT INTO teams (office_id, name, daily_capacity, created_at, updated_at) VALUES (?, 'Tim', 100, ?, ?) RETURNING id`, sc.OfficeID, now, now).Scan(&team)
		g.Raw(`INSERT INTO sites (office_id, name, kind, desa_code, created_at, updated_at) VALUES (?, 'SD', 'sekolah', '17.02.19.1001', ?, ?) RETURNING id`, sc.OfficeID, now, now).Scan(&site)
		g.Raw(`INSERT INTO visits (office_id, site_id, team_id, day, start_at, end_at, expected_activations, status, notes, cancel_reason, created_at, updated_at)
			VALUES (?, ?, ?, '2026-11-02', ?, ?, 10, 'dibatalkan', 'Kontak kepala sekolah 0812 3456 7890', 'Warga 1702061234560001 sakit', ?, ?) RETURNING id`,
			sc.OfficeID, site, team, now, now.Add(time.Hour), now, now).Scan(&visit)
		if visit == 0 || team == 0 || site == 0 {
			t.Fatalf("fixture: team %d, site %d, visit %d", team, site, visit)
		}
		if err := g.Exec(`INSERT INTO audit_entries (office_id, at, username, action, entity, entity_id, before_json, after_json)
			VALUES (?, ?, 'op', 'update', 'result', '7', '{"notes":"NIK 1702 0612 3456 0001"}', '{"notes":"KK 170206123456"}')`, sc.OfficeID, now).Error; err != nil {
			t.Fatal(err)
		}

		found, err := privacy.Scan(context.Background(), g, false, audit.System)
		if err != nil || len(found) != 3 {
			t.Fatalf("scan: %+v, %v; want the cancellation reason and both audit texts", found, err)
		}
		for _, f := range found {
			if strings.Contains(f.Masked, "1702061234560001") || strings.Contains(f.Masked, "3456 0001") && !strings.Contains(f.Masked, "****") {
				t.Fatalf("a finding shows the number: %+v", f)
			}
		}
		var reason string
		g.Raw("SELECT cancel_reason FROM visits WHERE id = ?", visit).Scan(&reason)
		if reason != "Warga 1702061234560001 sakit" {
			t.Fatalf("a scan without --mask changed %q", reason)
		}

		if _, err := privacy.Scan(context.Background(), g, true, audit.System); err != nil {
			t.Fatal(err)
		}
		var notes, before, after string
		if err := g.Raw("SELECT cancel_reason, notes FROM visits WHERE id = ?", visit).Row().Scan(&reason, &notes); err != nil {
			t.Fatal(err)
		}
		if err := g.Raw("SELECT before_json, after_json FROM audit_entries WHERE entity = 'result'").Row().Scan(&before, &after); err != nil {
			t.Fatal(err)
		}
		if reason != "Warga 1702********0001 sakit" || before != `{"notes":"NIK 1702 **** **** 0001"}` || after != `{"notes":"KK 1702****3456"}` ||
			notes != "Kontak kepala sekolah 0812 3456 7890" {
			t.Fatalf("after masking: %q, %q, %q, %q", reason, before, after, notes)
		}
		var entries int64
		g.Raw("SELECT COUNT(*) FROM audit_entries WHERE entity = 'privacy_mask'").Scan(&entries)
		if entries != 3 {
			t.Fatalf("%d audit entries for the masking, want one a column (3)", entries)
		}
		if again, _ := privacy.Scan(context.Background(), g, false, audit.System); len(again) != 0 {
			t.Fatalf("numbers left after masking: %+v", again)
		}
	})
}
