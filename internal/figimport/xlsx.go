package figimport

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// A workbook is read streaming, part by part, with every size capped: a small
// upload must not unpack into gigabytes, hold the server for minutes or keep
// working after the office has given up on it.
const (
	maxStringsXML = 8 << 20  // shared strings, unzipped (20,000 desa names take ~1 MB)
	maxSheetXML   = 24 << 20 // the first sheet, unzipped (20,000 rows of 15 cells take ~10 MB)
	maxStrings    = 500_000  // entries in the shared strings table
	maxColumns    = 256      // columns read per row (A to IV)
	maxCellText   = 32_767   // Excel's own limit for one cell
	checkEvery    = 4096     // XML tokens between checks for a cancelled request
	maxSmallXML   = 1 << 20  // workbook.xml and its relationships
	maxTotalCells = 300_000  // over the whole sheet: Jawa Tengah's 8,563 desa with 35 columns
)

var (
	errNotXLSX  = Errors{{0, "Berkas bukan XLSX yang dapat dibaca."}}
	errNoSheet  = Errors{{0, "Berkas XLSX tidak punya lembar kerja."}}
	errTooBig   = Errors{{0, "Isi berkas XLSX terlalu besar setelah dibuka. Simpan hanya lembar data desa (tanpa lembar lain yang besar) lalu unggah lagi."}}
	errTooWide  = Errors{{0, fmt.Sprintf("Lembar kerja lebih dari %d kolom terisi.", maxColumns)}}
	errTooLong  = Errors{{0, fmt.Sprintf("Sel berisi lebih dari %d karakter.", maxCellText)}}
	errTooMany  = Errors{{0, "Lembar kerja berisi terlalu banyak sel."}}
	errBadSheet = Errors{{0, "Lembar kerja pertama tidak dapat dibaca."}}
)

// sheetRows is what the first sheet holds: its rows as text, their line
// numbers, and how many cells held a formula whose saved value was taken.
type sheetRows struct {
	records  [][]string
	lines    []int
	formulas int
}

func readXLSX(ctx context.Context, data []byte) (sheetRows, error) {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return sheetRows{}, errNotXLSX
	}
	parts := map[string]*zip.File{}
	for _, f := range z.File {
		parts[strings.TrimPrefix(f.Name, "/")] = f
	}
	sheet, err := firstSheet(parts)
	if err != nil {
		return sheetRows{}, err
	}
	var strs []string
	if f, ok := parts["xl/sharedStrings.xml"]; ok {
		if strs, err = sharedStrings(ctx, f); err != nil {
			return sheetRows{}, err
		}
	}
	return readSheet(ctx, sheet, strs)
}

// open gives a part's unzipped bytes, failing with errTooBig past limit.
func open(f *zip.File, limit int64) (io.ReadCloser, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, errNotXLSX
	}
	return struct {
		io.Reader
		io.Closer
	}{&cappedReader{r: rc, left: limit}, rc}, nil
}

// cappedReader fails once more than left bytes have come through.
type cappedReader struct {
	r    io.Reader
	left int64
}

var errCap = errors.New("figimport: part larger than its cap")

func (c *cappedReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		return 0, errCap
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

// firstSheet finds the part of the workbook's first sheet through the
// workbook's relationships, as Excel and LibreOffice write them.
func firstSheet(parts map[string]*zip.File) (*zip.File, error) {
	wb, ok := parts["xl/workbook.xml"]
	if !ok {
		return nil, errNotXLSX
	}
	var book struct {
		Sheets []struct {
			RID string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := decodeSmall(wb, &book); err != nil {
		return nil, err
	}
	if len(book.Sheets) == 0 {
		return nil, errNoSheet
	}
	if r, ok := parts["xl/_rels/workbook.xml.rels"]; ok {
		if err := decodeSmall(r, &rels); err != nil {
			return nil, err
		}
	}
	for _, r := range rels.Rel {
		if r.ID != book.Sheets[0].RID {
			continue
		}
		target := strings.TrimPrefix(r.Target, "/")
		if !strings.HasPrefix(target, "xl/") {
			target = path.Join("xl", target)
		}
		if f, ok := parts[target]; ok {
			return f, nil
		}
	}
	if f, ok := parts["xl/worksheets/sheet1.xml"]; ok {
		return f, nil
	}
	return nil, errNoSheet
}

func decodeSmall(f *zip.File, v any) error {
	rc, err := open(f, maxSmallXML)
	if err != nil {
		return err
	}
	defer rc.Close() //nolint:errcheck // read-only
	if err := xml.NewDecoder(rc).Decode(v); err != nil {
		if errors.Is(err, errCap) {
			return errTooBig
		}
		return errNotXLSX
	}
	return nil
}

// tokens walks a part's XML, checking the request and the caps as it goes.
type tokens struct {
	ctx context.Context
	dec *xml.Decoder
	n   int
}

func (t *tokens) next() (xml.Token, error) {
	t.n++
	if t.n%checkEvery == 0 {
		if err := t.ctx.Err(); err != nil {
			return nil, err
		}
	}
	// RawToken: no namespace work or nesting checks, and far fewer allocations.
	tok, err := t.dec.RawToken()
	switch {
	case errors.Is(err, errCap):
		return nil, errTooBig
	case err != nil && !errors.Is(err, io.EOF):
		return nil, errNotXLSX
	}
	return tok, err
}

// skip passes over the rest of the element just opened.
func (t *tokens) skip() error {
	_, err := t.text()
	if errors.Is(err, errTooLong) {
		return nil // its text is not wanted, however long
	}
	return err
}

// text reads the character data up to the end of the element just opened.
func (t *tokens) text() (string, error) {
	var b strings.Builder
	for depth := 1; depth > 0; {
		tok, err := t.next()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return "", errNotXLSX
			}
			return "", err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if b.Len()+len(tok) > maxCellText {
				return "", errTooLong
			}
			b.Write(tok)
		}
	}
	return b.String(), nil
}

// sharedStrings reads the table cells of type "s" point into. A rich-text
// entry is the text of its runs; phonetic guides (rPh) are not text.
func sharedStrings(ctx context.Context, f *zip.File) ([]string, error) {
	rc, err := open(f, maxStringsXML)
	if err != nil {
		return nil, err
	}
	defer rc.Close() //nolint:errcheck // read-only
	t := &tokens{ctx: ctx, dec: xml.NewDecoder(rc)}
	var strs []string
	var cur strings.Builder
	for {
		tok, err := t.next()
		if errors.Is(err, io.EOF) {
			return strs, nil
		}
		if err != nil {
			return nil, err
		}
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "si":
				cur.Reset()
			case "rPh":
				if err := t.skip(); err != nil {
					return nil, err
				}
			case "t":
				s, err := t.text()
				if err != nil {
					return nil, err
				}
				if cur.Len()+len(s) > maxCellText {
					return nil, errTooLong
				}
				cur.WriteString(s)
			}
		case xml.EndElement:
			if el.Name.Local == "si" {
				if len(strs) == maxStrings {
					return nil, errTooBig
				}
				strs = append(strs, cur.String())
			}
		}
	}
}

// cell is one <c> being read.
type cell struct {
	col     int
	kind    string // the t attribute
	value   string
	formula bool
}

func readSheet(ctx context.Context, f *zip.File, strs []string) (sheetRows, error) {
	rc, err := open(f, maxSheetXML)
	if err != nil {
		return sheetRows{}, err
	}
	defer rc.Close() //nolint:errcheck // read-only
	r := sheetReader{t: &tokens{ctx: ctx, dec: xml.NewDecoder(rc)}, strs: strs}
	for {
		tok, err := r.t.next()
		if errors.Is(err, io.EOF) {
			return r.out, nil
		}
		if err == nil {
			switch el := tok.(type) {
			case xml.StartElement:
				err = r.start(el)
			case xml.EndElement:
				err = r.end(el)
			}
		}
		if err != nil {
			return sheetRows{}, err
		}
	}
}

// sheetReader gathers a sheet's rows from its elements as they stream past.
type sheetReader struct {
	t     *tokens
	strs  []string
	out   sheetRows
	rec   []string // the row being read
	c     cell     // the cell being read
	line  int
	cells int
}

func (r *sheetReader) start(el xml.StartElement) error {
	switch el.Name.Local {
	case "row":
		r.line++
		if n, err := strconv.Atoi(attr(el, "r")); err == nil && n >= r.line {
			r.line = n
		}
		r.rec = nil
	case "c":
		r.c = cell{col: len(r.rec), kind: attr(el, "t")}
		if ref := attr(el, "r"); ref != "" {
			col, ok := column(ref)
			if !ok {
				return errBadSheet
			}
			r.c.col = col
		}
		if r.c.col >= maxColumns {
			return errTooWide
		}
	case "f":
		r.c.formula = true
		return r.t.skip()
	case "rPh":
		return r.t.skip()
	case "v":
		v, err := r.t.text()
		r.c.value = v
		return err
	case "t": // the runs of an inline string's <is>
		s, err := r.t.text()
		if err != nil {
			return err
		}
		if len(r.c.value)+len(s) > maxCellText {
			return errTooLong
		}
		r.c.value += s
	}
	return nil
}

func (r *sheetReader) end(el xml.EndElement) error {
	switch el.Name.Local {
	case "c":
		if r.cells++; r.cells > maxTotalCells {
			return errTooMany
		}
		v, err := r.c.text(r.strs, r.line)
		if err != nil {
			return err
		}
		if r.c.formula && v != "" {
			r.out.formulas++
		}
		for len(r.rec) <= r.c.col {
			r.rec = append(r.rec, "")
		}
		r.rec[r.c.col] = v
	case "row":
		r.out.records, r.out.lines = append(r.out.records, r.rec), append(r.out.lines, r.line)
		if len(r.out.records) > MaxRows+1 {
			return Errors{{0, fmt.Sprintf("Berkas lebih dari %d baris.", MaxRows)}}
		}
	}
	return nil
}

// text is the cell as the office sees it: shared and inline strings as
// written, whole numbers without a decimal part. A formula counts by its
// saved value; one saved without a value is refused, since the file would say
// something other than what the office saw.
func (c cell) text(strs []string, line int) (string, error) {
	if c.formula && c.value == "" {
		return "", Errors{{line, fmt.Sprintf("Sel %s berisi rumus tanpa nilai tersimpan. Buka berkas di Excel, simpan ulang, lalu unggah lagi.", cellName(c.col, line))}}
	}
	switch c.kind {
	case "s":
		i, err := strconv.Atoi(c.value)
		if err != nil || i < 0 || i >= len(strs) {
			return "", errBadSheet
		}
		return strs[i], nil
	case "", "n":
		if n, err := strconv.ParseFloat(c.value, 64); err == nil && n == float64(int64(n)) && strings.ContainsAny(c.value, ".eE") {
			return strconv.FormatInt(int64(n), 10), nil
		}
	}
	return c.value, nil
}

func attr(el xml.StartElement, name string) string {
	for _, a := range el.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// column is the zero-based column of a reference such as "C12".
func column(ref string) (int, bool) {
	col := 0
	i := 0
	for ; i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z'; i++ {
		col = col*26 + int(ref[i]-'A') + 1
		if col > 16384 { // XFD, Excel's last column
			return 0, false
		}
	}
	if i == 0 {
		return 0, false
	}
	return col - 1, true
}

// cellName is a cell's reference, for messages: column 2 on line 5 is "C5".
func cellName(col, line int) string {
	name := ""
	for col++; col > 0; col = (col - 1) / 26 {
		name = string(rune('A'+(col-1)%26)) + name
	}
	return name + strconv.Itoa(line)
}
