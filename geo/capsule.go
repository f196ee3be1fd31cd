package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// CapsuleChord is where the horizontal line y cuts the capsule of radius
// r around segment a–b (all points within r of it): the capsule is
// convex, the hull of its end discs and its rectangle, so the chord is
// one interval, exact.
func CapsuleChord(a, b orb.Point, r, y float64) (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	disc := func(p orb.Point) {
		if dy := y - p[1]; dy*dy <= r*r {
			h := math.Sqrt(r*r - dy*dy)
			lo, hi = math.Min(lo, p[0]-h), math.Max(hi, p[0]+h)
		}
	}
	disc(a)
	disc(b)
	dx, dy := b[0]-a[0], b[1]-a[1]
	if l := math.Hypot(dx, dy); l > 0 {
		nx, ny := -dy/l*r, dx/l*r
		q := [4]orb.Point{{a[0] + nx, a[1] + ny}, {b[0] + nx, b[1] + ny}, {b[0] - nx, b[1] - ny}, {a[0] - nx, a[1] - ny}}
		for k := 0; k < 4; k++ {
			p0, p1 := q[k], q[(k+1)%4]
			if (p0[1] <= y) != (p1[1] <= y) {
				x := p0[0] + (y-p0[1])/(p1[1]-p0[1])*(p1[0]-p0[0])
				lo, hi = math.Min(lo, x), math.Max(hi, x)
			}
		}
	}
	return lo, hi, lo <= hi
}
