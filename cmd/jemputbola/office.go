package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/audit"
	"jemputbola/internal/db"
	"jemputbola/internal/office"
	"jemputbola/internal/scope"
)

// officeCmd handles `office add --code CODE` and `office list`.
func officeCmd(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	if len(args) == 0 {
		return errors.New("gunakan: office add --code KODE atau office list")
	}
	fs := flag.NewFlagSet("office "+args[0], flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	code := fs.String("code", "", "kode wilayah Kemendagri kantor (provinsi 17 atau kab/kota 17.71)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	_, g, err := openDB(getenv)
	if err != nil {
		return err
	}
	defer db.Close(g)
	offices := office.NewStore(g)
	switch args[0] {
	case "add":
		if *code == "" {
			return errors.New("sebutkan kode wilayah kantor dengan --code, misalnya --code 17.71")
		}
		start := time.Now()
		o, added, err := offices.Add(ctx, audit.System, *code)
		if err != nil {
			return describe(err)
		}
		if !added {
			_, err = fmt.Fprintf(stdout, "Kantor %s (%s) sudah ada; tidak ada yang diubah.\n", o.Code, o.Region())
			return err
		}
		_, err = fmt.Fprintf(stdout, "Kantor %s (%s) ditambahkan dengan wilayahnya dalam %s.\n", o.Code, o.Region(), time.Since(start).Round(time.Millisecond))
		return err
	case "list":
		os, err := offices.List(ctx)
		if err != nil {
			return err
		}
		for _, o := range os {
			if _, err := fmt.Fprintf(stdout, "%-6s %-9s %-4s %s\n", o.Code, o.Level, office.ZoneLabel(o.Zone), o.Name); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("perintah office tidak dikenal %q", args[0])
}

// inOffice returns ctx working for the office of code; with code "" the
// database's only office. Every command that reads or writes an office's data
// goes through it.
// withOffice opens the database, picks the office as inOffice does and runs
// fn in its scope; the database is closed when fn returns.
func withOffice(ctx context.Context, getenv func(string) string, code string, fn func(context.Context, *gorm.DB, office.Office) error) error {
	_, g, err := openDB(getenv)
	if err != nil {
		return err
	}
	defer db.Close(g)
	ctx, o, err := inOffice(ctx, g, code)
	if err != nil {
		return err
	}
	return fn(ctx, g, o)
}

// parseWithFiles parses flags that may come before, between or after the
// file arguments, and returns the files.
func parseWithFiles(fs *flag.FlagSet, args []string) ([]string, error) {
	var files []string
	for rest := args; len(rest) > 0; {
		if err := fs.Parse(rest); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			break
		}
		files, rest = append(files, fs.Arg(0)), fs.Args()[1:]
	}
	return files, nil
}

func inOffice(ctx context.Context, g *gorm.DB, code string) (context.Context, office.Office, error) {
	offices := office.NewStore(g)
	if code != "" {
		o, err := offices.ByCode(ctx, code)
		if err != nil {
			return ctx, o, fmt.Errorf("kantor %q tidak ada; tambahkan dengan: jemputbola office add --code %s", code, code)
		}
		return scope.With(ctx, office.Scope(o)), o, nil
	}
	os, err := offices.List(ctx)
	if err != nil {
		return ctx, office.Office{}, err
	}
	if len(os) != 1 {
		return ctx, office.Office{}, errors.New("basis data ini melayani beberapa kantor: pilih dengan --office KODE (lihat jemputbola office list)")
	}
	return scope.With(ctx, office.Scope(os[0])), os[0], nil
}
