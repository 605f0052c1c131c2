package web_test

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jemputbola/internal/auth"
	"jemputbola/internal/export"
)

func TestScheduleExports(t *testing.T) {
	app := newTestApp(t)
	app.fixtures(t)
	c := app.login(t, "ketua1", auth.KetuaTim)
	monday := nextMonday()
	if res, _ := c.post(t, "/kunjungan", visitForm(monday, "08:00", "12:00")); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("plan: %d", res.StatusCode)
	}
	download := func(c *testClient, ext string) (*http.Response, []byte) {
		req, _ := http.NewRequest(http.MethodGet, app.URL+"/jadwal/ekspor."+ext+"?week="+monday, nil)
		res, err := c.http.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		return res, body
	}
	t.Run("ICS", func(t *testing.T) {
		res, body := download(c, "ics")
		if !strings.HasPrefix(res.Header.Get("Content-Type"), "text/calendar") || !strings.Contains(res.Header.Get("Content-Disposition"), "jadwal-"+monday+".ics") {
			t.Fatalf("headers %v", res.Header)
		}
		if strings.Count(string(body), "BEGIN:VEVENT") != 1 {
			t.Fatalf("calendar:\n%s", body)
		}
	})
	t.Run("CSV", func(t *testing.T) {
		_, body := download(c, "csv")
		rows, err := readCSV(body, ';')
		if err != nil || len(rows) != 2 || rows[1][0] != monday || rows[1][4] != "SMA Negeri 1 Rejang Lebong" {
			t.Fatalf("rows %v, %v", rows, err)
		}
	})
	t.Run("XLSX", func(t *testing.T) {
		_, body := download(c, "xlsx")
		f, err := excelize.OpenReader(bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows(export.SheetName)
		if err != nil || len(rows) != 2 || rows[1][3] != "Tim Uji" || rows[1][8] != "40" {
			t.Fatalf("rows %v, %v", rows, err)
		}
	})
	t.Run("OperatorOutsideTeamGetsNone", func(t *testing.T) {
		op := app.login(t, "operator1", auth.Operator)
		_, body := download(op, "csv")
		if rows, _ := readCSV(body, ';'); len(rows) != 1 {
			t.Fatalf("operator outside the team got %d rows", len(rows)-1)
		}
	})
}
