// Package result keeps what each visit achieved: activations, people served and
// the reasons residents could not activate. Tablets log results offline and
// sync later, so every result carries the tablet's client id and is stored once.
package result

import (
	"maps"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"jemputbola/internal/apperr"
	"jemputbola/internal/pii"
	"jemputbola/internal/region"
	"jemputbola/internal/text"
)

// Reason is why a resident could not activate IKD on the spot.
type Reason struct {
	Key   string // JSON key and form field suffix
	Label string
}

// Reasons in display order.
var Reasons = []Reason{
	{"no_android", "Tidak punya HP Android"},
	{"no_signal", "Tidak ada sinyal"},
	{"no_email", "Tidak punya email"},
	{"incompatible_phone", "HP tidak kompatibel"},
	{"data_problem", "Data kependudukan bermasalah"},
	{"refused", "Menolak"},
	{"other", "Lainnya"},
}

// MaxCount bounds every count: no visit serves more people.
const MaxCount = 100_000

// Result is the stored outcome of one visit.
type Result struct {
	ID                    int64 `gorm:"primaryKey"`
	OfficeID              int64
	VisitID               int64
	ClientID              string
	Activations           int64
	PeopleServed          int64
	EktpRecorded          int64
	OutOfArea             int64
	OutOfAreaHome         string // kab/kota code where the out-of-area residents live, "" when not known
	FailNoAndroid         int64
	FailNoSignal          int64
	FailNoEmail           int64
	FailIncompatiblePhone int64
	FailDataProblem       int64
	FailRefused           int64
	FailOther             int64
	Notes                 string
	LoggedBy              *int64
	LoggedAt              time.Time
	Verification          string // belum, diverifikasi or dikembalikan
	VerifiedBy            *int64
	VerifiedAt            *time.Time
	VerifyComment         string
	UpdatedAt             time.Time
}

// TableName keeps GORM on the migrated table.
func (Result) TableName() string { return "visit_results" }

// Failures returns the failure counts keyed like the API.
func (r Result) Failures() map[string]int64 {
	return map[string]int64{"no_android": r.FailNoAndroid, "no_signal": r.FailNoSignal, "no_email": r.FailNoEmail,
		"incompatible_phone": r.FailIncompatiblePhone, "data_problem": r.FailDataProblem, "refused": r.FailRefused, "other": r.FailOther}
}

// Outcome is what a visit, or a day at a desk, achieved: the counts and a
// note. The JSON names are those of the API and the forms' fields (failures
// as "failures.<reason key>").
type Outcome struct {
	Activations  int64            `json:"activations"`
	PeopleServed int64            `json:"people_served"`
	EktpRecorded int64            `json:"ektp_recorded"`
	OutOfArea    int64            `json:"out_of_area"`
	Failures     map[string]int64 `json:"failures"`
	Notes        string           `json:"notes"`
	// OutOfAreaHome is the kab/kota code where the out-of-area residents
	// live, when the operator knows it; "" otherwise.
	OutOfAreaHome string `json:"out_of_area_home,omitempty"`
}

// Input is one result as a tablet or form sends it: the body of
// POST /api/v1/results.
type Input struct {
	ClientID string `json:"client_id"`
	VisitID  int64  `json:"visit_id"`
	Outcome
}

// Count is one of the counts of a result, as a form field. These counts are
// always typed (0 included) on the form: an untouched form is no answer. The
// failure counts may be left empty for none.
type Count struct {
	Key   string // JSON key and form field name
	Label string
}

// The keys of the counts other than the failures.
const (
	KeyActivations   = "activations"
	KeyPeopleServed  = "people_served"
	KeyEktpRecorded  = "ektp_recorded"
	KeyOutOfArea     = "out_of_area"
	KeyNotes         = "notes" // the note's form field
	KeyOutOfAreaHome = "out_of_area_home"
)

// Counts are the counts of a result other than the failures, in form order.
var Counts = []Count{
	{KeyActivations, "Aktivasi IKD berhasil"},
	{KeyPeopleServed, "Warga dilayani"},
	{KeyEktpRecorded, "Perekaman KTP-el di lokasi"},
	{KeyOutOfArea, "Warga luar wilayah (bagian dari aktivasi)"},
}

// FailureField is the form field name of a failure reason's count.
func FailureField(key string) string { return "failures." + key }

// Set stores the count named by a form field (a Counts key or a FailureField)
// and reports whether the name is one.
func (in *Outcome) Set(field string, n int64) bool {
	switch field {
	case KeyActivations:
		in.Activations = n
	case KeyPeopleServed:
		in.PeopleServed = n
	case KeyEktpRecorded:
		in.EktpRecorded = n
	case KeyOutOfArea:
		in.OutOfArea = n
	default:
		key, ok := strings.CutPrefix(field, "failures.")
		if !ok || !knownReason(key) {
			return false
		}
		if in.Failures == nil {
			in.Failures = map[string]int64{}
		}
		in.Failures[key] = n
	}
	return true
}

// Fields returns the counts of the input keyed by form field name, the
// inverse of Set, to pre-fill a form.
func (in Outcome) Fields() map[string]int64 {
	m := map[string]int64{KeyActivations: in.Activations, KeyPeopleServed: in.PeopleServed,
		KeyEktpRecorded: in.EktpRecorded, KeyOutOfArea: in.OutOfArea}
	for _, r := range Reasons {
		m[FailureField(r.Key)] = in.Failures[r.Key]
	}
	return m
}

func knownReason(key string) bool {
	for _, r := range Reasons {
		if r.Key == key {
			return true
		}
	}
	return false
}

// What a result's counts must satisfy together. The result form shows the
// same messages live (static/js/app.js reads them from the form).
const (
	MsgOverServed               = "Jumlah aktivasi dan kendala melebihi jumlah warga yang dilayani."
	MsgEktpOverServed           = "Perekaman KTP-el tidak boleh melebihi jumlah warga yang dilayani."
	MsgOutOfAreaOverActivations = "Warga luar wilayah adalah bagian dari aktivasi: tidak boleh melebihi jumlah aktivasi."
)

var uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// Validate checks the input; messages are keyed by the API's field names.
func (in *Input) Validate() error {
	in.ClientID = strings.ToLower(strings.TrimSpace(in.ClientID))
	var f apperr.Fields
	if !uuidPattern.MatchString(in.ClientID) {
		f.Add("client_id", "client_id harus UUID.")
	}
	if in.VisitID <= 0 {
		f.Add("visit_id", "Pilih kunjungan.")
	}
	in.Check(&f)
	return f.Err()
}

// Check trims the note and adds a message to f for every count out of range
// and every rule the counts break together.
func (in *Outcome) Check(f *apperr.Fields) {
	in.Notes = text.Clean(strings.TrimSpace(in.Notes))
	bad := len(*f)
	count := func(field string, n int64) {
		if n < 0 || n > MaxCount {
			f.Add(field, "Isi dengan angka bulat 0 sampai 100.000.")
		}
	}
	count(KeyActivations, in.Activations)
	count(KeyPeopleServed, in.PeopleServed)
	count(KeyEktpRecorded, in.EktpRecorded)
	count(KeyOutOfArea, in.OutOfArea)
	var failed int64
	for k, n := range in.Failures {
		if !knownReason(k) {
			f.Add("failures."+k, "Jenis kendala tidak dikenal.")
			continue
		}
		count("failures."+k, n)
		failed += n
	}
	if len(*f) == bad {
		if in.Activations+failed > in.PeopleServed {
			f.Add(KeyPeopleServed, MsgOverServed)
		}
		if in.EktpRecorded > in.PeopleServed {
			f.Add(KeyEktpRecorded, MsgEktpOverServed)
		}
		if in.OutOfArea > in.Activations {
			f.Add(KeyOutOfArea, MsgOutOfAreaOverActivations)
		}
	}
	if utf8.RuneCountInString(in.Notes) > 2000 {
		f.Add("notes", "Catatan maksimal 2000 karakter.")
	}
	if msg := pii.Check(in.Notes, true); msg != "" {
		f.Add("notes", msg)
	}
	in.OutOfAreaHome = strings.TrimSpace(in.OutOfAreaHome)
	if in.OutOfAreaHome != "" {
		if !region.IsKabKota(in.OutOfAreaHome) {
			f.Add(KeyOutOfAreaHome, "Pilih kabupaten/kota asal warga dari daftar.")
		} else if in.OutOfArea == 0 {
			f.Add(KeyOutOfAreaHome, "Asal warga luar wilayah hanya diisi bila ada warga luar wilayah.")
		}
	}
}

// Input returns the stored values as an input, to pre-fill a correction.
func (r Result) Input() Input {
	return Input{ClientID: r.ClientID, VisitID: r.VisitID, Outcome: Outcome{Activations: r.Activations, PeopleServed: r.PeopleServed,
		EktpRecorded: r.EktpRecorded, OutOfArea: r.OutOfArea, Failures: r.Failures(), Notes: r.Notes, OutOfAreaHome: r.OutOfAreaHome}}
}

// sameAs reports whether the input holds exactly r's counts and notes.
func (in Input) sameAs(r Result) bool {
	return maps.Equal(in.Fields(), r.Input().Fields()) && in.Notes == r.Notes && in.OutOfAreaHome == r.OutOfAreaHome
}

func (in Input) apply(r *Result) {
	r.VisitID, r.ClientID, r.Notes = in.VisitID, in.ClientID, in.Notes
	r.Activations, r.PeopleServed, r.EktpRecorded, r.OutOfArea, r.OutOfAreaHome = in.Activations, in.PeopleServed, in.EktpRecorded, in.OutOfArea, in.OutOfAreaHome
	f := in.Failures
	r.FailNoAndroid, r.FailNoSignal, r.FailNoEmail = f["no_android"], f["no_signal"], f["no_email"]
	r.FailIncompatiblePhone, r.FailDataProblem, r.FailRefused, r.FailOther = f["incompatible_phone"], f["data_problem"], f["refused"], f["other"]
}
