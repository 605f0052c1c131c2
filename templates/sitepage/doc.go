// Package sitepage renders Lokasi Sasaran: the list of sites and the form to
// add or change one.
package sitepage
