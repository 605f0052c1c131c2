// Package officepage renders Kantor kab/kota: a province's kab/kota, adding
// their offices and their first accounts.
package officepage

import "jemputbola/templates/components"

// Row is one kab/kota of the province.
type Row struct {
	Code, Name string
	HasOffice  bool
	Users      string // accounts of its office, formatted
	ViewHref   string // its read-only view; "" without an office
}

// UserForm is the first-account form with what was typed and the messages.
type UserForm struct {
	Office, Username, Name, Role string
	components.Problems
}

// View is the page.
type View struct {
	CSRF     string
	Province string
	Rows     []Row
	Offices  []components.Option // kab/kota offices that may get an account
	Roles    []components.Option
	Form     UserForm
}
