// Package xlsxtest builds workbooks part by part, for tests of hostile and
// unusual uploads that a spreadsheet library would refuse to write.
package xlsxtest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"io"
	"strings"
)

// Parts of a minimal workbook, as Excel writes them; the sheet is found
// through the relationships (rId7, an absolute target).
const (
	workbookXML = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId7"/></sheets></workbook>`
	relsXML     = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/></Relationships>`
	SheetOpen   = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
	SheetClose  = `</sheetData></worksheet>`
	StringsOpen = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`
)

// Book zips a workbook whose first sheet and shared strings (nil: none) are
// written by the given functions.
func Book(sheet, shared func(io.Writer)) ([]byte, error) {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	z.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	parts := []struct {
		name  string
		write func(io.Writer)
	}{
		{"xl/workbook.xml", Text(workbookXML)},
		{"xl/_rels/workbook.xml.rels", Text(relsXML)},
		{"xl/worksheets/data.xml", sheet},
		{"xl/sharedStrings.xml", shared},
	}
	for _, p := range parts {
		if p.write == nil {
			continue
		}
		w, err := z.Create(p.name)
		if err != nil {
			return nil, err
		}
		p.write(w)
	}
	err := z.Close()
	return buf.Bytes(), err
}

// Text writes s.
func Text(s string) func(io.Writer) { return func(w io.Writer) { _, _ = io.WriteString(w, s) } }

// Seq writes each part in turn.
func Seq(parts ...func(io.Writer)) func(io.Writer) {
	return func(w io.Writer) {
		for _, p := range parts {
			p(w)
		}
	}
}

// Repeat writes s n times (n rounded down to a thousand).
func Repeat(s string, n int) func(io.Writer) {
	return func(w io.Writer) {
		b := []byte(strings.Repeat(s, 1000))
		for range n / 1000 {
			_, _ = w.Write(b)
		}
	}
}

// StringsBomb is a workbook of about 700 KB whose shared strings unzip to
// about 190 MB: a header row on its sheet, and 1.9 million 90-letter strings.
func StringsBomb(headerRow string) ([]byte, error) {
	return Book(Text(SheetOpen+headerRow+SheetClose),
		Seq(Text(StringsOpen), Repeat(`<si><t>`+strings.Repeat("A", 90)+`</t></si>`, 1_900_000), Text(`</sst>`)))
}
