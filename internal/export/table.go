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

// cellText formats a cell for CSV: numbers with a dot decimal, as spreadsheets read them.
func cellText(v any) (text string, isText bool) {
	switch x := v.(type) {
	case int64:
		return strconv.FormatInt(x, 10), false
	case int:
		return strconv.Itoa(x), false
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), false
	case string:
		return x, true
	}
	return fmt.Sprint(v), true
}

// CSV returns the table with a UTF-8 byte order mark, so Excel reads the
// Indonesian text right.
func (t Table) CSV() ([]byte, error) {
	var b bytes.Buffer
	w := NewCSV(&b, t.Header)
	for _, row := range t.Rows {
		w.Row(row...)
	}
	return b.Bytes(), w.Err()
}

// CSVWriter writes a CSV file row by row, for tables too long to hold whole.
// Text cells that a spreadsheet would run as a formula get a leading apostrophe.
type CSVWriter struct {
	w   io.Writer
	b   bytes.Buffer
	rec []string
	err error
}

// NewCSV starts a CSV file on w: the byte order mark and the header.
func NewCSV(w io.Writer, header []string) *CSVWriter {
	c := &CSVWriter{w: w}
	c.b.WriteString("\uFEFF")
	writeRecord(&c.b, header)
	c.flush()
	return c
}

// Row writes one row; after a write error it does nothing (see Err).
func (c *CSVWriter) Row(cells ...any) {
	c.rec = c.rec[:0]
	for _, v := range cells {
		cell, isText := cellText(v)
		if isText && cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
			cell = "'" + cell
		}
		c.rec = append(c.rec, cell)
	}
	writeRecord(&c.b, c.rec)
	c.flush()
}

// Err is the first error writing to w.
func (c *CSVWriter) Err() error { return c.err }

func (c *CSVWriter) flush() {
	if c.err == nil {
		_, c.err = c.w.Write(c.b.Bytes())
	}
	c.b.Reset()
}

// writeRecord writes one CSV line (RFC 4180, CRLF). A field is quoted when it
// holds a comma or, unlike encoding/csv, a semicolon: Excel set to Indonesian
// splits on ";", and an unquoted "x;=1+1" would put a formula in a cell of
// its own.
func writeRecord(b *bytes.Buffer, rec []string) {
	for i, f := range rec {
		if i > 0 {
			b.WriteByte(',')
		}
		if f == "" || !strings.ContainsAny(f, ",;\"\r\n") && f[0] != ' ' && f[0] != '\t' {
			b.WriteString(f)
			continue
		}
		b.WriteByte('"')
		b.WriteString(strings.ReplaceAll(f, `"`, `""`))
		b.WriteByte('"')
	}
	b.WriteString("\r\n")
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
