package geo

import "github.com/paulmach/orb"

// Voronoi returns the cell of each site inside the convex polygon clip:
// the points of clip nearer to that site than to any other. Coordinates are
// planar (use projected pixels or metres, not degrees). Cells are built by
// clipping clip with the bisector half-plane of every other site, O(n²),
// which is plenty for the tens of sites of one level. Duplicate sites share
// their cell's area: the first keeps it, later duplicates get none.
func Voronoi(sites []orb.Point, clip orb.Ring) []orb.Ring {
	cells := make([]orb.Ring, len(sites))
	for i, p := range sites {
		cell := openRing(clip)
		for j, q := range sites {
			if i == j || len(cell) == 0 {
				continue
			}
			if p == q {
				if j < i {
					cell = nil
				}
				continue
			}
			cell = clipHalfPlane(cell, p, q)
		}
		if len(cell) >= 3 {
			cells[i] = append(cell, cell[0])
		}
	}
	return cells
}

func openRing(r orb.Ring) []orb.Point {
	out := append([]orb.Point(nil), r...)
	if len(out) > 1 && out[0] == out[len(out)-1] {
		out = out[:len(out)-1]
	}
	return out
}

// clipHalfPlane keeps the part of polygon poly nearer to p than to q
// (Sutherland–Hodgman against the perpendicular bisector).
func clipHalfPlane(poly []orb.Point, p, q orb.Point) []orb.Point {
	// Inside when (x - m)·(q - p) <= 0, m the midpoint.
	m := orb.Point{(p[0] + q[0]) / 2, (p[1] + q[1]) / 2}
	d := orb.Point{q[0] - p[0], q[1] - p[1]}
	side := func(x orb.Point) float64 { return (x[0]-m[0])*d[0] + (x[1]-m[1])*d[1] }
	var out []orb.Point
	for k := range poly {
		a, b := poly[k], poly[(k+1)%len(poly)]
		sa, sb := side(a), side(b)
		if sa <= 0 {
			out = append(out, a)
		}
		if (sa < 0 && sb > 0) || (sa > 0 && sb < 0) {
			t := sa / (sa - sb)
			out = append(out, orb.Point{a[0] + t*(b[0]-a[0]), a[1] + t*(b[1]-a[1])})
		}
	}
	return out
}
