package web_test

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"jemputbola/internal/audit"
	"jemputbola/internal/auth"
	"jemputbola/internal/office"
	"jemputbola/internal/team"
	"jemputbola/internal/visit"
)

func TestLetters(t *testing.T) {
	app := newTestApp(t)
	app.fixtures(t)
	ctx := app.Ctx
	leader := app.leader(t)
	op := app.user(t, "operator1", auth.Operator)
	if _, err := team.NewStore(app.DB).Update(ctx, audit.System, team.AnyTeam, 1, team.Input{Name: "Tim Uji", LeaderID: leader.ID, DailyCapacity: 50, OperatorIDs: []int64{op.ID}}); err != nil {
		t.Fatal(err)
	}
	head := office.Letterhead{Government: "PEMERINTAH KABUPATEN REJANG LEBONG", Name: "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Rejang Lebong",
		Address: "Jl. Uji", City: "Curup", HeadName: "Drs. Kepala Uji", HeadNIP: "197001011990011001"}
	if err := office.NewStore(app.DB).SetLetterhead(ctx, audit.System, head); err != nil {
		t.Fatal(err)
	}
	c := app.client(t)
	c.startSession(t, "operator1") // an operator of the visit's team may print them

	t.Run("SuratTugas", func(t *testing.T) {
		res, doc := c.get(t, "/kunjungan/1/surat-tugas")
		text := doc.Find("article.letter").Text()
		for _, want := range []string{"SURAT TUGAS", "MENUGASKAN", "Uji ketua1", "Uji operator1", "SMA Negeri 1 Rejang Lebong", "Drs. Kepala Uji", "197001011990011001", "WIB"} {
			if !strings.Contains(text, want) {
				t.Errorf("Surat Tugas (status %d) lacks %q", res.StatusCode, want)
			}
		}
	})
	t.Run("SuratPemberitahuan", func(t *testing.T) {
		_, doc := c.get(t, "/kunjungan/1/surat-pemberitahuan")
		text := doc.Find("article.letter").Text()
		for _, want := range []string{"Kepala Sekolah SMA Negeri 1 Rejang Lebong", "KTP elektronik", "Android", "email", "Drs. Kepala Uji"} {
			if !strings.Contains(text, want) {
				t.Errorf("Surat Pemberitahuan lacks %q", want)
			}
		}
	})
	year := strconv.Itoa(time.Now().Year())
	t.Run("Numbered", func(t *testing.T) {
		_, doc := c.get(t, "/kunjungan/1/surat-tugas")
		if !strings.Contains(doc.Find("article.letter").Text(), "Nomor: 470/1/Dukcapil/"+year) {
			t.Fatalf("Surat Tugas number: %q", doc.Find("article.letter .center").First().Text())
		}
		_, doc = c.get(t, "/kunjungan/1/surat-pemberitahuan")
		if !strings.Contains(doc.Find("table.letter-meta").First().Text(), "470/2/Dukcapil/"+year) {
			t.Fatalf("Surat Pemberitahuan number: %q", doc.Find("table.letter-meta").First().Text())
		}
	})
	t.Run("PDF", func(t *testing.T) {
		res, body := c.raw(t, "/kunjungan/1/surat-tugas.pdf")
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/pdf" ||
			!strings.Contains(res.Header.Get("Content-Disposition"), "surat-tugas-470-1-Dukcapil-"+year+".pdf") || !bytes.HasPrefix(body, []byte("%PDF-")) {
			t.Fatalf("PDF: %d %q %q", res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("Content-Disposition"))
		}
		var downloads int64
		app.DB.Raw("SELECT COUNT(*) FROM audit_entries WHERE action = 'download' AND entity_id LIKE 'Surat Tugas (PDF)%'").Scan(&downloads)
		if downloads != 1 {
			t.Fatalf("%d audited PDF downloads", downloads)
		}
	})
	t.Run("CancelledNotNumbered", func(t *testing.T) {
		vs := visit.NewStore(app.DB, nil)
		v, _, err := vs.Create(ctx, audit.System, visit.Input{SiteID: 1, TeamID: 1, Day: time.Now().AddDate(0, 0, 40).Format(time.DateOnly), Start: "08:00", End: "10:00", Expected: 10})
		if err != nil {
			t.Fatal(err)
		}
		if err := vs.Cancel(ctx, audit.System, v.ID, "Sekolah ujian"); err != nil {
			t.Fatal(err)
		}
		kadis := app.login(t, "kadis", auth.KepalaDinas)
		_, doc := kadis.get(t, "/kunjungan/"+strconv.FormatInt(v.ID, 10)+"/surat-tugas")
		var n int64
		app.DB.Raw("SELECT COUNT(*) FROM letters WHERE visit_id = ?", v.ID).Scan(&n)
		if n != 0 || !strings.Contains(doc.Find("article.letter").Text(), "Nomor: ........../") || doc.Find(".warn").Length() == 0 {
			t.Fatalf("a cancelled visit's letter: %d numbers, %q", n, doc.Find("article.letter .center").First().Text())
		}
	})
	t.Run("OtherOperatorForbidden", func(t *testing.T) {
		other := app.login(t, "operator9", auth.Operator)
		if res, _ := other.get(t, "/kunjungan/1/surat-tugas"); res.StatusCode != http.StatusForbidden {
			t.Fatalf("status %d", res.StatusCode)
		}
	})
}

func TestMonthView(t *testing.T) {
	app := newTestApp(t)
	app.fixtures(t) // visit 1 is a month from now
	c := app.login(t, "kadis", auth.KepalaDinas)
	month := time.Now().AddDate(0, 1, 0).Format("2006-01")
	res, doc := c.get(t, "/jadwal/bulan?month="+month)
	if res.StatusCode != http.StatusOK || doc.Find(`a.visit[href="/kunjungan/1"]`).Length() != 1 {
		t.Fatalf("status %d, visit links %d", res.StatusCode, doc.Find("a.visit").Length())
	}
	if n := doc.Find("table.month tbody tr").Length(); n < 4 || n > 6 {
		t.Errorf("%d week rows", n)
	}
	if _, doc := c.get(t, "/jadwal/bulan?month="+month+"&team_id=999"); doc.Find("a.visit").Length() != 0 {
		t.Error("team filter ignored")
	}
	if _, doc := c.get(t, "/jadwal/bulan?month="+month+"&kec=17.02.06"); doc.Find("a.visit").Length() != 0 {
		t.Error("kecamatan filter ignored (the visit is in Curup Tengah)")
	}
	if res, _ := c.get(t, "/jadwal/bulan?month=bukan-bulan"); res.StatusCode != http.StatusOK {
		t.Errorf("bad month parameter: status %d, want this month", res.StatusCode)
	}
}
