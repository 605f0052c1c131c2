// Package auditpage renders Audit: the record of who changed what, when,
// with the state before and after.
package auditpage
