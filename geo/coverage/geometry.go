package coverage

import (
	"math"
	"sort"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/geo"
)

// site is a supplying site for one level: projected centre, walking
// radius and seats.
type site struct {
	at     orb.Point
	r      float64
	seats  float64
	ratio  float64 // 2SFCA: seats per demand within reach
	remain float64 // allocation: seats not yet given
	shape  Shape   // nil: the circle of radius r
}

// supply lists the sites in service in the year that serve level l, with
// a catchment radius.
func supply(in Input, l data.Level, a geo.Albers) []*site {
	var out []*site
	for i := range in.Sites {
		s := &in.Sites[i]
		if !s.Located || s.Kind == data.KindCandidate || statusIndex(s, in.Year) != InService {
			continue
		}
		r := in.Norms.CatchmentRadii(s.Level)[l]
		if r <= 0 {
			continue
		}
		out = append(out, &site{at: a.Forward(s.Location), r: r, seats: float64(in.Norms.SeatsOf(s)[l]), shape: shapeOf(in, s, l, a)})
	}
	return out
}

// rowsFor is the number of scanlines across a zone: about one per 5 m,
// at least 200 and at most 2000.
func rowsFor(height float64) int {
	return int(math.Min(2000, math.Max(200, math.Ceil(height/5))))
}

// polyChords returns where the horizontal line y crosses inside the
// projected multipolygon (even–odd over all rings, so holes are out).
func polyChords(mp orb.MultiPolygon, y float64) geo.Intervals {
	var xs []float64
	for _, poly := range mp {
		for _, r := range poly {
			for i := 0; i+1 < len(r); i++ {
				a, b := r[i], r[i+1]
				if (a[1] <= y) != (b[1] <= y) {
					xs = append(xs, a[0]+(y-a[1])/(b[1]-a[1])*(b[0]-a[0]))
				}
			}
		}
	}
	sort.Float64s(xs)
	out := make(geo.Intervals, 0, len(xs)/2)
	for i := 0; i+1 < len(xs); i += 2 {
		if xs[i+1] > xs[i] {
			out = append(out, [2]float64{xs[i], xs[i+1]})
		}
	}
	return out
}

// circleChords returns the union of the circles' chords on line y.
func circleChords(cs []*site, y float64) geo.Intervals {
	var ivs [][2]float64
	for _, c := range cs {
		ivs = c.chordsAt(y, ivs)
	}
	return geo.Union(ivs)
}

// coveredShare is the share of the zone's area inside the union of the
// catchments.
func (z *zone) coveredShare(sup []*site) float64 {
	if z.area <= 0 {
		return math.NaN()
	}
	var near []*site
	for _, s := range sup {
		if s.overlaps(z.bb) {
			near = append(near, s)
		}
	}
	if len(near) == 0 {
		return 0
	}
	n := rowsFor(z.bb.Max[1] - z.bb.Min[1])
	dy := (z.bb.Max[1] - z.bb.Min[1]) / float64(n)
	inside, covered := 0.0, 0.0
	for k := 0; k < n; k++ {
		y := z.bb.Min[1] + (float64(k)+0.5)*dy
		pc := polyChords(z.poly, y)
		inside += pc.Length()
		covered += pc.Intersect(circleChords(near, y)).Length()
	}
	if inside == 0 {
		return math.NaN()
	}
	return covered / inside
}

// cell is a piece of a zone's population, for the capacity-aware
// measures.
type cell struct {
	at     orb.Point
	zone   int
	share  float64 // residents here (the zone's population spread evenly)
	demand float64 // seats needed here, for the level analysed
	access float64 // 2SFCA accessibility
	left   float64 // allocation: demand not yet served
}

// demandCells spreads each zone's population uniformly over square cells
// of about 1/400 of its area (25–250 m across) whose centres lie inside
// it. Zones without population or boundary give none.
func demandCells(zones []*zone) []*cell {
	var out []*cell
	for zi, z := range zones {
		if z.poly == nil || !z.sd.PopKnown || z.area <= 0 {
			continue
		}
		size := math.Min(250, math.Max(25, math.Sqrt(z.area/400)))
		var mine []*cell
		for y := z.bb.Min[1] + size/2; y < z.bb.Max[1]; y += size {
			pc := polyChords(z.poly, y)
			for _, iv := range pc {
				for x := math.Ceil((iv[0]-z.bb.Min[0])/size-0.5)*size + z.bb.Min[0] + size/2; x < iv[1]; x += size {
					if x >= iv[0] {
						mine = append(mine, &cell{at: orb.Point{x, y}, zone: zi})
					}
				}
			}
		}
		if len(mine) == 0 { // a sliver smaller than a cell: one cell at a vertex
			mine = append(mine, &cell{at: z.poly[0][0][0], zone: zi})
		}
		for _, c := range mine {
			c.share = float64(z.sd.Population) / float64(len(mine))
		}
		out = append(out, mine...)
	}
	return out
}

// grid is a spatial hash of cells for "cells within r of a point".
type grid struct {
	size  float64
	cells map[[2]int][]*cell
}

func newGrid(cells []*cell, size float64) *grid {
	g := &grid{size: size, cells: map[[2]int][]*cell{}}
	for _, c := range cells {
		k := [2]int{int(math.Floor(c.at[0] / size)), int(math.Floor(c.at[1] / size))}
		g.cells[k] = append(g.cells[k], c)
	}
	return g
}

// within calls f for every cell within r of p.
func (g *grid) within(p orb.Point, r float64, f func(c *cell, d2 float64)) {
	x0, x1 := int(math.Floor((p[0]-r)/g.size)), int(math.Floor((p[0]+r)/g.size))
	y0, y1 := int(math.Floor((p[1]-r)/g.size)), int(math.Floor((p[1]+r)/g.size))
	for gx := x0; gx <= x1; gx++ {
		for gy := y0; gy <= y1; gy++ {
			for _, c := range g.cells[[2]int{gx, gy}] {
				dx, dy := c.at[0]-p[0], c.at[1]-p[1]
				if d2 := dx*dx + dy*dy; d2 <= r*r {
					f(c, d2)
				}
			}
		}
	}
}

// twoStep is the two-step floating catchment area method (Luo & Wang
// 2003): each site's seats are shared by the demand within its radius
// (R_j = S_j / ΣD), each cell's access is the sum of the R_j that reach
// it, and a zone's index is its demand-weighted mean access: 1 means as
// many seats within walking distance as are needed.
func twoStep(cells []*cell, sup []*site, zones []*zone, rows []Row) {
	if len(cells) == 0 {
		return
	}
	g := newGrid(cells, 500)
	for _, s := range sup {
		sum := 0.0
		s.reach(g, func(c *cell, _ float64) { sum += c.demand })
		s.ratio = 0
		if sum > 0 {
			s.ratio = s.seats / sum
		}
	}
	for _, c := range cells {
		c.access = 0
	}
	for _, s := range sup {
		if s.ratio > 0 {
			s.reach(g, func(c *cell, _ float64) { c.access += s.ratio })
		}
	}
	num := make([]float64, len(zones))
	den := make([]float64, len(zones))
	for _, c := range cells {
		num[c.zone] += c.access * c.demand
		den[c.zone] += c.demand
	}
	for zi := range zones {
		if den[zi] > 0 {
			rows[zi].SFCA = num[zi] / den[zi]
		}
	}
}

// allocate gives each site's seats to the nearest demand within its
// radius, largest sites first (as AccessMod's coverage analysis processes
// facilities by capacity), and leaves per zone the demand no seat reached.
func allocate(cells []*cell, sup []*site, zones []*zone, rows []Row, per float64) {
	if len(cells) == 0 {
		return
	}
	g := newGrid(cells, 500)
	order := append([]*site(nil), sup...)
	sort.SliceStable(order, func(i, j int) bool { return order[i].seats > order[j].seats })
	for _, c := range cells {
		c.left = c.demand
	}
	type near struct {
		c  *cell
		d2 float64
	}
	for _, s := range order {
		s.remain = s.seats
		var ns []near
		s.reach(g, func(c *cell, d2 float64) { ns = append(ns, near{c, d2}) })
		sort.Slice(ns, func(i, j int) bool { return ns[i].d2 < ns[j].d2 })
		for _, n := range ns {
			if s.remain <= 0 {
				break
			}
			give := math.Min(s.remain, n.c.left)
			n.c.left -= give
			s.remain -= give
		}
	}
	left := make([]float64, len(zones))
	has := make([]bool, len(zones))
	for _, c := range cells {
		left[c.zone] += c.left
		has[c.zone] = true
	}
	for zi := range zones {
		if has[zi] {
			rows[zi].Uncovered = left[zi]
			if per > 0 {
				rows[zi].UncovPop = left[zi] * 1000 / per
			}
		}
	}
}
