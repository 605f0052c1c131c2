package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/audit"
	"jemputbola/internal/figimport"
	"jemputbola/internal/office"
	"jemputbola/internal/region"
)

// importCmd handles `import figures FILE --as-of YYYY-MM-DD` (the same checks
// and all-or-nothing store as the upload page) and `import boundaries FILE`.
func importCmd(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	if len(args) > 0 && args[0] == "boundaries" {
		return importBoundaries(ctx, args[1:], getenv, stdout)
	}
	if len(args) == 0 || args[0] != "figures" {
		return errors.New("gunakan: import figures BERKAS --as-of TTTT-BB-HH [--office KODE] atau import boundaries BERKAS.geojson [--office KODE]")
	}
	fs := flag.NewFlagSet("import figures", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	asOf := fs.String("as-of", "", "tanggal angka resmi")
	officeCode := fs.String("office", "", "kode kantor")
	files, err := parseWithFiles(fs, args[1:])
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return errors.New("sebutkan tepat satu berkas CSV atau XLSX")
	}
	if _, err := time.Parse(time.DateOnly, *asOf); err != nil {
		return errors.New("--as-of harus berupa tanggal TTTT-BB-HH")
	}
	f, err := os.Open(files[0])
	if err != nil {
		return fmt.Errorf("berkas tidak dapat dibuka: %w", err)
	}
	defer func() { _ = f.Close() }() // opened for reading: closing cannot lose data
	return withOffice(ctx, getenv, *officeCode, func(ctx context.Context, g *gorm.DB, _ office.Office) error {
		regions := region.NewStore(g)
		known, err := regions.DesaCodes(ctx)
		if err != nil {
			return err
		}
		name := filepath.Base(files[0])
		parsed, err := figimport.Parse(ctx, name, f, func(code string) bool { return known[code] })
		var problems figimport.Errors
		if errors.As(err, &problems) {
			out := &printer{w: stdout}
			for _, p := range problems {
				if p.Line > 0 {
					out.printf("baris %d: %s\n", p.Line, p.Message)
				} else {
					out.printf("%s\n", p.Message)
				}
			}
			return errors.Join(fmt.Errorf("%s tidak diimpor: %d masalah, tidak ada yang disimpan", name, len(problems)), out.err)
		}
		if err != nil {
			return err
		}
		imp, err := regions.ImportFigures(ctx, audit.Actor{Username: "cli"}, *asOf, name, figimport.Figures(parsed.Rows))
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(stdout, "%d desa/kelurahan diimpor dengan angka per %s (%d angka lama diganti). %s\n", imp.Rows, imp.AsOf, imp.Replaced, parsed.FormulaNote())
		return err
	})
}

// importBoundaries handles `import boundaries FILE.geojson [--office CODE]`:
// the office's desa polygons, all or nothing.
func importBoundaries(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	fs := flag.NewFlagSet("import boundaries", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	officeCode := fs.String("office", "", "kode kantor")
	files, err := parseWithFiles(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return errors.New("sebutkan tepat satu berkas GeoJSON")
	}
	f, err := os.Open(files[0])
	if err != nil {
		return fmt.Errorf("berkas tidak dapat dibuka: %w", err)
	}
	defer func() { _ = f.Close() }() // opened for reading: closing cannot lose data
	data, err := io.ReadAll(io.LimitReader(f, region.MaxBoundaryBytes+1))
	if err != nil {
		return err
	}
	if len(data) > region.MaxBoundaryBytes {
		return fmt.Errorf("berkas lebih dari %d MB", region.MaxBoundaryBytes>>20)
	}
	return withOffice(ctx, getenv, *officeCode, func(ctx context.Context, g *gorm.DB, o office.Office) error {
		n, err := region.NewStore(g).ImportBoundaries(ctx, audit.Actor{Username: "cli"}, data)
		var problems region.BoundaryErrors
		if errors.As(err, &problems) {
			out := &printer{w: stdout}
			for _, p := range problems {
				out.printf("%s\n", p)
			}
			return errors.Join(fmt.Errorf("%s tidak diimpor: %d masalah, tidak ada yang disimpan", filepath.Base(files[0]), len(problems)), out.err)
		}
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(stdout, "Batas %d desa/kelurahan %s disimpan; peta memakainya setelah server dijalankan ulang.\n", n, o.Region())
		return err
	})
}
