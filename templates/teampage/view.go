package teampage

import "jemputbola/templates/components"

// Team is one team as the list and its own page show it.
type Team struct {
	ID        int64
	Name      string
	Demo      bool
	Leader    string // "–" when the team has none
	Operators string // names joined by ", "; "" when none
	Capacity  string // activations a day
	Notes     string
}

// List is the Tim page.
type List struct {
	Teams   []Team
	CanEdit bool // may create and change teams
}

// Detail is one team's page.
type Detail struct {
	Team
	CanEdit bool
}

// Person is a user the form offers as leader or operator.
type Person struct {
	ID   int64
	Name string
}

// Form is the create/edit form with what the user chose and the messages.
type Form struct {
	ID            int64
	Name          string
	LeaderID      string
	OperatorIDs   map[int64]bool // ticked operators
	DailyCapacity string
	Notes         string
	Leaders       []Person // active ketua tim
	Operators     []Person // active operators
	components.Problems
}
