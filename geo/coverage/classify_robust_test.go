package coverage

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"
)

// classesOf counts the values in each class.
func classesOf(v, breaks []float64) []int {
	n := make([]int, len(breaks)+1)
	for _, x := range v {
		if k := Class(x, breaks); k >= 0 {
			n[k]++
		}
	}
	return n
}

func TestBreaksNoEmptyClass(t *testing.T) {
	tests := []struct {
		name   string
		v      []float64
		c      Classing
		k      int
		fixed  []float64
		wantNK int // number of classes
	}{
		{"duplicates at the bottom", []float64{0, 0, 0, 0, 0, 0, 1, 2}, Quantiles, 5, nil, 3},
		{"two distinct values", []float64{5, 5, 5, 9, 9}, Quantiles, 5, nil, 2},
		{"one value", []float64{7, 7, 7}, Quantiles, 5, nil, 1},
		{"gap in equal intervals", []float64{0, 1, 2, 100}, EqualInterval, 5, nil, 2},
		{"fixed breaks beyond the values", []float64{1, 2, 3}, Fixed, 0, []float64{-500, 0, 500}, 1},
		{"fixed breaks unsorted, doubled", []float64{-600, -100, 100, 600}, Fixed, 0, []float64{500, 0, -500, 0}, 4},
		{"absurd class count", []float64{1, 2, 3, 4}, Quantiles, math.MaxInt, nil, 4},
		{"NaN and Inf", []float64{math.NaN(), math.Inf(1), 1, 2}, EqualInterval, 3, nil, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b []float64
			within(t, 5*time.Second, func() { b = Breaks(tt.v, tt.c, tt.k, tt.fixed) })
			if !slices.IsSorted(b) || len(slices.Compact(slices.Clone(b))) != len(b) {
				t.Errorf("breaks %v not strictly increasing", b)
			}
			n := classesOf(tt.v, b)
			if len(n) != tt.wantNK || slices.Contains(n, 0) {
				t.Errorf("breaks %v give classes %v, want %d non-empty", b, n, tt.wantNK)
			}
		})
	}
}

// TestClassLabelsDoNotOverlap: each value is shown in exactly one label's
// range.
func TestClassLabelsDoNotOverlap(t *testing.T) {
	v := []float64{1, 2, 3, 3, 4, 5, 6, 7, 8, 9, 10}
	b := Breaks(v, Quantiles, 5, nil)
	labels := ClassLabels(v, b)
	if len(labels) != len(b)+1 {
		t.Fatalf("%d labels for %d breaks", len(labels), len(b))
	}
	for _, x := range []string{"3", "9"} {
		count := 0
		for _, l := range labels {
			for _, part := range strings.FieldsFunc(l, func(r rune) bool { return r == ' ' || r == '–' }) {
				if part == x {
					count++
				}
			}
		}
		if count > 1 {
			t.Errorf("%s appears in %d labels: %q", x, count, labels)
		}
	}
	if labels[0] != "1 – 2" {
		t.Errorf("first label %q", labels[0])
	}
}
