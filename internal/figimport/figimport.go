// Package figimport reads the office's official population figures from a CSV
// or XLSX file: one row per desa with its code, residents required to hold a
// KTP, e-KTP recorded and IKD activated. Every row is checked before anything
// is stored, and every bad row is reported with its line and an Indonesian
// reason, so the office fixes the whole file in one go.
package figimport

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"jemputbola/internal/region"
)

// Row is one valid desa row of the file.
type Row struct {
	Line      int
	DesaCode  string
	WajibKTP  int64
	Recorded  int64
	Activated int64
}

// Figures turns checked rows into figures to store; the store sets the date and source.
func Figures(rows []Row) []region.Figure {
	fs := make([]region.Figure, len(rows))
	for i, r := range rows {
		fs[i] = region.Figure{DesaCode: r.DesaCode, WajibKTP: r.WajibKTP, EktpRecorded: r.Recorded, IkdActivated: r.Activated}
	}
	return fs
}

// LineError is a problem on one line of the file (line 0: the file itself).
type LineError struct {
	Line    int
	Message string
}

// Errors lists every problem found; it is the error Parse returns.
type Errors []LineError

func (e Errors) Error() string {
	var b strings.Builder
	for i, le := range e {
		if i > 0 {
			b.WriteString("; ")
		}
		if le.Line > 0 {
			fmt.Fprintf(&b, "baris %d: ", le.Line)
		}
		b.WriteString(le.Message)
	}
	return b.String()
}

// Limits keep one upload from holding the server: no kabupaten has more desa.
const (
	MaxRows  = 20_000
	MaxBytes = 10 << 20
	maxCount = 100_000_000
)

// columns are the required columns with the header names offices write,
// compared after lower-casing and dropping everything but letters and digits.
var columns = []struct {
	key     string
	aliases []string
}{
	{"kode_wilayah", []string{"kodewilayah", "kode", "kodedesa", "kodekelurahan", "kodedesakelurahan", "kodewil"}},
	{"wajib_ktp", []string{"wajibktp", "jumlahwajibktp", "wktp"}},
	{"rekam_ektp", []string{"rekamektp", "perekamanektp", "ektpterekam", "sudahrekamektp", "jumlahrekamektp", "rekamanektp"}},
	{"ikd_aktif", []string{"ikdaktif", "aktivasiikd", "ikdteraktivasi", "jumlahikd", "ikd", "jumlahikdaktif"}},
}

func normalise(h string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, h)
}

// Parsed is a checked file: every row, the lines passed over on purpose, and
// how many cells held a formula whose saved value was taken (the page says so).
type Parsed struct {
	Rows     []Row
	Skipped  []Skipped
	Formulas int
}

// Skipped is a line of the file that is not a desa's figures: a title above
// the header row, a total, or a group heading with neither code nor numbers.
type Skipped struct {
	Line   int
	Reason string
}

// Reasons a line is skipped.
const (
	SkippedTitle = "judul di atas baris judul kolom"
	SkippedTotal = "baris jumlah"
	SkippedGroup = "tanpa kode wilayah dan angka"
)

// HeaderSearch is how many lines from the top the header row may start at:
// office workbooks put a title block above it.
const HeaderSearch = 20

// FormulaNote tells the office that formulas counted by their saved values, or "" when none did.
func (p Parsed) FormulaNote() string {
	if p.Formulas == 0 {
		return ""
	}
	return fmt.Sprintf("%d sel berisi rumus; nilai yang tersimpan di berkas yang diimpor.", p.Formulas)
}

// Parse reads name's content (".xlsx" files as workbooks, anything else as
// CSV with comma or semicolon separators). known reports whether a code is a
// desa/kelurahan of the office. It returns every row, or Errors listing
// every bad one; nothing partial. It stops when ctx is cancelled.
func Parse(ctx context.Context, name string, r io.Reader, known func(code string) bool) (Parsed, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return Parsed{}, err
	}
	if len(data) > MaxBytes {
		return Parsed{}, Errors{{0, fmt.Sprintf("Berkas lebih dari %d MB.", MaxBytes>>20)}}
	}
	var sheet sheetRows
	if strings.HasSuffix(strings.ToLower(name), ".xlsx") {
		sheet, err = readXLSX(ctx, data)
	} else {
		sheet.records, sheet.lines, err = readCSV(data)
	}
	if err != nil {
		return Parsed{}, err
	}
	parsed, err := check(sheet.records, sheet.lines, known)
	parsed.Formulas = sheet.formulas
	return parsed, err
}

func readCSV(data []byte) ([][]string, []int, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	top := firstLines(data, HeaderSearch) // the header may sit below a title block
	cr := csv.NewReader(bytes.NewReader(data))
	if bytes.Count(top, []byte(";")) > bytes.Count(top, []byte(",")) {
		cr.Comma = ';' // Excel in an Indonesian locale saves CSV with semicolons
	}
	cr.FieldsPerRecord = -1
	var records [][]string
	var lines []int
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, nil, Errors{{pe.Line, "Format CSV rusak: " + csvReason(pe.Err)}}
			}
			return nil, nil, err
		}
		line, _ := cr.FieldPos(0)
		records, lines = append(records, rec), append(lines, line)
		if len(records) > MaxRows+1 {
			return nil, nil, Errors{{0, fmt.Sprintf("Berkas lebih dari %d baris.", MaxRows)}}
		}
	}
	return records, lines, nil
}

// firstLines is the start of data up to its n-th line break.
func firstLines(data []byte, n int) []byte {
	at := 0
	for range n {
		i := bytes.IndexByte(data[at:], '\n')
		if i < 0 {
			return data
		}
		at += i + 1
	}
	return data[:at]
}

func csvReason(err error) string {
	switch {
	case errors.Is(err, csv.ErrQuote), errors.Is(err, csv.ErrBareQuote):
		return "tanda kutip tidak seimbang."
	}
	return err.Error()
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// header finds the column of each required field in rec, or says which are missing.
func header(rec []string, line int) ([]int, Errors) {
	idx := make([]int, len(columns))
	var errs Errors
	for i, col := range columns {
		idx[i] = -1
		for j, h := range rec {
			n := normalise(h)
			for _, a := range col.aliases {
				if n == a && idx[i] < 0 {
					idx[i] = j
				}
			}
		}
		if idx[i] < 0 {
			errs = append(errs, LineError{line, fmt.Sprintf("Kolom %s tidak ditemukan di baris judul.", col.key)})
		}
	}
	if errs != nil {
		errs = append(errs, LineError{line, "Baris judul harus memuat kode_wilayah, wajib_ktp, rekam_ektp dan ikd_aktif (urutan bebas)."})
		return nil, errs
	}
	return idx, nil
}

// grouped matches whole numbers written with thousands separators: 12.345 or 12,345.
var grouped = regexp.MustCompile(`^\d{1,3}([.,]\d{3})+$`)

func count(s string) (int64, string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, "kosong"
	}
	if grouped.MatchString(s) {
		s = strings.NewReplacer(".", "", ",", "").Replace(s)
	}
	n, err := strconv.ParseInt(s, 10, 64)
	switch {
	case err != nil:
		return 0, fmt.Sprintf("%q bukan bilangan bulat", s)
	case n < 0:
		return 0, "tidak boleh negatif"
	case n > maxCount:
		return 0, "terlalu besar"
	}
	return n, ""
}

// findHeader is the index of the header row among the first HeaderSearch
// non-blank records, and its columns. When none has every column, the errors
// are those of the record that came closest, the row the office meant.
func findHeader(records [][]string, lines []int) (int, []int, error) {
	var closest Errors
	for i, seen := 0, 0; i < len(records) && seen < HeaderSearch; i++ {
		if blank(records[i]) {
			continue
		}
		seen++
		idx, errs := header(records[i], lines[i])
		if errs == nil {
			return i, idx, nil
		}
		if closest == nil || len(errs) < len(closest) {
			closest = errs
		}
	}
	if closest == nil {
		return 0, nil, Errors{{0, "Berkas kosong: tidak ada baris judul dan data."}}
	}
	return 0, nil, closest
}

// totalWords start the label of a total row, compared as normalise writes it.
var totalWords = []string{"jumlah", "total", "subtotal", "grandtotal"}

// skipReason says why a data record that is no desa's row is passed over,
// "" when it must be checked as one. Only a record without a known code can
// be skipped, so no desa's figures are ever dropped.
func skipReason(rec []string, code string, counts []string, known func(string) bool) string {
	if code != "" && known(code) {
		return ""
	}
	for _, cell := range rec {
		n := normalise(cell)
		for _, w := range totalWords {
			if strings.HasPrefix(n, w) {
				return SkippedTotal
			}
		}
	}
	if code == "" && blank(counts) {
		return SkippedGroup
	}
	return ""
}

func check(records [][]string, lines []int, known func(string) bool) (Parsed, error) {
	start, idx, err := findHeader(records, lines)
	if err != nil {
		return Parsed{}, err
	}
	var out Parsed
	for i := range start {
		if !blank(records[i]) {
			out.Skipped = append(out.Skipped, Skipped{lines[i], SkippedTitle})
		}
	}
	var errs Errors
	seen := map[string]int{}
	for i := start + 1; i < len(records); i++ {
		rec, line := records[i], lines[i]
		if blank(rec) {
			continue
		}
		get := func(c int) string {
			if idx[c] < len(rec) {
				return rec[idx[c]]
			}
			return ""
		}
		code := strings.TrimSpace(get(0))
		if reason := skipReason(rec, code, []string{get(1), get(2), get(3)}, known); reason != "" {
			out.Skipped = append(out.Skipped, Skipped{line, reason})
			continue
		}
		var problems []string
		switch {
		case code == "":
			problems = append(problems, "kode_wilayah kosong")
		case !known(code):
			problems = append(problems, fmt.Sprintf("kode_wilayah %q bukan desa/kelurahan wilayah kantor ini", code))
		case seen[code] > 0:
			problems = append(problems, fmt.Sprintf("kode_wilayah %s sudah ada di baris %d", code, seen[code]))
		default:
			seen[code] = line
		}
		r := Row{Line: line, DesaCode: code}
		for c, dst := range []*int64{&r.WajibKTP, &r.Recorded, &r.Activated} {
			n, problem := count(get(c + 1))
			if problem != "" {
				problems = append(problems, columns[c+1].key+" "+problem)
			}
			*dst = n
		}
		if len(problems) == 0 && r.Activated > r.Recorded {
			problems = append(problems, fmt.Sprintf("ikd_aktif (%d) lebih besar dari rekam_ektp (%d)", r.Activated, r.Recorded))
		}
		if len(problems) > 0 {
			errs = append(errs, LineError{line, strings.Join(problems, "; ") + "."})
			continue
		}
		out.Rows = append(out.Rows, r)
	}
	if errs != nil {
		return Parsed{}, errs
	}
	if len(out.Rows) == 0 {
		return Parsed{}, Errors{{0, "Berkas hanya berisi baris judul; tidak ada data desa."}}
	}
	return out, nil
}
