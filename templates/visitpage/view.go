package visitpage

import (
	"jemputbola/templates/components"
	"jemputbola/templates/letterpage"
)

// SiteChoice is one site in the picker, with why it matters now.
type SiteChoice struct {
	ID            int64
	Name          string
	Kind          string
	DesaName      string
	KecamatanName string
	Eligible      int64
	Gap           int64  // the desa's remaining gap to target
	LastVisit     string // YYYY-MM-DD, "" when never
}

// Picker is the site search of the form: its filters and results.
type Picker struct {
	Query, Kind, Kec string
	Kecamatan        []components.Option
	Results          []SiteChoice
}

// Form is the visit form with what the user typed and the messages.
type Form struct {
	ID                                               int64
	SiteID, TeamID, Day, Start, End, Expected, Notes string
	Shared                                           bool
	Teams                                            []components.Option
	Picker                                           Picker
	ConflictID                                       int64  // the visit the team is already booked in
	DayWarning                                       string // why the day shown is a poor one (a day off), "" when it is fine
	DaysOff                                          string // JSON: date → warning, for the coming year, so the page warns as the date changes
	components.Problems
}

// Detail is the visit page.
type Detail struct {
	ID           int64
	SiteName     string
	Status       string // label
	Badge        string // CSS classes of the status badge
	Date         string // day of the visit, long form
	Window       string // "08.00–12.00"
	Place        string // site, desa and kecamatan
	TeamID       int64
	TeamName     string
	Expected     string // formatted
	Notes        string
	CancelReason string
	CanEdit      bool          // may reschedule: a planner, and the visit is still planned
	CanCancel    bool          // may cancel: a planner, and the visit is not finished or cancelled
	Contact      *ContactShare // the site contact's confirmation, for planners of a visit still to come
	Reason       string
	components.Problems
}

// ContactShare is a visit's confirmation by the site's contact.
type ContactShare struct {
	Status   string // "Dikonfirmasi", "Menunggu konfirmasi", "Minta ganti tanggal"
	State    string // the same as a CSS class suffix: "dikonfirmasi", "menunggu", "minta_ganti"
	Note     string // the contact's note
	At       string // when they answered; "" while waiting
	Link     string // the confirmation link
	WhatsApp string // a message to the contact carrying the link
}

// Chip is a visit in a calendar cell.
type Chip struct {
	ID       int64
	Status   string // the status key, also a CSS class
	Label    string // the status as shown
	Badge    string // CSS classes of the status badge
	Start    string // "08.00"
	Window   string // "08.00–12.00"
	SiteName string
	TeamName string
	Day      string // YYYY-MM-DD
	Slot     string // "08:00-10:00", as the move form's slot choice spells it
	Movable  bool   // the user may move it from the calendar: planned, and a team they manage
	Contact  string // the site contact's answer, for a visit still planned ("" when no link was sent)
	Answered string // CSS class of the answer: "dikonfirmasi", "minta_ganti" or "menunggu"
}

// Week is the calendar of one week: teams as rows, days as columns.
type Week struct {
	From, To   string // Monday and Sunday, long form
	Monday     string // YYYY-MM-DD
	Month      string // YYYY-MM the week belongs to: today's in this week, else its Thursday's
	Total      string // visits shown, formatted
	Days       []Day  // Monday..Sunday
	Rows       []WeekRow
	Prev, Next string // Mondays, YYYY-MM-DD
	TeamID     string
	Kec        string
	Teams      []components.Option
	Kecamatan  []components.Option
	CanPlan    bool
	Share      []ShareLink // working days: WhatsApp link with the day's schedule
	CSRF       string
	Slots      []components.Option // the move form's time choices
	Letterhead letterpage.Office   // printed above the week
}

// Day is a column of the week.
type Day struct {
	Weekday string // "Senin"
	Date    string // short form
	Today   bool
	DayOff
	Visits []Chip // every team's, by start: the day list of narrow screens
}

// DayOff names what keeps a day from being an ordinary working day.
type DayOff struct {
	Off    string // the day off that closes the office ("Kelahiran Yesus Kristus"), or "" on a working day
	School string // the school holiday it falls in, or ""
}

// WeekRow is one team's week.
type WeekRow struct {
	TeamName string
	Cells    [][]Chip // one per day
}

// ShareLink is a day's "Bagikan ke WhatsApp" link.
type ShareLink struct {
	Weekday string
	Href    string
}

// Month is the calendar of one month, weeks as rows.
type Month struct {
	Title      string // "Desember 2026"
	Month      string // YYYY-MM
	First      string // first day, YYYY-MM-DD
	Weeks      [][]MonthDay
	Prev, Next string // YYYY-MM

	TeamID, Kec      string
	Teams, Kecamatan []components.Option
}

// MonthDay is one cell of the month grid.
type MonthDay struct {
	Num     string // day of the month
	Today   bool
	InMonth bool
	DayOff
	Visits []Chip
}
