// Package settingspage renders Pengaturan kantor: the office's name, address
// and head used on its letters.
package settingspage
