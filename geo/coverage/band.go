package coverage

import (
	"cmp"
	"math"
	"slices"
	"sort"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// band holds a multipolygon's edges sorted by their lower y, with the
// tallest edge's height, so the edges that may meet a horizontal band
// [lo, hi] are found by binary search: point-in-polygon and "within r of
// the boundary" cost O(log v + edges near the band), not O(v) each.
type band struct {
	segs  []seg // sorted by y0
	maxDY float64
}

type seg struct{ x0, y0, x1, y1 float64 } // y0 <= y1

func newBand(mp orb.MultiPolygon) *band {
	n := 0
	for _, poly := range mp {
		for _, r := range poly {
			n += len(r)
		}
	}
	b := &band{segs: make([]seg, 0, n)}
	for _, poly := range mp {
		for _, r := range poly {
			n := len(r)
			for i := 0; i < n; i++ {
				p, q := r[i], r[(i+1)%n]
				if i == n-1 && p == r[0] {
					break
				}
				if p[1] > q[1] {
					p, q = q, p
				}
				b.segs = append(b.segs, seg{p[0], p[1], q[0], q[1]})
				b.maxDY = math.Max(b.maxDY, q[1]-p[1])
			}
		}
	}
	slices.SortFunc(b.segs, func(a, c seg) int { return cmp.Compare(a.y0, c.y0) })
	return b
}

// near returns the edges whose y-range may meet [lo, hi].
func (b *band) near(lo, hi float64) []seg {
	i := sort.Search(len(b.segs), func(k int) bool { return b.segs[k].y0 >= lo-b.maxDY })
	j := sort.Search(len(b.segs), func(k int) bool { return b.segs[k].y0 > hi })
	if i >= j {
		return nil
	}
	return b.segs[i:j]
}

// contains is even–odd point-in-polygon with the scanline's rule: an edge
// counts on y0 <= y < y1; a point on a left edge is in, on a right edge
// out, so a point on a shared edge belongs to one side only.
func (b *band) contains(p orb.Point) bool {
	in := false
	for _, s := range b.near(p[1], p[1]) {
		if s.y0 <= p[1] && p[1] < s.y1 && s.x0+(p[1]-s.y0)/(s.y1-s.y0)*(s.x1-s.x0) <= p[0] {
			in = !in
		}
	}
	return in
}

// reaches reports whether the circle (p, r) overlaps the polygon.
func (b *band) reaches(p orb.Point, r float64) bool {
	if b.contains(p) {
		return true
	}
	for _, s := range b.near(p[1]-r, p[1]+r) {
		if planar.DistanceFromSegmentSquared(orb.Point{s.x0, s.y0}, orb.Point{s.x1, s.y1}, p) < r*r {
			return true
		}
	}
	return false
}
