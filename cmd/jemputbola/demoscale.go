package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"jemputbola/internal/db"
	"jemputbola/internal/demo"
)

// demoCmd handles `demo scale --offices N --years Y`: benchmark data for many
// offices, into a database that holds no field work yet.
func demoCmd(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "scale" {
		return errors.New("gunakan: demo scale --offices N --years Y [--visits V]")
	}
	fs := flag.NewFlagSet("demo scale", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	offices := fs.Int("offices", 1, "jumlah kantor kab/kota")
	years := fs.Int("years", 1, "tahun data per kantor")
	visits := fs.Int("visits", demo.YearOfKabupaten.Visits, "kunjungan per kantor per tahun")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *offices < 1 || *offices > 514 || *years < 1 || *years > 10 || *visits < 1 {
		return errors.New("--offices 1–514, --years 1–10, --visits di atas 0")
	}
	_, g, err := openDB(getenv)
	if err != nil {
		return err
	}
	defer db.Close(g)
	var n int64
	if err := g.WithContext(ctx).Table("sites").Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return errors.New("basis data sudah berisi lokasi: data skala hanya untuk basis data kosong")
	}
	start := time.Now()
	sc := demo.YearOfKabupaten
	sc.Years, sc.Visits = *years, *visits**years
	codes := demo.OfficeCodes(*offices)
	if err := demo.SeedOffices(ctx, g, time.Now(), codes, sc); err != nil {
		return err
	}
	_, err = fmt.Fprintf(stdout, "%d kantor, masing-masing %d kunjungan dalam %d tahun, dibuat dalam %s.\n",
		len(codes), sc.Visits, sc.Years, time.Since(start).Round(time.Second))
	return err
}
