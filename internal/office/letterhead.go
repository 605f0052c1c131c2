package office

import (
	"bytes"
	"context"
	"encoding/xml"
	"image"
	_ "image/jpeg" // registers the JPEG decoder for CheckLogo
	_ "image/png"  // registers the PNG decoder for CheckLogo
	"net/http"
	"strings"
	"unicode/utf8"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/letter"
	"jemputbola/internal/scope"
)

// Letterhead is what letters print above and below their text.
type Letterhead struct {
	Government string // "PEMERINTAH KOTA BENGKULU"
	Name       string // the dinas
	Address    string
	City       string
	HeadName   string
	HeadNIP    string
	HeadRank   string // e.g. "Pembina Utama Muda (IV/c)"
	Pattern    string // of the letters' numbers, see letter.Format
}

// Letterhead returns o's letterhead.
func (o Office) Letterhead() Letterhead {
	return Letterhead{Government: o.Government, Name: o.Name, Address: o.Address, City: o.City,
		HeadName: o.HeadName, HeadNIP: o.HeadNIP, HeadRank: o.HeadRank, Pattern: o.LetterPattern}
}

// Validate trims the fields and checks them; an empty pattern is the
// default. Errors: Invalid with fields government, name, address, city,
// head_name, head_nip, head_rank, pattern.
func (l *Letterhead) Validate() error {
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
	check("government", &l.Government, true, 120, "Nama pemerintah daerah")
	check("name", &l.Name, true, 150, "Nama dinas")
	check("address", &l.Address, true, 200, "Alamat")
	check("city", &l.City, true, 60, "Kota")
	check("head_name", &l.HeadName, true, 100, "Nama kepala dinas")
	check("head_nip", &l.HeadNIP, false, 30, "NIP")
	check("head_rank", &l.HeadRank, false, 80, "Pangkat/golongan")
	l.Pattern = strings.TrimSpace(l.Pattern)
	if l.Pattern == "" {
		l.Pattern = letter.DefaultPattern
	}
	if msg := letter.CheckPattern(l.Pattern); msg != "" {
		f.Add("pattern", msg)
	}
	if l.HeadNIP != "" && strings.Trim(strings.ReplaceAll(l.HeadNIP, " ", ""), "0123456789") != "" {
		f.Add("head_nip", "NIP hanya berisi angka.")
	}
	return f.Err()
}

// SetLetterhead validates and stores the letterhead of ctx's office with an
// audit entry. Errors: Invalid, scope.ErrReadOnly.
func (s *Store) SetLetterhead(ctx context.Context, who audit.Actor, l Letterhead) error {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return err
	}
	if err := l.Validate(); err != nil {
		return err
	}
	return s.update(ctx, who, sc.OfficeID, map[string]any{
		"government": l.Government, "name": l.Name, "address": l.Address, "city": l.City,
		"head_name": l.HeadName, "head_nip": l.HeadNIP, "head_rank": l.HeadRank, "letter_pattern": l.Pattern},
		func(o Office) any { return o.Letterhead() }, l)
}

// MaxLogo bounds an uploaded logo.
const MaxLogo = 512 << 10

var errLogo = apperr.New(apperr.Invalid, "Logo harus berkas PNG, JPEG atau SVG yang sah, paling besar 512 KB.")

// CheckLogo returns the MIME type of an uploaded logo after checking that it
// really is a PNG, a JPEG or an SVG without scripts. Errors: Invalid.
func CheckLogo(b []byte) (string, error) {
	if len(b) == 0 || len(b) > MaxLogo {
		return "", errLogo
	}
	switch http.DetectContentType(b) {
	case "image/png", "image/jpeg":
		if _, format, err := image.DecodeConfig(bytes.NewReader(b)); err == nil {
			return "image/" + format, nil
		}
		return "", errLogo
	}
	if safeSVG(b) {
		return "image/svg+xml", nil
	}
	return "", errLogo
}

// safeSVG reports whether b is well-formed XML with an <svg> root and no
// script, event handler, foreign object or external reference. Browsers show
// it through <img>, which runs no script anyway; this keeps the file honest.
func safeSVG(b []byte) bool {
	d := xml.NewDecoder(bytes.NewReader(b))
	root := true
	for {
		tok, err := d.Token()
		if err != nil {
			return !root && err.Error() == "EOF"
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		name := strings.ToLower(el.Name.Local)
		if root && name != "svg" {
			return false
		}
		root = false
		if name == "script" || name == "foreignobject" {
			return false
		}
		for _, a := range el.Attr {
			k, v := strings.ToLower(a.Name.Local), strings.ToLower(strings.TrimSpace(a.Value))
			if strings.HasPrefix(k, "on") || (k == "href" && !strings.HasPrefix(v, "#")) {
				return false
			}
		}
	}
}

// SetLogo stores a checked logo for ctx's office. Errors: Invalid, scope.ErrReadOnly.
func (s *Store) SetLogo(ctx context.Context, who audit.Actor, b []byte) error {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return err
	}
	typ, err := CheckLogo(b)
	if err != nil {
		return err
	}
	return s.update(ctx, who, sc.OfficeID, map[string]any{"logo": b, "logo_type": typ},
		func(Office) any { return nil }, map[string]any{"logo": typ, "bytes": len(b)})
}

// Logo returns the logo of ctx's office and its MIME type; nil when none.
func (s *Store) Logo(ctx context.Context) ([]byte, string, error) {
	sc, err := scope.From(ctx)
	if err != nil {
		return nil, "", err
	}
	var row struct {
		Logo     []byte
		LogoType string
	}
	err = s.db.WithContext(ctx).Model(&Office{}).Select("logo, logo_type").Where("id = ?", sc.OfficeID).Scan(&row).Error
	return row.Logo, row.LogoType, err
}
