package network

import (
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// Mask is a raster of the union: Fill[j*NX+i] is true when the centre of
// cell (i, j) lies inside. Row 0 is the bottom (smallest y).
type Mask struct {
	X0, Y0, Cell float64
	NX, NY       int
	Fill         []bool
}

// Rasterize samples the union at the centres of square cells of side
// cell, exactly (from the chords of each row of centres).
func (c *Capsules) Rasterize(cell float64) Mask {
	b := c.bound
	m := Mask{X0: b.Min[0], Y0: b.Min[1], Cell: cell}
	if c.Empty() {
		return m
	}
	m.NX = int(math.Ceil((b.Max[0]-b.Min[0])/cell)) + 1
	m.NY = int(math.Ceil((b.Max[1]-b.Min[1])/cell)) + 1
	m.Fill = make([]bool, m.NX*m.NY)
	for j := 0; j < m.NY; j++ {
		for _, iv := range c.Chords(m.Y0 + (float64(j)+0.5)*cell) {
			i0 := max(0, int(math.Ceil((iv[0]-m.X0)/cell-0.5)))
			i1 := min(m.NX-1, int(math.Floor((iv[1]-m.X0)/cell-0.5)))
			for i := i0; i <= i1; i++ {
				m.Fill[j*m.NX+i] = true
			}
		}
	}
	return m
}

func (m Mask) at(i, j int) bool {
	return i >= 0 && j >= 0 && i < m.NX && j < m.NY && m.Fill[j*m.NX+i]
}

// Polygon traces the union's cell mask to rings (cell edges, collinear
// vertices dropped): every boundary point lies within one cell diagonal
// of the true boundary, and the area is the cell-centre sample of the
// true area. Outer rings are counter-clockwise, holes clockwise; the
// result is in the capsules' projected metres.
func (c *Capsules) Polygon(cell float64) orb.MultiPolygon {
	m := c.Rasterize(cell)
	rings := m.trace()
	var outers []orb.Polygon
	var holes []orb.Ring
	for _, r := range rings {
		if planar.Area(r) > 0 {
			outers = append(outers, orb.Polygon{r})
		} else {
			holes = append(holes, r)
		}
	}
	for _, h := range holes {
		if k := smallestContaining(outers, holeProbe(h, cell)); k >= 0 {
			outers[k] = append(outers[k], h)
		}
	}
	return orb.MultiPolygon(outers)
}

// holeProbe is a point inside the filled cell left of the hole's first
// edge (holes run clockwise with the filled side on their left).
func holeProbe(h orb.Ring, cell float64) orb.Point {
	a, b := h[0], h[1]
	dx, dy := b[0]-a[0], b[1]-a[1]
	l := math.Hypot(dx, dy)
	return orb.Point{(a[0]+b[0])/2 - dy/l*cell/4, (a[1]+b[1])/2 + dx/l*cell/4}
}

func smallestContaining(outers []orb.Polygon, p orb.Point) int {
	best, bestA := -1, math.Inf(1)
	for k, o := range outers {
		if a := planar.Area(o[0]); a < bestA && planar.RingContains(o[0], p) {
			best, bestA = k, a
		}
	}
	return best
}

// trace links the cell edges between filled and empty cells into closed
// rings, filled side on the left; at a vertex where two filled cells meet
// only diagonally it turns right, so such cells get separate rings.
func (m Mask) trace() []orb.Ring {
	type v = vtx
	next := map[v][]v{}
	for j := 0; j < m.NY; j++ {
		for i := 0; i < m.NX; i++ {
			if !m.at(i, j) {
				continue
			}
			if !m.at(i, j-1) {
				next[v{i, j}] = append(next[v{i, j}], v{i + 1, j})
			}
			if !m.at(i+1, j) {
				next[v{i + 1, j}] = append(next[v{i + 1, j}], v{i + 1, j + 1})
			}
			if !m.at(i, j+1) {
				next[v{i + 1, j + 1}] = append(next[v{i + 1, j + 1}], v{i, j + 1})
			}
			if !m.at(i-1, j) {
				next[v{i, j + 1}] = append(next[v{i, j + 1}], v{i, j})
			}
		}
	}
	var rings []orb.Ring
	pt := func(a v) orb.Point { return orb.Point{m.X0 + float64(a.i)*m.Cell, m.Y0 + float64(a.j)*m.Cell} }
	for j := 0; j <= m.NY; j++ {
		for i := 0; i <= m.NX; i++ {
			start := v{i, j}
			for len(next[start]) > 0 {
				var ring orb.Ring
				prev, cur := start, start
				for {
					outs := next[cur]
					k := 0
					if len(outs) == 2 {
						k = rightTurn(prev, cur, outs)
					}
					nxt := outs[k]
					next[cur] = append(outs[:k:k], outs[k+1:]...)
					if len(next[cur]) == 0 {
						delete(next, cur)
					}
					ring = appendVertex(ring, pt(cur))
					prev, cur = cur, nxt
					if cur == start {
						break
					}
				}
				rings = append(rings, closeRing(ring))
			}
		}
	}
	return rings
}

// vtx is a cell corner.
type vtx struct{ i, j int }

// rightTurn picks the outgoing edge that turns right from prev→cur.
func rightTurn(prev, cur vtx, outs []vtx) int {
	dx, dy := cur.i-prev.i, cur.j-prev.j
	for k, o := range outs {
		if ox, oy := o.i-cur.i, o.j-cur.j; dx*oy-dy*ox < 0 {
			return k
		}
	}
	return 0
}

// appendVertex drops the middle of three collinear vertices.
func appendVertex(r orb.Ring, p orb.Point) orb.Ring {
	if n := len(r); n >= 2 {
		a, b := r[n-2], r[n-1]
		if (b[0]-a[0])*(p[1]-b[1])-(b[1]-a[1])*(p[0]-b[0]) == 0 {
			r[n-1] = p
			return r
		}
	}
	return append(r, p)
}

func closeRing(r orb.Ring) orb.Ring {
	for len(r) >= 3 {
		a, b, p := r[len(r)-2], r[len(r)-1], r[0]
		if (b[0]-a[0])*(p[1]-b[1])-(b[1]-a[1])*(p[0]-b[0]) != 0 {
			break
		}
		r = r[:len(r)-1]
	}
	return append(r, r[0])
}

// ToWGS84 maps a projected multipolygon back to WGS-84.
func (g *Graph) ToWGS84(mp orb.MultiPolygon) orb.MultiPolygon {
	out := make(orb.MultiPolygon, len(mp))
	for i, poly := range mp {
		out[i] = make(orb.Polygon, len(poly))
		for j, r := range poly {
			out[i][j] = make(orb.Ring, len(r))
			for k, p := range r {
				out[i][j][k] = g.Proj.Inverse(p)
			}
		}
	}
	return out
}
