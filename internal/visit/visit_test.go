package visit_test

import (
	"testing"
	"time"

	"jemputbola/internal/visit"
)

func TestCanMove(t *testing.T) {
	allowed := map[[2]visit.Status]bool{
		{visit.Direncanakan, visit.Berlangsung}: true,
		{visit.Direncanakan, visit.Dibatalkan}:  true,
		{visit.Berlangsung, visit.Selesai}:      true,
		{visit.Berlangsung, visit.Dibatalkan}:   true,
	}
	for _, from := range visit.Statuses {
		for _, to := range visit.Statuses {
			if got, want := visit.CanMove(from, to), allowed[[2]visit.Status{from, to}]; got != want {
				t.Errorf("CanMove(%s, %s) = %v, want %v", from, to, got, want)
			}
		}
	}
	if visit.CanMove("", visit.Berlangsung) || visit.CanMove(visit.Direncanakan, "x") {
		t.Error("unknown statuses must not move")
	}
}

func TestStatusLabel(t *testing.T) {
	for s, want := range map[visit.Status]string{
		visit.Direncanakan: "Direncanakan", visit.Berlangsung: "Berlangsung",
		visit.Selesai: "Selesai", visit.Dibatalkan: "Dibatalkan", "aneh": "aneh",
	} {
		if got := s.Label(); got != want {
			t.Errorf("%q.Label() = %q, want %q", s, got, want)
		}
	}
	if visit.Status("aneh").Valid() || !visit.Selesai.Valid() {
		t.Error("Valid")
	}
}

func TestDetailInput(t *testing.T) {
	jkt, _ := time.LoadLocation("Asia/Jakarta")
	d := visit.Detail{
		Visit: visit.Visit{SiteID: 1, TeamID: 2, Day: "2026-07-06", Expected: 40, Notes: "n"},
		Start: time.Date(2026, 7, 6, 8, 5, 0, 0, jkt), End: time.Date(2026, 7, 6, 13, 30, 0, 0, jkt),
	}
	want := visit.Input{SiteID: 1, TeamID: 2, Day: "2026-07-06", Start: "08:05", End: "13:30", Expected: 40, Notes: "n"}
	if got := d.Input(); got != want {
		t.Fatalf("Input() = %+v, want %+v", got, want)
	}
}
