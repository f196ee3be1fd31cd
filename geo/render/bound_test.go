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

// TestContentBoundHoldsBoundaries: imported subdistricts that show are
// inside the "all projects" extent, also where no site is near them;
// hidden ones do not widen it.
func TestContentBoundHoldsBoundaries(t *testing.T) {
	sc := testScene(t)
	far := orb.Bound{Min: orb.Point{113.10, 23.00}, Max: orb.Point{113.15, 23.03}}
	sc.Zones = []Zone{{Name: "远处", Boundary: orb.MultiPolygon{far.ToPolygon()}}}
	b, ok := ContentBound(sc, 0)
	if !ok || !b.Contains(far.Min) || !b.Contains(far.Max) {
		t.Errorf("extent %v leaves out the boundary %v", b, far)
	}
	sc.Layers[Subdistricts].On = false
	if b, _ := ContentBound(sc, 0); b.Contains(far.Min) {
		t.Errorf("extent %v holds a hidden boundary", b)
	}
}
