package figimport_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jemputbola/internal/figimport"
)

var known = map[string]bool{"17.02.06.2001": true, "17.02.06.2002": true, "17.02.07.2001": true}

func isKnown(code string) bool { return known[code] }

func parseCSV(t *testing.T, body string) ([]figimport.Row, figimport.Errors) {
	t.Helper()
	parsed, err := figimport.Parse(t.Context(), "angka.csv", strings.NewReader(body), isKnown)
	var problems figimport.Errors
	if err != nil && !errors.As(err, &problems) {
		t.Fatalf("Parse: unexpected error type %T: %v", err, err)
	}
	return parsed.Rows, problems
}

func TestGoodFiles(t *testing.T) {
	cases := []struct {
		name, body string
	}{
		{"exact headers", "kode_wilayah,wajib_ktp,rekam_ektp,ikd_aktif\n17.02.06.2001,1200,1100,80\n17.02.07.2001,900,850,0\n"},
		{"office headers in another order, semicolons, BOM, CRLF", "\uFEFFNo;Rekam e-KTP;Kode Wilayah;IKD Aktif;Wajib KTP;Nama Desa\r\n" +
			"1;1.100;17.02.06.2001;80;1.200;Desa A\r\n2;850;17.02.07.2001;0;900;Desa B\r\n"},
		{"blank lines and padding", "\n kode_wilayah , wajib_ktp , rekam_ektp , ikd_aktif \n\n 17.02.06.2001 , 1200 , 1100 , 80 \n17.02.07.2001,900,850,0\n,,,\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rows, problems := parseCSV(t, tc.body)
			if problems != nil {
				t.Fatalf("problems: %v", problems)
			}
			if len(rows) != 2 {
				t.Fatalf("%d rows, want 2: %+v", len(rows), rows)
			}
			r := rows[0]
			if r.DesaCode != "17.02.06.2001" || r.WajibKTP != 1200 || r.Recorded != 1100 || r.Activated != 80 {
				t.Errorf("row 0 = %+v", r)
			}
			if rows[1].DesaCode != "17.02.07.2001" || rows[1].Activated != 0 {
				t.Errorf("row 1 = %+v", rows[1])
			}
		})
	}
}

func TestLineNumbers(t *testing.T) {
	_, problems := parseCSV(t, "\nkode_wilayah,wajib_ktp,rekam_ektp,ikd_aktif\n\n17.02.06.2001,10,10,x\n")
	if len(problems) != 1 || problems[0].Line != 4 {
		t.Fatalf("problems = %+v, want one on line 4", problems)
	}
}

// Every kind of bad row is reported with its line and an Indonesian reason,
// and the good rows around it are not returned: nothing partial.
func TestBadRows(t *testing.T) {
	header := "kode_wilayah,wajib_ktp,rekam_ektp,ikd_aktif\n"
	cases := []struct {
		name, row, want string
	}{
		{"empty code", ",10,10,1", "kode_wilayah kosong"},
		{"unknown code", "99.99.99.9999,10,10,1", "bukan desa/kelurahan wilayah kantor ini"},
		{"kecamatan code", "17.02.06,10,10,1", "bukan desa/kelurahan"},
		{"duplicate code", "17.02.06.2001,10,10,1", "sudah ada di baris 2"},
		{"not a number", "17.02.06.2002,sepuluh,10,1", `wajib_ktp "sepuluh" bukan bilangan bulat`},
		{"decimal", "17.02.06.2002,10,10,1.5", "ikd_aktif \"1.5\" bukan bilangan bulat"},
		{"negative", "17.02.06.2002,10,-3,0", "rekam_ektp tidak boleh negatif"},
		{"empty number", "17.02.06.2002,10,10,", "ikd_aktif kosong"},
		{"too large", "17.02.06.2002,999999999999,10,1", "wajib_ktp terlalu besar"},
		{"more IKD than e-KTP", "17.02.06.2002,10,10,11", "ikd_aktif (11) lebih besar dari rekam_ektp (10)"},
		{"short row", "17.02.06.2002,10", "rekam_ektp kosong"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rows, problems := parseCSV(t, header+"17.02.06.2001,10,10,1\n"+tc.row+"\n17.02.07.2001,5,5,5\n")
			if rows != nil {
				t.Errorf("rows returned despite a bad row: %+v", rows)
			}
			if len(problems) != 1 || problems[0].Line != 3 || !strings.Contains(problems[0].Message, tc.want) {
				t.Fatalf("problems = %+v, want one on line 3 containing %q", problems, tc.want)
			}
		})
	}
}

func TestEveryBadRowListed(t *testing.T) {
	_, problems := parseCSV(t, "kode_wilayah,wajib_ktp,rekam_ektp,ikd_aktif\nx,1,1,1\n17.02.06.2001,1,1,1\ny,1,1,1\nz,a,b,c\n")
	if len(problems) != 3 || problems[0].Line != 2 || problems[1].Line != 4 || problems[2].Line != 5 {
		t.Fatalf("problems = %+v", problems)
	}
	if !strings.Contains(problems[2].Message, "wajib_ktp") || !strings.Contains(problems[2].Message, "ikd_aktif") {
		t.Errorf("all problems of one row in one message: %q", problems[2].Message)
	}
	if !strings.Contains(problems.Error(), "baris 2: ") {
		t.Errorf("Error() = %q", problems.Error())
	}
}

func TestBadFiles(t *testing.T) {
	cases := []struct {
		name, body, want string
	}{
		{"empty", "", "Berkas kosong"},
		{"only blank lines", "\n\n", "Berkas kosong"},
		{"header only", "kode_wilayah,wajib_ktp,rekam_ektp,ikd_aktif\n", "tidak ada data desa"},
		{"missing column", "kode_wilayah,wajib_ktp,ikd_aktif\n17.02.06.2001,1,1\n", "Kolom rekam_ektp tidak ditemukan"},
		{"broken quotes", "kode_wilayah,wajib_ktp,rekam_ektp,ikd_aktif\n\"17.02.06.2001,1,1,1\n", "Format CSV rusak"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rows, problems := parseCSV(t, tc.body)
			if rows != nil || problems == nil || !strings.Contains(problems.Error(), tc.want) {
				t.Fatalf("rows %v, problems %v; want %q", rows, problems, tc.want)
			}
		})
	}
}

func TestTooLarge(t *testing.T) {
	big := strings.Repeat("x", figimport.MaxBytes+1)
	_, err := figimport.Parse(t.Context(), "a.csv", strings.NewReader(big), isKnown)
	if err == nil || !strings.Contains(err.Error(), "lebih dari 10 MB") {
		t.Fatalf("err = %v", err)
	}
	var b strings.Builder
	b.WriteString("kode_wilayah,wajib_ktp,rekam_ektp,ikd_aktif\n")
	for range figimport.MaxRows + 1 {
		b.WriteString("17.02.06.2001,1,1,1\n")
	}
	if _, err := figimport.Parse(t.Context(), "a.csv", strings.NewReader(b.String()), isKnown); err == nil || !strings.Contains(err.Error(), "baris") {
		t.Fatalf("too many rows: %v", err)
	}
}

// xlsxFile builds a workbook the way the office would: a title row, numbers
// as numbers, the header in its own words.
func xlsxFile(t *testing.T, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestXLSX(t *testing.T) {
	good := xlsxFile(t, [][]any{
		{},
		{"Kode Wilayah", "Nama", "Wajib KTP", "Rekam e-KTP", "IKD Aktif"},
		{"17.02.06.2001", "Desa A", 1200, 1100, 80},
		{"17.02.06.2002", "Desa B", 700, 650, 12},
	})
	parsed, err := figimport.Parse(t.Context(), "Data IKD.XLSX", bytes.NewReader(good), isKnown)
	rows := parsed.Rows
	if err != nil || len(rows) != 2 || rows[0].Line != 3 || rows[1].Recorded != 650 || rows[1].Activated != 12 {
		t.Fatalf("rows %+v, %v", rows, err)
	}
	bad := xlsxFile(t, [][]any{
		{"kode_wilayah", "wajib_ktp", "rekam_ektp", "ikd_aktif"},
		{"17.02.06.2001", 10, 10, 1},
		{"17.02.06.9999", 10, 10, 1},
	})
	_, err = figimport.Parse(t.Context(), "b.xlsx", bytes.NewReader(bad), isKnown)
	var problems figimport.Errors
	if !errors.As(err, &problems) || len(problems) != 1 || problems[0].Line != 3 {
		t.Fatalf("bad xlsx: %v", err)
	}
	if _, err := figimport.Parse(t.Context(), "c.xlsx", strings.NewReader("not a zip"), isKnown); err == nil || !strings.Contains(err.Error(), "bukan XLSX") {
		t.Fatalf("not xlsx: %v", err)
	}
}

// FuzzParse: no input makes Parse panic, and every accepted row is valid.
func FuzzParse(f *testing.F) {
	f.Add("kode_wilayah,wajib_ktp,rekam_ektp,ikd_aktif\n17.02.06.2001,1200,1100,80\n")
	f.Add("\uFEFFKode Wilayah;Rekam e-KTP;IKD;Wajib KTP\n17.02.06.2001;1.100;80;1.200\n")
	f.Add("a,\"b\nc\",d\n")
	f.Fuzz(func(t *testing.T, body string) {
		parsed, err := figimport.Parse(t.Context(), "f.csv", strings.NewReader(body), isKnown)
		if err != nil {
			var problems figimport.Errors
			if !errors.As(err, &problems) || len(problems) == 0 {
				t.Fatalf("error is not a list of problems: %v", err)
			}
			return
		}
		for _, r := range parsed.Rows {
			if !known[r.DesaCode] || r.WajibKTP < 0 || r.Recorded < 0 || r.Activated < 0 || r.Activated > r.Recorded {
				t.Fatalf("accepted a bad row: %+v", r)
			}
		}
	})
}

// FuzzParseXLSX: broken or hostile workbooks are refused with a message, never a panic.
func FuzzParseXLSX(f *testing.F) {
	f.Add(xlsxBytes(f, [][]any{{"kode_wilayah", "wajib_ktp", "rekam_ektp", "ikd_aktif"}, {"17.02.06.2001", 10, 8, 2}}))
	f.Add([]byte("PK\x03\x04 not really a zip"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, body []byte) {
		parsed, err := figimport.Parse(t.Context(), "f.xlsx", bytes.NewReader(body), isKnown)
		if err != nil {
			var problems figimport.Errors
			if !errors.As(err, &problems) {
				t.Fatalf("error is not a list of problems: %v", err)
			}
			return
		}
		for _, r := range parsed.Rows {
			if !known[r.DesaCode] || r.Activated > r.Recorded {
				t.Fatalf("accepted a bad row: %+v", r)
			}
		}
	})
}

func xlsxBytes(tb testing.TB, rows [][]any) []byte {
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			tb.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// officeWorkbook is how an office's own sheet looks: a title block, the
// header on row 4, a heading per kecamatan and a total row at the bottom.
var officeWorkbook = [][]any{
	{"REKAPITULASI IKD PER DESA/KELURAHAN"},
	{"DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KABUPATEN REJANG LEBONG"},
	{"Keadaan per 4 November 2026"},
	{"No", "Kode Wilayah", "Nama Desa", "Wajib KTP", "Rekam e-KTP", "IKD Aktif"},
	{"", "", "KECAMATAN CURUP", "", "", ""},
	{1, "17.02.06.2001", "Desa A", 1200, 1100, 80},
	{2, "17.02.06.2002", "Desa B", 900, 850, 0},
	{"", "", "Jumlah Kecamatan", 2100, 1950, 80},
	{3, "17.02.07.2001", "Desa C", 500, 450, 20},
	{"", "JUMLAH", "", 2600, 2400, 100},
}

// TestOfficeWorkbook: the header is found below the title block, the title,
// the heading and the totals are passed over and reported by line, and every
// desa is read, from CSV and XLSX alike.
func TestOfficeWorkbook(t *testing.T) {
	var csvBody strings.Builder
	for _, r := range officeWorkbook {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = strings.ReplaceAll(fmt.Sprint(c), ",", "")
		}
		csvBody.WriteString(strings.Join(cells, ";") + "\r\n")
	}
	for name, body := range map[string][]byte{"rekap.csv": []byte(csvBody.String()), "rekap.xlsx": xlsxBytes(t, officeWorkbook)} {
		parsed, err := figimport.Parse(t.Context(), name, bytes.NewReader(body), isKnown)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(parsed.Rows) != 3 || parsed.Rows[2].DesaCode != "17.02.07.2001" || parsed.Rows[2].Activated != 20 {
			t.Errorf("%s: rows %+v", name, parsed.Rows)
		}
		want := []figimport.Skipped{{1, figimport.SkippedTitle}, {2, figimport.SkippedTitle}, {3, figimport.SkippedTitle},
			{5, figimport.SkippedGroup}, {8, figimport.SkippedTotal}, {10, figimport.SkippedTotal}}
		if fmt.Sprint(parsed.Skipped) != fmt.Sprint(want) {
			t.Errorf("%s: skipped %v, want %v", name, parsed.Skipped, want)
		}
	}
}

// TestHeaderNotFound: a header row with a misspelt column, below a title, is
// the row the refusal names; a header further down than HeaderSearch lines
// is not looked for.
func TestHeaderNotFound(t *testing.T) {
	_, problems := parseCSV(t, "Rekap IKD\nkode_wilayah,wajib_ktp,rekam_ktp,ikd_aktif\n17.02.06.2001,1200,1100,80\n")
	if len(problems) != 2 || problems[0].Line != 2 || !strings.Contains(problems[0].Message, "rekam_ektp") {
		t.Fatalf("problems %+v, want the missing rekam_ektp on line 2", problems)
	}
	deep := strings.Repeat("catatan\n", figimport.HeaderSearch) + "kode_wilayah,wajib_ktp,rekam_ektp,ikd_aktif\n17.02.06.2001,1200,1100,80\n"
	if _, problems := parseCSV(t, deep); len(problems) == 0 {
		t.Fatal("a header below the first 20 lines was found")
	}
}

// TestKnownCodeIsNeverSkipped: a desa's row is read even when a cell of it
// starts like a total ("Jumlah ..."), and a code of no desa without such a
// label is still refused: only rows without a known code are ever skipped.
func TestKnownCodeIsNeverSkipped(t *testing.T) {
	parsed, err := figimport.Parse(t.Context(), "f.csv", strings.NewReader("kode_wilayah,nama,wajib_ktp,rekam_ektp,ikd_aktif\n"+
		"17.02.06.2001,Jumlah Baru,1200,1100,80\n17.02.06,Jumlah Kecamatan,1200,1100,80\n"), isKnown)
	if err != nil || len(parsed.Rows) != 1 || parsed.Rows[0].DesaCode != "17.02.06.2001" || len(parsed.Skipped) != 1 || parsed.Skipped[0].Line != 3 {
		t.Fatalf("rows %+v, skipped %+v, %v", parsed.Rows, parsed.Skipped, err)
	}
	_, problems := parseCSV(t, "kode_wilayah,nama,wajib_ktp,rekam_ektp,ikd_aktif\n17.02.06.2001,Desa A,1200,1100,80\n17.02.99.2001,Desa X,10,10,1\n")
	if len(problems) != 1 || problems[0].Line != 3 {
		t.Fatalf("problems %+v, want the unknown code on line 3", problems)
	}
}
