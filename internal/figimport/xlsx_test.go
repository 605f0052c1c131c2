package figimport_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"jemputbola/internal/figimport"
	"jemputbola/internal/figimport/xlsxtest"
)

// book is xlsxtest.Book, failing the test on error.
func book(t testing.TB, sheet, shared func(io.Writer)) []byte {
	t.Helper()
	b, err := xlsxtest.Book(sheet, shared)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var (
	text       = xlsxtest.Text
	repeat     = xlsxtest.Repeat
	sheetOpen  = xlsxtest.SheetOpen
	sheetClose = xlsxtest.SheetClose
)

const headerRow = `<row r="4"><c r="A4" t="s"><v>0</v></c><c r="B4" t="inlineStr"><is><t>wajib_ktp</t></is></c><c r="C4" t="s"><v>1</v></c><c r="D4" t="inlineStr"><is><r><t>ikd</t></r><r><t>_aktif</t></r></is></c></row>`
const headerStrings = xlsxtest.StringsOpen + `<si><t>kode_wilayah</t></si><si><r><t>rekam</t></r><r><t>_ektp</t><rPh><t>x</t></rPh></r></si></sst>`

// TestXLSXAsExcelWrites: the sheet is found through the relationships, shared,
// inline and rich-text strings read as written, 1.2E3 as 1200, and lines keep
// Excel's row numbers.
func TestXLSXAsExcelWrites(t *testing.T) {
	b := book(t, text(sheetOpen+headerRow+
		`<row r="5"><c r="A5" t="inlineStr"><is><t>17.02.06.2001</t></is></c><c r="B5"><v>1.2E3</v></c><c r="C5"><v>1100</v></c><c r="D5"><v>80</v></c></row>`+sheetClose),
		text(headerStrings))
	parsed, err := figimport.Parse(t.Context(), "a.xlsx", bytes.NewReader(b), isKnown)
	if err != nil || len(parsed.Rows) != 1 {
		t.Fatalf("rows %+v, %v", parsed.Rows, err)
	}
	if r := parsed.Rows[0]; r.Line != 5 || r.WajibKTP != 1200 || r.Recorded != 1100 || r.Activated != 80 {
		t.Fatalf("row %+v", r)
	}
}

// TestXLSXFormulas: a formula counts by the value Excel saved with it, and the
// office is told; one saved without a value is refused by its cell.
func TestXLSXFormulas(t *testing.T) {
	row := func(ikd string) string {
		return sheetOpen + headerRow + `<row r="5"><c r="A5" t="inlineStr"><is><t>17.02.06.2001</t></is></c><c r="B5"><v>1200</v></c><c r="C5"><v>1100</v></c>` + ikd + `</row>` + sheetClose
	}
	parsed, err := figimport.Parse(t.Context(), "a.xlsx", bytes.NewReader(book(t, text(row(`<c r="D5"><f>40*2</f><v>80</v></c>`)), text(headerStrings))), isKnown)
	if err != nil || parsed.Rows[0].Activated != 80 || parsed.Formulas != 1 || !strings.Contains(parsed.FormulaNote(), "1 sel berisi rumus") {
		t.Fatalf("cached formula: %+v %q, %v", parsed.Rows, parsed.FormulaNote(), err)
	}
	_, err = figimport.Parse(t.Context(), "a.xlsx", bytes.NewReader(book(t, text(row(`<c r="D5"><f>40*2</f></c>`)), text(headerStrings))), isKnown)
	if err == nil || !strings.Contains(err.Error(), "Sel D5 berisi rumus tanpa nilai tersimpan") {
		t.Fatalf("formula without a value: %v", err)
	}
}

// allocated is how many bytes f allocates (the tests of this package run one at a time).
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestXLSXBombs: a few hundred KB that unzip to ~190 MB of shared strings, or
// a sheet of a million tiny rows, are refused with a message after reading no
// more than the caps, allocating well under 100 MB.
func TestXLSXBombs(t *testing.T) {
	seq := xlsxtest.Seq
	for _, tc := range []struct {
		name         string
		sheet, share func(io.Writer)
		want         string
	}{
		{"SharedStrings", nil, nil, "terlalu besar setelah dibuka"},
		{"Sheet", seq(text(sheetOpen+`<row r="1">`), repeat(`<c r="A1"><v>`+strings.Repeat("1", 100)+`</v></c>`, 1_000_000), text(`</row>`+sheetClose)),
			nil, "terlalu besar setelah dibuka"},
		{"Rows", seq(text(sheetOpen), repeat(`<row/>`, 30_000), text(sheetClose)), nil, fmt.Sprintf("lebih dari %d baris", figimport.MaxRows)},
		{"Cells", seq(text(sheetOpen+`<row r="1">`), repeat(`<c r="A1"/>`, 400_000), text(`</row>`+sheetClose)), nil, "terlalu banyak sel"},
		{"FarColumn", text(sheetOpen + `<row r="1"><c r="ZZ1"><v>1</v></c></row>` + sheetClose), nil, "kolom terisi"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b []byte
			if tc.sheet == nil {
				var err error
				if b, err = xlsxtest.StringsBomb(headerRow); err != nil {
					t.Fatal(err)
				}
			} else {
				b = book(t, tc.sheet, tc.share)
			}
			if len(b) > figimport.MaxBytes {
				t.Fatalf("the bomb is %d bytes, over the upload limit", len(b))
			}
			var err error
			used := allocated(func() { _, err = figimport.Parse(t.Context(), "bom.xlsx", bytes.NewReader(b), isKnown) })
			var problems figimport.Errors
			if !errors.As(err, &problems) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("%d KB bomb: %v, want %q", len(b)>>10, err, tc.want)
			}
			if used > 100<<20 {
				t.Errorf("%d KB bomb allocated %d MB", len(b)>>10, used>>20)
			}
		})
	}
}

// TestXLSXStopsWhenCancelled: once the office has given up on the upload, the
// work stops.
func TestXLSXStopsWhenCancelled(t *testing.T) {
	b := book(t, xlsxtest.Seq(text(sheetOpen+headerRow), repeat(`<row><c t="inlineStr"><is><t>17.02.06.2001</t></is></c></row>`, 15_000), text(sheetClose)),
		text(headerStrings))
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := figimport.Parse(ctx, "a.xlsx", bytes.NewReader(b), isKnown); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled upload: %v", err)
	}
}

// BenchmarkParseStringsBomb: the time and memory one hostile workbook costs
// before it is refused (BENCHMARKS.md).
func BenchmarkParseStringsBomb(b *testing.B) {
	bomb, err := xlsxtest.StringsBomb(headerRow)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := figimport.Parse(b.Context(), "bom.xlsx", bytes.NewReader(bomb), isKnown); err == nil {
			b.Fatal("the bomb was accepted")
		}
	}
}

// TestXLSXProvinceSize: a province's sheet, 8,000 rows of 35 columns (Jawa
// Tengah has 8,563 desa), is read whole under the caps; every row is checked.
func TestXLSXProvinceSize(t *testing.T) {
	row := `<row>` + strings.Repeat(`<c t="inlineStr"><is><t>33.01.01.2001</t></is></c><c><v>1200</v></c><c><v>1100</v></c><c><v>80</v></c><c t="inlineStr"><is><t>Desa</t></is></c>`, 7) + `</row>`
	b := book(t, xlsxtest.Seq(text(sheetOpen+headerRow), repeat(row, 8000), text(sheetClose)), text(headerStrings))
	_, err := figimport.Parse(t.Context(), "jateng.xlsx", bytes.NewReader(b), isKnown)
	var problems figimport.Errors
	if !errors.As(err, &problems) || len(problems) != 8000 || !strings.Contains(problems[0].Message, "bukan desa/kelurahan wilayah kantor ini") {
		t.Fatalf("%d problems, first %v", len(problems), problems[:min(1, len(problems))])
	}
}
