package audit

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"jemputbola/internal/locale"
)

// Detail is one field an entry records, in words.
type Detail struct {
	Key    string // as stored, for the caller's own value words
	Field  string // the field in Indonesian
	Before string // "" when the entry has no before
	After  string // "" when the entry has no after
}

// fields names, in Indonesian, every field an entry's before or after holds:
// the Go field names of the records and the keys of the smaller details,
// both as fieldKey writes them ("HeadNIP" and "head_nip" are "headnip").
var fields = map[string]string{
	// People, teams and places
	"username": "Nama pengguna", "name": "Nama", "role": "Peran", "active": "Aktif", "password": "Kata sandi",
	"leaderid": "Ketua tim (no.)", "dailycapacity": "Kapasitas harian", "operatorids": "Operator (no.)",
	"kind": "Jenis", "desacode": "Kode desa/kelurahan", "address": "Alamat", "lat": "Lintang", "lng": "Bujur",
	"contact": "Kontak", "eligible": "Perkiraan warga yang bisa aktivasi", "notes": "Catatan", "alamat": "Alamat IP",
	// Visits and their results
	"siteid": "Lokasi (no.)", "teamid": "Tim (no.)", "day": "Tanggal", "startat": "Mulai", "endat": "Selesai",
	"expected": "Target aktivasi", "shared": "Kunjungan bersama", "status": "Status", "cancelreason": "Alasan batal",
	"createdby": "Dibuat oleh (no.)", "visitid": "Kunjungan (no.)", "pointid": "Titik layanan (no.)",
	"activations": "Aktivasi", "peopleserved": "Warga dilayani", "ektprecorded": "Rekam KTP-el",
	"outofarea": "Warga luar wilayah", "outofareahome": "Asal warga luar wilayah", "forservice": "Datang untuk layanan lain",
	"failnoandroid": "Gagal: tidak punya HP Android", "failnosignal": "Gagal: tidak ada sinyal",
	"failnoemail": "Gagal: tidak punya email", "failincompatiblephone": "Gagal: HP tidak kompatibel",
	"faildataproblem": "Gagal: data kependudukan bermasalah", "failrefused": "Gagal: menolak", "failother": "Gagal: lainnya",
	"loggedby": "Dicatat oleh (no.)", "loggedat": "Waktu dicatat", "verification": "Verifikasi",
	"verifiedby": "Diverifikasi oleh (no.)", "verifiedat": "Waktu verifikasi", "verifycomment": "Komentar verifikasi",
	"note": "Catatan kontak", "at": "Waktu jawaban", "first": "Dari", "last": "Sampai", "estimate": "Tanggal perkiraan",
	// The office
	"code": "Kode wilayah", "level": "Tingkat", "zone": "Zona waktu", "government": "Pemerintah daerah", "city": "Kota surat",
	"headname": "Kepala dinas", "headnip": "NIP kepala dinas", "headrank": "Pangkat/golongan", "logotype": "Logo",
	"workingdays": "Hari kerja", "pattern": "Pola nomor surat", "letterpattern": "Pola nomor surat",
	"auditretentionyears": "Masa simpan audit (tahun)", "csvlocale": "Format CSV",
	// Figures, targets, letters, files
	"asof": "Angka per", "file": "Berkas", "rows": "Baris", "replaced": "Baris yang diganti", "desa": "Desa/kelurahan",
	"targetcount": "Target (orang)", "targetpct": "Target (% perekaman KTP-el)",
	"surat": "Surat", "nomor": "Nomor", "kunjungan": "Kunjungan (no.)", "baris": "Baris", "entri": "Catatan", "sha256": "SHA-256",
}

// fieldKey is how fields and bookkeeping name a stored key.
func fieldKey(key string) string { return strings.ToLower(strings.ReplaceAll(key, "_", "")) }

// bookkeeping fields say nothing a reader of the trail needs: the row's own
// number and office, when it was stored, the tablet's request id.
var bookkeeping = map[string]bool{"id": true, "officeid": true, "createdat": true, "updatedat": true, "demo": true, "clientid": true}

// FieldLabel is a field's name in Indonesian; false when fields lacks it.
func FieldLabel(key string) (string, bool) {
	l, ok := fields[fieldKey(key)]
	return l, ok
}

// Details lists what e records, field by field: on an update the fields
// whose value changed, otherwise every field it holds, bookkeeping left out.
// Times are written in zone. A field fields does not name keeps its key, so
// nothing recorded is hidden (a test keeps that list complete).
func (e Entry) Details(zone *time.Location) []Detail {
	beforeKeys, before := flatten(e.Before)
	keys, after := flatten(e.After)
	for _, k := range beforeKeys {
		if _, ok := after[k]; !ok {
			keys = append(keys, k)
		}
	}
	var out []Detail
	for _, k := range keys {
		b, hasB := before[k]
		a, hasA := after[k]
		if bookkeeping[fieldKey(k)] || hasB && hasA && bytes.Equal(b, a) {
			continue
		}
		d := Detail{Key: k, Field: k}
		if l, ok := FieldLabel(k); ok {
			d.Field = l
		}
		if hasB {
			d.Before = words(b, zone)
		}
		if hasA {
			d.After = words(a, zone)
		}
		out = append(out, d)
	}
	return out
}

// flatten reads a before or after, an object, in the order it was written;
// a struct embedded in it (a team's snapshot) is lifted to the top. Nothing
// for "" or "null".
func flatten(s string) (keys []string, values map[string]json.RawMessage) {
	values = map[string]json.RawMessage{}
	var walk func(raw []byte) bool
	walk = func(raw []byte) bool {
		dec := json.NewDecoder(bytes.NewReader(raw))
		if t, err := dec.Token(); err != nil || t != json.Delim('{') {
			return false
		}
		for dec.More() {
			t, err := dec.Token()
			key, ok := t.(string)
			var v json.RawMessage
			if err != nil || !ok || dec.Decode(&v) != nil {
				return true
			}
			if _, known := FieldLabel(key); !known && walk(v) {
				continue
			}
			keys = append(keys, key)
			values[key] = v
		}
		return true
	}
	walk([]byte(s))
	return keys, values
}

// words writes one JSON value as a reader says it: yes or no, numbers with
// the thousands dot, times and days in Indonesian, lists joined, nothing as "—".
func words(v json.RawMessage, zone *time.Location) string {
	var x any
	if json.Unmarshal(v, &x) != nil {
		return string(v)
	}
	switch y := x.(type) {
	case nil:
		return "—"
	case bool:
		if y {
			return "ya"
		}
		return "tidak"
	case float64:
		if y == float64(int64(y)) {
			return locale.Int(int64(y))
		}
		return strings.Replace(strconv.FormatFloat(y, 'f', -1, 64), ".", ",", 1)
	case string:
		if t, err := time.Parse(time.RFC3339Nano, y); err == nil {
			return locale.DateTime(t.In(zone))
		}
		if _, err := time.Parse(time.DateOnly, y); err == nil {
			return locale.DateText(y)
		}
		if y == "" {
			return "—"
		}
		return y
	case []any:
		parts := make([]string, len(y))
		for i := range y {
			b, _ := json.Marshal(y[i])
			parts[i] = words(b, zone)
		}
		if len(parts) == 0 {
			return "—"
		}
		return strings.Join(parts, ", ")
	}
	return string(v)
}
