package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"jemputbola/internal/audit"
	"jemputbola/internal/auth"
	"jemputbola/internal/team"
)

// TestJourneyPlanVisit: a ketua tim plans a visit for next Monday in the form,
// finds it in that week's calendar, and an operator of the team sees it on Beranda.
func TestJourneyPlanVisit(t *testing.T) {
	app := newTestApp(t)
	app.fixtures(t)
	leader := app.leader(t)
	op := app.user(t, "operator1", auth.Operator)
	if _, err := team.NewStore(app.DB).Update(app.Ctx, audit.System, team.AnyTeam, 1, team.Input{Name: "Tim Uji", LeaderID: leader.ID, DailyCapacity: 50, OperatorIDs: []int64{op.ID}}); err != nil {
		t.Fatal(err)
	}
	monday := nextMonday()

	tab := newTab(t)
	browserSignIn(t, tab, app, "ketua1")
	err := chromedp.Do(tab,
		chromedp.Navigate(app.URL+"/kunjungan/baru"),
		chromedp.WaitVisible(`#f-site_id`),
		chromedp.SetValue(`#f-site_id`, "1"),
		chromedp.SetValue(`#f-team_id`, "1"),
		chromedp.SetValue(`#f-day`, monday),
		chromedp.SetValue(`#f-start`, "09:00"),
		chromedp.SetValue(`#f-end`, "11:30"),
		chromedp.Submit(`#f-site_id`),
		chromedp.WaitVisible(`.flash`),
		chromedp.Navigate(app.URL+"/jadwal?week="+monday),
		chromedp.WaitVisible(`table.week`),
	)
	if err != nil {
		t.Fatalf("plan the visit: %v", err)
	}
	week, err := chromedp.Run(tab, chromedp.Text(`table.week tbody`))
	if err != nil || !strings.Contains(week, "09.00–11.30") || !strings.Contains(week, "SMA Negeri 1 Rejang Lebong") {
		t.Fatalf("week view: %v\n%s", err, week)
	}

	opTab := newTab(t)
	browserSignIn(t, opTab, app, "operator1")
	home, err := chromedp.Run(opTab, chromedp.Text(`main`))
	if err != nil || !strings.Contains(home, "Kunjungan tim Anda") || !strings.Contains(home, "09.00–11.30") {
		t.Fatalf("operator's Beranda: %v\n%s", err, home)
	}
}
