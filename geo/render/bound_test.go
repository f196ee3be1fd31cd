package render

import (
	"testing"

	"github.com/paulmach/orb"
	orbgeo "github.com/paulmach/orb/geo"
)

// TestContentBoundHoldsHalosAndCatchments: every halo and catchment of the
// default scene lies inside the "all sites" extent, with room to spare.
func TestContentBoundHoldsHalosAndCatchments(t *testing.T) {
	sc := testScene(t)
	b, ok := ContentBound(sc, 0.05)
	if !ok {
		t.Fatal("no bound for located sites")
	}
	inside := func(p orb.Point, r float64, what string) {
		for _, d := range []float64{0, 90, 180, 270} {
			q := orbgeo.PointAtBearingAndDistance(p, d, r*1.02)
			if !b.Contains(q) {
				t.Errorf("%s at %v (radius %.0f m) reaches beyond the extent", what, p, r)
				return
			}
		}
	}
	for _, s := range sc.Sites {
		if s.Located && s.Approximate() {
			inside(s.Location, s.PrecisionM, "halo of "+s.ID)
		}
	}
	for _, g := range catchments(sc) {
		for _, c := range g {
			inside(c.at, c.radius, "catchment")
		}
	}
	sc.Layers[Halos].On, sc.Layers[Catchments].On = false, false
	if small, _ := ContentBound(sc, 0.05); !b.Contains(small.Min) || small == b {
		t.Error("hidden halos and catchments still widen the extent")
	}
}
