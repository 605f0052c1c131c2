package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"jemputbola/internal/audit"
	"jemputbola/internal/db"
	"jemputbola/internal/privacy"
)

// privacyCmd finds residents' numbers stored in free text before the app
// refused them, and with --mask masks them (1702********0001), audited.
func privacyCmd(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "scan" {
		return errors.New("gunakan: privacy scan [--mask]")
	}
	fs := flag.NewFlagSet("privacy scan", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	mask := fs.Bool("mask", false, "samarkan nomor yang ditemukan")
	if err := fs.Parse(args[1:]); err != nil {
		return fmt.Errorf("privacy scan: %w", err)
	}
	_, g, err := openDB(getenv)
	if err != nil {
		return err
	}
	defer db.Close(g)
	found, err := privacy.Scan(ctx, g, *mask, audit.Actor{Username: "perintah privacy scan"})
	if err != nil {
		return err
	}
	out := &printer{w: stdout}
	for _, f := range found {
		out.printf("%s.%s #%d: %s\n", f.Table, f.Column, f.ID, f.Masked)
	}
	switch {
	case len(found) == 0:
		out.printf("Tidak ada NIK, nomor KK atau nomor HP warga di teks yang tersimpan.\n")
	case *mask:
		out.printf("%d teks memuat nomor warga dan sudah disamarkan (tercatat di audit).\n", len(found))
	default:
		out.printf("%d teks memuat nomor warga (ditampilkan tersamar). Jalankan privacy scan --mask untuk menyamarkannya.\n", len(found))
	}
	return out.err
}
