package settings

import (
	"context"
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
)

// Office is the letterhead printed on letters: the office's name, address and head.
type Office struct {
	Name     string // e.g. "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Rejang Lebong"
	Address  string
	City     string // place written before the date of a letter
	HeadName string
	HeadNIP  string // the head's civil-servant number
	HeadRank string // e.g. "Pembina Utama Muda (IV/c)"
}

var officeKeys = []struct {
	key   string
	field func(*Office) *string
	def   string
}{
	{"office_name", func(o *Office) *string { return &o.Name }, "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Rejang Lebong"},
	{"office_address", func(o *Office) *string { return &o.Address }, "Jl. S. Sukowati No. 1, Curup, Rejang Lebong, Bengkulu"},
	{"office_city", func(o *Office) *string { return &o.City }, "Curup"},
	{"office_head_name", func(o *Office) *string { return &o.HeadName }, ""},
	{"office_head_nip", func(o *Office) *string { return &o.HeadNIP }, ""},
	{"office_head_rank", func(o *Office) *string { return &o.HeadRank }, ""},
}

// Office returns the letterhead, with defaults for what is not set yet.
func (s *Store) Office(ctx context.Context) (Office, error) {
	var o Office
	for _, k := range officeKeys {
		v, ok, err := s.Get(ctx, k.key)
		if err != nil {
			return o, err
		}
		if !ok {
			v = k.def
		}
		*k.field(&o) = v
	}
	return o, nil
}

// Validate trims the fields and checks them. Errors: Invalid with fields
// name, address, city, head_name, head_nip, head_rank.
func (o *Office) Validate() error {
	var f apperr.Fields
	check := func(field string, v *string, required bool, max int, label string) {
		*v = strings.TrimSpace(*v)
		switch {
		case required && *v == "":
			f.Add(field, label+" wajib diisi.")
		case utf8.RuneCountInString(*v) > max:
			f.Add(field, label+" terlalu panjang.")
		}
	}
	check("name", &o.Name, true, 150, "Nama kantor")
	check("address", &o.Address, true, 200, "Alamat")
	check("city", &o.City, true, 60, "Kota")
	check("head_name", &o.HeadName, true, 100, "Nama kepala dinas")
	check("head_nip", &o.HeadNIP, false, 30, "NIP")
	check("head_rank", &o.HeadRank, false, 80, "Pangkat/golongan")
	if o.HeadNIP != "" && strings.Trim(strings.ReplaceAll(o.HeadNIP, " ", ""), "0123456789") != "" {
		f.Add("head_nip", "NIP hanya berisi angka.")
	}
	return f.Err()
}

// SetOffice validates and stores the letterhead with an audit entry.
func (s *Store) SetOffice(ctx context.Context, who audit.Actor, o Office) error {
	if err := o.Validate(); err != nil {
		return err
	}
	before, err := s.Office(ctx)
	if err != nil {
		return err
	}
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		ts := NewStore(tx)
		for _, k := range officeKeys {
			if err := ts.Set(ctx, k.key, *k.field(&o)); err != nil {
				return err
			}
		}
		return audit.Record(ctx, tx, who, audit.Update, "settings", "office", before, o)
	})
}
