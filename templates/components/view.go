package components

// Option is one choice of a Select.
type Option struct {
	Value string
	Label string
}

// Problems is what a form shows after a submit it could not accept: a summary
// above the form and a message beside each input, keyed by the input's name
// (the same keys as apperr.Fields). The zero value is a form with no problems.
type Problems struct {
	Error  string
	Errors map[string]string
}

// SentBack is a result a ketua tim returned to its team for a correction.
type SentBack struct {
	Href     string // the result page with its correction form
	SiteName string
	Day      string // the visit's day, spelled out
	Comment  string // why it came back
}

// DesaGroup is a kecamatan with its desa, for the grouped desa drop-down.
type DesaGroup struct {
	Name string
	Desa []Option
}
