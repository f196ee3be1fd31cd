package data

import (
	"errors"
	"math"
	"sort"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
	"github.com/paulmach/orb/project"

	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo"
)

// ErrNotPlot is returned when a feature placed on is not a polygon.
var ErrNotPlot = errors.New("data: not a plot polygon")

// PlaceOnPlot puts s at an interior point of a plot polygon of a
// reference layer: located, high confidence, precision the radius of the
// plot, its basis naming the plot (idField's value, e.g. 地块编码) and its
// area. The site's plot code is set when it had none.
func PlaceOnPlot(s *Site, f RefFeature, idField string) error {
	mp := plotPolygons(f.Geometry)
	if len(mp) == 0 {
		return ErrNotPlot
	}
	area := math.Abs(planar.Area(project.Geometry(mp.Clone(), geo.LiwanAlbers.Forward)))
	id := f.Props[idField]
	s.Location, s.Located = InteriorPoint(largest(mp)), true
	s.Plot = mp.Clone()
	s.Confidence, s.PrecisionM = ConfidenceHigh, math.Max(10, math.Round(math.Sqrt(area/math.Pi)))
	s.Basis = i18n.T("basemap.placed_on_plot", id, area)
	if s.PlotCode == "" {
		s.PlotCode = id
	}
	return nil
}

func plotPolygons(g orb.Geometry) orb.MultiPolygon {
	switch g := g.(type) {
	case orb.Polygon:
		return orb.MultiPolygon{g}
	case orb.MultiPolygon:
		return g
	}
	return nil
}

func largest(mp orb.MultiPolygon) orb.Polygon {
	best, bestA := mp[0], -1.0
	for _, p := range mp {
		if a := math.Abs(planar.Area(p)); a > bestA {
			best, bestA = p, a
		}
	}
	return best
}

// InteriorPoint is a point inside p: its centroid when that is inside,
// else the middle of the widest inside span on the horizontal line through
// the centroid (concave plots, holes).
func InteriorPoint(p orb.Polygon) orb.Point {
	c, _ := planar.CentroidArea(p)
	if planar.PolygonContains(p, c) {
		return c
	}
	var xs []float64
	for _, r := range p {
		for i := 0; i+1 < len(r); i++ {
			a, b := r[i], r[i+1]
			if (a[1] <= c[1]) != (b[1] <= c[1]) {
				xs = append(xs, a[0]+(c[1]-a[1])*(b[0]-a[0])/(b[1]-a[1]))
			}
		}
	}
	sort.Float64s(xs)
	best, bestW := c, -1.0
	for i := 0; i+1 < len(xs); i += 2 {
		if w := xs[i+1] - xs[i]; w > bestW {
			best, bestW = orb.Point{(xs[i] + xs[i+1]) / 2, c[1]}, w
		}
	}
	return best
}
