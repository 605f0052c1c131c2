package web

import (
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"jemputbola/internal/apperr"
)

// Parsing helpers shared by form handlers: numbers arrive as text and a bad
// one becomes a field message, never a 500.

// formInt parses a whole number; empty gives def.
func formInt(s string, def int64, field string, f *apperr.Fields) int64 {
	s = strings.ReplaceAll(strings.TrimSpace(s), ".", "") // "1.200" as Indonesians write it
	if s == "" {
		return def
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		f.Add(field, "Isi dengan angka bulat 0 atau lebih.")
		return def
	}
	return n
}

// formFloat parses an optional decimal, accepting a comma as the decimal mark.
func formFloat(s, field string, f *apperr.Fields) *float64 {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", ".")
	if s == "" {
		return nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		f.Add(field, "Isi dengan angka desimal, misalnya -3.4712.")
		return nil
	}
	return &v
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
