package coverage

import (
	"cmp"
	"math"
	"slices"
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

// circle gives a catchment's centre and radius to geo.CircleChords.
func circle(s *site) (x, y, r float64) { return s.at[0], s.at[1], s.r }

// coveredShares is, per zone and level, the share of the zone's area
// inside the union of the level's catchments (NaN for no area). Each
// zone's scanlines are walked once for all levels.
func coveredShares(zones []*zone, sups [][]*site) [][]float64 {
	out := make([][]float64, len(zones))
	for zi, z := range zones {
		out[zi] = make([]float64, len(sups))
		if z.poly == nil {
			continue
		}
		near := make([][]*site, len(sups))
		any := false
		for li, sup := range sups {
			near[li] = z.near(sup)
			any = any || len(near[li]) > 0
		}
		if z.area <= 0 {
			fillNaN(out[zi])
		} else if any {
			z.integrate(near, out[zi])
		}
	}
	return out
}

func fillNaN(v []float64) {
	for i := range v {
		v[i] = math.NaN()
	}
}

// near lists the sites whose catchment box meets the zone's box.
func (z *zone) near(sup []*site) []*site {
	var out []*site
	for _, s := range sup {
		if s.overlaps(z.bb) {
			out = append(out, s)
		}
	}
	return out
}

// integrate sums, along the zone's scanlines, its chords and their parts
// inside each level's catchments, and stores the shares.
func (z *zone) integrate(near [][]*site, share []float64) {
	n := rowsFor(z.bb.Max[1] - z.bb.Min[1])
	dy := (z.bb.Max[1] - z.bb.Min[1]) / float64(n)
	sc := geo.NewScanline(z.poly)
	sweeps := make([]*sweep, len(near))
	for li, ns := range near {
		sweeps[li] = newSweep(ns)
	}
	inside, covered := 0.0, make([]float64, len(near))
	var buf [][2]float64
	for k := 0; k < n; k++ {
		y := z.bb.Min[1] + (float64(k)+0.5)*dy
		pc := sc.Chords(y)
		inside += pc.Length()
		for li, sw := range sweeps {
			if cs := sw.at(y); len(cs) > 0 && len(pc) > 0 {
				cc := chordsOf(buf, cs, y)
				covered[li] += pc.Intersect(cc).Length()
				buf = cc
			}
		}
	}
	for li := range share {
		share[li] = covered[li] / inside
		if inside == 0 {
			share[li] = math.NaN()
		}
	}
}

// sweep follows an upward line through circles: sorted by their lowest y,
// with the list of circles the line is in, so each line tests only those.
type sweep struct {
	cs     []*site
	next   int
	active []*site
}

func newSweep(cs []*site) *sweep {
	s := &sweep{cs: slices.Clone(cs)}
	slices.SortFunc(s.cs, func(a, b *site) int { return cmp.Compare(a.yspan()[0], b.yspan()[0]) })
	return s
}

// at returns the circles line y crosses; y must not decrease.
func (s *sweep) at(y float64) []*site {
	for s.next < len(s.cs) && s.cs[s.next].yspan()[0] <= y {
		s.active = append(s.active, s.cs[s.next])
		s.next++
	}
	keep := s.active[:0]
	for _, c := range s.active {
		if c.yspan()[1] > y {
			keep = append(keep, c)
		}
	}
	s.active = keep
	return keep
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

// Demand grid limits: about 400 cells per zone, 25–250 m across, but no
// more than maxZoneCells in a zone and maxCells in all: a large zone gets
// larger cells, never an exhausted memory.
const (
	maxCells     = 500_000
	maxZoneCells = 20_000
	minZoneCells = 50
)

// cellSize is the demand cell side for a zone of area m² when n zones
// have population.
func cellSize(area float64, n int) float64 {
	budget := min(maxZoneCells, max(minZoneCells, maxCells/max(n, 1)))
	size := math.Min(250, math.Max(25, math.Sqrt(area/400)))
	return math.Max(size, math.Sqrt(area/float64(budget)))
}

// demandCells spreads each zone's population uniformly over square cells
// (see cellSize) whose centres lie inside it. Zones without population or
// boundary give none.
func demandCells(zones []*zone) []*cell {
	n := 0
	for _, z := range zones {
		if z.poly != nil && z.sd.PopKnown && z.area > 0 {
			n++
		}
	}
	var out []*cell
	for zi, z := range zones {
		if z.poly != nil && z.sd.PopKnown && z.area > 0 {
			out = append(out, z.cells(zi, cellSize(z.area, n))...)
		}
	}
	return out
}

func (z *zone) cells(zi int, size float64) []*cell {
	var mine []*cell
	sc := geo.NewScanline(z.poly)
	for y := z.bb.Min[1] + size/2; y < z.bb.Max[1]; y += size {
		for _, iv := range sc.Chords(y) {
			for x := math.Ceil((iv[0]-z.bb.Min[0])/size-0.5)*size + z.bb.Min[0] + size/2; x < iv[1]; x += size {
				if x >= iv[0] {
					mine = append(mine, &cell{at: orb.Point{x, y}, zone: zi})
				}
			}
		}
	}
	if len(mine) == 0 { // a sliver smaller than a cell: one cell at a vertex
		mine = append(mine, &cell{at: firstVertex(z.poly), zone: zi})
	}
	for _, c := range mine {
		c.share = float64(z.sd.Population) / float64(len(mine))
	}
	return mine
}

func firstVertex(mp orb.MultiPolygon) orb.Point {
	for _, p := range mp {
		for _, r := range p {
			if len(r) > 0 {
				return r[0]
			}
		}
	}
	return orb.Point{}
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
// A radius reaching over more buckets than the grid holds (an absurd
// radius) walks the buckets instead of the empty squares.
func (g *grid) within(p orb.Point, r float64, f func(c *cell, d2 float64)) {
	x0, x1 := math.Floor((p[0]-r)/g.size), math.Floor((p[0]+r)/g.size)
	y0, y1 := math.Floor((p[1]-r)/g.size), math.Floor((p[1]+r)/g.size)
	if !((x1-x0+1)*(y1-y0+1) <= float64(len(g.cells))) {
		for _, cs := range g.cells {
			g.test(cs, p, r, f)
		}
		return
	}
	for gx := int(x0); gx <= int(x1); gx++ {
		for gy := int(y0); gy <= int(y1); gy++ {
			g.test(g.cells[[2]int{gx, gy}], p, r, f)
		}
	}
}

func (g *grid) test(cs []*cell, p orb.Point, r float64, f func(c *cell, d2 float64)) {
	for _, c := range cs {
		dx, dy := c.at[0]-p[0], c.at[1]-p[1]
		if d2 := dx*dx + dy*dy; d2 <= r*r {
			f(c, d2)
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
	var ns []near
	for _, s := range order {
		s.remain = s.seats
		ns = ns[:0]
		s.reach(g, func(c *cell, d2 float64) { ns = append(ns, near{c, d2}) })
		slices.SortFunc(ns, func(a, b near) int { return cmp.Compare(a.d2, b.d2) })
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
