// Command loadgen puts write load (field tablets posting results) and read load
// (the dashboard) on a running Jemput Bola server, then checks in the database
// that every acknowledged result is stored exactly once. It adds test accounts,
// teams and visits to the database: use it on a test copy only. Exit status 1
// means the checks failed (errors, or writes not stored exactly once), 2 that
// the run could not be made.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"jemputbola/internal/db"
	"jemputbola/internal/loadgen"
)

type options struct {
	url, sqlitePath, databaseURL, dashboard, office string
	tablets, readers, visits                        int
	duration                                        time.Duration
	json                                            bool
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ok, err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(2)
	}
	if !ok {
		os.Exit(1)
	}
}

func parse(args []string, stderr io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("loadgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.url, "url", "http://127.0.0.1:8080", "alamat server")
	fs.StringVar(&o.sqlitePath, "db", envOr("JEMPUTBOLA_DB", "./data/jemputbola.db"), "berkas SQLite server")
	fs.StringVar(&o.databaseURL, "database-url", "", "postgres://… bila server memakai PostgreSQL")
	fs.StringVar(&o.dashboard, "dashboard", "/cakupan", "halaman dasbor yang dibaca pembaca")
	fs.IntVar(&o.tablets, "tablets", 100, "jumlah tablet (masing-masing satu operator dan satu tim)")
	fs.IntVar(&o.readers, "readers", 5, "jumlah pembaca dasbor")
	fs.IntVar(&o.visits, "visits", 100_000, "jumlah kunjungan uji (satu hasil per kunjungan)")
	fs.StringVar(&o.office, "office", "", "kode kantor uji (bawaan 17.02, Kabupaten Rejang Lebong)")
	fs.DurationVar(&o.duration, "duration", 30*time.Second, "lama uji")
	fs.BoolVar(&o.json, "json", false, "keluaran JSON")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("argumen tidak dikenal: %v", fs.Args())
	}
	return o, nil
}

func envOr(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}

// run prepares, loads, verifies and reports; ok is false when the run failed
// its checks (errors or writes not stored exactly once).
func run(ctx context.Context, args []string, stdout, stderr io.Writer) (bool, error) {
	o, err := parse(args, stderr)
	if err != nil {
		return false, err
	}
	if o.databaseURL == "" {
		// A missing file would become a new, empty database the server never sees.
		if _, err := os.Stat(o.sqlitePath); err != nil {
			return false, fmt.Errorf("basis data %s tidak ditemukan; jalankan `jemputbola migrate` atau server dulu", o.sqlitePath)
		}
	}
	g, err := db.Open(db.Options{SQLitePath: o.sqlitePath, DatabaseURL: o.databaseURL})
	if err != nil {
		return false, err
	}
	defer db.Close(g)
	// Progress notes only: a run nobody watches goes on all the same.
	say := func(format string, args ...any) { _, _ = fmt.Fprintf(stderr, format, args...) }
	say("Menyiapkan %d tablet dan %d kunjungan…\n", o.tablets, o.visits)
	fx, err := loadgen.Prepare(ctx, g, loadgen.FixtureConfig{Tablets: o.tablets, Visits: o.visits, Office: o.office})
	if err != nil {
		return false, err
	}
	say("Masuk sebagai %d operator dan %d pembaca (awalan %s)…\n", o.tablets, o.readers, fx.Prefix)
	fleet, err := loadgen.Connect(ctx, fx, loadgen.FleetConfig{BaseURL: o.url, Readers: o.readers, Dashboard: o.dashboard,
		Transport: loadgen.NewTransport(o.tablets + o.readers)})
	if err != nil {
		return false, err
	}
	say("Menjalankan beban selama %s…\n", o.duration)
	out := fleet.Run(ctx, loadgen.RunConfig{Duration: o.duration})
	// The run's end must not cancel the check, or a Ctrl-C would skip it.
	v, err := loadgen.VerifyStored(context.WithoutCancel(ctx), g, fx, out.Acked)
	if err != nil {
		return false, fmt.Errorf("periksa hasil tersimpan: %w", err)
	}
	rep := loadgen.NewReport(fx, o.readers, out, v)
	if o.json {
		err = rep.WriteJSON(stdout)
	} else {
		err = rep.WriteText(stdout)
	}
	return rep.OK, err
}
