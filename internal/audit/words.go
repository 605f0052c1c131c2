package audit

import (
	"cmp"
	"encoding/json"
	"fmt"
	"strings"

	"jemputbola/internal/locale"
)

// kinds names, in Indonesian, each kind of data an entry can be about.
var kinds = map[string]string{
	"user":               "Akun pengguna",
	"team":               "Tim",
	"visit":              "Kunjungan",
	"result":             "Hasil kunjungan",
	"site":               "Lokasi sasaran",
	"service_point":      "Titik layanan loket",
	"desk_tally":         "Rekap loket",
	"office":             "Pengaturan kantor",
	"region_boundaries":  "Batas wilayah",
	"figure_imports":     "Impor angka resmi",
	"population_figures": "Angka kependudukan",
	"targets":            "Target",
	"file":               "Berkas",
	"day_off":            "Hari libur kantor",
	"visit_confirmation": "Konfirmasi kontak lokasi",
	"letter":             "Nomor surat",
	"privacy_mask":       "Data pribadi disamarkan",
	"audit_entries":      "Catatan audit",
}

// verbs says what each change did, as the passive Indonesian puts it after the noun.
var verbs = map[string]string{Create: "ditambahkan", Update: "diubah", Delete: "dihapus"}

// KindLabel is entity in Indonesian; an unknown kind is shown as "Data".
func KindLabel(entity string) string {
	if k, ok := kinds[entity]; ok {
		return k
	}
	return "Data"
}

// Sentence says in plain Indonesian what e records, such as "Hasil kunjungan
// no. 225 diubah" or "Masuk dari 10.0.0.7"; no table or column names.
func (e Entry) Sentence() string {
	switch e.Action {
	case SignIn:
		return "Masuk" + e.from()
	case SignInFailed:
		return "Gagal masuk: kata sandi salah" + e.from()
	case SignOut:
		return "Keluar" + e.from()
	case Download:
		return "Mengunduh " + e.EntityID
	case Archive:
		return e.archived()
	}
	verb, ok := verbs[e.Action]
	if !ok {
		verb = "dicatat"
	}
	switch e.Entity {
	case "office":
		if e.Action == Update {
			return "Pengaturan kantor diubah"
		}
		return "Kantor " + e.EntityID + " " + verb
	case "targets": // id: region code/year
		_, year, _ := strings.Cut(e.EntityID, "/")
		return "Target tahun " + year + " " + verb
	case "population_figures": // id: the number of desa
		return "Angka kependudukan " + verb + " untuk " + e.count("rows") + " desa/kelurahan"
	case "region_boundaries":
		return "Batas wilayah diperbarui untuk " + e.count("desa") + " desa/kelurahan"
	case "privacy_mask": // id: table.column
		return "Nomor pribadi disamarkan di " + e.count("baris") + " baris"
	case "letter": // id: the letter's number
		return "Nomor surat " + e.EntityID + " diberikan"
	case "visit_confirmation":
		return "Kontak lokasi menjawab konfirmasi kunjungan no. " + e.EntityID
	}
	return fmt.Sprintf("%s no. %s %s", KindLabel(e.Entity), e.EntityID, verb)
}

// count is a number the entry holds under key, written out.
func (e Entry) count(key string) string { return locale.Int(e.Number(key)) }

// Number is the whole number e's after (or, on a delete, its before) holds
// under key, such as a result's VisitID; 0 when it holds none.
func (e Entry) Number(key string) int64 {
	_, values := flatten(cmp.Or(e.After, e.Before))
	var n int64
	_ = json.Unmarshal(values[key], &n) // no number reads as 0
	return n
}

func (e Entry) from() string {
	var a Address
	if json.Unmarshal([]byte(e.After), &a) != nil || a.Address == "" {
		return ""
	}
	return " dari " + a.Address
}

// archived says which entries an Archive entry removed; its EntityID is the
// cutoff date (ISO) and its After an Archived.
func (e Entry) archived() string {
	var a Archived
	_ = json.Unmarshal([]byte(e.After), &a) // an unreadable detail still names the cutoff
	return fmt.Sprintf("Catatan audit sebelum %s diarsipkan lalu dihapus: %s catatan", locale.DateText(e.EntityID), locale.Int(a.Entries))
}
