// Package coverage is the one place where IKD (Identitas Kependudukan Digital)
// coverage is computed, so that every page, export and test agrees.
//
// Rounding rules:
//
//   - Percentages are carried as basis points in an int64: 1 bp = 0.01%,
//     10000 bp = 100%. Only integer arithmetic is used; no floats anywhere.
//   - Coverage is IKD activated as a share of e-KTP recorded, rounded half up
//     to a whole basis point (PctBP): 1 of 20000 = 0.5 bp → 1 bp,
//     1 of 3 = 3333.33 bp → 3333 bp. A whole of zero gives 0.
//   - The target count is rounded up (TargetCount): a target of 30% of 7
//     people is 3 people, since 2 would miss it.
//   - The gap is never negative (Gap): a region past its target has gap 0.
//
// Counts are expected to be non-negative and below about 4.6e14, so that
// count × 20000 fits in an int64.
package coverage

import (
	"strconv"
)

// DefaultTargetBP is the IKD target when none is set: 30% of e-KTP recorded.
const DefaultTargetBP = 3000

// PctBP returns part/whole in basis points, rounded half up; 0 when whole <= 0
// or part <= 0.
func PctBP(part, whole int64) int64 {
	if whole <= 0 || part <= 0 {
		return 0
	}
	// floor(part*10000/whole + 1/2), kept in integers by doubling both sides.
	return (2*part*10000 + whole) / (2 * whole)
}

// TargetCount returns ceil(recorded × targetBP / 10000); 0 when recorded or
// targetBP is not positive.
func TargetCount(recorded, targetBP int64) int64 {
	if recorded <= 0 || targetBP <= 0 {
		return 0
	}
	return (recorded*targetBP + 9999) / 10000
}

// Gap returns how many more activations reach target, never below 0.
func Gap(activated, target int64) int64 {
	return max(0, target-activated)
}

// Figures are the population counts of a region.
type Figures struct {
	WajibKTP  int64 // residents required to hold an e-KTP
	Recorded  int64 // e-KTP recorded
	Activated int64 // IKD activated
}

// Add returns the field-wise sum, for rolling desa up to kecamatan and kabupaten.
func (f Figures) Add(o Figures) Figures {
	return Figures{
		WajibKTP:  f.WajibKTP + o.WajibKTP,
		Recorded:  f.Recorded + o.Recorded,
		Activated: f.Activated + o.Activated,
	}
}

// Row is a region's figures with its target, gap and coverage.
type Row struct {
	Figures
	TargetBP    int64 // target share of Recorded, in basis points
	TargetCount int64 // activations needed to reach TargetBP
	Gap         int64 // activations still missing, >= 0
	CoverageBP  int64 // Activated as a share of Recorded, in basis points
}

// NewRow computes target, gap and coverage of f against targetBP.
func NewRow(f Figures, targetBP int64) Row {
	tc := TargetCount(f.Recorded, targetBP)
	return Row{
		Figures:     f,
		TargetBP:    targetBP,
		TargetCount: tc,
		Gap:         Gap(f.Activated, tc),
		CoverageBP:  PctBP(f.Activated, f.Recorded),
	}
}

// Target is an office's IKD target for a year: a share of recorded e-KTP in
// basis points or, when Count is above 0, an absolute number of activations
// (Kota Bengkulu's 67.802).
type Target struct {
	BP    int64
	Count int64
}

// DefaultTarget is the target of an office that set none.
var DefaultTarget = Target{BP: DefaultTargetBP}

// Row computes the office's own row: an absolute target is taken as it is.
func (t Target) Row(f Figures) Row {
	r := NewRow(f, t.ShareOf(f.Recorded))
	if t.Count > 0 {
		r.TargetCount, r.Gap = t.Count, Gap(f.Activated, t.Count)
	}
	return r
}

// ShareOf is the target as basis points of recorded: parts of an office
// (kecamatan, desa) carry an absolute target in proportion to their e-KTP.
func (t Target) ShareOf(recorded int64) int64 {
	if t.Count <= 0 {
		return t.BP
	}
	if recorded <= 0 {
		return 0
	}
	return (t.Count*10000 + recorded - 1) / recorded
}

// PctString formats basis points with a dot and two decimals, no % sign, for
// JSON and CSV: 514 → "5.14". The UI uses locale.Pct instead.
func PctString(bp int64) string {
	sign := ""
	u := uint64(bp)
	if bp < 0 {
		sign, u = "-", -u
	}
	frac := strconv.FormatUint(u%100+100, 10)[1:] // zero-padded to two digits
	return sign + strconv.FormatUint(u/100, 10) + "." + frac
}
