package geo

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
	"github.com/paulmach/orb/project"
)

// ellipsoidCellArea is the exact area of a lon/lat cell on the WGS-84
// ellipsoid (closed form via the authalic latitude function q).
func ellipsoidCellArea(lon0, lat0, lon1, lat1 float64) float64 {
	e := math.Sqrt(wgsE2)
	q := func(deg float64) float64 {
		s := math.Sin(deg * math.Pi / 180)
		return (1 - wgsE2) * (s/(1-wgsE2*s*s) - 1/(2*e)*math.Log((1-e*s)/(1+e*s)))
	}
	return wgsA * wgsA / 2 * (q(lat1) - q(lat0)) * (lon1 - lon0) * math.Pi / 180
}

func TestAlbersAreaIsEllipsoidal(t *testing.T) {
	for _, c := range [][4]float64{{113.2, 23.05, 113.25, 23.1}, {113.0, 22.6, 113.9, 23.8}, {113.24, 23.11, 113.2401, 23.1101}} {
		// A lon/lat cell's edges along parallels are arcs, not straight in
		// the projection: densify them.
		var r orb.Ring
		for i := 0; i <= 200; i++ {
			r = append(r, orb.Point{c[0] + (c[2]-c[0])*float64(i)/200, c[1]})
		}
		for i := 0; i <= 200; i++ {
			r = append(r, orb.Point{c[2] - (c[2]-c[0])*float64(i)/200, c[3]})
		}
		r = append(r, r[0])
		got := areaM2(orb.MultiPolygon{{r}})
		want := ellipsoidCellArea(c[0], c[1], c[2], c[3])
		if math.Abs(got-want)/want > 1e-5 {
			t.Errorf("cell %v: %.3f m², exact %.3f m²", c, got, want)
		}
	}
	holed := orb.MultiPolygon{{{{113.2, 23.0}, {113.3, 23.0}, {113.3, 23.1}, {113.2, 23.1}, {113.2, 23.0}},
		{{113.22, 23.02}, {113.24, 23.02}, {113.24, 23.04}, {113.22, 23.04}, {113.22, 23.02}}}}
	outer := areaM2(orb.MultiPolygon{holed[0][:1]})
	hole := areaM2(orb.MultiPolygon{{holed[0][1]}})
	if got := areaM2(holed); math.Abs(got-(outer-hole)) > 1e-6*outer {
		t.Errorf("hole not subtracted: %.1f vs %.1f", got, outer-hole)
	}
}

func TestAlbersInverse(t *testing.T) {
	for _, p := range []orb.Point{{113.25, 23.1}, {113.0, 22.6}, {113.9, 23.8}, {113.2295, 23.1167}} {
		q := LiwanAlbers.Inverse(LiwanAlbers.Forward(p))
		if math.Abs(q[0]-p[0]) > 1e-10 || math.Abs(q[1]-p[1]) > 1e-10 {
			t.Errorf("%v -> %v", p, q)
		}
	}
}

// areaM2 is how callers measure: project with orb, then the planar area.
func areaM2(mp orb.MultiPolygon) float64 {
	return planar.Area(project.MultiPolygon(mp.Clone(), LiwanAlbers.Forward))
}
