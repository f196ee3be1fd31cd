package render

import (
	"image/color"
	"math"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/geo"
)

// catchOrder draws larger service areas first, so smaller ones stay on top.
var catchOrder = []data.Level{data.Senior, data.International, data.Junior, data.Primary, data.Kindergarten}

// catchCentre is a catchment: a centre, its walking radius in metres and
// whether its school is in service in the scene's year (filled) or only
// planned or under construction (outline).
type catchCentre struct {
	at     orb.Point
	radius float64
	open   bool
}

// catchments groups the catchment centres of the scene by served level.
func catchments(sc *Scene) map[data.Level][]catchCentre {
	out := map[data.Level][]catchCentre{}
	for i := range sc.Sites {
		s := &sc.Sites[i]
		if !s.Located {
			continue
		}
		st, _ := sc.status(s)
		if sc.CatchInServiceOnly && st != data.InService {
			continue
		}
		for served, r := range sc.Norms.CatchmentRadii(s.Level) {
			if sc.catchLevelOn(served) {
				out[served] = append(out[served], catchCentre{s.Location, r, st == data.InService})
			}
		}
	}
	return out
}

// drawCatchments draws each level's catchments: the union of the circles
// of schools in service filled, those still to come outlined only; or, in
// nearest-site mode, one level's partition over an area of size.
func drawCatchments(p Painter, sc *Scene, v View, off, size [2]float64) {
	op := sc.Layers[Catchments].Opacity
	groups := catchments(sc)
	if sc.CatchMode == CatchNearest {
		if l := sc.nearestLevel(groups); l != data.LevelUnknown {
			drawNearest(p, v, groups[l], off, size, sc.nearestClip(v, off), op)
		}
		return
	}
	w := math.Max(1, math.Round(1.5*v.sym()))
	for _, l := range catchOrder {
		col := StyleOf(l).Fill
		if sc.CatchShapes != nil {
			drawShapes(p, sc, v, off, l, w)
			continue
		}
		open, coming := catchCircles(v, groups[l], off)
		if len(open) > 0 {
			p.Circles(open, fade(withAlpha(col, 56), op), fade(withAlpha(col, 220), op), w, 0)
		}
		if len(coming) > 0 {
			p.Circles(coming, color.RGBA{}, fade(withAlpha(col, 220), op), w, 0)
		}
	}
}

// catchCircles projects a level's catchments to painter pixels, split into
// those of schools in service and those still to come.
func catchCircles(v View, g []catchCentre, off [2]float64) (open, coming []Circle) {
	for _, c := range g {
		x, y := v.World(c.at)
		// Over a catchment (≤ a few km) the Mercator scale varies by
		// under 0.01%, so the geodesic circle is a pixel circle of the
		// centre's scale: exact to far below a pixel at every zoom.
		r := c.radius / (geo.MetersPerPixel(c.at[1], float64(v.Zoom)) / v.ts())
		if c.open {
			open = append(open, Circle{x - off[0], y - off[1], r})
		} else {
			coming = append(coming, Circle{x - off[0], y - off[1], r})
		}
	}
	return open, coming
}

// pxCircle is a circle in overlay pixels.
type pxCircle struct{ x, y, r float64 }

// circleStyle is how paintCircles draws: fill and outline colours, outline
// width, and a dash length (0 = solid).
type circleStyle struct {
	fill, line color.RGBA
	width      int
	dash       float64
}

// paintCircles paints the union of circles. Each row is the merged set of
// the circles' chords; a pixel is outline when a neighbour lineW away is
// outside the union. The cost follows the painted area, not the circles'
// bounding box.
func (o *overlay) paintCircles(cs []pxCircle, st circleStyle) {
	b := o.img.Bounds()
	y0, y1 := b.Max.Y, b.Min.Y
	for _, c := range cs {
		y0 = min(y0, max(b.Min.Y, int(math.Floor(c.y-c.r))))
		y1 = max(y1, min(b.Max.Y, int(math.Ceil(c.y+c.r))+1))
	}
	if y0 >= y1 {
		return
	}
	w := max(1, st.width)
	// Rows beyond the painted ones are kept (empty) so y±w lookups work.
	rows := make([]geo.Intervals, y1-y0+2*w)
	for y := y0 - w; y < y1+w; y++ {
		rows[y-y0+w] = chords(cs, float64(y)+0.5)
	}
	var gap func(x, y float64) bool
	if st.dash > 0 {
		gap = func(x, y float64) bool { return dashGap(cs, x, y, st.dash) }
	}
	o.paintRows(rows, y0-w, w, st, gap)
}

// dashGap reports whether an outline pixel falls in a gap of the dash
// pattern, measured along the nearest circle's arc.
func dashGap(cs []pxCircle, x, y, dash float64) bool {
	best, bestD := 0, math.Inf(1)
	for i, c := range cs {
		if d := math.Abs(math.Hypot(x-c.x, y-c.y) - c.r); d < bestD {
			best, bestD = i, d
		}
	}
	c := cs[best]
	arc := (math.Atan2(y-c.y, x-c.x) + math.Pi) * c.r
	return math.Mod(arc, 2*dash) >= dash
}

// chords returns the merged x-intervals where the circles cut the line y.
func chords(cs []pxCircle, y float64) geo.Intervals {
	return geo.CircleChords(nil, cs, y, pxCircle.xyr)
}

func (c pxCircle) xyr() (x, y, r float64) { return c.x, c.y, c.r }
