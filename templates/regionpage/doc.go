// Package regionpage renders Wilayah: the kabupaten's figures and coverage by
// kecamatan, and the pages of one kecamatan and one desa.
package regionpage
