package coverage_test

import (
	"fmt"
	"testing"

	"jemputbola/internal/coverage"
)

// TestQuartiles: areas short of the target split into four classes of about
// equal size however low they all are, the ones that reached it apart, and
// the legend names the bounds that split them.
func TestQuartiles(t *testing.T) {
	// 12 desa between 1% and 23% of their target, and 2 that reached it.
	var shares []int64
	for i := range 12 {
		shares = append(shares, int64(100+i*200))
	}
	shares = append(shares, 10000, 12000)
	c := coverage.Quartiles(shares)
	count := map[int]int{}
	for _, s := range shares {
		count[c.Of(s, 10000)]++
	}
	if fmt.Sprint(count) != "map[0:3 1:3 2:3 3:3 4:2]" {
		t.Fatalf("classes %v with breaks %v, want 3 in each and the 2 that reached it apart", count, c.Breaks)
	}
	legend := c.Legend()
	if len(legend) != 5 || legend[0].Label != "di bawah 7,00% dari target" || legend[1].Label != "7,00%–13,00% dari target" ||
		legend[4].Label != "target tercapai" || legend[4].Index != coverage.Reached {
		t.Errorf("legend %+v", legend)
	}
	// A desa without a target counts as reached; no class is empty in the legend.
	if c.Of(5, 0) != coverage.Reached {
		t.Error("no target: not reached")
	}
	same := coverage.Quartiles([]int64{500, 500, 500, 500})
	if l := same.Legend(); len(l) != 3 || l[0].Label != "di bawah 5,00% dari target" {
		t.Errorf("all desa at one share: legend %+v", l)
	}
	if l := coverage.Quartiles(nil).Legend(); len(l) != 2 {
		t.Errorf("no desa short of the target: legend %+v", l)
	}
}
