package render

import (
	"github.com/paulmach/orb"
)

// drawSitePlots outlines the plots sites were placed on (data.Site.Plot)
// thinly in the site's level colour, over the catchments and under the
// markers, through the painter (vector paths in PDF exports).
func drawSitePlots(p Painter, sc *Scene, v View, off [2]float64) {
	op := sc.Layers[Sites].Opacity
	w := 1.5 * v.sym()
	for i := range sc.Sites {
		s := &sc.Sites[i]
		if len(s.Plot) == 0 || !s.Located {
			continue
		}
		c := fade(withAlpha(StyleOf(s.Level).Fill, 230), op)
		for _, poly := range s.Plot {
			for _, r := range poly {
				if pts := plotRing(v, r, off); len(pts) > 2 {
					p.Stroke(c, w, true, pts)
				}
			}
		}
	}
}

// plotRing is r in painter pixels, without the closing point.
func plotRing(v View, r orb.Ring, off [2]float64) [][2]float64 {
	if len(r) > 1 && r[0] == r[len(r)-1] {
		r = r[:len(r)-1]
	}
	pts := make([][2]float64, len(r))
	for i, q := range r {
		x, y := v.World(q)
		pts[i] = [2]float64{x - off[0], y - off[1]}
	}
	return pts
}
