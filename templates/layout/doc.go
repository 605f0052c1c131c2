// Package layout renders the page frame around every page's body: head,
// navigation and footer.
package layout
