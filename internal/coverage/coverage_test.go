package coverage_test

import (
	"math"
	"testing"

	"jemputbola/internal/coverage"
)

func TestPctBP(t *testing.T) {
	tests := []struct {
		name        string
		part, whole int64
		want        int64
	}{
		{"Rejang Lebong", 10425, 202820, 514},
		{"exact eighth", 1, 8, 1250},
		{"third rounds down", 1, 3, 3333},
		{"two thirds round up", 2, 3, 6667},
		{"sixteenth", 1, 16, 625},
		{"below half bp", 1, 160000, 0},
		{"exactly half bp rounds up", 1, 20000, 1},
		{"just below half bp", 1, 20001, 0},
		{"exactly 1.5 bp rounds up", 3, 20000, 2},
		{"all", 5, 5, 10000},
		{"above whole", 3, 2, 15000},
		{"zero part", 0, 100, 0},
		{"zero whole", 5, 0, 0},
		{"negative whole", 5, -3, 0},
		{"negative part", -5, 3, 0},
	}
	for _, tt := range tests {
		if got := coverage.PctBP(tt.part, tt.whole); got != tt.want {
			t.Errorf("%s: PctBP(%d, %d) = %d, want %d", tt.name, tt.part, tt.whole, got, tt.want)
		}
	}
}

func TestTargetCount(t *testing.T) {
	tests := []struct {
		recorded, targetBP, want int64
	}{
		{202820, 3000, 60846},
		{202821, 3000, 60847}, // 60846.3 rounds up
		{7, 3000, 3},          // 2.1 rounds up
		{10, 3000, 3},         // exact
		{1, 1, 1},             // 0.0001 still needs one person
		{100, 10000, 100},
		{0, 3000, 0},
		{-5, 3000, 0},
		{100, 0, 0},
	}
	for _, tt := range tests {
		if got := coverage.TargetCount(tt.recorded, tt.targetBP); got != tt.want {
			t.Errorf("TargetCount(%d, %d) = %d, want %d", tt.recorded, tt.targetBP, got, tt.want)
		}
	}
}

func TestGap(t *testing.T) {
	tests := []struct {
		activated, target, want int64
	}{
		{10425, 60846, 50421},
		{0, 0, 0},
		{60846, 60846, 0},
		{70000, 60846, 0},
		{5, 0, 0},
	}
	for _, tt := range tests {
		if got := coverage.Gap(tt.activated, tt.target); got != tt.want {
			t.Errorf("Gap(%d, %d) = %d, want %d", tt.activated, tt.target, got, tt.want)
		}
	}
}

func TestNewRow(t *testing.T) {
	tests := []struct {
		name     string
		f        coverage.Figures
		targetBP int64
		want     coverage.Row
	}{
		{
			name:     "Rejang Lebong",
			f:        coverage.Figures{WajibKTP: 210000, Recorded: 202820, Activated: 10425},
			targetBP: coverage.DefaultTargetBP,
			want:     coverage.Row{TargetBP: 3000, TargetCount: 60846, Gap: 50421, CoverageBP: 514},
		},
		{
			name:     "empty region",
			targetBP: 3000,
			want:     coverage.Row{TargetBP: 3000},
		},
		{
			name:     "nothing recorded but some activated",
			f:        coverage.Figures{Activated: 4},
			targetBP: 3000,
			want:     coverage.Row{TargetBP: 3000, TargetCount: 0, Gap: 0, CoverageBP: 0},
		},
		{
			name:     "activated above target",
			f:        coverage.Figures{WajibKTP: 110, Recorded: 100, Activated: 45},
			targetBP: 3000,
			want:     coverage.Row{TargetBP: 3000, TargetCount: 30, Gap: 0, CoverageBP: 4500},
		},
		{
			name:     "half bp coverage",
			f:        coverage.Figures{Recorded: 20000, Activated: 1},
			targetBP: 3000,
			want:     coverage.Row{TargetBP: 3000, TargetCount: 6000, Gap: 5999, CoverageBP: 1},
		},
	}
	for _, tt := range tests {
		tt.want.Figures = tt.f
		if got := coverage.NewRow(tt.f, tt.targetBP); got != tt.want {
			t.Errorf("%s: NewRow(%+v, %d) = %+v, want %+v", tt.name, tt.f, tt.targetBP, got, tt.want)
		}
	}
}

func TestFiguresAdd(t *testing.T) {
	tests := []struct {
		a, b, want coverage.Figures
	}{
		{coverage.Figures{}, coverage.Figures{}, coverage.Figures{}},
		{coverage.Figures{WajibKTP: 1, Recorded: 2, Activated: 3}, coverage.Figures{}, coverage.Figures{WajibKTP: 1, Recorded: 2, Activated: 3}},
		{coverage.Figures{WajibKTP: 10, Recorded: 9, Activated: 1}, coverage.Figures{WajibKTP: 5, Recorded: 4, Activated: 2}, coverage.Figures{WajibKTP: 15, Recorded: 13, Activated: 3}},
	}
	for _, tt := range tests {
		if got := tt.a.Add(tt.b); got != tt.want {
			t.Errorf("%+v.Add(%+v) = %+v, want %+v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestPctString(t *testing.T) {
	tests := []struct {
		bp   int64
		want string
	}{
		{0, "0.00"},
		{1, "0.01"},
		{50, "0.50"},
		{514, "5.14"},
		{3000, "30.00"},
		{10000, "100.00"},
		{123456, "1234.56"},
		{-514, "-5.14"},
		{math.MinInt64, "-92233720368547758.08"},
	}
	for _, tt := range tests {
		if got := coverage.PctString(tt.bp); got != tt.want {
			t.Errorf("PctString(%d) = %q, want %q", tt.bp, got, tt.want)
		}
	}
}
