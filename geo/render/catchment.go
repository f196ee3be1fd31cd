package render

import (
	"image"
	"image/color"
	"math"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/geo"
)

// catchOrder draws larger service areas first, so smaller ones stay on top.
var catchOrder = []data.Level{data.Senior, data.International, data.Junior, data.Primary, data.Kindergarten}

// catchCentre is a catchment: a centre and its walking radius in metres.
type catchCentre struct {
	at     orb.Point
	radius float64
}

// catchments groups the catchment centres of the scene by served level.
func catchments(sc *Scene) map[data.Level][]catchCentre {
	out := map[data.Level][]catchCentre{}
	for i := range sc.Sites {
		s := &sc.Sites[i]
		if !s.Located {
			continue
		}
		if st, _ := sc.status(s); sc.CatchInServiceOnly && st != data.InService {
			continue
		}
		for served, r := range sc.Norms.CatchmentRadii(s.Level) {
			if sc.catchLevelOn(served) {
				out[served] = append(out[served], struct {
					at     orb.Point
					radius float64
				}{s.Location, r})
			}
		}
	}
	return out
}

func (r *Renderer) drawCatchments(o *overlay, sc *Scene, v View, off [2]float64) {
	op := sc.Layers[Catchments].Opacity
	groups := catchments(sc)
	for _, l := range catchOrder {
		g := groups[l]
		if len(g) == 0 {
			continue
		}
		col := StyleOf(l).Fill
		if sc.CatchShapes != nil && sc.CatchMode == CatchCircles {
			drawShapes(o, sc, v, off, l)
			continue
		}
		if sc.CatchMode == CatchNearest {
			drawNearest(o, v, g, off, col, op)
			continue
		}
		circles := make([]pxCircle, len(g))
		for k, c := range g {
			x, y := v.World(c.at)
			// Over a catchment (≤ a few km) the Mercator scale varies by
			// under 0.01%, so the geodesic circle is a pixel circle of the
			// centre's scale: exact to far below a pixel at every zoom.
			r := c.radius / (geo.MetersPerPixel(c.at[1], float64(v.Zoom)) / v.ts())
			circles[k] = pxCircle{x - off[0], y - off[1], r}
		}
		o.unionCircles(circles, col, op, math.Max(1, math.Round(1.5*v.sym())))
	}
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

// unionCircles paints the union of circles once: a light fill and an
// outline along the union's edge only, so overlapping catchments never read
// as "more coverage".
func (o *overlay) unionCircles(cs []pxCircle, col color.RGBA, op, lineW float64) {
	o.paintCircles(cs, circleStyle{fade(withAlpha(col, 56), op), fade(withAlpha(col, 220), op), int(lineW), 0})
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
	row := func(y int) geo.Intervals { return rows[y-y0+w] }
	for y := y0; y < y1; y++ {
		for _, iv := range row(y) {
			xa, xb := max(b.Min.X, int(math.Floor(iv[0]))), min(b.Max.X, int(math.Ceil(iv[1])))
			if xb <= xa {
				continue
			}
			inner := geo.Intervals{{iv[0] + float64(w), iv[1] - float64(w)}}.Intersect(row(y - w)).Intersect(row(y + w))
			k := 0
			for x := xa; x < xb; x++ {
				xc := float64(x) + 0.5
				for k < len(inner) && inner[k][1] < xc {
					k++
				}
				var c color.RGBA
				switch {
				case k < len(inner) && xc >= inner[k][0]:
					c = st.fill
				case xc >= iv[0] && xc <= iv[1]:
					c = st.line
					if st.dash > 0 && dashGap(cs, xc, float64(y)+0.5, st.dash) {
						c = st.fill
					}
				default: // partly covered end pixel
					cov := math.Min(float64(x+1), iv[1]) - math.Max(float64(x), iv[0])
					c = fade(st.line, math.Max(0, math.Min(cov, 1)))
				}
				i := o.img.PixOffset(x, y)
				blendPixel(o.img.Pix[i:i+4:i+4], c)
			}
			o.mark(image.Rect(xa, y, xb, y+1))
		}
	}
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

// blendPixel is "over" for one premultiplied pixel.
func blendPixel(d []uint8, c color.RGBA) {
	switch c.A {
	case 0:
	case 255:
		d[0], d[1], d[2], d[3] = c.R, c.G, c.B, 255
	default:
		k := 255 - uint32(c.A)
		d[0] = uint8(uint32(c.R) + (uint32(d[0])*k+127)/255)
		d[1] = uint8(uint32(c.G) + (uint32(d[1])*k+127)/255)
		d[2] = uint8(uint32(c.B) + (uint32(d[2])*k+127)/255)
		d[3] = uint8(uint32(c.A) + (uint32(d[3])*k+127)/255)
	}
}

// chords returns the merged x-intervals where the circles cut the line y.
func chords(cs []pxCircle, y float64) geo.Intervals {
	var ivs [][2]float64
	for _, c := range cs {
		dy := y - c.y
		if h2 := c.r*c.r - dy*dy; h2 > 0 {
			h := math.Sqrt(h2)
			ivs = append(ivs, [2]float64{c.x - h, c.x + h})
		}
	}
	return geo.Union(ivs)
}

// drawNearest draws the nearest-site partition of one level over the
// overlay region (the view and its margin).
func drawNearest(o *overlay, v View, g []catchCentre, off [2]float64, col color.RGBA, op float64) {
	pts := make([]orb.Point, len(g))
	for k, c := range g {
		x, y := v.World(c.at)
		pts[k] = orb.Point{x - off[0], y - off[1]}
	}
	b := o.img.Bounds()
	clip := orb.Ring{{0, 0}, {float64(b.Dx()), 0}, {float64(b.Dx()), float64(b.Dy())}, {0, float64(b.Dy())}, {0, 0}}
	c := newCanvas(o.img, &o.ras)
	for _, cell := range geo.Voronoi(pts, clip) {
		if len(cell) < 4 {
			continue
		}
		poly := make([][2]float64, len(cell)-1)
		for k, q := range cell[:len(cell)-1] {
			poly[k] = q
		}
		c.fillPolys(fade(withAlpha(col, 36), op), poly)
		c.strokePoly(fade(withAlpha(col, 200), op), math.Max(1.5, 1.5*v.sym()), poly)
	}
	for _, d := range c.dirty {
		o.mark(d)
	}
}
