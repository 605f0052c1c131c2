package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"jemputbola/internal/auth"
	"jemputbola/internal/result"
)

// TestJourneyResultCheckedLive: an operator types counts that do not add up;
// the form says why before anything is sent and will not submit, and saves
// once the numbers are fixed.
func TestJourneyResultCheckedLive(t *testing.T) {
	app := newTestApp(t)
	app.fixtures(t)
	op := app.user(t, "operator1", auth.Operator)
	app.DB.Exec("INSERT INTO team_members (team_id, user_id) VALUES (1, ?)", op.ID)
	visitID := app.pastVisit(t)
	tab := newTab(t)
	browserSignIn(t, tab, app, "operator1")
	step, cancel := context.WithTimeout(tab, 20*time.Second)
	defer cancel()
	err := chromedp.Do(step,
		chromedp.Navigate(fmt.Sprintf("%s/kunjungan/%d/hasil", app.URL, visitID)),
		chromedp.WaitVisible(`#result-form`),
		chromedp.SendKeys(`#f-activations`, "5"),
		chromedp.SendKeys(`#f-people_served`, "8"),
		chromedp.SendKeys(`#f-ektp_recorded`, "0"),
		chromedp.SendKeys(`#f-out_of_area`, "6"),
		chromedp.WaitVisible(`[data-result-problem]`),
	)
	if err != nil {
		t.Fatalf("type inconsistent counts: %v", err)
	}
	if msg, _ := chromedp.Run(step, chromedp.Text(`[data-result-problem]`)); msg != result.MsgOutOfAreaOverActivations {
		t.Fatalf("live message %q", msg)
	}
	if msg, _ := chromedp.Run(step, chromedp.Text(`#f-out_of_area-live`)); msg != result.MsgOutOfAreaOverActivations {
		t.Fatalf("message under the field %q", msg)
	}
	// The browser refuses to submit: still on the form, nothing stored.
	invalid, err := chromedp.Run(step, chromedp.Evaluate[bool](`(() => { document.querySelector('#result-form button[type=submit]').click(); return !document.querySelector('#result-form').checkValidity(); })()`))
	if err != nil || !invalid {
		t.Fatalf("form valid with out-of-area above activations: %v", err)
	}
	var n int64
	app.DB.Raw("SELECT COUNT(*) FROM visit_results").Scan(&n)
	if n != 0 {
		t.Fatalf("%d results stored from a form that does not add up", n)
	}
	if _, err := chromedp.Run(step, chromedp.Evaluate[string](`document.getElementById("f-out_of_area").value = ""`)); err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(step,
		chromedp.SendKeys(`#f-out_of_area`, "1"),
		chromedp.WaitNotVisible(`[data-result-problem]`),
		chromedp.Click(`#result-form button[type="submit"]`),
		chromedp.WaitVisible(`.field-mode .empty`), // sent, and back on Hari ini (nothing due in the coming week)
	)
	if err != nil {
		t.Fatalf("save fixed counts: %v", err)
	}
	app.DB.Raw("SELECT COUNT(*) FROM visit_results WHERE out_of_area = 1 AND activations = 5").Scan(&n)
	if n != 1 {
		t.Fatalf("%d results stored, want the fixed one", n)
	}
	// A correction with signal is confirmed in words, and stored once.
	fix := `form[action$="/hasil/koreksi"]`
	err = chromedp.Do(step,
		chromedp.Navigate(fmt.Sprintf("%s/kunjungan/%d/hasil", app.URL, visitID)),
		chromedp.Click(`details summary`),
		chromedp.WaitVisible(fix+` #f-reason`),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('form[action$="/hasil/koreksi"] #f-activations').value = ""`),
		chromedp.SendKeys(fix+` #f-activations`, "4"),
		chromedp.SendKeys(fix+` #f-reason`, "Salah hitung"),
		chromedp.Click(fix+` button[type="submit"]`),
		chromedp.WaitVisible(`.flash`),
	)
	if err != nil {
		t.Fatalf("correct with signal: %v", err)
	}
	if flash, _ := chromedp.Run(step, chromedp.Text(`.flash`)); !strings.Contains(flash, "Koreksi") || !strings.Contains(flash, "tersimpan") {
		t.Fatalf("correction confirmed as %q", flash)
	}
	app.DB.Raw("SELECT COUNT(*) FROM visit_result_history").Scan(&n)
	if n != 1 {
		t.Fatalf("%d corrections stored, want 1", n)
	}
}
