// Package auth holds accounts, roles, passwords, sessions and the sign-in throttle.
package auth

// Role is what a user may do in the app.
type Role string

// Roles, as DESIGN.md defines them.
const (
	Admin       Role = "admin"        // runs the installation: accounts, settings
	KepalaDinas Role = "kepala_dinas" // head of the office: sees all, manages users and targets
	KetuaTim    Role = "ketua_tim"    // team leader: plans visits, manages sites and teams
	Operator    Role = "operator"     // field operator: own team's visits, logs results
	// Pimpinan reads coverage, plans and reports and changes nothing: the
	// Bupati, the Sekda, a camat, the province looking on.
	Pimpinan Role = "pimpinan"
)

// Roles lists every role in display order.
var Roles = []Role{Admin, KepalaDinas, KetuaTim, Operator, Pimpinan}

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	for _, x := range Roles {
		if r == x {
			return true
		}
	}
	return false
}

// Label is the role's name in the UI.
func (r Role) Label() string {
	switch r {
	case Admin:
		return "Admin"
	case KepalaDinas:
		return "Kepala Dinas"
	case KetuaTim:
		return "Ketua Tim"
	case Operator:
		return "Operator"
	case Pimpinan:
		return "Pimpinan"
	}
	return string(r)
}

// In reports whether r is one of roles.
func (r Role) In(roles ...Role) bool {
	for _, x := range roles {
		if r == x {
			return true
		}
	}
	return false
}
