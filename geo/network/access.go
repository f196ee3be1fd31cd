package network

import (
	"math"
	"runtime"
	"sync"

	"github.com/paulmach/orb"
)

// Raster is a north-up grid on Web Mercator (EPSG:3857): cell (i, j) has
// its top-left corner at (X0 + i·Cell, Y0 − j·Cell) metres of the
// projection. Values are walking distances in metres; NaN where no street
// lies within the offset limit.
type Raster struct {
	X0, Y0, Cell float64
	W, H         int
	Val          []float32
}

// AccessOptions tune the accessibility map.
type AccessOptions struct {
	Cell      float64 // ground size of a cell, metres (default 25)
	MaxOffset float64 // largest straight walk from a cell to a street, metres (default FarSnap)
	MaxSnap   float64 // sites farther than this from any street are left out (default 5000)
}

func (o AccessOptions) withDefaults() AccessOptions {
	if o.Cell <= 0 {
		o.Cell = 25
	}
	if o.MaxOffset <= 0 {
		o.MaxOffset = FarSnap
	}
	if o.MaxSnap <= 0 {
		o.MaxSnap = 5000
	}
	return o
}

const mercR = 6378137.0

func mercator(p orb.Point) orb.Point {
	return orb.Point{mercR * p[0] * math.Pi / 180, mercR * math.Log(math.Tan(math.Pi/4+p[1]*math.Pi/360))}
}

// onEdge is a source lying on an edge: a site snapped at fraction t,
// already d metres walked.
type onEdge struct{ t, d float64 }

// Access computes, for every cell of the extent (WGS-84), the walking
// distance to the nearest of the sites: a multi-source search over the
// graph, then per cell the minimum over streets within MaxOffset of
// (distance to the street's nearest end or on-street site + along the
// street + the straight offset to the cell). Only the streets whose
// offset is at most one cell longer than the offset to the cell's nearest
// reached street count, so a river, railway or wall without streets stays
// a barrier (streets no site reaches, e.g. a separate island, are not
// considered at all). The grid is Web Mercator with
// cells of Cell metres on the ground at the extent's mid-latitude; the
// offset is measured in Mercator metres times the local ground scale
// east and north (relative error under 1e-4 within 200 m). It returns the snaps of the sites.
func (g *Graph) Access(sites []orb.Point, ext orb.Bound, opt AccessOptions) (*Raster, []Snap) {
	opt = opt.withDefaults()
	s := g.NewSearch()
	var srcs []Source
	snaps := make([]Snap, len(sites))
	on := map[int32][]onEdge{}
	for i, p := range sites {
		snaps[i] = g.SnapPoint(p, opt.MaxSnap)
		if sn := snaps[i]; sn.OK {
			srcs = append(srcs, g.Sources(sn)...)
			on[int32(sn.Edge)] = append(on[int32(sn.Edge)], onEdge{sn.T, sn.Dist})
		}
	}
	s.Run(srcs, math.Inf(1))
	r := newRaster(ext, opt.Cell)
	sp := newSplat(r, g, s, on, opt)
	bands := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for k := 0; k < bands; k++ {
		wg.Add(1)
		go func() { // bands of block rows are disjoint: no two goroutines write one cell
			defer wg.Done()
			sp.band(sp.rows(k, bands))
		}()
	}
	wg.Wait()
	return r, snaps
}

func newRaster(ext orb.Bound, cell float64) *Raster {
	corner, c, w, h := gridShape(ext, cell)
	r := &Raster{X0: corner[0], Y0: corner[1], Cell: c, W: w, H: h}
	r.Val = make([]float32, r.W*r.H)
	for i := range r.Val {
		r.Val[i] = float32(math.NaN())
	}
	return r
}

// groundScale is ground metres per Web Mercator metre east and north at
// latitude lat on the WGS-84 ellipsoid (Web Mercator is spherical, so the
// two differ by about 0.5% at 23°N).
func groundScale(lat float64) (kx, ky float64) {
	phi := lat * math.Pi / 180
	s := math.Sin(phi)
	w := 1 - wgsE2*s*s
	n := wgsA / math.Sqrt(w)
	m := wgsA * (1 - wgsE2) / (w * math.Sqrt(w))
	return n * math.Cos(phi) / mercR, m * math.Cos(phi) / mercR
}

// Center is the WGS-84 centre of cell (i, j).
func (r *Raster) Center(i, j int) orb.Point {
	x := r.X0 + (float64(i)+0.5)*r.Cell
	y := r.Y0 - (float64(j)+0.5)*r.Cell
	return orb.Point{x / mercR * 180 / math.Pi, (2*math.Atan(math.Exp(y/mercR)) - math.Pi/2) * 180 / math.Pi}
}

// DefaultBreaks are the class limits of the accessibility map, metres.
var DefaultBreaks = []float64{300, 500, 1000, 1500}

// Class is the class of distance d: i when d < breaks[i] (and ≥ the one
// before), len(breaks) for farther or unknown (NaN) cells.
func Class(d float64, breaks []float64) int {
	for i, b := range breaks {
		if d < b {
			return i
		}
	}
	return len(breaks)
}

// Zone is a population area for class shares: a WGS-84 boundary and its
// residents, taken as spread evenly over it.
type Zone struct {
	Boundary   orb.MultiPolygon
	Population float64
}

// ClassShares returns, per class, the share of the raster's cells and,
// when zones are given, the share of their population (each zone's
// residents spread evenly over its cells; cells of no zone carry none).
func (r *Raster) ClassShares(breaks []float64, zones []Zone) (area, pop []float64) {
	n := len(breaks) + 1
	area, pop = make([]float64, n), make([]float64, n)
	perZone := make([][]float64, len(zones))
	bounds := make([]orb.Bound, len(zones))
	for z := range zones {
		perZone[z] = make([]float64, n)
		bounds[z] = zones[z].Boundary.Bound()
	}
	for j := 0; j < r.H; j++ {
		for i := 0; i < r.W; i++ {
			c := Class(float64(r.Val[j*r.W+i]), breaks)
			area[c]++
			if len(zones) > 0 {
				if z := zoneOf(zones, bounds, r.Center(i, j)); z >= 0 {
					perZone[z][c]++
				}
			}
		}
	}
	scale(area)
	for z, counts := range perZone {
		cells := sum(counts)
		for c := range counts {
			if cells > 0 {
				pop[c] += zones[z].Population * counts[c] / cells
			}
		}
	}
	scale(pop)
	return area, pop
}

func sum(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s
}

func scale(v []float64) {
	if s := sum(v); s > 0 {
		for i := range v {
			v[i] /= s
		}
	}
}
