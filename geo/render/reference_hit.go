package render

import (
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// At returns the index of the layer's feature under frame pixel (x, y):
// a polygon containing it, or a line or point within 4 pixels; the top
// (last drawn) feature wins. False when nothing is there or the layer is
// hidden.
func (r *Reference) At(v View, x, y float64) (int, bool) {
	if r.Layer == nil || !r.Layer.Visible {
		return 0, false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.prepare(v.GCJ02)
	k := math.Exp2(float64(v.Zoom)) * v.ts()
	ox, oy := v.Origin()
	px, py := (ox+x)/k, (oy+y)/k
	tol := 4 / k
	hit := -1
	r.visible([2]float64{px - tol, py - tol}, [2]float64{px + tol, py + tol}, func(i int) {
		if r.feats[i].contains(px, py, tol) && i > hit {
			hit = i
		}
	})
	if hit < 0 {
		return 0, false
	}
	return r.feats[hit].src, true
}

func (f *refFeat) contains(x, y, tol float64) bool {
	switch f.kind {
	case 'P':
		var poly orb.Polygon
		for _, p := range f.parts {
			poly = append(poly, toRing(p))
		}
		return planar.PolygonContains(poly, orb.Point{x, y})
	case 'L':
		return lineNear(f.parts[0], x, y, tol)
	}
	p := f.parts[0][0]
	return math.Hypot(p[0]-x, p[1]-y) <= tol
}

func toRing(p [][2]float64) orb.Ring {
	r := make(orb.Ring, len(p))
	for i, q := range p {
		r[i] = orb.Point(q)
	}
	return r
}

func lineNear(p [][2]float64, x, y, tol float64) bool {
	for i := 0; i+1 < len(p); i++ {
		if planar.DistanceFromSegment(orb.Point(p[i]), orb.Point(p[i+1]), orb.Point{x, y}) <= tol {
			return true
		}
	}
	return false
}
