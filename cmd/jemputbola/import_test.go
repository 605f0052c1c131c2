package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jemputbola/internal/db"
	"jemputbola/internal/region"
)

func TestImportFigures(t *testing.T) {
	env := testEnv(t)
	ctx := context.Background()
	dir := t.TempDir()
	good := filepath.Join(dir, "angka.csv")
	bad := filepath.Join(dir, "salah.csv")
	for name, content := range map[string]string{
		good: "Kode Wilayah;Wajib KTP;Rekam e-KTP;IKD Aktif\n17.02.06.2001;1.200;1.000;150\n17.02.07.2001;800;700;7\n",
		bad:  "kode_wilayah,wajib_ktp,rekam_ektp,ikd_aktif\n17.02.06.2002,1,1,1\n17.02,1,1,1\n",
	} {
		if err := os.WriteFile(name, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}

	var out strings.Builder
	if err := run(ctx, []string{"import", "figures", good, "--as-of", "2026-11-01"}, env, nil, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "2 desa/kelurahan diimpor dengan angka per 2026-11-01") {
		t.Fatalf("output %q", out.String())
	}
	out.Reset()
	err := run(ctx, []string{"import", "figures", "--as-of", "2026-11-02", bad}, env, nil, &out)
	if err == nil || !strings.Contains(err.Error(), "tidak diimpor") || !strings.Contains(out.String(), "baris 3: kode_wilayah \"17.02\"") {
		t.Fatalf("bad file: %v, %q", err, out.String())
	}
	for _, args := range [][]string{
		{"import", "figures", good},                       // no date
		{"import", "figures", good, "--as-of", "kemarin"}, // not a date
		{"import", "figures", "--as-of", "2026-11-01"},    // no file
		{"import", "figures", "/tidak/ada.csv", "--as-of", "2026-11-01"},
		{"import", "penduduk", good, "--as-of", "2026-11-01"}, // unknown kind
	} {
		if err := run(ctx, args, env, nil, io.Discard); err == nil {
			t.Errorf("%v succeeded", args)
		}
	}

	_, g, err := openDB(env)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close(g)
	ctx, _, err = inOffice(ctx, g, "")
	if err != nil {
		t.Fatal(err)
	}
	figs, err := region.NewStore(g).LatestFigures(ctx)
	if err != nil || len(figs) != 2 || figs["17.02.06.2001"].IkdActivated != 150 || figs["17.02.06.2001"].AsOf != "2026-11-01" {
		t.Fatalf("stored %v, %v: the refused file must store nothing", figs, err)
	}
}
