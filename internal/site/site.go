// Package site keeps the lokasi sasaran: schools, OPD offices, balai desa and
// other places a team visits to activate IKD.
package site

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"jemputbola/internal/apperr"
)

// Kind of site.
type Kind string

// Kinds of site.
const (
	Sekolah Kind = "sekolah"
	OPD     Kind = "opd"
	Desa    Kind = "desa" // the balai desa / kantor kelurahan
	Lainnya Kind = "lainnya"
)

// Kinds lists every kind in display order.
var Kinds = []Kind{Sekolah, OPD, Desa, Lainnya}

// Label is the kind's name in the UI.
func (k Kind) Label() string {
	switch k {
	case Sekolah:
		return "Sekolah"
	case OPD:
		return "OPD"
	case Desa:
		return "Desa/Kelurahan"
	case Lainnya:
		return "Lainnya"
	}
	return string(k)
}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool {
	for _, x := range Kinds {
		if k == x {
			return true
		}
	}
	return false
}

// Site is one place to visit, in one desa.
type Site struct {
	ID        int64 `gorm:"primaryKey"`
	OfficeID  int64
	Name      string
	Kind      Kind
	DesaCode  string
	Address   string
	Lat, Lng  *float64
	Contact   string
	Eligible  int64 // estimated people who can activate there
	Notes     string
	Demo      bool
	CreatedAt time.Time
	UpdatedAt time.Time
}

// TableName keeps GORM on the migrated table.
func (Site) TableName() string { return "sites" }

// Input is what a form gives to create or change a site.
type Input struct {
	Name     string
	Kind     Kind
	DesaCode string
	Address  string
	Lat, Lng *float64
	Contact  string
	Eligible int64
	Notes    string
}

// MaxEligible bounds the estimate: no single site holds more people.
const MaxEligible = 1_000_000

// MaxContact bounds the contact (a name and a phone number), the only
// personal data a site holds.
const MaxContact = 100

// validate checks the fields that need no database; the desa and the unique
// name are checked by the store.
func (in *Input) validate() apperr.Fields {
	in.Name = strings.TrimSpace(in.Name)
	in.Address = strings.TrimSpace(in.Address)
	in.Contact = strings.TrimSpace(in.Contact)
	in.Notes = strings.TrimSpace(in.Notes)
	var f apperr.Fields
	switch n := utf8.RuneCountInString(in.Name); {
	case n == 0:
		f.Add("name", "Nama lokasi wajib diisi.")
	case n > 150:
		f.Add("name", "Nama lokasi maksimal 150 karakter.")
	}
	if !in.Kind.Valid() {
		f.Add("kind", "Pilih jenis lokasi.")
	}
	if in.Eligible < 0 || in.Eligible > MaxEligible {
		f.Add("eligible", "Isi dengan angka bulat 0 sampai 1.000.000.")
	}
	if (in.Lat == nil) != (in.Lng == nil) {
		f.Add("lat", "Isi lintang dan bujur sekaligus, atau kosongkan keduanya.")
	} else if in.Lat != nil && (*in.Lat < -11 || *in.Lat > 6 || *in.Lng < 95 || *in.Lng > 141) {
		f.Add("lat", "Koordinat harus berada di wilayah Indonesia (lintang −11..6, bujur 95..141).")
	}
	if utf8.RuneCountInString(in.Address) > 200 {
		f.Add("address", "Alamat maksimal 200 karakter.")
	}
	if utf8.RuneCountInString(in.Contact) > MaxContact {
		f.Add("contact", fmt.Sprintf("Kontak maksimal %d karakter.", MaxContact))
	}
	if utf8.RuneCountInString(in.Notes) > 1000 {
		f.Add("notes", "Catatan maksimal 1000 karakter.")
	}
	return f
}
