package loadgen

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Latency percentiles in milliseconds.
type Latency struct {
	P50 float64 `json:"p50_ms"`
	P95 float64 `json:"p95_ms"`
	P99 float64 `json:"p99_ms"`
	Max float64 `json:"max_ms"`
}

// Report is a run's figures, for people (WriteText) and machines (JSON).
type Report struct {
	Prefix       string         `json:"prefix"`
	Tablets      int            `json:"tablets"`
	Readers      int            `json:"readers"`
	Seconds      float64        `json:"seconds"`
	Writes       int            `json:"writes"`         // attempted
	WritesPerSec float64        `json:"writes_per_sec"` // acknowledged per second
	Reads        int            `json:"reads"`          // answered
	ReadsPerSec  float64        `json:"reads_per_sec"`
	WriteLatency Latency        `json:"write_latency"`
	ReadLatency  Latency        `json:"read_latency"`
	Errors       map[string]int `json:"errors"`
	ErrorCount   int            `json:"error_count"`
	Created      int            `json:"created"`
	Replayed     int            `json:"replayed"`
	Acknowledged int            `json:"acknowledged"`
	Stored       int64          `json:"stored"`
	Missing      int            `json:"missing"`
	Duplicated   int            `json:"duplicated"`
	WrongVisit   int            `json:"wrong_visit"`
	Unexpected   int            `json:"unexpected"`
	Exhausted    int            `json:"tablets_out_of_visits"`
	OK           bool           `json:"ok"`
}

// NewReport sums an outcome and its verification up.
func NewReport(fx *Fixtures, readers int, o *Outcome, v Verification) Report {
	secs := o.Elapsed.Seconds()
	r := Report{Prefix: fx.Prefix, Tablets: len(fx.Tablets), Readers: readers, Seconds: secs,
		Writes: o.Created + o.Replayed + len(o.Unacked), Reads: len(o.ReadLatency),
		WriteLatency: percentiles(o.WriteLatency), ReadLatency: percentiles(o.ReadLatency),
		Errors: o.Errors, Created: o.Created, Replayed: o.Replayed, Acknowledged: len(o.Acked),
		Stored: v.Stored, Missing: len(v.Missing), Duplicated: len(v.Duplicated), WrongVisit: len(v.WrongVisit),
		Unexpected: len(v.Unexpected), Exhausted: o.Exhausted}
	if secs > 0 {
		r.WritesPerSec = float64(r.Acknowledged) / secs
		r.ReadsPerSec = float64(r.Reads) / secs
	}
	for _, n := range o.Errors {
		r.ErrorCount += n
	}
	r.OK = r.ErrorCount == 0 && v.Exact(r.Acknowledged)
	return r
}

// percentiles uses the nearest rank; ds is sorted in place.
func percentiles(ds []time.Duration) Latency {
	if len(ds) == 0 {
		return Latency{}
	}
	slices.Sort(ds)
	at := func(p float64) float64 {
		i := int(p*float64(len(ds))+0.999999) - 1
		return ms(ds[max(0, min(i, len(ds)-1))])
	}
	return Latency{P50: at(0.50), P95: at(0.95), P99: at(0.99), Max: ms(ds[len(ds)-1])}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// WriteJSON writes the report as one JSON object.
func (r Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteText writes the report for people, in Indonesian.
func (r Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Uji beban %s: %d tablet, %d pembaca, %s detik\n", r.Prefix, r.Tablets, r.Readers, dec(r.Seconds))
	fmt.Fprintf(&b, "Tulis  %s/detik  (%d dikirim, %d diakui: %d×201, %d×200)  latensi %s\n",
		dec(r.WritesPerSec), r.Writes, r.Acknowledged, r.Created, r.Replayed, r.WriteLatency)
	fmt.Fprintf(&b, "Baca   %s/detik  (%d)  latensi %s\n", dec(r.ReadsPerSec), r.Reads, r.ReadLatency)
	fmt.Fprintf(&b, "Galat  %d%s\n", r.ErrorCount, errorList(r.Errors))
	fmt.Fprintf(&b, "Tersimpan %d dari %d diakui (hilang %d, ganda %d, kunjungan salah %d, tidak diakui %d)\n",
		r.Stored, r.Acknowledged, r.Missing, r.Duplicated, r.WrongVisit, r.Unexpected)
	if r.Exhausted > 0 {
		fmt.Fprintf(&b, "Peringatan: %d tablet kehabisan kunjungan sebelum waktu habis; tambah -visits.\n", r.Exhausted)
	}
	if r.OK {
		b.WriteString("Hasil  LULUS\n")
	} else {
		b.WriteString("Hasil  GAGAL\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (l Latency) String() string {
	return fmt.Sprintf("p50 %s ms, p95 %s ms, p99 %s ms, maks %s ms", dec(l.P50), dec(l.P95), dec(l.P99), dec(l.Max))
}

func errorList(errs map[string]int) string {
	if len(errs) == 0 {
		return ""
	}
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(errs)) {
		parts = append(parts, fmt.Sprintf("%s: %d", k, errs[k]))
	}
	return "  (" + strings.Join(parts, ", ") + ")"
}

// dec formats f with one decimal and a decimal comma, as Indonesian readers expect.
func dec(f float64) string {
	return strings.Replace(strconv.FormatFloat(f, 'f', 1, 64), ".", ",", 1)
}
