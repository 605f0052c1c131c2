// Command jemputbola runs the Jemput Bola web app and its admin commands.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

const usage = `Penggunaan: jemputbola <perintah> [opsi]

Perintah:
  serve [--demo]       jalankan server (bawaan); --demo mengisi basis data kosong dengan data demo
  migrate              perbarui skema basis data lalu keluar
  office add --code KODE
                       tambah kantor Dinas Dukcapil provinsi (17) atau kab/kota (17.71) dengan wilayahnya
  office list          daftar kantor
  user add --username U --role R --name "Nama" --password-stdin [--office KODE]
                       buat pengguna (peran: admin, kepala_dinas, ketua_tim, operator, pimpinan)
  user passwd --username U --password-stdin [--office KODE]
                       ganti kata sandi pengguna
  import figures BERKAS --as-of TTTT-BB-HH [--office KODE]
                       impor angka resmi per desa (CSV atau XLSX; semua baris atau tidak sama sekali)
  import boundaries BERKAS.geojson [--office KODE]
                       impor batas desa kantor (GeoJSON RFC 7946, properti "code"; semua atau tidak sama sekali)
  plan --from TTTT-BB-HH --to TTTT-BB-HH [--office KODE] [--teams 1,2] [--horizon-weeks 8] [--json]
                       tampilkan usulan rencana otomatis (tidak menyimpan apa pun)
  demo scale --offices N --years Y [--visits V]
                       data skala untuk benchmark: N kantor kab/kota, masing-masing V kunjungan per tahun
  backup BERKAS        cadangkan basis data SQLite ke BERKAS baru (aman saat server berjalan)
  privacy scan [--mask]
                       cari NIK, nomor KK dan nomor HP warga di teks tersimpan; --mask menyamarkannya (1702********0001)

Konfigurasi lewat variabel lingkungan: JEMPUTBOLA_ADDR (bawaan :8080), JEMPUTBOLA_DB
(bawaan ./data/jemputbola.db) atau DATABASE_URL (postgres://…), JEMPUTBOLA_SECRET,
JEMPUTBOLA_LOG (text|json). Zona waktu (WIB/WITA/WIT) mengikuti provinsi tiap kantor.
Bila basis data hanya memuat satu kantor, --office boleh dihilangkan.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "jemputbola:", err)
		os.Exit(1)
	}
}

// run dispatches a subcommand; it is main without the process around it, for tests.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout io.Writer) error {
	cmd := "serve"
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		return serve(ctx, args, getenv, stdout)
	case "migrate":
		return migrate(getenv, stdout)
	case "demo":
		return demoCmd(ctx, args, getenv, stdout)
	case "office":
		return officeCmd(ctx, args, getenv, stdout)
	case "user":
		return userCmd(ctx, args, getenv, stdin, stdout)
	case "import":
		return importCmd(ctx, args, getenv, stdout)
	case "plan":
		return planCmd(ctx, args, getenv, stdout)
	case "backup":
		return backupCmd(ctx, args, getenv, stdout)
	case "privacy":
		return privacyCmd(ctx, args, getenv, stdout)
	case "help", "-h", "--help":
		_, err := fmt.Fprint(stdout, usage)
		return err
	}
	return fmt.Errorf("perintah tidak dikenal %q\n\n%s", cmd, usage)
}
