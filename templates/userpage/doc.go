// Package userpage renders Pengguna: the list of accounts and the form to add
// or change one.
package userpage
