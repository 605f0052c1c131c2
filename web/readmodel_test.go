package web_test

import (
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"jemputbola/internal/audit"
	"jemputbola/internal/auth"
	"jemputbola/internal/desk"
	"jemputbola/internal/region"
	"jemputbola/internal/result"
	"jemputbola/internal/visit"
)

// kabTotals is what a page says about the whole kabupaten.
type kabTotals struct{ Activated, Target, Gap int64 }

// statCards reads the stat cards of a page: label → value.
func statCards(doc *goquery.Document) map[string]string {
	m := map[string]string{}
	doc.Find(".stat").Each(func(_ int, s *goquery.Selection) {
		m[strings.TrimSpace(s.Find(".label").Text())] = strings.TrimSpace(s.Find(".value").Text())
	})
	return m
}

// byPrefix is the value whose label starts with prefix.
func byPrefix(t *testing.T, m map[string]string, prefix string) int64 {
	t.Helper()
	for k, v := range m {
		if strings.HasPrefix(k, prefix) {
			return atoi(t, v)
		}
	}
	t.Fatalf("no %q among %v", prefix, m)
	return 0
}

// mixedFigureDates stores the demo figures as of 40 days ago for every desa,
// a newer figure for one other desa as of 10 days ago, and field results at
// site 1 (desa 17.02.19.1001) 20 and 2 days ago, one of them verified, plus a
// result sent back; 4 of the verified result's 34 activations are residents
// of other desa; and a loket tally there of 9, 1 of them from another desa. Every page must count both kept results (less the 4) on top
// of the desa's own figure, whatever the date of other desa's figures.
func (a *testApp) mixedFigureDates(t *testing.T) (field int64) {
	t.Helper()
	ctx := a.Ctx
	rs, err := region.Subtree(region.DefaultOfficeCode)
	if err != nil {
		t.Fatal(err)
	}
	old, newer := time.Now().AddDate(0, 0, -40).Format(time.DateOnly), time.Now().AddDate(0, 0, -10).Format(time.DateOnly)
	var fs []region.Figure
	for _, d := range region.DemoFigures(rs) {
		fs = append(fs, region.Figure{DesaCode: d.DesaCode, AsOf: old, WajibKTP: d.WajibKTP,
			EktpRecorded: d.Recorded, IkdActivated: d.Activated, Source: region.SourceDemo})
		if d.DesaCode == "17.02.07.2001" {
			fs = append(fs, region.Figure{DesaCode: d.DesaCode, AsOf: newer, WajibKTP: d.WajibKTP,
				EktpRecorded: d.Recorded, IkdActivated: d.Activated + 5, Source: region.SourceDemo})
		}
	}
	if err := region.NewStore(a.DB).AddFigures(ctx, audit.System, fs); err != nil {
		t.Fatal(err)
	}
	a.fixtures(t)
	for _, r := range []struct {
		daysAgo    int
		n, outside int64
		state      string
	}{{20, 34, 4, result.Verified}, {2, 12, 0, result.Unverified}, {3, 7, 0, result.SentBack}} {
		start := time.Now().AddDate(0, 0, -r.daysAgo).UTC()
		v := visit.Visit{OfficeID: a.officeID(t), SiteID: 1, TeamID: 1, Day: start.Format(time.DateOnly), StartAt: start, EndAt: start.Add(4 * time.Hour),
			Expected: 40, Status: visit.Selesai, CreatedAt: start, UpdatedAt: start}
		if err := a.DB.Create(&v).Error; err != nil {
			t.Fatal(err)
		}
		res := result.Result{OfficeID: a.officeID(t), VisitID: v.ID, ClientID: "c" + itoa(r.daysAgo), Activations: r.n, OutOfArea: r.outside, PeopleServed: r.n,
			LoggedAt: start, Verification: r.state, UpdatedAt: start}
		if err := a.DB.Create(&res).Error; err != nil {
			t.Fatal(err)
		}
	}
	// The desk at the same desa: 9 activations 5 days ago, 1 of another desa.
	p := desk.Point{OfficeID: a.officeID(t), Name: "Loket Uji", Kind: desk.Kantor, DesaCode: "17.02.19.1001", Active: true, CreatedAt: time.Now(), UpdatedAt: time.Now()}
	if err := a.DB.Create(&p).Error; err != nil {
		t.Fatal(err)
	}
	day := time.Now().AddDate(0, 0, -5)
	if err := a.DB.Create(&desk.Tally{OfficeID: p.OfficeID, PointID: p.ID, Day: day.Format(time.DateOnly), Activations: 9, OutOfArea: 1,
		PeopleServed: 10, UpdatedAt: day}).Error; err != nil {
		t.Fatal(err)
	}
	return 30 + 12 + 8 + 5
}

// TestOneReadModel reads the kabupaten's IKD total, target and gap from every
// page, the API and the export on one data set and wants one answer.
func TestOneReadModel(t *testing.T) {
	app := newTestApp(t)
	extra := app.mixedFigureDates(t)
	k := app.login(t, "kadis", auth.KepalaDinas)

	api := k.coverage(t).Kabupaten
	want := kabTotals{api.IkdActivated, api.TargetCount, api.Gap}
	if want.Activated != 10425+extra {
		t.Fatalf("API IKD total %d, want 10.425 + %d", want.Activated, extra)
	}

	pages := map[string]func() kabTotals{
		"Cakupan": func() kabTotals {
			_, doc := k.get(t, "/cakupan")
			m := statCards(doc)
			return kabTotals{byPrefix(t, m, "IKD aktif"), byPrefix(t, m, "Target"), byPrefix(t, m, "Selisih")}
		},
		"Beranda": func() kabTotals {
			_, doc := k.get(t, "/")
			m := statCards(doc)
			return kabTotals{byPrefix(t, m, "Aktivasi IKD"), byPrefix(t, m, "Target"), byPrefix(t, m, "Selisih")}
		},
		"Wilayah": func() kabTotals {
			_, doc := k.get(t, "/wilayah")
			td := doc.Find("tfoot td")
			return kabTotals{atoi(t, td.Eq(4).Text()), atoi(t, td.Eq(7).Text()), atoi(t, td.Eq(8).Text())}
		},
		"Laporan": func() kabTotals {
			_, doc := k.get(t, "/cakupan/laporan")
			m := map[string]string{}
			doc.Find("table.report-table").First().Find("tr").Each(func(_ int, s *goquery.Selection) {
				m[strings.TrimSpace(s.Find("td").First().Text())] = s.Find("td.num").Text()
			})
			return kabTotals{byPrefix(t, m, "IKD aktif"), byPrefix(t, m, "Target"), byPrefix(t, m, "Selisih")}
		},
	}
	for name, read := range pages {
		if got := read(); got != want {
			t.Errorf("%s shows %+v, the API %+v", name, got, want)
		}
	}

	// The export has desa rows only: their IKD column sums to the total.
	_, body := k.raw(t, "/cakupan/ekspor.csv?data=desa")
	rows, err := readCSV(body, ';')
	if err != nil {
		t.Fatal(err)
	}
	var sum int64
	for _, r := range rows[1:] {
		sum += atoi(t, r[8])
	}
	if sum != want.Activated {
		t.Errorf("CSV IKD column sums to %d, the API says %d", sum, want.Activated)
	}

	// The dashboard splits the field activations after the official figures.
	_, doc := k.get(t, "/cakupan")
	if split := doc.Find("p.muted").Text(); !strings.Contains(split, "30 terverifikasi, 12 belum diverifikasi") ||
		!strings.Contains(split, "Ditambah 5 aktivasi warga luar wilayah") || !strings.Contains(split, "di loket sesudah angka resmi: 8") {
		t.Errorf("verified split: %q", split)
	}
	// The residents of other desa are apart, and the same, in the API and the report.
	if out := k.coverage(t).Kabupaten.OutOfArea; out == nil || *out != 5 {
		t.Errorf("API out_of_area %v, want 5", out)
	}
	_, doc = k.get(t, "/cakupan/laporan")
	if row := doc.Find("table.report-table").First().Find("tr").FilterFunction(func(_ int, s *goquery.Selection) bool {
		return strings.Contains(s.Text(), "luar wilayah")
	}); strings.TrimSpace(row.Find("td.num").Text()) != "5" {
		t.Errorf("report's out-of-area row %q", row.Text())
	}
}
