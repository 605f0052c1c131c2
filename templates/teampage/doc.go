// Package teampage renders Tim: the list of teams, a team's page and the form
// to add or change one.
package teampage
