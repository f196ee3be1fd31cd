package network

import (
	"math"

	"github.com/paulmach/orb"
)

// FarSnap is the snap distance (metres) beyond which a site is flagged as
// far from the network; it is still snapped, never dropped.
const FarSnap = 200.0

// edgeGrid is a uniform grid of edge indices over the projected plane.
type edgeGrid struct {
	size         float64
	x0, y0       float64
	nx, ny       int
	start, items []int32
}

func newEdgeGrid(g *Graph, size float64) *edgeGrid {
	b := orb.Bound{Min: g.xy[0], Max: g.xy[0]}
	for _, p := range g.xy {
		b = b.Extend(p)
	}
	// at most 1024 cells a side: a stray line far away must not make the
	// grid huge (searches then visit more edges per cell, nothing else)
	size = math.Max(size, math.Max(b.Max[0]-b.Min[0], b.Max[1]-b.Min[1])/1024)
	eg := &edgeGrid{size: size, x0: b.Min[0], y0: b.Min[1]}
	eg.nx = int((b.Max[0]-b.Min[0])/size) + 1
	eg.ny = int((b.Max[1]-b.Min[1])/size) + 1
	counts := make([]int32, eg.nx*eg.ny+1)
	eg.each(g, func(c int, _ int32) { counts[c+1]++ })
	for i := 1; i < len(counts); i++ {
		counts[i] += counts[i-1]
	}
	eg.start = counts
	eg.items = make([]int32, counts[len(counts)-1])
	fill := append([]int32(nil), counts[:len(counts)-1]...)
	eg.each(g, func(c int, e int32) { eg.items[fill[c]] = e; fill[c]++ })
	return eg
}

// each calls f for every (cell, edge) whose bounding boxes overlap.
func (eg *edgeGrid) each(g *Graph, f func(c int, e int32)) {
	for e := range g.EU {
		a, b := g.xy[g.EU[e]], g.xy[g.EV[e]]
		i0, j0 := eg.cellOf(math.Min(a[0], b[0]), math.Min(a[1], b[1]))
		i1, j1 := eg.cellOf(math.Max(a[0], b[0]), math.Max(a[1], b[1]))
		for j := j0; j <= j1; j++ {
			for i := i0; i <= i1; i++ {
				f(j*eg.nx+i, int32(e))
			}
		}
	}
}

// cellOf clamps to the grid.
func (eg *edgeGrid) cellOf(x, y float64) (int, int) {
	i := int(math.Floor((x - eg.x0) / eg.size))
	j := int(math.Floor((y - eg.y0) / eg.size))
	return min(max(i, 0), eg.nx-1), min(max(j, 0), eg.ny-1)
}

// visit calls f for the edges of cells overlapping the square of half
// side r around p (an edge may come more than once).
func (eg *edgeGrid) visit(p orb.Point, r float64, f func(e int32)) {
	i0, j0 := eg.cellOf(p[0]-r, p[1]-r)
	i1, j1 := eg.cellOf(p[0]+r, p[1]+r)
	for j := j0; j <= j1; j++ {
		for i := i0; i <= i1; i++ {
			c := j*eg.nx + i
			for _, e := range eg.items[eg.start[c]:eg.start[c+1]] {
				f(e)
			}
		}
	}
}

// Snap is where a point meets the network: edge Edge at fraction T from
// its first node EU[Edge], at straight-line distance Dist metres.
type Snap struct {
	Edge  int
	T     float64
	Dist  float64
	Point orb.Point // WGS-84 foot of the perpendicular
	Far   bool      // Dist > FarSnap
	OK    bool      // false: no edge within maxDist
}

// project returns the fraction along a–b of the foot of p, clamped, and
// the distance from p to it.
func project(a, b, p orb.Point) (t, d float64) {
	dx, dy := b[0]-a[0], b[1]-a[1]
	l2 := dx*dx + dy*dy
	if l2 > 0 {
		t = math.Min(1, math.Max(0, ((p[0]-a[0])*dx+(p[1]-a[1])*dy)/l2))
	}
	return t, math.Hypot(a[0]+t*dx-p[0], a[1]+t*dy-p[1])
}

// SnapPoint finds the nearest edge to p (WGS-84) within maxDist metres,
// searching outwards ring by ring of the grid.
func (g *Graph) SnapPoint(p orb.Point, maxDist float64) Snap {
	xy := g.Proj.Forward(p)
	best := Snap{Dist: math.Inf(1)}
	for r := g.index.size; ; r *= 2 {
		g.index.visit(xy, math.Min(r, maxDist), func(e int32) {
			t, d := project(g.xy[g.EU[e]], g.xy[g.EV[e]], xy)
			if d < best.Dist || (d == best.Dist && int(e) < best.Edge) {
				best = Snap{Edge: int(e), T: t, Dist: d, OK: true}
			}
		})
		if best.Dist <= r || r >= maxDist {
			break
		}
	}
	if !best.OK || best.Dist > maxDist {
		return Snap{Dist: math.Inf(1)}
	}
	best.Far = best.Dist > FarSnap
	best.Point = g.Proj.Inverse(g.pointOn(best.Edge, best.T))
	return best
}

// pointOn is the projected point at fraction t of edge e.
func (g *Graph) pointOn(e int, t float64) orb.Point {
	a, b := g.xy[g.EU[e]], g.xy[g.EV[e]]
	return orb.Point{a[0] + t*(b[0]-a[0]), a[1] + t*(b[1]-a[1])}
}
