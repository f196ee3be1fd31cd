package render

import (
	"math"

	"github.com/paulmach/orb"
)

// ContentBound is the ground the scene's located sites cover with
// everything drawn around them: every precision halo and every catchment
// that shows, and the imported subdistrict boundaries when they show,
// then a margin of frac of the larger side. False when no site is
// located and no boundary shows.
func ContentBound(sc *Scene, frac float64) (orb.Bound, bool) {
	var b orb.Bound
	found := false
	grow := func(p orb.Point, m float64) {
		dLat := m / 111320
		dLon := dLat / math.Cos(p[1]*math.Pi/180)
		c := orb.Bound{Min: orb.Point{p[0] - dLon, p[1] - dLat}, Max: orb.Point{p[0] + dLon, p[1] + dLat}}
		if !found {
			b, found = c, true
		}
		b = b.Union(c)
	}
	for i := range sc.Sites {
		s := &sc.Sites[i]
		if !s.Located {
			continue
		}
		grow(s.Location, 0)
		if sc.On(Halos) && s.Approximate() {
			grow(s.Location, s.PrecisionM)
		}
	}
	if sc.On(Catchments) {
		for _, g := range catchments(sc) {
			for _, c := range g {
				grow(c.at, c.radius)
			}
		}
	}
	if sc.On(Subdistricts) {
		for _, z := range sc.Zones {
			if zb := z.Boundary.Bound(); !zb.IsEmpty() || zb.Min != (orb.Point{}) {
				if !found {
					b, found = zb, true
				}
				b = b.Union(zb)
			}
		}
	}
	if !found {
		return b, false
	}
	m := frac * math.Max(b.Max[0]-b.Min[0], b.Max[1]-b.Min[1])
	return b.Pad(m), true
}
