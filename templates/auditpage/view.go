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
	Before   string // JSON, "" on create
	After    string // JSON, "" on delete
}

// pagerBase is the address of the list with its filter, ready for a page number.
func (v View) pagerBase() string {
	return paths.With(paths.Audit, url.Values{"entity": {v.Entity}}) + "&"
}
