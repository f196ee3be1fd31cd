package geo

import (
	"cmp"
	"math"
	"slices"

	"github.com/paulmach/orb"
)

// Scanline finds where horizontal lines cross a multipolygon, even–odd
// over all rings (holes are out; an unclosed ring is closed). Its edge
// table is sorted by lowest y and an active edge list follows the line
// upward, so walking n lines through a polygon of v vertices costs
// O(v log v + n·k log k) for k edges crossed per line, not O(n·v).
type Scanline struct {
	edges  []scanEdge // sorted by y0
	next   int        // first edge of the table not yet active
	active []scanEdge
	xs     []float64
	out    Intervals
	lastY  float64
}

// scanEdge is a non-horizontal edge from y0 (inclusive) to y1 (exclusive).
type scanEdge struct {
	y0, y1 float64
	x0, dx float64 // x at y0, and its change per unit of y
}

// NewScanline builds the edge table of mp.
func NewScanline(mp orb.MultiPolygon) *Scanline {
	s := &Scanline{lastY: math.Inf(-1), edges: make([]scanEdge, 0, vertices(mp))}
	for _, poly := range mp {
		for _, r := range poly {
			s.addRing(r)
		}
	}
	slices.SortFunc(s.edges, func(a, b scanEdge) int { return cmp.Compare(a.y0, b.y0) })
	return s
}

// vertices counts the points of mp (its edges, within one per ring).
func vertices(mp orb.MultiPolygon) int {
	n := 0
	for _, poly := range mp {
		for _, r := range poly {
			n += len(r)
		}
	}
	return n
}

func (s *Scanline) addRing(r orb.Ring) {
	n := len(r)
	for i := 0; i < n; i++ {
		a, b := r[i], r[(i+1)%n]
		if i == n-1 && a == r[0] {
			break
		}
		if a[1] == b[1] || isNaN(a) || isNaN(b) {
			continue
		}
		if a[1] > b[1] {
			a, b = b, a
		}
		s.edges = append(s.edges, scanEdge{y0: a[1], y1: b[1], x0: a[0], dx: (b[0] - a[0]) / (b[1] - a[1])})
	}
}

func isNaN(p orb.Point) bool { return math.IsNaN(p[0]) || math.IsNaN(p[1]) }

// Chords returns the intervals of line y inside the multipolygon. Lines
// must come in increasing y (a lower y restarts the walk); the result is
// reused by the next call.
func (s *Scanline) Chords(y float64) Intervals {
	if y < s.lastY {
		s.next, s.active = 0, s.active[:0]
	}
	s.lastY = y
	for s.next < len(s.edges) && s.edges[s.next].y0 <= y {
		s.active = append(s.active, s.edges[s.next])
		s.next++
	}
	s.xs = s.xs[:0]
	keep := s.active[:0]
	for _, e := range s.active {
		if e.y1 <= y {
			continue
		}
		keep = append(keep, e)
		s.xs = append(s.xs, e.x0+(y-e.y0)*e.dx)
	}
	s.active = keep
	slices.Sort(s.xs)
	s.out = s.out[:0]
	for i := 0; i+1 < len(s.xs); i += 2 {
		if s.xs[i+1] > s.xs[i] {
			s.out = append(s.out, [2]float64{s.xs[i], s.xs[i+1]})
		}
	}
	return s.out
}

// CircleChords returns the union of the chords that circles cut from line
// y; circle gives a circle's centre and radius. The result is built in
// dst's storage (nil allocates). Coverage (metres) and the renderer
// (pixels) both use it.
func CircleChords[C any](dst [][2]float64, cs []C, y float64, circle func(C) (cx, cy, r float64)) Intervals {
	ivs := dst[:0]
	for _, c := range cs {
		cx, cy, r := circle(c)
		if h2 := r*r - (y-cy)*(y-cy); h2 > 0 {
			h := math.Sqrt(h2)
			ivs = append(ivs, [2]float64{cx - h, cx + h})
		}
	}
	return Union(ivs)
}
