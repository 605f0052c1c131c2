// Package apperr gives domain errors a code that the web layer maps to a status,
// and a message in Bahasa Indonesia that is safe to show to the user.
package apperr

import (
	"errors"
	"fmt"
)

// Code classifies an error.
type Code string

// Error codes.
const (
	Invalid   Code = "invalid"   // the input breaks a rule; Fields says where
	NotFound  Code = "not_found" // the thing asked for does not exist
	Conflict  Code = "conflict"  // the change collides with existing data
	Forbidden Code = "forbidden" // the user may not do this
	Internal  Code = "internal"  // everything else; never shown in detail
)

// Error is a domain error with a user-facing message and optional per-field messages.
type Error struct {
	Code    Code
	Message string            // Bahasa Indonesia, shown to the user
	Fields  map[string]string // form field name → message, for Invalid
}

func (e *Error) Error() string {
	if len(e.Fields) > 0 {
		return fmt.Sprintf("%s: %s %v", e.Code, e.Message, e.Fields)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

// New returns an Error with a code and message.
func New(code Code, msg string) *Error { return &Error{Code: code, Message: msg} }

// Errorf returns an Error with a code and a formatted message.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Fields collects per-field validation messages. The zero value is ready to use.
type Fields map[string]string

// Add records msg for field unless the field already has a message.
func (f *Fields) Add(field, msg string) {
	if *f == nil {
		*f = Fields{}
	}
	if _, ok := (*f)[field]; !ok {
		(*f)[field] = msg
	}
}

// CheckFields is the message of a form with fields marked invalid.
const CheckFields = "Periksa kembali isian yang ditandai."

// Err returns an Invalid error carrying the fields, or nil when there are none.
func (f Fields) Err() error {
	if len(f) == 0 {
		return nil
	}
	return &Error{Code: Invalid, Message: CheckFields, Fields: f}
}

// CodeOf returns the code of err, Internal for errors that carry none, "" for nil.
func CodeOf(err error) Code {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Internal
}

// FieldsOf returns the per-field messages of err, if any.
func FieldsOf(err error) map[string]string {
	var e *Error
	if errors.As(err, &e) {
		return e.Fields
	}
	return nil
}

// MessageOf returns the user-facing message of err; a generic one for internal errors.
func MessageOf(err error) string {
	var e *Error
	if errors.As(err, &e) && e.Code != Internal {
		return e.Message
	}
	return "Terjadi kesalahan pada server. Silakan coba lagi."
}
