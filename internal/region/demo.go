package region

import (
	"cmp"
	"hash/fnv"
	"slices"
)

// Published totals for Kabupaten Rejang Lebong that DemoFigures spreads over
// the desa. Only the totals are real; every per-desa number is made up.
const (
	DemoRecordedTotal  = 202820 // published e-KTP recorded, Kabupaten Rejang Lebong
	DemoActivatedTotal = 10425  // published IKD activated
)

// DemoFigure is a made-up population figure of one desa, for demonstrations.
type DemoFigure struct {
	DesaCode  string
	WajibKTP  int64
	Recorded  int64
	Activated int64
}

// DemoTotals are the e-KTP recorded and IKD activated a demo spreads over an area.
type DemoTotals struct{ Recorded, Activated int64 }

// KotaBengkuluTotals: 12,393 IKD is published; the recorded e-KTP is the
// published target of 67,802 taken back from 30%, so the demo's figures and
// target agree with the news.
var KotaBengkuluTotals = DemoTotals{Recorded: 226006, Activated: 12393}

// DemoFigures spreads Rejang Lebong's DemoRecordedTotal and DemoActivatedTotal
// over desa; see DemoFiguresOf.
func DemoFigures(desa []Region) []DemoFigure {
	return DemoFiguresOf(desa, DemoTotals{Recorded: DemoRecordedTotal, Activated: DemoActivatedTotal})
}

// DemoFiguresOf spreads the totals over the LevelDesa entries of desa (others
// are ignored), in their order, so that the sums are exactly the totals. The numbers are plausible but invented:
//
//   - a kelurahan (urban) weighs 2.5× a rural desa, and a hash of the code
//     moves every weight within ±40%;
//   - the IKD rate is picked per desa between 2.2% and 6% (rural) or 5% and 10%
//     (urban), then scaled so the total comes out exact;
//   - wajib KTP is recorded × 1.03..1.08, rounded half up.
//
// Everything is derived from the codes, never from the clock, so two calls
// give the same result. Each desa gets Recorded > 0 (as long as there are
// fewer desa than the recorded total) and Activated <= Recorded.
func DemoFiguresOf(desa []Region, totals DemoTotals) []DemoFigure {
	var rs []Region
	for _, r := range desa {
		if r.Level == LevelDesa {
			rs = append(rs, r)
		}
	}
	if len(rs) == 0 {
		return nil
	}
	n := int64(len(rs))

	popW := make([]int64, n)
	for i, r := range rs {
		base := int64(1000)
		if r.Kind == KindKelurahan {
			base = 2500
		}
		popW[i] = base * between(r.Code, "pop", 60, 140) // percent: ±40%
	}
	// One recorded person each up front, so no desa ends up empty.
	reserve := min(n, totals.Recorded)
	recorded := apportion(totals.Recorded-reserve, popW)

	ikdW := make([]int64, n)
	for i, r := range rs {
		if i < int(reserve) {
			recorded[i]++
		}
		lo, hi := int64(220), int64(600) // basis points
		if r.Kind == KindKelurahan {
			lo, hi = 500, 1000
		}
		ikdW[i] = recorded[i] * between(r.Code, "ikd", lo, hi)
	}
	activated := apportion(totals.Activated, ikdW)

	out := make([]DemoFigure, n)
	for i, r := range rs {
		ratio := between(r.Code, "wktp", 10300, 10800) // per 10000
		out[i] = DemoFigure{
			DesaCode:  r.Code,
			WajibKTP:  (recorded[i]*ratio + 5000) / 10000,
			Recorded:  recorded[i],
			Activated: activated[i],
		}
	}
	return out
}

// between returns a number in [lo, hi] fixed by code and salt.
func between(code, salt string, lo, hi int64) int64 {
	h := fnv.New64a()
	h.Write([]byte(salt + "|" + code))
	return lo + int64(h.Sum64()%uint64(hi-lo+1))
}

// apportion splits total over weights by the largest-remainder method: every
// part gets the floor of its share, then the units left over go one each to
// the largest remainders (ties to the earlier index). The parts sum to
// exactly total when some weight is positive; all zero weights give all zeros.
func apportion(total int64, weights []int64) []int64 {
	var sum int64
	for _, w := range weights {
		sum += w
	}
	parts := make([]int64, len(weights))
	if sum <= 0 {
		return parts
	}
	rem := make([]int64, len(weights))
	left := total
	for i, w := range weights {
		parts[i] = total * w / sum
		rem[i] = total * w % sum
		left -= parts[i]
	}
	order := make([]int, len(weights))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(rem[b], rem[a]) })
	for _, i := range order[:left] {
		parts[i]++
	}
	return parts
}
