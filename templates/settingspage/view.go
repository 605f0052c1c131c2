package settingspage

import "jemputbola/templates/components"

// Form is the office form with what was typed and the messages.
type Form struct {
	Government string
	Name       string
	Address    string
	City       string
	HeadName   string
	HeadNIP    string
	HeadRank   string
	Pattern    string // of letter numbers
	Zone       string // WIB, WITA or WIT
	HasLogo    bool
	LogoError  string
	components.Problems
	Calendar CalendarForm
	CSV      CSVForm
}

// CSVForm is the office's CSV locale: one radio button a choice.
type CSVForm struct {
	Choices []CSVChoice
	components.Problems
}

// CSVChoice is one CSV locale.
type CSVChoice struct {
	Value   string
	Name    string // "Excel berbahasa Indonesia"
	Detail  string // what it writes
	Checked bool
}

// CalendarForm is the working week.
type CalendarForm struct {
	Days []Day
	components.Problems
}

// Day is one weekday's checkbox.
type Day struct {
	Value   string // ISO weekday, "1" (Senin) to "7" (Minggu)
	Label   string
	Checked bool
}
