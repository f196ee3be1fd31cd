package data

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// Errors of boundary validation; a subdistrict with one of them is refused
// (listed as a problem with its feature number), never kept with area 0.
var (
	ErrRingEmpty     = errors.New("data: empty ring")
	ErrRingOpen      = errors.New("data: ring not closed")
	ErrRingShort     = errors.New("data: ring of fewer than 4 points")
	ErrSelfCrossing  = errors.New("data: boundary crosses itself")
	ErrZeroArea      = errors.New("data: boundary has no area")
	ErrNotFiniteGeom = errors.New("data: coordinate is not a number")
)

// validBoundary checks a boundary read from a file: every ring closed, of
// 4 points or more, finite; no edge crossing another of the same polygon;
// an area above zero. It passes on an error from the step before.
func validBoundary(mp orb.MultiPolygon, err error) (orb.MultiPolygon, error) {
	if err != nil {
		return nil, err
	}
	for i, p := range mp {
		for j, r := range p {
			if err := checkRing(r); err != nil {
				return nil, &BoundaryError{Polygon: i + 1, Ring: j + 1, Err: err}
			}
		}
		if x, ok := crossing(p); ok {
			return nil, &BoundaryError{Polygon: i + 1, At: x, Err: ErrSelfCrossing}
		}
	}
	if len(mp) > 0 && !(planar.Area(mp) > 0) {
		return nil, ErrZeroArea
	}
	return mp, nil
}

func checkRing(r orb.Ring) error {
	switch {
	case len(r) == 0:
		return ErrRingEmpty
	case len(r) < 4:
		return fmt.Errorf("%w (%d)", ErrRingShort, len(r))
	case r[0] != r[len(r)-1]:
		return ErrRingOpen
	}
	for _, p := range r {
		if math.IsNaN(p[0]) || math.IsNaN(p[1]) || math.IsInf(p[0], 0) || math.IsInf(p[1], 0) {
			return ErrNotFiniteGeom
		}
	}
	return nil
}

// edge is one segment of a polygon: its ring, its index in the ring and
// the ring's segment count (to tell neighbours).
type edge struct {
	a, b        orb.Point
	ring, i, of int32
}

// crossing finds two edges of the polygon that properly cross, by a sweep
// over x: edges sorted by their left end, each compared with the edges
// still open — O(n log n) for real boundaries, whatever their size.
func crossing(p orb.Polygon) (orb.Point, bool) {
	n := 0
	for _, r := range p {
		n += len(r)
	}
	es := make([]edge, 0, n)
	for k, r := range p {
		for i := 0; i+1 < len(r); i++ {
			a, b := r[i], r[i+1]
			if a[0] > b[0] {
				a, b = b, a
			}
			es = append(es, edge{a, b, int32(k), int32(i), int32(len(r) - 1)})
		}
	}
	slices.SortFunc(es, func(x, y edge) int { return cmp.Compare(x.a[0], y.a[0]) })
	var open []edge
	for _, e := range es {
		keep := open[:0]
		for _, o := range open {
			if o.b[0] >= e.a[0] {
				keep = append(keep, o)
			}
		}
		open = keep
		for _, o := range open {
			if !neighbours(o, e) && properCross(o.a, o.b, e.a, e.b) {
				return e.a, true
			}
		}
		open = append(open, e)
	}
	return orb.Point{}, false
}

func neighbours(x, y edge) bool {
	if x.ring != y.ring {
		return false
	}
	d := x.i - y.i
	return d == 1 || d == -1 || d == x.of-1 || d == 1-x.of
}

// properCross reports whether segments ab and cd cross at a point inside
// both (touching at an end or running along each other is not a crossing).
func properCross(a, b, c, d orb.Point) bool {
	d1, d2 := orient(c, d, a), orient(c, d, b)
	d3, d4 := orient(a, b, c), orient(a, b, d)
	return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))
}

func orient(a, b, c orb.Point) float64 {
	return (b[0]-a[0])*(c[1]-a[1]) - (b[1]-a[1])*(c[0]-a[0])
}
