package web_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"jemputbola/internal/audit"
	"jemputbola/internal/auth"
	"jemputbola/internal/region"
)

// addDemoFigures stores the demo population figures as of today.
func (a *testApp) addDemoFigures(t *testing.T) {
	t.Helper()
	rs, err := region.Subtree(region.DefaultOfficeCode)
	if err != nil {
		t.Fatal(err)
	}
	var fs []region.Figure
	for _, d := range region.DemoFigures(rs) {
		fs = append(fs, region.Figure{DesaCode: d.DesaCode, AsOf: time.Now().Format(time.DateOnly), WajibKTP: d.WajibKTP,
			EktpRecorded: d.Recorded, IkdActivated: d.Activated, Source: region.SourceDemo})
	}
	if err := region.NewStore(a.DB).AddFigures(a.Ctx, audit.System, fs); err != nil {
		t.Fatal(err)
	}
}

func TestWilayahPages(t *testing.T) {
	app := newTestApp(t)
	app.addDemoFigures(t)
	c := app.login(t, "operator1", auth.Operator)

	t.Run("KecamatanList", func(t *testing.T) {
		res, doc := c.get(t, "/wilayah")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d", res.StatusCode)
		}
		if n := doc.Find("tbody tr").Length(); n != 15 {
			t.Errorf("%d kecamatan rows, want 15", n)
		}
		foot := doc.Find("tfoot").Text()
		for _, want := range []string{"202.820", "10.425", "5,14%", "60.846", "50.421"} {
			if !strings.Contains(foot, want) {
				t.Errorf("kabupaten totals %q lack %q", foot, want)
			}
		}
	})
	t.Run("DesaList", func(t *testing.T) {
		res, doc := c.get(t, "/wilayah/17.02.06")
		if res.StatusCode != http.StatusOK || doc.Find("tbody tr").Length() != 10 {
			t.Fatalf("status %d with %d rows, want 10 desa of Kota Padang", res.StatusCode, doc.Find("tbody tr").Length())
		}
		if !strings.Contains(doc.Find("tbody").Text(), "Bedeng SS") {
			t.Error("Bedeng SS missing")
		}
	})
	t.Run("UnknownKecamatan", func(t *testing.T) {
		for _, code := range []string{"99.99.99", "17.02.06.2001", "%27%3B--"} {
			if res, _ := c.get(t, "/wilayah/"+code); res.StatusCode != http.StatusNotFound {
				t.Errorf("/wilayah/%s: status %d, want 404", code, res.StatusCode)
			}
		}
	})
}

func TestRegionsAPI(t *testing.T) {
	app := newTestApp(t)
	app.addDemoFigures(t)
	c := app.login(t, "kadis", auth.KepalaDinas)
	req, _ := http.NewRequest(http.MethodGet, app.URL+"/api/v1/regions", nil)
	res, err := c.http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	var rows []map[string]any
	if err := json.Unmarshal(body, &rows); err != nil {
		t.Fatalf("decode %s: %v", body[:min(200, len(body))], err)
	}
	levels := map[string]int{}
	var recorded float64
	for _, r := range rows {
		levels[r["level"].(string)]++
		if r["level"] == "desa" {
			recorded += r["ektp_recorded"].(float64)
			if r["parent_code"] == nil || r["wajib_ktp"] == nil || r["ikd_activated"] == nil {
				t.Fatalf("desa row lacks fields: %v", r)
			}
		}
	}
	if levels["kabkota"] != 1 || levels["kecamatan"] != 15 || levels["desa"] != 156 || recorded != 202820 {
		t.Fatalf("levels %v, recorded %v", levels, recorded)
	}

	t.Run("AnonymousGets401JSON", func(t *testing.T) {
		res, err := http.Get(app.URL + "/api/v1/regions")
		if err != nil {
			t.Fatal(err)
		}
		discard(t, res)
		if res.StatusCode != http.StatusUnauthorized || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
			t.Fatalf("status %d, type %q", res.StatusCode, res.Header.Get("Content-Type"))
		}
	})
}
