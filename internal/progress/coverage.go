package progress

import (
	"cmp"
	"slices"

	"jemputbola/internal/region"
)

// Coverage is the overview of every region with field activations included,
// and the field activity of each desa. Build it with NewCoverage so that its
// lookups by code work.
type Coverage struct {
	region.Overview
	Desa map[string]Desa
	// Homes counts, by the kab/kota where they live (when the operator knew
	// it), the residents served out of their own desa in this office's area.
	// A province reads it for its kab/kota; it is in no IKD figure.
	Homes map[string]int64

	kec  map[string]int    // kecamatan code → index in Kecamatan
	desa map[string][2]int // desa code → kecamatan index, index in Overview.Desa[kecamatan]
}

// NewCoverage joins an overview to the field activity of its desa and
// indexes both levels by code.
func NewCoverage(o region.Overview, desa map[string]Desa) Coverage {
	c := Coverage{Overview: o, Desa: desa, kec: make(map[string]int, len(o.Kecamatan)), desa: map[string][2]int{}}
	if c.Desa == nil {
		c.Desa = map[string]Desa{}
	}
	for i, k := range o.Kecamatan {
		c.kec[k.Code] = i
		for j, d := range o.Desa[k.Code] {
			c.desa[d.Code] = [2]int{i, j}
		}
	}
	return c
}

// KecamatanByCode returns the row of one kecamatan; false when code names none.
func (c Coverage) KecamatanByCode(code string) (region.Row, bool) {
	i, ok := c.kec[code]
	if !ok {
		return region.Row{}, false
	}
	return c.Kecamatan[i], true
}

// DesaByCode returns the row of one desa and of its kecamatan; false when code
// names no desa.
func (c Coverage) DesaByCode(code string) (desa, kecamatan region.Row, ok bool) {
	at, ok := c.desa[code]
	if !ok {
		return region.Row{}, region.Row{}, false
	}
	k := c.Kecamatan[at[0]]
	return c.Overview.Desa[k.Code][at[1]], k, true
}

// AllDesa lists every desa, kecamatan by kecamatan, each in code order.
func (c Coverage) AllDesa() []region.Row {
	var all []region.Row
	for _, k := range c.Kecamatan {
		all = append(all, c.Overview.Desa[k.Code]...)
	}
	return all
}

// FieldSplit splits the field activations counted on top of the official
// figures into those a ketua tim verified and those still unverified.
func (c Coverage) FieldSplit() (verified, unverified int64) {
	for _, d := range c.Desa {
		verified += d.Verified
		unverified += d.Field - d.Verified
	}
	return verified, unverified
}

// OutOfArea is the activations of residents of other desa, logged after the
// figures of the desa where they were served: real work, counted for no desa.
func (c Coverage) OutOfArea() int64 {
	var n int64
	for _, d := range c.Desa {
		n += d.OutOfArea
	}
	return n
}

// Desk is the activations of residents at the office's service points
// (loket) after their desa's figures, counted in those desa.
func (c Coverage) Desk() int64 {
	var n int64
	for _, d := range c.Desa {
		n += d.Desk
	}
	return n
}

// LargestGaps returns the n rows furthest from their target, the largest gap
// first and by code among equal gaps. rows is left as it is.
func LargestGaps(rows []region.Row, n int) []region.Row {
	rs := slices.Clone(rows)
	slices.SortFunc(rs, func(a, b region.Row) int {
		if r := cmp.Compare(b.Gap, a.Gap); r != 0 {
			return r
		}
		return cmp.Compare(a.Code, b.Code)
	})
	return rs[:min(max(n, 0), len(rs))]
}
