package web

import (
	"math"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/apperr"
	"jemputbola/templates/components"
)

// Reading forms. Every form has one decoder (decodeVisitForm, decodeSiteForm,
// ...) that turns the request into the text as typed (kept for a re-render),
// the domain's input and the inputs that did not read. Numbers are read by
// wholeNumber and decimal only; a number that does not read is a field
// message, never a 500. What a failed submit answers is decided by
// formProblems.

// Messages for numbers that do not read, keyed by the input's name.
const (
	msgWholeNumber = "Isi dengan angka bulat 0 atau lebih."
	msgDecimal     = "Isi dengan angka desimal, misalnya -3.4712."
	msgChoice      = "Pilihan tidak valid; pilih dari daftar."
)

// wholeNumber reads a whole number of 0 or more as people type it: spaces
// around it are ignored and thousands dots dropped ("1.200"). present is false
// for an empty input; ok is false for anything else that is not such a number.
func wholeNumber(s string) (n int64, present, ok bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ".", "")
	if s == "" {
		return 0, false, true
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return 0, true, false
	}
	return n, true, true
}

// formInt reads a whole number with wholeNumber; empty gives 0, and a value
// that does not read gives 0 and a message on field.
func formInt(s, field string, f *apperr.Fields) int64 {
	n, _, ok := wholeNumber(s)
	if !ok {
		f.Add(field, msgWholeNumber)
	}
	return n
}

// formFloat reads an optional decimal, accepting a comma as the decimal mark;
// empty is nil, and anything that is not a finite number a message on field.
func formFloat(s, field string, f *apperr.Fields) *float64 {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", ".")
	if s == "" {
		return nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		f.Add(field, msgDecimal)
		return nil
	}
	return &v
}

// formReader reads one posted (or, for a GET form, queried) form and collects
// a message per input that does not read. Like c.FormValue it treats a body
// that does not parse as empty; the CSRF guard has refused such a POST already.
type formReader struct {
	c   echo.Context
	bad apperr.Fields
}

func readForm(c echo.Context) *formReader { return &formReader{c: c} }

// text is the input as typed.
func (r *formReader) text(name string) string { return r.c.FormValue(name) }

// required marks name when nothing was typed: a count must be answered, 0
// included, and an untouched field is no answer.
func (r *formReader) required(name string) {
	if strings.TrimSpace(r.text(name)) == "" {
		r.bad.Add(name, "Wajib diisi; tulis 0 bila tidak ada.")
	}
}

// all is every value of a repeated input (checkboxes, multi-selects).
func (r *formReader) all(name string) []string {
	v, _ := r.c.FormParams()
	return v[name]
}

// checked reports whether a checkbox was ticked.
func (r *formReader) checked(name string) bool { return r.text(name) != "" }

// whole reads a whole number; empty is 0.
func (r *formReader) whole(name string) int64 { return formInt(r.text(name), name, &r.bad) }

// choice reads the id picked in a drop-down; none is 0. It reads like a whole
// number, but one that does not read was not a choice the form offered.
func (r *formReader) choice(name string) int64 {
	n, _, ok := wholeNumber(r.text(name))
	if !ok {
		r.bad.Add(name, msgChoice)
	}
	return n
}

// choices reads the ids of ticked checkboxes; one that does not read is left
// out, with a message on the input.
func (r *formReader) choices(name string) []int64 {
	var out []int64
	for _, s := range r.all(name) {
		if n, present, ok := wholeNumber(s); !ok {
			r.bad.Add(name, msgChoice)
		} else if present {
			out = append(out, n)
		}
	}
	return out
}

// decimal reads an optional decimal number.
func (r *formReader) decimal(name string) *float64 { return formFloat(r.text(name), name, &r.bad) }

// withUnreadable joins the inputs that did not read with the domain's check
// of the rest (checkErr, from a Check that writes nothing), so a form shows
// every problem at once. The domain's message names its rule ("Kapasitas
// harian 1–1000 aktivasi."), so it wins on an input both speak about. An
// error that is not the form's (a failed query) is returned as it is.
func withUnreadable(bad apperr.Fields, checkErr error) error {
	if _, _, ok := formProblems(checkErr); checkErr != nil && !ok {
		return checkErr
	}
	var all apperr.Fields
	for k, v := range apperr.FieldsOf(checkErr) {
		all.Add(k, v)
	}
	for k, v := range bad {
		all.Add(k, v)
	}
	return all.Err()
}

// formProblems is the one decision of what a failed submit answers. For an
// error the user corrects in the form (Invalid, or a Conflict that names an
// input, such as a team already booked) it gives the messages to show and
// the status to re-render the form with: 422 for Invalid, 409 for Conflict.
// ok is false for nil and for every other error, which goes to the error page.
func formProblems(err error) (p components.Problems, status int, ok bool) {
	switch code := apperr.CodeOf(err); {
	case code == apperr.Invalid, (code == apperr.Conflict || code == apperr.Forbidden) && len(apperr.FieldsOf(err)) > 0:
		// A Conflict without fields (editing a visit that is no longer
		// planned) is about the data, not the form: the error page. With
		// fields (a taken name; only an admin may make an admin) the form
		// shows it where it belongs.
		return components.Problems{Error: apperr.MessageOf(err), Errors: apperr.FieldsOf(err)}, statusOf[code], true
	}
	return p, 0, false
}

// idParam reads a numeric :id; anything else is a 404, like an unknown id.
func idParam(c echo.Context) (int64, error) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, apperr.New(apperr.NotFound, "Data tidak ditemukan.")
	}
	return id, nil
}

func floatText(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}
