package audit

import (
	"encoding/json"
	"fmt"

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
	return fmt.Sprintf("%s no. %s %s", KindLabel(e.Entity), e.EntityID, verb)
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
