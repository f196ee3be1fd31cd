package network

import (
	"math"
	"runtime"
	"sync"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/geo"
)

// DefaultLateral is the default lateral buffer (metres) around reachable
// streets.
const DefaultLateral = 50.0

// Catchment is a site's area within Radius metres along the network: the
// reachable street pieces (projected in the graph's projection) buffered
// by Lateral metres. The walk starts with the straight-line snap distance
// from the site to its street.
type Catchment struct {
	Radius  float64
	Snap    Snap
	Shape   *Capsules
	Reached float64 // metres of street reached
}

// Catchments computes one catchment per radius for a site at p (WGS-84):
// one search up to the largest radius, cut at each. A site with no edge
// within maxSnap gets catchments with no pieces and Snap.OK false.
func (s *Search) Catchments(p orb.Point, radii []float64, lateral, maxSnap float64) []Catchment {
	sn := s.g.SnapPoint(p, maxSnap)
	top := 0.0
	for _, r := range radii {
		top = math.Max(top, r)
	}
	s.Run(s.g.Sources(sn), top)
	out := make([]Catchment, len(radii))
	for i, r := range radii {
		segs, reached := s.pieces(sn, r)
		out[i] = Catchment{Radius: r, Snap: sn, Shape: NewCapsules(segs, lateral), Reached: reached}
	}
	return out
}

// pieces lists the reachable pieces of every edge within r after a run:
// from each end what the remaining distance allows, and on the snapped
// edge the stretch either side of the snap point.
func (s *Search) pieces(sn Snap, r float64) ([]Seg, float64) {
	g := s.g
	s.gen++
	var out []Seg
	total := 0.0
	var ivs [][2]float64
	add := func(e int32) {
		if s.edgeGen[e] == s.gen {
			return
		}
		s.edgeGen[e] = s.gen
		ivs = s.edgeIntervals(e, sn, r, ivs[:0])
		for _, iv := range geo.Union(ivs) {
			out = append(out, Seg{g.pointOn(int(e), iv[0]), g.pointOn(int(e), iv[1])})
			total += (iv[1] - iv[0]) * g.ELen[e]
		}
	}
	for _, n := range s.touched {
		if s.Dist[n] < r {
			for _, e := range g.adj[g.start[n]:g.start[n+1]] {
				add(e)
			}
		}
	}
	if sn.OK && sn.Dist < r {
		add(int32(sn.Edge))
	}
	return out, total
}

// edgeIntervals appends the reachable fractions [a, b] of edge e.
func (s *Search) edgeIntervals(e int32, sn Snap, r float64, ivs [][2]float64) [][2]float64 {
	g := s.g
	l := g.ELen[e]
	if l <= 0 {
		return ivs
	}
	if du := s.Dist[g.EU[e]]; du < r {
		ivs = append(ivs, [2]float64{0, math.Min(1, (r-du)/l)})
	}
	if dv := s.Dist[g.EV[e]]; dv < r {
		ivs = append(ivs, [2]float64{math.Max(0, 1-(r-dv)/l), 1})
	}
	if sn.OK && int(e) == sn.Edge && sn.Dist < r {
		w := (r - sn.Dist) / l
		ivs = append(ivs, [2]float64{math.Max(0, sn.T-w), math.Min(1, sn.T+w)})
	}
	return ivs
}

// ShareOfCircle is the catchment's area over the area of the circle of
// its radius (scanlines every step metres).
func (c Catchment) ShareOfCircle(step float64) float64 {
	if c.Radius <= 0 {
		return math.NaN()
	}
	return c.Shape.Area(step) / (math.Pi * c.Radius * c.Radius)
}

// SiteCatchments computes the catchments of many sites (one list of radii
// each) on all cores, one Search per worker.
func (g *Graph) SiteCatchments(sites []orb.Point, radii [][]float64, lateral, maxSnap float64) [][]Catchment {
	out := make([][]Catchment, len(sites))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(sites)/4))
	var wg sync.WaitGroup
	next := make(chan int, len(sites))
	for i := range sites {
		next <- i
	}
	close(next)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := g.NewSearch()
			for i := range next {
				out[i] = s.Catchments(sites[i], radii[i], lateral, maxSnap)
			}
		}()
	}
	wg.Wait()
	return out
}
