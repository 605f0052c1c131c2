package userpage

import "jemputbola/templates/components"

// List is the Pengguna page, filtered by role.
type List struct {
	Users []User
	Role  string              // the role filter, "" for every role
	Roles []components.Option // "Semua peran" first
}

// User is one account in the list.
type User struct {
	ID       int64
	Username string
	Name     string
	Role     string // label
	Active   bool
	Demo     bool
}

// Form is the create/edit form with what the user typed and the messages.
type Form struct {
	ID       int64
	Username string
	Name     string
	Role     string
	Active   bool
	Roles    []components.Option // "Pilih peran" first
	components.Problems
}
