package export_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"jemputbola/internal/export"
	"jemputbola/internal/visit"
)

func visits() []visit.Detail {
	wib := time.FixedZone("WIB", 7*3600)
	mk := func(id int64, site, kind string, day int, status visit.Status) visit.Detail {
		start := time.Date(2026, 12, day, 8, 0, 0, 0, wib)
		return visit.Detail{Visit: visit.Visit{ID: id, Day: start.Format(time.DateOnly), StartAt: start.UTC(), EndAt: start.Add(4 * time.Hour).UTC(),
			Expected: 40 + id, Status: status}, Start: start, End: start.Add(4 * time.Hour),
			SiteName: site, SiteKind: kind, DesaName: "Air Lanang", KecamatanName: "Curup Selatan", TeamName: "Tim 1 Curup"}
	}
	return []visit.Detail{
		mk(1, "Balai Desa Pal VII — Kecamatan Bermani Ulu Raya, Rejang Lebong; ruang serbaguna ✓", "desa", 7, visit.Direncanakan),
		mk(2, "=HYPERLINK(\"http://x\")", "sekolah", 8, visit.Direncanakan),
		mk(3, "Dinas Kesehatan", "opd", 9, visit.Dibatalkan),
	}
}

// unfold reverses RFC 5545 line folding.
func unfold(s string) string { return strings.ReplaceAll(s, "\r\n ", "") }

func TestICS(t *testing.T) {
	out := string(export.ICS(visits(), time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)))
	if n := strings.Count(out, "BEGIN:VEVENT"); n != 2 {
		t.Fatalf("%d events, want 2 (the cancelled visit left out)", n)
	}
	if !strings.HasSuffix(out, "END:VCALENDAR\r\n") || strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\n") {
		t.Fatal("lines must end in CRLF")
	}
	for _, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line of %d octets: %q", len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line splits a character: %q", l)
		}
	}
	u := unfold(out)
	for _, want := range []string{
		`SUMMARY:Jemput bola IKD: Balai Desa Pal VII — Kecamatan Bermani Ulu Raya\, Rejang Lebong\; ruang serbaguna ✓`,
		"DTSTART:20261207T010000Z", "DTEND:20261207T050000Z", "UID:visit-1@jemputbola",
		`DESCRIPTION:Tim: Tim 1 Curup\nTarget aktivasi: 41\n`,
	} {
		if !strings.Contains(u, want) {
			t.Errorf("calendar lacks %q", want)
		}
	}
}

func TestCSV(t *testing.T) {
	out, err := export.VisitTable(visits()).CSV(export.International)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(out, []byte("\uFEFF")) {
		t.Fatal("no UTF-8 BOM")
	}
	rows, err := csv.NewReader(bytes.NewReader(out[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || strings.Join(rows[0], "|") != strings.Join(export.Header, "|") {
		t.Fatalf("rows %v", rows)
	}
	if rows[1][0] != "2026-12-07" || rows[1][1] != "08:00" || rows[1][8] != "41" || rows[3][9] != "Dibatalkan" || rows[1][5] != "Desa/Kelurahan" {
		t.Errorf("row %v / %v", rows[1], rows[3])
	}
	if !strings.HasPrefix(rows[2][4], "'=") {
		t.Errorf("formula not neutralised: %q", rows[2][4])
	}
}

func TestXLSX(t *testing.T) {
	out, err := export.VisitTable(visits()).XLSX()
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(export.SheetName)
	if err != nil || len(rows) != 4 || rows[0][0] != "Tanggal" || rows[2][4] != `=HYPERLINK("http://x")` {
		t.Fatalf("rows %v, %v", rows, err)
	}
	typ, err := f.GetCellType(export.SheetName, "I2")
	if err != nil || typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Fatalf("target cell type %v, %v", typ, err)
	}
	if v, _ := f.GetCellValue(export.SheetName, "I2"); v != "41" {
		t.Errorf("I2 = %q", v)
	}
	if formula, _ := f.GetCellFormula(export.SheetName, "E3"); formula != "" {
		t.Errorf("a site name became formula %q", formula)
	}
}

// TestCSVSemicolon: a cell with a semicolon is quoted, so Excel set to
// Indonesian (which splits on ";") cannot turn its tail into a formula; the
// file still reads back as written.
func TestCSVSemicolon(t *testing.T) {
	tab := export.Table{Header: []string{"Nama", "Catatan"}, Rows: [][]any{{"x;=1+1;", `kata "kutip", koma`}, {" spasi", "biasa"}}}
	out, err := tab.CSV(export.International)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(out, []byte(`"x;=1+1;"`)) {
		t.Errorf("semicolon cell not quoted: %q", out)
	}
	rows, err := csv.NewReader(bytes.NewReader(out[3:])).ReadAll()
	if err != nil || rows[1][0] != "x;=1+1;" || rows[1][1] != `kata "kutip", koma` || rows[2][0] != " spasi" {
		t.Fatalf("read back %q, %v", rows, err)
	}
}

// TestCSVIndonesian: in the Indonesian locale cells are split by ";" and
// decimals written with a comma, as Excel set to Indonesian reads them; a
// comma in a text cell is quoted, so the file opens right in either locale.
func TestCSVIndonesian(t *testing.T) {
	tab := export.Table{Header: []string{"Desa", "Cakupan (%)", "IKD"}, Rows: [][]any{{"Air Lanang, Curup", 13.63, int64(1200)}, {"Talang Rimbo", 5.0, 7}}}
	out, err := tab.CSV(export.Indonesian)
	if err != nil {
		t.Fatal(err)
	}
	want := "\uFEFFDesa;Cakupan (%);IKD\r\n\"Air Lanang, Curup\";13,63;1200\r\nTalang Rimbo;5;7\r\n"
	if string(out) != want {
		t.Fatalf("got %q\nwant %q", out, want)
	}
	r := csv.NewReader(bytes.NewReader(out[3:]))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil || len(rows) != 3 || rows[1][0] != "Air Lanang, Curup" || rows[1][1] != "13,63" {
		t.Fatalf("read back %q, %v", rows, err)
	}
}

// TestICSLineBreakInName: a carriage return (or a CRLF) typed into a site name
// is escaped, never written raw where it would end the content line.
func TestICSLineBreakInName(t *testing.T) {
	vs := visits()[:1]
	vs[0].SiteName = "SMA Negeri 1\r\nDESCRIPTION:palsu\rBEGIN:VEVENT\x07"
	out := string(export.ICS(vs, time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)))
	if strings.Count(out, "\r\nBEGIN:VEVENT\r\n") != 1 || strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\r") || strings.Contains(out, "\x07") {
		t.Fatalf("a line break in a site name leaked into the calendar:\n%q", out)
	}
	if !strings.Contains(unfold(out), `SUMMARY:Jemput bola IKD: SMA Negeri 1\nDESCRIPTION:palsu\nBEGIN:VEVENT`) {
		t.Errorf("the name is not kept, escaped: %q", unfold(out))
	}
}
