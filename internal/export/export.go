// Package export turns a week of visits into files the office shares: an
// iCalendar file for the operators' phone calendars, and CSV and XLSX tables.
package export

import (
	"bytes"
	"strconv"
	"strings"
	"time"
	"unicode"

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

// escape applies RFC 5545 TEXT escaping: a line break (CRLF, CR or LF)
// becomes \n, and other control characters, which TEXT may not hold, go.
func escape(s string) string {
	s = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s)
	s = strings.Map(func(r rune) rune {
		if r != '\n' && r != '\t' && unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
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

// Rows returns the table of visits, cancelled ones included (their status says so).
func Rows(visits []visit.Detail) [][]any {
	rows := make([][]any, 0, len(visits))
	for _, v := range visits {
		rows = append(rows, []any{v.Day, v.Start.Format("15:04"), v.End.Format("15:04"), v.TeamName, v.SiteName,
			site.Kind(v.SiteKind).Label(), v.DesaName, v.KecamatanName, v.Expected, v.Status.Label()})
	}
	return rows
}

// SheetName is the one sheet of the visits workbook.
const SheetName = "Jadwal"

// VisitTable is the visits as a table, cancelled ones included.
func VisitTable(visits []visit.Detail) Table {
	return Table{Sheet: SheetName, Header: Header, Rows: Rows(visits), Widths: []float64{12, 8, 8, 24, 40, 16, 24, 22, 16, 14}}
}
