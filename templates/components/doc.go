// Package components holds the small pieces the pages share: form fields,
// selects, form errors, the CSRF field, empty states, the pager and the
// error page.
package components
