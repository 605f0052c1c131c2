package letter_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/audit"
	"jemputbola/internal/dbtest"
	"jemputbola/internal/letter"
	"jemputbola/internal/scope"
)

func TestFormatAndPattern(t *testing.T) {
	on := time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)
	if got := letter.Format("470/{n}/Dukcapil.{romawi}/{yyyy}-{mm}", 12, on); got != "470/12/Dukcapil.XII/2026-12" {
		t.Fatalf("Format = %q", got)
	}
	for pattern, ok := range map[string]bool{
		letter.DefaultPattern: true, "470/{n}/{romawi}/{yyyy}": true,
		"470/Dukcapil/{yyyy}": false, "{n}/{n}": false, "470/{nomor}/{n}": false, strings.Repeat("x", 58) + "{n}": false,
	} {
		if got := letter.CheckPattern(pattern) == ""; got != ok {
			t.Errorf("CheckPattern(%q) accepts %v, want %v", pattern, got, ok)
		}
	}
}

// visits inserts n visits of ctx's office and returns their ids.
func visits(t *testing.T, g *gorm.DB, ctx context.Context, n int) []int64 {
	t.Helper()
	sc, _ := scope.From(ctx)
	now := time.Now().UTC()
	var team, site int64
	g.Raw(`INSERT INTO teams (office_id, name, daily_capacity, created_at, updated_at) VALUES (?, 'Tim', 100, ?, ?) RETURNING id`, sc.OfficeID, now, now).Scan(&team)
	g.Raw(`INSERT INTO sites (office_id, name, kind, desa_code, created_at, updated_at) VALUES (?, 'SD', 'sekolah', '17.02.19.1001', ?, ?) RETURNING id`, sc.OfficeID, now, now).Scan(&site)
	var ids []int64
	for i := range n {
		var id int64
		start := now.Add(time.Duration(i) * 24 * time.Hour)
		err := g.Raw(`INSERT INTO visits (office_id, site_id, team_id, day, start_at, end_at, expected_activations, status, notes, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, 10, 'direncanakan', '', ?, ?) RETURNING id`, sc.OfficeID, site, team, start.Format(time.DateOnly), start, start.Add(time.Hour), now, now).Scan(&id).Error
		if err != nil || id == 0 {
			t.Fatalf("visit: %v", err)
		}
		ids = append(ids, id)
	}
	return ids
}

// TestNumbers: a counter per office and year, a letter keeps its number, the
// two letters of a visit get two numbers, and numbers asked for at once are
// all different.
func TestNumbers(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		ctx := dbtest.InOffice(t, g, "17.02")
		other := dbtest.InOffice(t, g, "17.71")
		ids := visits(t, g, ctx, 12)
		n := letter.NewNumbers(g)
		dec := time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)
		number := func(ctx context.Context, id int64, kind letter.Kind, on time.Time) string {
			t.Helper()
			got, err := n.Number(ctx, audit.System, id, kind, letter.DefaultPattern, on, true)
			if err != nil {
				t.Fatal(err)
			}
			return got.Number
		}
		if got := number(ctx, ids[0], letter.Tugas, dec); got != "470/1/Dukcapil/2026" {
			t.Fatalf("first number %q", got)
		}
		if got := number(ctx, ids[0], letter.Tugas, dec.AddDate(0, 0, 5)); got != "470/1/Dukcapil/2026" {
			t.Fatalf("the same letter again: %q", got)
		}
		if got := number(ctx, ids[0], letter.Pemberitahuan, dec); got != "470/2/Dukcapil/2026" {
			t.Fatalf("the visit's other letter: %q", got)
		}
		if got := number(ctx, ids[1], letter.Tugas, dec.AddDate(0, 1, 0)); got != "470/1/Dukcapil/2027" {
			t.Fatalf("a new year starts at 1: %q", got)
		}
		ro := scope.With(context.Background(), func() scope.Scope { s, _ := scope.From(ctx); s.ReadOnly = true; return s }())
		if got := number(ro, ids[2], letter.Tugas, dec); got != "" {
			t.Fatalf("a read-only view numbered a letter: %q", got)
		}
		if got := number(ro, ids[0], letter.Tugas, dec); got != "470/1/Dukcapil/2026" {
			t.Fatalf("a read-only view of a numbered letter: %q", got)
		}
		if got, _ := n.Number(ctx, audit.System, ids[11], letter.Tugas, letter.DefaultPattern, dec, false); got.Number != "" {
			t.Fatalf("a letter looked at, not issued, was numbered: %q", got.Number)
		}
		if got := number(other, visits(t, g, other, 1)[0], letter.Tugas, dec); got != "470/1/Dukcapil/2026" {
			t.Fatalf("another office's counter: %q", got)
		}

		var wg sync.WaitGroup
		got := make([]string, 8)
		for i := range got {
			wg.Add(1)
			go func() {
				defer wg.Done()
				is, err := n.Number(ctx, audit.System, ids[3+i], letter.Tugas, letter.DefaultPattern, dec, true)
				if err != nil {
					t.Error(err)
				}
				got[i] = is.Number
			}()
		}
		wg.Wait()
		seen := map[string]bool{}
		for _, s := range got {
			if s == "" || seen[s] {
				t.Fatalf("numbers given at once: %v", got)
			}
			seen[s] = true
		}
		var entries int64
		g.Raw("SELECT COUNT(*) FROM audit_entries WHERE entity = 'letter'").Scan(&entries)
		if entries != 12 {
			t.Fatalf("%d audit entries, want one a number given (12)", entries)
		}
	})
}

var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

// TestPDF: each letter is one A4 page with its font embedded (every
// Indonesian letter, quotes and dashes).
func TestPDF(t *testing.T) {
	f := letter.Facts{
		Office: letter.Office{Government: "PEMERINTAH KABUPATEN REJANG LEBONG", Name: "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Rejang Lebong",
			Address: "Jl. S. Sukowati No. 1, Curup", City: "Curup", HeadName: "Drs. H. Kepala, M.Si.", HeadNIP: "197001011990011001", HeadRank: "Pembina Utama Muda (IV/c)"},
		Number: "470/12/Dukcapil/2026", Date: "3 Desember 2026", TeamName: "Tim 1 Curup", Place: "SMA Negeri 1 “Rejang” – Curup",
		Addressee: "Kepala Sekolah SMA Negeri 1", Day: "Senin, 14 Desember 2026", Window: "08.00–10.00", Zone: "WIB", Expected: "40",
		Leader: "Budi Santoso", Members: []string{"Siti Aminah", "Ni Putu Ayu Sukmawatiê"},
	}
	for _, kind := range []letter.Kind{letter.Tugas, letter.Pemberitahuan} {
		b, err := letter.PDF(letter.Write(kind, f), letter.Logo{}, time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte("%PDF-")) || len(pdfPage.FindAll(b, -1)) != 1 || !bytes.Contains(b, []byte("/FontFile2")) {
			t.Fatalf("%s: not a one-page PDF with an embedded TrueType font (%d bytes, %d pages)", kind, len(b), len(pdfPage.FindAll(b, -1)))
		}
		_ = os.WriteFile(filepath.Join(os.TempDir(), "letter-"+string(kind)+".pdf"), b, 0o600) // to look at
	}
}
