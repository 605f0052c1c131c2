// Package letterpage renders the printable letters of a visit on the
// office's letterhead: the Surat Tugas for the team and the Surat
// Pemberitahuan to the head of the visited place.
package letterpage
