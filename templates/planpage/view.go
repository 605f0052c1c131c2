// Package planpage renders Rencana otomatis: the planner's suggested visits
// beside the current plan, for a ketua tim to accept all or some.
package planpage

import "jemputbola/templates/components"

// Form is what the ketua tim chose, as shown in the form.
type Form struct {
	From, To     string // YYYY-MM-DD
	HorizonWeeks string
}

// View is the page.
type View struct {
	Form    Form
	Action  string // where the accept form posts: the plan's address, so its filters survive
	CSRF    string
	Teams   []TeamOption // every team, by name
	DaysOff []string     // the days off in the range, named, which the plan skips
	components.Problems

	// Only when the form has no problems:
	Expected, CurrentExpected   string // activations expected from the suggestion and from the current plan
	DeskPerDay                  string // the desks' yield the projection counts on, per working day
	DeskMeasured                bool   // measured from the loket tallies, not assumed
	ReachedOn, CurrentReachedOn string // when the target is reached with each
	Visits                      []Suggestion
}

// TeamOption is a team checkbox of the form.
type TeamOption struct {
	ID      int64
	Name    string
	Checked bool
}

// Suggestion is one suggested visit.
type Suggestion struct {
	Choice                  string // the visit encoded for the accept form
	Day                     string // "Senin, 7 Des 2026"
	Start, End              string // HH:MM
	Team                    string
	SiteName, SiteKind      string
	DesaName, KecamatanName string
	Expected                string
	Followup                string // the remedy of a follow-up visit
}
