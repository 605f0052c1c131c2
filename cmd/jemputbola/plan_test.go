package main

import (
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"time"

	"jemputbola/internal/db"
	"jemputbola/internal/demo"
)

func TestPlanCommand(t *testing.T) {
	env := testEnv(t)
	ctx := context.Background()
	_, g, err := openDB(env)
	if err != nil {
		t.Fatal(err)
	}
	zone, _ := time.LoadLocation("Asia/Jakarta")
	if _, err := demo.Seed(ctx, g, time.Now().In(zone)); err != nil {
		t.Fatal(err)
	}
	var visitsBefore int64
	g.Raw("SELECT COUNT(*) FROM visits").Scan(&visitsBefore)
	db.Close(g)

	from := time.Now().AddDate(0, 0, 15).Format(time.DateOnly)
	to := time.Now().AddDate(0, 0, 28).Format(time.DateOnly)
	var out strings.Builder
	if err := run(ctx, []string{"plan", "--from", from, "--to", to, "--office", "17.02", "--teams", "1,2", "--json"}, env, nil, &out); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Visits []struct {
			TeamID              int64  `json:"team_id"`
			SiteID              int64  `json:"site_id"`
			Date                string `json:"date"`
			Start               string `json:"start"`
			End                 string `json:"end"`
			ExpectedActivations int64  `json:"expected_activations"`
		} `json:"visits"`
		ExpectedActivations int64   `json:"expected_activations"`
		TargetReachedOn     *string `json:"target_reached_on"`
	}
	if err := json.Unmarshal([]byte(out.String()), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out.String())
	}
	var sum int64
	for _, v := range got.Visits {
		if (v.TeamID != 1 && v.TeamID != 2) || v.Date < from || v.Date > to || v.Start == "" || v.SiteID == 0 {
			t.Fatalf("visit %+v", v)
		}
		sum += v.ExpectedActivations
	}
	if len(got.Visits) == 0 || sum != got.ExpectedActivations || !strings.Contains(out.String(), `"target_reached_on"`) {
		t.Fatalf("%d visits, sum %d vs %d", len(got.Visits), sum, got.ExpectedActivations)
	}
	out.Reset()
	if err := run(ctx, []string{"plan", "--from", from, "--to", to, "--office", "17.02"}, env, nil, &out); err != nil || !strings.Contains(out.String(), "aktivasi diharapkan") {
		t.Fatalf("text output: %v\n%s", err, out.String())
	}
	// The demo serves several offices: a plan must name one.
	for _, args := range [][]string{{"plan"}, {"plan", "--from", from, "--to", to}, {"plan", "--from", to, "--to", from, "--office", "17.02"}, {"plan", "--from", from, "--to", to, "--teams", "x"}} {
		if err := run(ctx, args, env, nil, io.Discard); err == nil {
			t.Errorf("%v succeeded", args)
		}
	}
	_, g, _ = openDB(env)
	defer db.Close(g)
	var visitsAfter int64
	g.Raw("SELECT COUNT(*) FROM visits").Scan(&visitsAfter)
	if visitsAfter != visitsBefore {
		t.Fatal("plan stored visits")
	}
}
