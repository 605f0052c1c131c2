// Package deskpage renders Loket: each service point's tally of one day, and
// the points themselves.
package deskpage

import "jemputbola/templates/components"

// Page is the Loket page of one day.
type Page struct {
	CSRF            string
	Day             string // YYYY-MM-DD, the form's value
	Today           string // YYYY-MM-DD: no later day may be chosen
	Notice          string // why the day shown is not the one asked for, or that it is no working day
	DayName         string // "Senin, 30 November 2026"
	Prev, Next      string // the neighbouring days' addresses; Next "" when that is the future
	Points          []Point
	CanManage       bool // may add service points
	NewPoint        PointForm
	Kinds           []components.Option
	Groups          []components.DesaGroup
	DayTotal        string // activations of every point that day
	DeskSinceFigure string // desk activations counted on top of the official figures
}

// Point is one service point with its day's form.
type Point struct {
	ID       int64
	Name     string
	Where    string              // kind and desa
	Logged   bool                // the day has a tally: saving again is a correction
	Counts   []components.Option // the count fields: Value is the field name, Label the label
	Failures []components.Option
	Values   map[string]string
	components.Problems
	Reason string
	Saved  string // what is stored for the day, "" when nothing
}

// PointForm is the new service point form, as typed.
type PointForm struct {
	Name, Kind, DesaCode string
	components.Problems
}

// hasFailureError opens the failures when one of them has a message.
func hasFailureError(pt Point) bool {
	for _, n := range pt.Failures {
		if pt.Errors[n.Value] != "" {
			return true
		}
	}
	return false
}
