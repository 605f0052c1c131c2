package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jemputbola/internal/db"
)

// TestOfficeCommands adds Kota Bengkulu next to the default office, gives it
// an account and its figures, and checks that each command names the office
// once the database holds more than one.
func TestOfficeCommands(t *testing.T) {
	env := testEnv(t)
	ctx := context.Background()
	var out strings.Builder
	if err := run(ctx, []string{"office", "add", "--code", "17.71"}, env, nil, &out); err != nil || !strings.Contains(out.String(), "Kantor 17.71 (Kota Bengkulu) ditambahkan") {
		t.Fatalf("office add: %v, %q", err, out.String())
	}
	out.Reset()
	if err := run(ctx, []string{"office", "add", "--code", "17.71"}, env, nil, &out); err != nil || !strings.Contains(out.String(), "sudah ada") {
		t.Fatalf("office add again: %v, %q", err, out.String())
	}
	if err := run(ctx, []string{"office", "add", "--code", "99.99"}, env, nil, io.Discard); err == nil || !strings.Contains(err.Error(), "tidak dikenal") {
		t.Fatalf("unknown code: %v", err)
	}
	out.Reset()
	if err := run(ctx, []string{"office", "list"}, env, nil, &out); err != nil || !strings.Contains(out.String(), "17.02") || !strings.Contains(out.String(), "17.71") {
		t.Fatalf("office list: %v, %q", err, out.String())
	}

	add := []string{"user", "add", "--username", "kadis.kota", "--role", "kepala_dinas", "--name", "Kadis Kota", "--password-stdin"}
	if err := run(ctx, add, env, strings.NewReader("kata-sandi-panjang\n"), io.Discard); err == nil || !strings.Contains(err.Error(), "--office") {
		t.Fatalf("user add without --office in a database of two offices: %v", err)
	}
	if err := run(ctx, append(add, "--office", "17.71"), env, strings.NewReader("kata-sandi-panjang\n"), io.Discard); err != nil {
		t.Fatal(err)
	}
	if err := run(ctx, append(add[:3:3], "lain", "--role", "admin", "--name", "X", "--password-stdin", "--office", "17.99"), env, strings.NewReader("kata-sandi-panjang\n"), io.Discard); err == nil || !strings.Contains(err.Error(), "office add") {
		t.Fatalf("user add for a missing office: %v", err)
	}

	file := filepath.Join(t.TempDir(), "kota.csv")
	if err := os.WriteFile(file, []byte("kode_wilayah,wajib_ktp,rekam_ektp,ikd_aktif\n17.71.01.1001,1000,900,80\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := run(ctx, []string{"import", "figures", file, "--as-of", "2026-11-01", "--office", "17.71"}, env, nil, &out); err != nil || !strings.Contains(out.String(), "1 desa/kelurahan diimpor") {
		t.Fatalf("import into Kota Bengkulu: %v, %q", err, out.String())
	}
	// Rejang Lebong refuses the row: it is not one of its desa.
	out.Reset()
	if err := run(ctx, []string{"import", "figures", file, "--as-of", "2026-11-01", "--office", "17.02"}, env, nil, &out); err == nil || !strings.Contains(out.String(), "bukan desa/kelurahan wilayah kantor ini") {
		t.Fatalf("import into another office: %v, %q", err, out.String())
	}
}

// TestImportBoundaries: an office outside Bengkulu starts with centroid dots;
// a good file gives its desa polygons, a file with any bad feature stores
// nothing and says why.
func TestImportBoundaries(t *testing.T) {
	env := testEnv(t)
	ctx := context.Background()
	if err := run(ctx, []string{"office", "add", "--code", "11.71"}, env, nil, io.Discard); err != nil { // Kota Banda Aceh
		t.Fatal(err)
	}
	dir := t.TempDir()
	square := `{"type":"Polygon","coordinates":[[[95.30,5.55],[95.31,5.55],[95.31,5.56],[95.30,5.56],[95.30,5.55]]]}`
	files := map[string]string{
		"good.geojson": `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"11.71.01.2001"},"geometry":` + square + `}]}`,
		"bad.geojson": `{"type":"FeatureCollection","features":[
			{"type":"Feature","properties":{"code":"11.71.01.2002"},"geometry":` + square + `},
			{"type":"Feature","properties":{"code":"17.02.06.2001"},"geometry":` + square + `},
			{"type":"Feature","properties":{"code":"11.71.01.2003"},"geometry":{"type":"Polygon","coordinates":[[[5.55,95.30],[5.56,95.31],[5.55,95.30]]]}}]}`,
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	var out strings.Builder
	err := run(ctx, []string{"import", "boundaries", filepath.Join(dir, "bad.geojson"), "--office", "11.71"}, env, nil, &out)
	if err == nil || !strings.Contains(out.String(), "bukan desa/kelurahan 11.71") || !strings.Contains(out.String(), "kurang dari 4 titik") {
		t.Fatalf("bad file: %v, %q", err, out.String())
	}
	out.Reset()
	if err := run(ctx, []string{"import", "boundaries", filepath.Join(dir, "good.geojson"), "--office", "11.71"}, env, nil, &out); err != nil ||
		!strings.Contains(out.String(), "Batas 1 desa/kelurahan Kota Banda Aceh disimpan") {
		t.Fatalf("good file: %v, %q", err, out.String())
	}
	_, g, err := openDB(env)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close(g)
	var n int64
	g.Raw("SELECT COUNT(*) FROM region_boundaries WHERE code LIKE '11.71.%'").Scan(&n)
	if n != 1 {
		t.Fatalf("%d polygons stored for Banda Aceh, want 1 (the refused file stored none)", n)
	}
}
