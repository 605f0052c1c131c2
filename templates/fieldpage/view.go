package fieldpage

import "jemputbola/templates/components"

// The view models of the field pages, built by web/field.go from visits and
// results; every text is ready to show.

// Today is the operator's list of visits from today on.
type Today struct {
	SentBack []components.SentBack // results to correct, above the visits
	Cards    []Card
	CSRF     string
}

// Card is one visit on Hari ini.
type Card struct {
	VisitID  int64
	SiteName string
	When     string // "Senin, 7 Desember 2026 · 08.00–12.00"
	Where    string // desa, kecamatan, team and target
	Status   string
	CanStart bool // still planned, and its day has come
	CanLog   bool // not cancelled, and its day has come
	Logged   bool // a result is stored
	Ahead    bool // its day is still to come: nothing can be logged yet
}

// Number is one count field of the result form.
type Number struct {
	Name     string // form field name
	Label    string
	Required bool // must be typed, 0 included; an untouched field is not an answer
}

// Form is the result form of one visit, with what was typed and the messages.
type Form struct {
	VisitID  int64
	SiteName string
	Day      string
	TeamName string
	// CanLog is false for someone outside the visit's team (a kepala dinas,
	// another team's leader): they see the result but no form.
	CanLog   bool
	NotDue   string // why nothing can be logged yet: the visit's day is to come
	ClientID string
	Counts   []Number            // activations, people served, …
	Failures []Number            // one per failure reason
	Homes    []components.Option // the kab/kota the out-of-area residents may live in
	Values   map[string]string
	Errors   map[string]string
	Error    string
	Reason   string // of the correction
	Stored   *Stored
	History  []Correction
}

// Stored is the result already logged for the visit.
type Stored struct {
	Verified bool
	SentBack bool
	Comment  string // the ketua tim's, when sent back
	Facts    []Fact
}

// Fact is one labelled figure.
type Fact struct {
	Label string
	Value string
}

// Correction is one earlier change of a stored result.
type Correction struct {
	When   string
	Reason string
}

// Waiting is one result on the Verifikasi list.
type Waiting struct {
	ResultID     int64
	VisitID      int64
	Day          string
	SiteName     string
	TeamName     string
	Activations  string
	PeopleServed string
	Failures     string // "Tidak punya email 5 · Tidak ada sinyal 3", "" when none
	Notes        string
	SentBack     bool
	Comment      string
	Own          bool   // logged by the viewer, who may not verify it
	Corrected    string // "Dikoreksi 2 kali; terakhir: Salah hitung", "" when never
}
