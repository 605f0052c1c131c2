// Package region keeps the Kemendagri hierarchy the office works in (the
// kabupaten, its kecamatan and desa/kelurahan, shipped built in with their
// boundaries), the official population figures per desa and their imports,
// and the overview of coverage by kecamatan and desa.
package region
