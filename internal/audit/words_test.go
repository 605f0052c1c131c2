package audit_test

import (
	"fmt"
	"testing"
	"time"

	"jemputbola/internal/audit"
)

func details(ds []audit.Detail) string {
	s := ""
	for _, d := range ds {
		s += fmt.Sprintf("%s: %s → %s; ", d.Field, d.Before, d.After)
	}
	return s
}

// TestDetails: an update shows only what changed, in the order the record
// was written, with its values as a reader says them; a create shows every
// field but the bookkeeping; an embedded record is read as its fields.
func TestDetails(t *testing.T) {
	wib := time.FixedZone("WIB", 7*3600)
	update := audit.Entry{Action: audit.Update, Entity: "visit",
		Before: `{"ID":7,"Day":"2026-12-07","Expected":1200,"Shared":false,"Notes":"","StartAt":"2026-12-07T01:00:00Z","UpdatedAt":"2026-12-01T00:00:00Z"}`,
		After:  `{"ID":7,"Day":"2026-12-08","Expected":1200,"Shared":true,"Notes":"bawa genset","StartAt":"2026-12-08T01:30:00Z","UpdatedAt":"2026-12-02T00:00:00Z"}`}
	want := "Tanggal: 7 Desember 2026 → 8 Desember 2026; Kunjungan bersama: tidak → ya; Catatan: — → bawa genset; " +
		"Mulai: 7 Des 2026 08.00 → 8 Des 2026 08.30; "
	if got := details(update.Details(wib)); got != want {
		t.Errorf("update:\n got %s\nwant %s", got, want)
	}

	create := audit.Entry{Action: audit.Create, Entity: "team",
		After: `{"Team":{"ID":3,"OfficeID":1,"Name":"Tim 1 Curup","DailyCapacity":80,"Demo":true},"OperatorIDs":[4,5]}`}
	if got, want := details(create.Details(wib)), "Nama:  → Tim 1 Curup; Kapasitas harian:  → 80; Operator (no.):  → 4, 5; "; got != want {
		t.Errorf("create:\n got %s\nwant %s", got, want)
	}

	odd := audit.Entry{Action: audit.Update, Before: `{"NewField":1}`, After: `{"NewField":2}`}
	if got := odd.Details(wib); len(got) != 1 || got[0].Field != "NewField" || got[0].After != "2" {
		t.Errorf("a field without a name must still show: %+v", got)
	}
	if got := (audit.Entry{Action: audit.Create, After: "not json"}).Details(wib); len(got) != 0 {
		t.Errorf("unreadable detail: %+v", got)
	}
}

// TestSentences: entries whose id is not a record number say what they did
// without it.
func TestSentences(t *testing.T) {
	for _, c := range []struct {
		e    audit.Entry
		want string
	}{
		{audit.Entry{Action: audit.Update, Entity: "result", EntityID: "225"}, "Hasil kunjungan no. 225 diubah"},
		{audit.Entry{Action: audit.Update, Entity: "office", EntityID: "17.02"}, "Pengaturan kantor diubah"},
		{audit.Entry{Action: audit.Create, Entity: "office", EntityID: "17.71"}, "Kantor 17.71 ditambahkan"},
		{audit.Entry{Action: audit.Update, Entity: "targets", EntityID: "17.02/2027"}, "Target tahun 2027 diubah"},
		{audit.Entry{Action: audit.Create, Entity: "population_figures", EntityID: "1204", After: `{"rows":1204}`}, "Angka kependudukan ditambahkan untuk 1.204 desa/kelurahan"},
		{audit.Entry{Action: audit.Update, Entity: "privacy_mask", EntityID: "visit_results.notes", After: `{"baris":2}`}, "Nomor pribadi disamarkan di 2 baris"},
		{audit.Entry{Action: audit.Create, Entity: "letter", EntityID: "470/3/Dukcapil/2026"}, "Nomor surat 470/3/Dukcapil/2026 diberikan"},
	} {
		if got := c.e.Sentence(); got != c.want {
			t.Errorf("%s %s: %q, want %q", c.e.Action, c.e.Entity, got, c.want)
		}
	}
}
