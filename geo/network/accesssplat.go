package network

import (
	"math"

	"github.com/paulmach/orb"
)

// splat fills an accessibility raster from a finished search. A cell takes
// its last leg straight only from the streets whose leg is at most one
// cell longer than the leg to its nearest reached street, so water, rail
// or a wall with no street on it stays a barrier: the far bank of a river
// is reached over the bridge, not across the water.
//
// The nearest leg is found in two rounds: first within near (two cells),
// which settles almost every cell of a town; then, only in the blocks of
// blockCells × blockCells cells left unsettled, within maxOff. Cells of
// settled blocks can then only take streets within near plus one cell, so
// the walking distances are spread over that small box, and over the full
// box only in unsettled blocks.
type splat struct {
	r      *Raster
	g      *Graph
	s      *Search
	on     map[int32][]onEdge
	edges  []int32   // the edges a school reaches
	leg    []float32 // per cell, the straight leg to the nearest reached street (+Inf: none within maxOff)
	far    []bool    // per block: some cell's nearest leg is over near
	bw     int       // blocks per row
	maxOff float64
	near   float64 // the first round's reach, metres
	slack  float64 // how much longer than the nearest leg a leg may be
}

const blockCells = 8

func newSplat(r *Raster, g *Graph, s *Search, on map[int32][]onEdge, opt AccessOptions) *splat {
	sp := &splat{r: r, g: g, s: s, on: on, maxOff: opt.MaxOffset, slack: opt.Cell,
		near: math.Min(2*opt.Cell, opt.MaxOffset), bw: (r.W + blockCells - 1) / blockCells}
	sp.leg = make([]float32, len(r.Val))
	for i := range sp.leg {
		sp.leg[i] = float32(math.Inf(1))
	}
	sp.far = make([]bool, sp.bw*((r.H+blockCells-1)/blockCells))
	sp.edges = make([]int32, 0, len(g.EU))
	for e := range g.EU {
		if !math.IsInf(sp.reached(int32(e)), 1) {
			sp.edges = append(sp.edges, int32(e))
		}
	}
	return sp
}

// rows is band k of n: whole block rows, so bands share no block.
func (sp *splat) rows(k, n int) [2]int {
	bh := (sp.r.H + blockCells - 1) / blockCells
	return [2]int{min(sp.r.H, bh*k/n*blockCells), min(sp.r.H, bh*(k+1)/n*blockCells)}
}

// band fills the cells of rows.
func (sp *splat) band(rows [2]int) {
	reached := sp.edges
	for _, e := range reached {
		eg := sp.edge(e)
		sp.nearest(&eg, eg.box(sp.r, sp.near, rows))
	}
	sp.markFar(rows)
	for _, e := range reached {
		eg := sp.edge(e)
		sp.farBlocks(eg.box(sp.r, sp.maxOff, rows), func(c rect) { sp.nearest(&eg, c) })
	}
	for _, e := range reached {
		eg := sp.edge(e)
		sp.spread(&eg, eg.box(sp.r, math.Min(sp.near+sp.slack, sp.maxOff), rows))
		sp.farBlocks(eg.box(sp.r, sp.maxOff, rows), func(c rect) { sp.spread(&eg, c) })
	}
}

// reached is edge e's walking distance at its nearer end (or at a school
// on it); +Inf when no school reaches it.
func (sp *splat) reached(e int32) float64 {
	lower := math.Min(sp.s.Dist[sp.g.EU[e]], sp.s.Dist[sp.g.EV[e]])
	for _, o := range sp.on[e] {
		lower = math.Min(lower, o.d)
	}
	return lower
}

// markFar marks the blocks of rows holding a cell not settled by the
// first round.
func (sp *splat) markFar(rows [2]int) {
	lim := float32(sp.near)
	for j := rows[0]; j < rows[1]; j++ {
		for i, v := range sp.leg[j*sp.r.W : (j+1)*sp.r.W] {
			if !(v <= lim) {
				sp.far[j/blockCells*sp.bw+i/blockCells] = true
			}
		}
	}
}

// farBlocks calls f with the part of box in each unsettled block.
func (sp *splat) farBlocks(box rect, f func(rect)) {
	if box.i0 > box.i1 || box.j0 > box.j1 {
		return
	}
	for bj := box.j0 / blockCells; bj <= box.j1/blockCells; bj++ {
		for bi := box.i0 / blockCells; bi <= box.i1/blockCells; bi++ {
			if sp.far[bj*sp.bw+bi] {
				f(rect{max(box.i0, bi*blockCells), min(box.i1, bi*blockCells+blockCells-1),
					max(box.j0, bj*blockCells), min(box.j1, bj*blockCells+blockCells-1)})
			}
		}
	}
}

// nearest lowers each cell's nearest leg to its leg to the edge.
func (sp *splat) nearest(eg *edgeGeom, c rect) {
	r, max2 := sp.r, sp.maxOff*sp.maxOff
	for j := c.j0; j <= c.j1; j++ {
		py := eg.rowY(r, j)
		row := sp.leg[j*r.W : (j+1)*r.W]
		for i := c.i0; i <= c.i1; i++ {
			if _, off2 := eg.leg(r, i, py); off2 <= max2 {
				if v := float32(math.Sqrt(off2)); v < row[i] {
					row[i] = v
				}
			}
		}
	}
}

// spread lowers the cells of c that may take their last leg from the edge
// to their walking distance through it.
func (sp *splat) spread(eg *edgeGeom, c rect) {
	r, e := sp.r, eg.e
	lower, on := sp.reached(e), sp.on[e]
	du, dv, l := sp.s.Dist[sp.g.EU[e]], sp.s.Dist[sp.g.EV[e]], sp.g.ELen[e]
	max2 := sp.maxOff * sp.maxOff
	for j := c.j0; j <= c.j1; j++ {
		py := eg.rowY(r, j)
		row, legs := r.Val[j*r.W:(j+1)*r.W], sp.leg[j*r.W:(j+1)*r.W]
		for i := c.i0; i <= c.i1; i++ {
			if cur := float64(row[i]); cur <= lower {
				continue // this street cannot do better
			}
			t, off2 := eg.leg(r, i, py)
			reach := float64(legs[i]) + sp.slack
			if off2 > max2 || off2 > reach*reach {
				continue
			}
			d := min(du+t*l, dv+(1-t)*l)
			for _, o := range on {
				d = min(d, o.d+math.Abs(t-o.t)*l)
			}
			if v := float32(d + math.Sqrt(off2)); !(row[i] <= v) {
				row[i] = v
			}
		}
	}
}

// rect is the cells i0..i1 × j0..j1 (inclusive; empty when i0 > i1 or
// j0 > j1).
type rect struct{ i0, i1, j0, j1 int }

// edgeGeom is edge e in a raster's terms: its ends a, b (Mercator) and
// the vector a→b in ground metres.
type edgeGeom struct {
	e              int32
	a, b           orb.Point
	kx, ky, ex, ey float64
	l2             float64
}

func (sp *splat) edge(e int32) edgeGeom {
	g := sp.g
	a, b := mercator(g.Nodes[g.EU[e]]), mercator(g.Nodes[g.EV[e]])
	kx, ky := groundScale((g.Nodes[g.EU[e]][1] + g.Nodes[g.EV[e]][1]) / 2)
	ex, ey := (b[0]-a[0])*kx, (b[1]-a[1])*ky
	return edgeGeom{e: e, a: a, b: b, kx: kx, ky: ky, ex: ex, ey: ey, l2: ex*ex + ey*ey}
}

// box is the cells of rows (first, last+1) within pad metres of the
// edge's bounding box.
func (eg *edgeGeom) box(r *Raster, pad float64, rows [2]int) rect {
	pad /= math.Min(eg.kx, eg.ky)
	a, b := eg.a, eg.b
	return rect{max(0, int(math.Floor((math.Min(a[0], b[0])-pad-r.X0)/r.Cell))),
		min(r.W-1, int(math.Floor((math.Max(a[0], b[0])+pad-r.X0)/r.Cell))),
		max(rows[0], int(math.Floor((r.Y0-math.Max(a[1], b[1])-pad)/r.Cell))),
		min(rows[1]-1, int(math.Floor((r.Y0-math.Min(a[1], b[1])+pad)/r.Cell)))}
}

// leg is the point of the edge nearest the centre of cell (i, j), as a
// fraction t along it, and the squared ground length of the straight leg
// from there to the centre; py is rowY of row j.
func (eg *edgeGeom) leg(r *Raster, i int, py float64) (t, off2 float64) {
	px := (r.X0 + (float64(i)+0.5)*r.Cell - eg.a[0]) * eg.kx
	if eg.l2 > 0 {
		t = min(1, max(0, (px*eg.ex+py*eg.ey)/eg.l2))
	}
	dx, dy := px-t*eg.ex, py-t*eg.ey
	return t, dx*dx + dy*dy
}

// rowY is the northing of row j's centres from the edge's start, ground
// metres.
func (eg *edgeGeom) rowY(r *Raster, j int) float64 {
	return (r.Y0 - (float64(j)+0.5)*r.Cell - eg.a[1]) * eg.ky
}
