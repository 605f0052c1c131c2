package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Table is a sheet of cells: strings stay text, int64 and float64 are numbers.
type Table struct {
	Sheet  string
	Header []string
	Rows   [][]any
	Widths []float64 // column widths in the workbook; missing ones are left default
}

// Locale is how a CSV file separates its cells and writes decimals. Excel
// reads a CSV in the computer's regional settings: set to Indonesian, it
// splits on ";" and reads 13.63 as text, so such an office wants 13,63.
type Locale struct{ Sep, Decimal byte }

// The two locales an office picks from.
var (
	Indonesian    = Locale{Sep: ';', Decimal: ','}
	International = Locale{Sep: ',', Decimal: '.'}
)

// cellText formats a cell for CSV: numbers plain, with l's decimal mark, as
// spreadsheets read them.
func cellText(v any, l Locale) (text string, isText bool) {
	switch x := v.(type) {
	case int64:
		return strconv.FormatInt(x, 10), false
	case int:
		return strconv.Itoa(x), false
	case float64:
		n := strconv.FormatFloat(x, 'f', -1, 64)
		if l.Decimal != '.' {
			n = strings.Replace(n, ".", string(l.Decimal), 1)
		}
		return n, false
	case string:
		return x, true
	}
	return fmt.Sprint(v), true
}

// CSV returns the table in locale l with a UTF-8 byte order mark, so Excel
// reads the Indonesian text right.
func (t Table) CSV(l Locale) ([]byte, error) {
	var b bytes.Buffer
	w := NewCSV(&b, l, t.Header)
	for _, row := range t.Rows {
		w.Row(row...)
	}
	return b.Bytes(), w.Err()
}

// CSVWriter writes a CSV file row by row, for tables too long to hold whole.
// Text cells that a spreadsheet would run as a formula get a leading apostrophe.
type CSVWriter struct {
	w   io.Writer
	l   Locale
	b   bytes.Buffer
	err error
}

// NewCSV starts a CSV file in locale l on w: the byte order mark and the header.
func NewCSV(w io.Writer, l Locale, header []string) *CSVWriter {
	c := &CSVWriter{w: w, l: l}
	c.b.WriteString("\uFEFF")
	for i, h := range header {
		c.field(i, h, true)
	}
	c.endLine()
	return c
}

// Row writes one row; after a write error it does nothing (see Err).
func (c *CSVWriter) Row(cells ...any) {
	for i, v := range cells {
		cell, isText := cellText(v, c.l)
		if isText && cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
			cell = "'" + cell
		}
		c.field(i, cell, isText)
	}
	c.endLine()
}

// Err is the first error writing to w.
func (c *CSVWriter) Err() error { return c.err }

// field writes the i-th field of a line (RFC 4180). Text is quoted when it
// holds a comma or a semicolon, whichever the separator is: a spreadsheet
// opened in the other locale splits on the other one, and an unquoted
// "x;=1+1" would put a formula in a cell of its own. A number never needs
// quotes, its decimal comma included.
func (c *CSVWriter) field(i int, f string, isText bool) {
	if i > 0 {
		c.b.WriteByte(c.l.Sep)
	}
	if !isText || f == "" || !strings.ContainsAny(f, ",;\"\r\n") && f[0] != ' ' && f[0] != '\t' {
		c.b.WriteString(f)
		return
	}
	c.b.WriteByte('"')
	c.b.WriteString(strings.ReplaceAll(f, `"`, `""`))
	c.b.WriteByte('"')
}

// endLine ends a line with CRLF and passes it on to w.
func (c *CSVWriter) endLine() {
	c.b.WriteString("\r\n")
	if c.err == nil {
		_, c.err = c.w.Write(c.b.Bytes())
	}
	c.b.Reset()
}

// XLSX returns the table as an Excel workbook: bold frozen header, numbers as
// numbers, text never read as a formula.
func (t Table) XLSX() (_ []byte, err error) {
	f := excelize.NewFile()
	defer func() { err = errors.Join(err, f.Close()) }() // removes the stream writer's temporary files
	if err := f.SetSheetName("Sheet1", t.Sheet); err != nil {
		return nil, err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(t.Sheet)
	if err != nil {
		return nil, err
	}
	for i, w := range t.Widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return nil, err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	head := make([]any, len(t.Header))
	for i, h := range t.Header {
		head[i] = excelize.Cell{StyleID: bold, Value: h}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return nil, err
	}
	for r, row := range t.Rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := sw.SetRow(cell, row); err != nil {
			return nil, err
		}
	}
	if err := sw.Flush(); err != nil {
		return nil, err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	return buf.Bytes(), nil
}
