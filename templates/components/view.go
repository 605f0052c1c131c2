package components

import "strings"

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

// FieldID is the id of the input for a form field named name, and ErrorID
// that of its message: ids hold only letters, digits, dashes and
// underscores, so a name like "failures.no_email" has its dot made a dash.
func FieldID(name string) string { return "f-" + idPart(name) }

// ErrorID is the id of a field's message (see FieldID).
func ErrorID(name string) string { return "e-" + idPart(name) }

func idPart(name string) string { return strings.ReplaceAll(name, ".", "-") }
