package web_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"jemputbola/internal/audit"
	"jemputbola/internal/auth"
	"jemputbola/internal/team"
)

// nextMonday is the Monday after today, as YYYY-MM-DD.
func nextMonday() string {
	d := time.Now().AddDate(0, 0, 1)
	for d.Weekday() != time.Monday {
		d = d.AddDate(0, 0, 1)
	}
	return d.Format(time.DateOnly)
}

func visitForm(day, start, end string) url.Values {
	return url.Values{"site_id": {"1"}, "team_id": {"1"}, "day": {day}, "start": {start}, "end": {end}, "expected": {"40"}}
}

func TestVisitPlanning(t *testing.T) {
	app := newTestApp(t)
	app.fixtures(t) // site 1, team 1, visit 1 next month
	c := app.login(t, "ketua1", auth.KetuaTim)
	monday := nextMonday()

	t.Run("FormListsSitesByGap", func(t *testing.T) {
		res, doc := c.get(t, "/kunjungan/baru?q=sma")
		if res.StatusCode != http.StatusOK || !strings.Contains(doc.Find("#f-site_id").Text(), "SMA Negeri 1 Rejang Lebong") {
			t.Fatalf("status %d, sites %q", res.StatusCode, doc.Find("#f-site_id").Text())
		}
	})
	var created string
	t.Run("CreateThenWeekView", func(t *testing.T) {
		res, _ := c.post(t, "/kunjungan", visitForm(monday, "08:00", "12:00"))
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("status %d", res.StatusCode)
		}
		created = res.Header.Get("Location")
		_, doc := c.get(t, "/jadwal?week="+monday)
		if !strings.Contains(doc.Find("table.week tbody").Text(), "SMA Negeri 1 Rejang Lebong") {
			t.Fatal("visit missing from the week view")
		}
		if doc.Find(`table.week a.visit[href="`+created+`"]`).Length() != 1 || doc.Find(`.day-list a.visit[href="`+created+`"]`).Length() != 1 {
			t.Fatalf("no link to %s in the week view", created)
		}
	})
	t.Run("ErrPastKeepsValues", func(t *testing.T) {
		res, doc := c.post(t, "/kunjungan", visitForm("2020-01-06", "08:00", "12:00"))
		if res.StatusCode != http.StatusUnprocessableEntity || doc.Find("#f-day").AttrOr("value", "") != "2020-01-06" || doc.Find(".has-error .error").Length() == 0 {
			t.Fatalf("status %d, errors %q", res.StatusCode, doc.Find(".error").Text())
		}
	})
	t.Run("ErrEndBeforeStart", func(t *testing.T) {
		res, doc := c.post(t, "/kunjungan", visitForm(monday, "12:00", "08:00"))
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(doc.Find("#e-end").Text(), "setelah jam mulai") {
			t.Fatalf("status %d, end error %q", res.StatusCode, doc.Find("#e-end").Text())
		}
	})
	t.Run("ConflictNamesTheOtherVisit", func(t *testing.T) {
		res, doc := c.post(t, "/kunjungan", visitForm(monday, "11:59", "14:00"))
		if res.StatusCode != http.StatusConflict {
			t.Fatalf("status %d", res.StatusCode)
		}
		if !strings.Contains(doc.Find("#e-start").Text(), "SMA Negeri 1 Rejang Lebong") || doc.Find(`a[href="`+created+`"]`).Length() != 1 {
			t.Fatalf("conflict message %q without a link to %s", doc.Find("#e-start").Text(), created)
		}
	})
	t.Run("TouchingWindowAllowedWithWarnings", func(t *testing.T) {
		form := visitForm(monday, "12:00", "14:00")
		form.Set("expected", "500") // over the team's capacity of 50 and the site's 300 people
		res, _ := c.post(t, "/kunjungan", form)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("status %d", res.StatusCode)
		}
		_, doc := c.get(t, res.Header.Get("Location"))
		if flash := doc.Find(".flash").Text(); !strings.Contains(flash, "Kunjungan tersimpan.") || !strings.Contains(flash, "kapasitas harian") || !strings.Contains(flash, "minggu yang sama") {
			t.Fatalf("flash %q", flash)
		}
	})
	t.Run("CancelNeedsReason", func(t *testing.T) {
		res, doc := c.post(t, created+"/batal", url.Values{"reason": {" "}})
		if res.StatusCode != http.StatusUnprocessableEntity || doc.Find(".has-error .error").Text() == "" {
			t.Fatalf("status %d", res.StatusCode)
		}
		if res, _ := c.post(t, created+"/batal", url.Values{"reason": {"Sekolah libur ujian"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("cancel status %d", res.StatusCode)
		}
		_, doc = c.get(t, created)
		if !strings.Contains(doc.Find("dl.facts").Text(), "Sekolah libur ujian") || !strings.Contains(doc.Find("dl.facts").Text(), "Dibatalkan") {
			t.Fatalf("detail after cancel: %q", doc.Find("dl.facts").Text())
		}
	})
	t.Run("OperatorSeesOwnTeamOnly", func(t *testing.T) {
		mine := app.user(t, "operator1", auth.Operator)
		if _, err := team.NewStore(app.DB).Update(app.Ctx, audit.System, team.AnyTeam, 1, team.Input{Name: "Tim Uji", DailyCapacity: 50, OperatorIDs: []int64{mine.ID}}); err != nil {
			t.Fatal(err)
		}
		op := app.client(t)
		op.startSession(t, "operator1")
		if res, _ := op.get(t, created); res.StatusCode != http.StatusOK {
			t.Fatalf("own team's visit: %d", res.StatusCode)
		}
		other := app.login(t, "operator2", auth.Operator)
		if res, _ := other.get(t, created); res.StatusCode != http.StatusForbidden {
			t.Fatalf("other team's visit: %d", res.StatusCode)
		}
		if _, doc := other.get(t, "/jadwal?week="+monday); doc.Find("a.visit").Length() != 0 {
			t.Fatal("an operator outside the team sees its visits")
		}
		if res, _ := op.get(t, "/kunjungan/baru"); res.StatusCode != http.StatusForbidden {
			t.Fatalf("operator planning form: %d", res.StatusCode)
		}
	})
}

// TestVisitDoubleBookingOverHTTP sends overlapping plans for one team at once:
// exactly one may win.
func TestVisitDoubleBookingOverHTTP(t *testing.T) {
	app := newTestApp(t)
	app.fixtures(t)
	c := app.login(t, "ketua1", auth.KetuaTim)
	monday := nextMonday()
	const n = 8
	codes := make([]int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, _ := c.post(t, "/kunjungan", visitForm(monday, fmt.Sprintf("%02d:00", 8+i%2), "13:00"))
			codes[i] = res.StatusCode
		}()
	}
	wg.Wait()
	won := 0
	for _, code := range codes {
		switch code {
		case http.StatusSeeOther:
			won++
		case http.StatusConflict:
		default:
			t.Errorf("unexpected status %d", code)
		}
	}
	if won != 1 {
		t.Fatalf("%d requests won, want exactly 1 (statuses %v)", won, codes)
	}
}

func TestVisitsAPI(t *testing.T) {
	app := newTestApp(t)
	app.fixtures(t)
	c := app.login(t, "kadis", auth.KepalaDinas)
	getJSON := func(q string) (int, map[string]any) {
		req, _ := http.NewRequest(http.MethodGet, app.URL+"/api/v1/visits?"+q, nil)
		res, err := c.http.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		var m map[string]any
		if err := json.Unmarshal(body, &m); err != nil {
			t.Fatalf("decode %s: %v", body, err)
		}
		return res.StatusCode, m
	}
	from := time.Now().Format(time.DateOnly)
	to := time.Now().AddDate(0, 2, 0).Format(time.DateOnly)
	status, m := getJSON("from=" + from + "&to=" + to)
	visits, _ := m["visits"].([]any)
	if status != http.StatusOK || len(visits) != 1 {
		t.Fatalf("status %d, body %v", status, m)
	}
	v := visits[0].(map[string]any)
	site := v["site"].(map[string]any)
	if site["desa_code"] != "17.02.19.1001" || v["team"].(map[string]any)["name"] != "Tim Uji" || v["status"] != "direncanakan" ||
		v["expected_activations"] != float64(40) || v["result"] != nil {
		t.Fatalf("visit %v", v)
	}
	if _, err := time.Parse(time.RFC3339, v["start"].(string)); err != nil {
		t.Fatalf("start %v: %v", v["start"], err)
	}
	for _, q := range []string{"", "from=2026-13-01&to=2026-12-31", "from=2026-02-01&to=2026-01-01", "from=2026-01-01&to=2028-01-01", "from=2026-01-01&to=2026-01-02&team_id=x"} {
		status, m := getJSON(q)
		if status != http.StatusUnprocessableEntity || m["errors"] == nil {
			t.Errorf("?%s: status %d body %v", q, status, m)
		}
	}
}

func TestVisitFormShowsEveryProblem(t *testing.T) {
	app := newTestApp(t)
	app.fixtures(t)
	c := app.login(t, "ketua1", auth.KetuaTim)
	form := url.Values{"site_id": {"x"}, "team_id": {"1"}, "day": {nextMonday()}, "start": {"12:00"}, "end": {"08:00"}, "expected": {"banyak"}}
	res, doc := c.post(t, "/kunjungan", form)
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", res.StatusCode)
	}
	for id, want := range map[string]string{
		"#e-site_id":  "Pilih lokasi sasaran.",
		"#e-expected": "Isi dengan angka bulat 0 atau lebih.",
		"#e-end":      "Jam selesai harus setelah jam mulai.",
	} {
		if got := doc.Find(id).Text(); got != want {
			t.Errorf("%s = %q, want %q", id, got, want)
		}
	}
	if doc.Find("#f-expected").AttrOr("value", "") != "banyak" {
		t.Error("typed value lost")
	}
	if res, _ := c.post(t, "/kunjungan/999", form); res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown visit with a bad form: status %d, want 404", res.StatusCode)
	}
}
