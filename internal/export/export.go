// Package export turns a week of visits into files the office shares: an
// iCalendar file for the operators' phone calendars, and CSV and XLSX tables.
package export

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"jemputbola/internal/site"
	"jemputbola/internal/visit"
)

// ICS returns an RFC 5545 calendar with one event per visit that is not cancelled.
func ICS(visits []visit.Detail, now time.Time) []byte {
	var b bytes.Buffer
	line := func(s string) { b.WriteString(fold(s)) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//Jemput Bola//ID")
	line("CALSCALE:GREGORIAN")
	line("X-WR-CALNAME:Jadwal Jemput Bola IKD")
	stamp := now.UTC().Format("20060102T150405Z")
	for _, v := range visits {
		if v.Status == visit.Dibatalkan {
			continue
		}
		line("BEGIN:VEVENT")
		line("UID:visit-" + strconv.FormatInt(v.ID, 10) + "@jemputbola")
		line("DTSTAMP:" + stamp)
		line("DTSTART:" + v.StartAt.UTC().Format("20060102T150405Z"))
		line("DTEND:" + v.EndAt.UTC().Format("20060102T150405Z"))
		line("SUMMARY:" + escape("Jemput bola IKD: "+v.SiteName))
		line("LOCATION:" + escape(v.SiteName+", "+v.DesaName+", Kec. "+v.KecamatanName))
		line("DESCRIPTION:" + escape("Tim: "+v.TeamName+"\nTarget aktivasi: "+strconv.FormatInt(v.Expected, 10)+
			"\nBawa: e-KTP, HP Android dengan sinyal, alamat email aktif"))
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	return b.Bytes()
}

// escape applies RFC 5545 TEXT escaping.
func escape(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\n", `\n`).Replace(s)
}

// fold splits a content line into lines of at most 75 octets (continuations
// start with a space), never inside a UTF-8 character, and ends it with CRLF.
func fold(s string) string {
	var b strings.Builder
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8Start(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut] + "\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	b.WriteString(s + "\r\n")
	return b.String()
}

func utf8Start(c byte) bool { return c&0xC0 != 0x80 }

// Header is the first row of the CSV and XLSX tables.
var Header = []string{"Tanggal", "Mulai", "Selesai", "Tim", "Lokasi", "Jenis", "Desa/Kelurahan", "Kecamatan", "Target Aktivasi", "Status"}

// targetColumn holds a number; every other column is text.
const targetColumn = 8

// Rows returns the table of visits, cancelled ones included (their status says so).
func Rows(visits []visit.Detail) [][]string {
	rows := make([][]string, 0, len(visits))
	for _, v := range visits {
		rows = append(rows, []string{v.Day, v.Start.Format("15:04"), v.End.Format("15:04"), v.TeamName, v.SiteName,
			site.Kind(v.SiteKind).Label(), v.DesaName, v.KecamatanName, strconv.FormatInt(v.Expected, 10), v.Status.Label()})
	}
	return rows
}

// CSV returns the table as CSV with a UTF-8 byte order mark, so Excel reads the
// Indonesian text right. Text cells that a spreadsheet would run as a formula
// get a leading apostrophe.
func CSV(visits []visit.Detail) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("\uFEFF")
	w := csv.NewWriter(&b)
	if err := w.Write(Header); err != nil {
		return nil, err
	}
	for _, r := range Rows(visits) {
		for i, cell := range r {
			if i != targetColumn && cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				r[i] = "'" + cell
			}
		}
		if err := w.Write(r); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// SheetName is the one sheet of the XLSX file.
const SheetName = "Jadwal"

// XLSX returns the table as an Excel workbook: bold frozen header, numbers as numbers.
func XLSX(visits []visit.Detail) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", SheetName); err != nil {
		return nil, err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	for i, h := range Header {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		if err := f.SetCellValue(SheetName, cell, h); err != nil {
			return nil, err
		}
	}
	if err := f.SetRowStyle(SheetName, 1, 1, bold); err != nil {
		return nil, err
	}
	for r, row := range Rows(visits) {
		for i, v := range row {
			cell, _ := excelize.CoordinatesToCellName(i+1, r+2)
			var value any = v
			if i == targetColumn {
				value = visits[r].Expected
			}
			if err := f.SetCellValue(SheetName, cell, value); err != nil {
				return nil, err
			}
		}
	}
	for i, width := range []float64{12, 8, 8, 24, 40, 16, 24, 22, 16, 14} {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(SheetName, col, col, width); err != nil {
			return nil, err
		}
	}
	if err := f.SetPanes(SheetName, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	return buf.Bytes(), nil
}
