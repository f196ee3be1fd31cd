package coverage

import (
	"math"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/geo"
)

// Shape is a catchment other than a circle (e.g. a walking catchment
// along the street network), in the analysis' projected metres: its exact
// chord on a horizontal line, membership, and bounding box.
type Shape interface {
	Chords(y float64) geo.Intervals
	Contains(p orb.Point) bool
	Bound() orb.Bound
}

// ShapeFunc gives a site's catchment for a served level, built with
// project (WGS-84 → the analysis' metres); nil means the circle.
type ShapeFunc func(s *data.Site, served data.Level, project func(orb.Point) orb.Point) Shape

// shapeOf is the site's shape when the input has shapes.
func shapeOf(in Input, s *data.Site, l data.Level, a geo.Albers) Shape {
	if in.Shapes == nil {
		return nil
	}
	sh := in.Shapes(s, l, a.Forward)
	if sh == nil {
		return emptyShape{}
	}
	return sh
}

// emptyShape covers nothing (a site the network does not reach).
type emptyShape struct{}

func (emptyShape) Chords(float64) geo.Intervals { return nil }
func (emptyShape) Contains(orb.Point) bool      { return false }
func (emptyShape) Bound() orb.Bound             { return orb.Bound{Min: orb.Point{1, 1}, Max: orb.Point{-1, -1}} }

// overlaps reports whether the site's catchment may touch bound b.
func (s *site) overlaps(b orb.Bound) bool {
	if s.shape != nil {
		sb := s.shape.Bound()
		return sb.Min[0] <= b.Max[0] && sb.Max[0] >= b.Min[0] && sb.Min[1] <= b.Max[1] && sb.Max[1] >= b.Min[1]
	}
	return s.at[0]+s.r >= b.Min[0] && s.at[0]-s.r <= b.Max[0] && s.at[1]+s.r >= b.Min[1] && s.at[1]-s.r <= b.Max[1]
}

// chordsAt appends the site's catchment chord(s) on line y.
func (s *site) chordsAt(y float64, ivs [][2]float64) [][2]float64 {
	if s.shape != nil {
		return append(ivs, s.shape.Chords(y)...)
	}
	if dy := y - s.at[1]; dy*dy < s.r*s.r {
		h := math.Sqrt(s.r*s.r - dy*dy)
		ivs = append(ivs, [2]float64{s.at[0] - h, s.at[0] + h})
	}
	return ivs
}

// reach calls f for the cells in the site's catchment, with their squared
// straight-line distance from the site.
func (s *site) reach(g *grid, f func(c *cell, d2 float64)) {
	if s.shape == nil {
		g.within(s.at, s.r, f)
		return
	}
	b := s.shape.Bound()
	if b.Min[0] > b.Max[0] {
		return
	}
	r := 0.0
	for _, p := range []orb.Point{b.Min, b.Max, {b.Min[0], b.Max[1]}, {b.Max[0], b.Min[1]}} {
		r = math.Max(r, math.Hypot(p[0]-s.at[0], p[1]-s.at[1]))
	}
	g.within(s.at, r, func(c *cell, d2 float64) {
		if s.shape.Contains(c.at) {
			f(c, d2)
		}
	})
}

// yspan is the lowest and highest y of the site's catchment.
func (s *site) yspan() [2]float64 {
	if s.shape != nil {
		b := s.shape.Bound()
		return [2]float64{b.Min[1], b.Max[1]}
	}
	return [2]float64{s.at[1] - s.r, s.at[1] + s.r}
}

// chordsOf is the union of the catchments' chords on line y, reusing buf:
// the circles' through geo.CircleChords, a shape's through its own.
func chordsOf(buf geo.Intervals, cs []*site, y float64) geo.Intervals {
	shaped := false
	for _, c := range cs {
		shaped = shaped || c.shape != nil
	}
	if !shaped {
		return geo.CircleChords(buf, cs, y, circle)
	}
	var ivs [][2]float64
	for _, c := range cs {
		ivs = c.chordsAt(y, ivs)
	}
	return geo.Union(ivs)
}
