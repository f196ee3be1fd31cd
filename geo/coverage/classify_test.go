package coverage

import (
	"math"
	"testing"
)

func TestBreaksAndClasses(t *testing.T) {
	v := []float64{1, 2, 3, 4, 5, 6, 7, 8, math.NaN(), 9, 10}
	q := Breaks(v, Quantiles, 5, nil)
	if len(q) != 4 || q[0] != 3 || q[3] != 9 {
		t.Errorf("quantile breaks %v", q)
	}
	e := Breaks(v, EqualInterval, 3, nil)
	if len(e) != 2 || e[0] != 4 || e[1] != 7 {
		t.Errorf("equal breaks %v", e)
	}
	if f := Breaks(v, Fixed, 0, []float64{100, 0, 5}); len(f) != 1 || f[0] != 5 { // the empty classes < 0 and ≥ 100 merge
		t.Errorf("fixed %v", f)
	}
	for x, want := range map[float64]int{0: 0, 3: 1, 3.5: 1, 9: 4, 100: 4} {
		if got := Class(x, q); got != want {
			t.Errorf("Class(%g) = %d, want %d", x, got, want)
		}
	}
	if Class(math.NaN(), q) != -1 {
		t.Error("NaN must have no class")
	}
	if p := Palette(MeasureGap, 5); len(p) != 5 || p[0] == p[4] {
		t.Errorf("palette %v", p)
	}
	if !IsGap(Row{Gap: 5}) || IsGap(Row{Gap: -5}) || !IsGap(Row{Gap: math.NaN(), AreaCovered: 0.2}) || IsGap(Row{Gap: math.NaN(), AreaCovered: math.NaN()}) {
		t.Error("IsGap")
	}
}
