// Package pii keeps residents' identity and phone numbers out of the app's
// free text: the app stores no resident records by design, and under the
// personal data protection law (UU 27/2022) the office answers for every NIK
// it keeps. The rules are regular expressions that Go and the browser both
// read (no look-around), so the server refuses with them and the pages that
// queue results offline check with the very same patterns and messages.
package pii

import (
	"encoding/json"
	"regexp"
	"strconv"
)

// Rule is one kind of number that must not be written down.
type Rule struct {
	Name    string `json:"name"`
	Pattern string `json:"pattern"` // RE2 and ECMAScript alike
	Flags   string `json:"flags"`   // "i" for case-insensitive
	Message string `json:"message"`
	Phone   bool   `json:"-"` // a mobile number: refused only where residents' numbers would go
	re      *regexp.Regexp
}

// digits is n digits, each but the last optionally followed by a space, dot or dash.
func digits(n int) string {
	return "(?:[0-9][ .\\-]?){" + strconv.Itoa(n-1) + "}[0-9]"
}

const instead = " Tulis inisial dan desa warga, bukan nomornya: data pribadi warga tidak boleh disimpan di aplikasi ini (UU 27/2022)."

var rules = []*Rule{
	{Name: "nik", Pattern: "(?:^|[^0-9])" + digits(16) + "(?:[^0-9]|$)",
		Message: "Catatan ini memuat angka 16 digit seperti NIK." + instead},
	{Name: "kk", Pattern: "(?:\\bkk\\b|kartu keluarga)[^0-9]{0,12}" + digits(12), Flags: "i",
		Message: "Catatan ini memuat nomor Kartu Keluarga (KK)." + instead},
	{Name: "phone", Pattern: "(?:^|[^0-9+])(?:\\+62|62|0)[ .\\-]?8(?:[ .\\-]?[0-9]){7,11}(?:[^0-9]|$)", Phone: true,
		Message: "Catatan ini memuat nomor HP warga." + instead},
}

func init() {
	for _, r := range rules {
		p := r.Pattern
		if r.Flags == "i" {
			p = "(?i)" + p
		}
		r.re = regexp.MustCompile(p)
	}
}

// Check says why s must not be stored, "" when it may: a NIK, a labelled KK
// number, and with phones a mobile number.
func Check(s string, phones bool) string {
	for _, r := range rules {
		if (phones || !r.Phone) && r.re.MatchString(s) {
			return r.Message
		}
	}
	return ""
}

// Rules is the rules Check applies, as JSON for a page's own check.
func Rules(phones bool) string {
	var out []*Rule
	for _, r := range rules {
		if phones || !r.Phone {
			out = append(out, r)
		}
	}
	b, _ := json.Marshal(out) // plain strings: cannot fail
	return string(b)
}
