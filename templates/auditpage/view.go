package auditpage

import (
	"net/url"

	"jemputbola/web/paths"
)

// View is one page of the audit trail.
type View struct {
	Entries  []Entry
	Total    string // entries matching the filter, formatted
	Page     int
	Pages    int
	Entity   string   // the filter, "" for every kind of data
	Entities []Option // every kind of data recorded
}

// Option is one kind of data in the filter.
type Option struct{ Value, Label string }

// Entry is one recorded change.
type Entry struct {
	At       string // in the office's zone
	Username string
	What     string // what happened, in plain words
	Href     string // the page of the thing changed, "" for none
	Details  []Detail
}

// Detail is one field of a change in words.
type Detail struct{ Field, Before, After string }

// sides says which columns the details of e need: before, after or both.
func (e Entry) sides() (before, after bool) {
	for _, d := range e.Details {
		before, after = before || d.Before != "", after || d.After != ""
	}
	return before, after
}

// pagerBase is the address of the list with its filter, ready for a page number.
func (v View) pagerBase() string {
	return paths.With(paths.Audit, url.Values{"entity": {v.Entity}}) + "&"
}
