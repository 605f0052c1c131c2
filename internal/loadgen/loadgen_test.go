package loadgen_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"jemputbola/internal/dbtest"
	"jemputbola/internal/loadgen"
	"jemputbola/web"
)

// TestRunInProcess runs the whole tool for two seconds against the app on a
// real SQLite file: every acknowledged write must be stored exactly once.
func TestRunInProcess(t *testing.T) {
	ctx := context.Background()
	g := dbtest.SQLite(t)
	srv := httptest.NewServer(web.New(web.Deps{DB: g, Secret: strings.Repeat("s", 32)}))
	t.Cleanup(srv.Close)

	fx, err := loadgen.Prepare(ctx, g, loadgen.FixtureConfig{Tablets: 4, Visits: 4000})
	if err != nil {
		t.Fatal(err)
	}
	fleet, err := loadgen.Connect(ctx, fx, loadgen.FleetConfig{BaseURL: srv.URL, Readers: 1, Dashboard: "/cakupan",
		Transport: loadgen.NewTransport(5)})
	if err != nil {
		t.Fatal(err)
	}
	out := fleet.Run(ctx, loadgen.RunConfig{Duration: 2 * time.Second})
	v, err := loadgen.VerifyStored(ctx, g, fx, out.Acked)
	if err != nil {
		t.Fatal(err)
	}
	rep := loadgen.NewReport(fx, 1, out, v)
	var text strings.Builder
	if err := rep.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + text.String())
	if rep.ErrorCount != 0 || !rep.OK {
		t.Fatalf("errors %v, report not ok", rep.Errors)
	}
	if rep.Acknowledged == 0 || rep.Stored != int64(rep.Acknowledged) || rep.Reads == 0 {
		t.Fatalf("acknowledged %d, stored %d, reads %d", rep.Acknowledged, rep.Stored, rep.Reads)
	}
	if rep.Exhausted > 0 {
		t.Fatalf("%d tablets ran out of visits: the fixture is too small for the run", rep.Exhausted)
	}
}
