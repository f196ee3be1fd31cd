package geo

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
)

func TestCapsuleChord(t *testing.T) {
	for _, tc := range []struct {
		name   string
		a, b   orb.Point
		r, y   float64
		lo, hi float64
		ok     bool
	}{
		{"through the axis", orb.Point{0, 0}, orb.Point{10, 0}, 2, 0, -2, 12, true},
		{"through the end discs", orb.Point{0, 0}, orb.Point{10, 0}, 2, 1, -math.Sqrt(3), 10 + math.Sqrt(3), true},
		{"above", orb.Point{0, 0}, orb.Point{10, 0}, 2, 2.5, 0, 0, false},
		{"vertical segment", orb.Point{0, 0}, orb.Point{0, 10}, 1, 5, -1, 1, true},
		{"a disc (circle)", orb.Point{3, 4}, orb.Point{3, 4}, 5, 4, -2, 8, true},
	} {
		lo, hi, ok := CapsuleChord(tc.a, tc.b, tc.r, tc.y)
		if ok != tc.ok || (ok && (math.Abs(lo-tc.lo) > 1e-9 || math.Abs(hi-tc.hi) > 1e-9)) {
			t.Errorf("%s: [%v, %v] %v", tc.name, lo, hi, ok)
		}
	}
	// a diagonal capsule against sampling: the chord ends are on the boundary
	a, b, r := orb.Point{0, 0}, orb.Point{30, 40}, 7.0
	for y := -6.5; y < 46; y += 3.7 {
		lo, hi, ok := CapsuleChord(a, b, r, y)
		if !ok {
			t.Fatalf("y=%v: no chord", y)
		}
		for _, x := range []float64{lo, hi} {
			if d := segDist(a, b, orb.Point{x, y}); math.Abs(d-r) > 1e-9 {
				t.Errorf("y=%v: chord end %v is %v from the segment, want %v", y, x, d, r)
			}
		}
	}
}

func segDist(a, b, p orb.Point) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	t := math.Max(0, math.Min(1, ((p[0]-a[0])*dx+(p[1]-a[1])*dy)/(dx*dx+dy*dy)))
	return math.Hypot(a[0]+t*dx-p[0], a[1]+t*dy-p[1])
}
