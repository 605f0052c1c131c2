package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"jemputbola/internal/audit"
	"jemputbola/internal/auth"
	"jemputbola/internal/team"
)

// TestKetuaPlansOwnTeams: a ketua tim plans, moves and cancels only the
// visits of teams they lead, by form, by crafted request and by Rencana
// otomatis; the kepala dinas plans for every team.
func TestKetuaPlansOwnTeams(t *testing.T) {
	app := newTestApp(t)
	app.fixtures(t) // Tim Uji (1), led by ketua1, with visit 1
	ketua2 := app.user(t, "ketua2", auth.KetuaTim)
	if _, err := team.NewStore(app.DB).Create(app.Ctx, audit.System, team.AnyTeam, team.Input{Name: "Tim Lain", LeaderID: ketua2.ID, DailyCapacity: 50}); err != nil {
		t.Fatal(err)
	}
	other := app.login(t, "ketua2", auth.KetuaTim)
	monday := nextMonday()

	_, doc := other.get(t, "/kunjungan/baru")
	if opts := doc.Find("#f-team_id option").Text(); strings.Contains(opts, "Tim Uji") || !strings.Contains(opts, "Tim Lain") {
		t.Fatalf("team choices of ketua2: %q", opts)
	}
	_, doc = other.get(t, "/kunjungan/1")
	if doc.Find(`a[href="/kunjungan/1/ubah"]`).Length() != 0 || doc.Find(`form[action="/kunjungan/1/batal"]`).Length() != 0 {
		t.Fatal("ketua2 is offered to change another team's visit")
	}
	_, doc = other.get(t, "/rencana-otomatis")
	if names := doc.Find(`input[name="tim"]`).Parent().Text(); strings.Contains(names, "Tim Uji") || !strings.Contains(names, "Tim Lain") {
		t.Fatalf("Rencana otomatis teams of ketua2: %q", names)
	}
	refused := map[string]url.Values{
		"/kunjungan":          visitForm(monday, "08:00", "10:00"),
		"/kunjungan/1":        visitForm(monday, "08:00", "10:00"),
		"/kunjungan/1/batal":  {"reason": {"Dipindah"}},
		"/kunjungan/1/pindah": {"day": {monday}, "slot": {"13:00-15:00"}},
		"/rencana-otomatis":   {"v": {"1|1|" + monday + "|08:00|10:00|20|"}},
	}
	for path, form := range refused {
		if res, _ := other.post(t, path, form); res.StatusCode != http.StatusForbidden {
			t.Errorf("ketua2 POST %s: status %d, want 403", path, res.StatusCode)
		}
	}
	var n int64
	if err := app.DB.Table("visits").Where("status = 'direncanakan'").Count(&n).Error; err != nil || n != 1 {
		t.Fatalf("%d planned visits after refused requests (%v), want the fixture's 1", n, err)
	}

	own := app.login(t, "ketua1", auth.KetuaTim)
	if res, _ := own.post(t, "/kunjungan", visitForm(monday, "08:00", "10:00")); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("ketua1 plans for the team they lead: status %d", res.StatusCode)
	}
	kadis := app.login(t, "kadis1", auth.KepalaDinas)
	form := visitForm(monday, "13:00", "15:00")
	form.Set("team_id", "2")
	if res, _ := kadis.post(t, "/kunjungan", form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("the kepala dinas plans for any team: status %d", res.StatusCode)
	}
}

// TestMoveVisit: the calendar's move form keeps the full form's rules; a
// refusal shows the full form with the new day and time and the reason.
func TestMoveVisit(t *testing.T) {
	app := newTestApp(t)
	app.fixtures(t)
	c := app.login(t, "ketua1", auth.KetuaTim)
	monday := nextMonday()
	if res, _ := c.post(t, "/kunjungan", visitForm(monday, "08:00", "10:00")); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("plan: %d", res.StatusCode)
	}
	res, doc := c.post(t, "/kunjungan/1/pindah", url.Values{"day": {monday}, "slot": {"09:00-11:00"}})
	if res.StatusCode != http.StatusConflict || doc.Find("#f-day").AttrOr("value", "") != monday ||
		doc.Find("#f-start").AttrOr("value", "") != "09:00" || !strings.Contains(doc.Find("main").Text(), "sudah") {
		t.Fatalf("moving onto the team's other visit: %d, day %q", res.StatusCode, doc.Find("#f-day").AttrOr("value", ""))
	}
	if res, doc := c.post(t, "/kunjungan/1/pindah", url.Values{"day": {monday}, "slot": {"pagi"}}); res.StatusCode != http.StatusUnprocessableEntity ||
		doc.Find(".has-error").Length() == 0 {
		t.Fatalf("a slot that does not read: %d", res.StatusCode)
	}
	res, _ = c.post(t, "/kunjungan/1/pindah", url.Values{"day": {monday}, "slot": {"13:00-15:00"}})
	if res.StatusCode != http.StatusSeeOther || !strings.Contains(res.Header.Get("Location"), "week="+monday) {
		t.Fatalf("move: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	_, doc = c.get(t, res.Header.Get("Location"))
	if f := doc.Find(".flash").Text(); !strings.Contains(f, "Kunjungan dipindah ke") || !strings.Contains(f, "13.00–15.00") {
		t.Fatalf("flash %q", f)
	}
}
