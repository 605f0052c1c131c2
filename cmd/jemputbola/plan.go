package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/autoplan"
	"jemputbola/internal/office"
	"jemputbola/internal/planner"
	"jemputbola/internal/progress"
)

type planVisitJSON struct {
	TeamID              int64  `json:"team_id"`
	SiteID              int64  `json:"site_id"`
	Date                string `json:"date"`
	Start               string `json:"start"`
	End                 string `json:"end"`
	ExpectedActivations int64  `json:"expected_activations"`
	Followup            string `json:"followup,omitempty"`
}

type planJSON struct {
	Visits              []planVisitJSON `json:"visits"`
	ExpectedActivations int64           `json:"expected_activations"`
	TargetReachedOn     *string         `json:"target_reached_on"`
}

// planCmd prints the planner's suggestion without storing anything.
func planCmd(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	fs := flag.NewFlagSet("plan", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	from := fs.String("from", "", "tanggal awal")
	to := fs.String("to", "", "tanggal akhir")
	teams := fs.String("teams", "", "id tim, dipisah koma")
	horizon := fs.Int("horizon-weeks", 8, "masa cakupan desa")
	asJSON := fs.Bool("json", false, "keluaran JSON")
	officeCode := fs.String("office", "", "kode kantor")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("plan: %w", err)
	}
	if *from == "" || *to == "" {
		return errors.New("gunakan: plan --from TTTT-BB-HH --to TTTT-BB-HH [--teams 1,2] [--json]")
	}
	var ids []int64
	for _, s := range strings.Split(*teams, ",") {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		id, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return fmt.Errorf("--teams: %q bukan id tim", s)
		}
		ids = append(ids, id)
	}
	var p planner.Plan
	var names autoplan.Names
	err := withOffice(ctx, getenv, *officeCode, func(ctx context.Context, g *gorm.DB, o office.Office) error {
		sc := office.Scope(o)
		in, n, err := autoplan.Load(ctx, g, progress.NewCache(progress.NewStore(g), sc), *from, *to, ids, 7**horizon, sc.Now(time.Now()))
		if err != nil {
			return err
		}
		names = n
		p, err = planner.Suggest(in)
		return err
	})
	if err != nil {
		return err
	}
	if *asJSON {
		out := planJSON{Visits: []planVisitJSON{}, ExpectedActivations: p.ExpectedActivations, TargetReachedOn: p.TargetReachedOn}
		for _, v := range p.Visits {
			out.Visits = append(out.Visits, planVisitJSON{v.TeamID, v.SiteID, v.Date, v.Start, v.End, v.ExpectedActivations, v.Followup})
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	out := &printer{w: stdout}
	for _, v := range p.Visits {
		s := names.Sites[v.SiteID]
		out.printf("%s %s–%s  %-20s  %-40s  %-20s  %4d  %s\n", v.Date, v.Start, v.End, names.Teams[v.TeamID], s.Name, s.DesaName,
			v.ExpectedActivations, v.Followup)
	}
	reached := "belum dalam 5 tahun"
	if p.TargetReachedOn != nil {
		reached = *p.TargetReachedOn
	}
	out.printf("%d kunjungan, %d aktivasi diharapkan; target tercapai: %s\n", len(p.Visits), p.ExpectedActivations, reached)
	return out.err
}
