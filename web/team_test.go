package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"jemputbola/internal/audit"
	"jemputbola/internal/auth"
	"jemputbola/internal/team"
)

func TestTeamPages(t *testing.T) {
	app := newTestApp(t)
	c := app.login(t, "ketua1", auth.KetuaTim)
	leader, _ := auth.NewUserStore(app.DB).ByUsername(app.Ctx, "ketua1")
	op1 := app.user(t, "operator1", auth.Operator)
	op2 := app.user(t, "operator2", auth.Operator)
	id := func(u auth.User) string { return strconv.FormatInt(u.ID, 10) }

	t.Run("ErrKeepsChoices", func(t *testing.T) {
		res, doc := c.post(t, "/tim", url.Values{"name": {""}, "leader_id": {id(leader)}, "operator_ids": {id(op2)}, "daily_capacity": {"nol"}})
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d", res.StatusCode)
		}
		if doc.Find(`input[name="operator_ids"][checked]`).AttrOr("value", "") != id(op2) || doc.Find("#e-daily_capacity").Text() != "Kapasitas harian 1–1000 aktivasi." {
			t.Fatalf("form lost the checked operator or the capacity message %q", doc.Find("#e-daily_capacity").Text())
		}
		if doc.Find("#f-daily_capacity").AttrOr("value", "") != "nol" || doc.Find(`#f-leader_id option[selected]`).AttrOr("value", "") != id(leader) {
			t.Fatal("form lost the typed capacity or the chosen leader")
		}
	})
	t.Run("ErrBadChoices", func(t *testing.T) {
		res, doc := c.post(t, "/tim", url.Values{"name": {"Tim Salah"}, "leader_id": {id(op1)}, "operator_ids": {id(leader), "x"}, "daily_capacity": {"1001"}, "notes": {"catatan"}})
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d", res.StatusCode)
		}
		text := doc.Find("form").Text()
		for _, msg := range []string{"Pilih ketua tim yang valid.", "Anggota harus pengguna dengan peran operator.", "Kapasitas harian 1–1000 aktivasi."} {
			if !strings.Contains(text, msg) {
				t.Errorf("missing %q", msg)
			}
		}
		if doc.Find("#f-name").AttrOr("value", "") != "Tim Salah" || doc.Find("#f-notes").Text() != "catatan" {
			t.Error("form lost the typed name or notes")
		}
	})
	t.Run("NewFormDefaults", func(t *testing.T) {
		_, doc := c.get(t, "/tim/baru")
		if doc.Find("#f-daily_capacity").AttrOr("value", "") != "50" || doc.Find(".checks input[type=checkbox]").Length() != 2 {
			t.Fatal("new form lacks the default capacity or the operator checkboxes")
		}
		if doc.Find(`#f-leader_id option[value="`+id(leader)+`"]`).Length() != 1 {
			t.Fatal("leader missing from the select")
		}
	})
	t.Run("CreateShowList", func(t *testing.T) {
		res, _ := c.post(t, "/tim", url.Values{"name": {"Tim Curup"}, "leader_id": {id(leader)}, "operator_ids": {id(op1), id(op2)}, "daily_capacity": {"60"}})
		if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/tim/") {
			t.Fatalf("status %d to %q", res.StatusCode, res.Header.Get("Location"))
		}
		_, doc := c.get(t, res.Header.Get("Location"))
		facts := doc.Find("dl.facts").Text()
		if !strings.Contains(facts, "Uji operator1") || !strings.Contains(facts, "Uji operator2") || !strings.Contains(facts, "60 aktivasi") {
			t.Fatalf("detail %q", facts)
		}
		if doc.Find("#kunjungan h2").Text() != "Kunjungan" || doc.Find(`a[href$="/ubah"]`).Length() != 1 {
			t.Fatal("detail lacks the Kunjungan section or the edit button")
		}
		_, doc = c.get(t, "/tim")
		row := doc.Find("tbody tr").FilterFunction(func(_ int, s *goquery.Selection) bool { return strings.Contains(s.Text(), "Tim Curup") })
		if !strings.Contains(row.Text(), "Uji ketua1") || !strings.Contains(row.Text(), "Uji operator1, Uji operator2") {
			t.Fatalf("list row %q", row.Text())
		}

		edit := res.Header.Get("Location")
		_, doc = c.get(t, edit+"/ubah")
		if doc.Find(`input[name="operator_ids"][checked]`).Length() != 2 {
			t.Fatal("edit form does not check the team's operators")
		}
		res, _ = c.post(t, edit, url.Values{"name": {"Tim Curup"}, "leader_id": {id(leader)}, "operator_ids": {id(op2)}, "daily_capacity": {"1.000"}})
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != edit {
			t.Fatalf("update status %d to %q", res.StatusCode, res.Header.Get("Location"))
		}
		_, doc = c.get(t, edit)
		facts = doc.Find("dl.facts").Text()
		if strings.Contains(facts, "Uji operator1") || !strings.Contains(facts, "1000 aktivasi") || !strings.Contains(doc.Text(), "Data tim Tim Curup tersimpan.") {
			t.Fatalf("after update %q", facts)
		}
	})
	t.Run("OperatorCannotCreate", func(t *testing.T) {
		op := app.client(t)
		op.startSession(t, "operator1")
		if res, _ := op.get(t, "/tim/baru"); res.StatusCode != http.StatusForbidden {
			t.Fatalf("status %d", res.StatusCode)
		}
		res, doc := op.get(t, "/tim")
		if res.StatusCode != http.StatusOK || doc.Find(`a[href="/tim/baru"]`).Length() != 0 {
			t.Fatalf("operator list status %d, or it offers Tim baru", res.StatusCode)
		}
		if res, _ := op.post(t, "/tim", url.Values{"name": {"Tim Operator"}, "daily_capacity": {"50"}}); res.StatusCode != http.StatusForbidden {
			t.Fatalf("operator POST status %d", res.StatusCode)
		}
	})
	t.Run("UnknownTeam", func(t *testing.T) {
		for _, p := range []string{"/tim/999", "/tim/x", "/tim/999/ubah", "/tim/-1", "/tim/x/ubah"} {
			if res, _ := c.get(t, p); res.StatusCode != http.StatusNotFound {
				t.Errorf("%s: %d", p, res.StatusCode)
			}
		}
		if res, _ := c.post(t, "/tim/999", url.Values{"name": {"X"}, "daily_capacity": {"50"}}); res.StatusCode != http.StatusNotFound {
			t.Errorf("POST unknown: %d", res.StatusCode)
		}
	})
}

func TestTeamEmptyList(t *testing.T) {
	app := newTestApp(t)
	c := app.login(t, "ketua1", auth.KetuaTim)
	_, doc := c.get(t, "/tim")
	if doc.Find(".empty").Length() != 1 || doc.Find(`.empty a[href="/tim/baru"]`).Length() != 1 {
		t.Fatal("empty list lacks the empty state with a Tim baru button")
	}
}

// TestTeamTakeover: a ketua tim cannot change, or take over, a team another
// leads; the page does not offer it.
func TestTeamTakeover(t *testing.T) {
	app := newTestApp(t)
	ketua1 := app.user(t, "ketua1", auth.KetuaTim)
	ketua2 := app.login(t, "ketua2", auth.KetuaTim)
	tm, err := team.NewStore(app.DB).Create(app.Ctx, audit.System, team.AnyTeam, team.Input{Name: "Tim 1", LeaderID: ketua1.ID, DailyCapacity: 50})
	if err != nil {
		t.Fatal(err)
	}
	path := "/tim/" + strconv.FormatInt(tm.ID, 10)
	if _, doc := ketua2.get(t, path); doc.Find(`a[href$="/ubah"]`).Length() != 0 {
		t.Error("ketua2 is offered to change ketua1's team")
	}
	u2, _ := auth.NewUserStore(app.DB).ByUsername(app.Ctx, "ketua2")
	res, _ := ketua2.post(t, path, url.Values{"name": {"Tim 1"}, "leader_id": {strconv.FormatInt(u2.ID, 10)}, "daily_capacity": {"50"}})
	if res.StatusCode != http.StatusForbidden {
		t.Fatalf("ketua2 takes over Tim 1: %d, want 403", res.StatusCode)
	}
	var leader int64
	app.DB.Raw("SELECT leader_id FROM teams WHERE id = ?", tm.ID).Scan(&leader)
	if leader != ketua1.ID {
		t.Fatalf("Tim 1 is led by %d, want ketua1 (%d)", leader, ketua1.ID)
	}
}
