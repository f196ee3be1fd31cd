package render

import (
	"image"
	"image/color"
	"math"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/geo"
)

// Layers switches overlay parts on and off.
type Layers struct {
	Sites  bool
	Halos  bool
	Labels bool
}

// DefaultLayers shows everything.
func DefaultLayers() Layers { return Layers{Sites: true, Halos: true, Labels: true} }

// Scene is what the overlay shows. Whoever changes a Scene must bump
// Version, which is how the renderer knows its cached overlay is stale.
type Scene struct {
	Sites    []data.Site
	Norms    data.Norms
	Selected string // site ID
	Layers   Layers
	Version  uint64
}

// overlay is a rasterised scene for one zoom over a region larger than the
// view, so that panning only re-composites it.
type overlay struct {
	key    overlayKey
	region image.Rectangle // device world pixels
	img    *image.RGBA
	spans  []span // painted x-range of each row, to composite only those
	placed []Placed
}

type overlayKey struct {
	zoom    int
	ts, sym float64
	version uint64
	scene   *Scene
}

type span struct{ x0, x1 int }

func (o *overlay) mark(r image.Rectangle) {
	r = r.Intersect(o.img.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		s := &o.spans[y]
		if s.x1 <= s.x0 {
			*s = span{r.Min.X, r.Max.X}
			continue
		}
		s.x0, s.x1 = min(s.x0, r.Min.X), max(s.x1, r.Max.X)
	}
}

// markerRadius is the marker size in device pixels.
func markerRadius(v View) float64 { return 8 * v.sym() }

// place lays out the scene's located sites at the view's zoom.
func place(sc *Scene, v View) []Placed {
	var anchors [][2]float64
	var radii []float64
	var idx []int
	for i := range sc.Sites {
		s := &sc.Sites[i]
		if !s.Located {
			continue
		}
		x, y := v.World(s.Location)
		anchors = append(anchors, [2]float64{x, y})
		radii = append(radii, markerRadius(v))
		idx = append(idx, i)
	}
	placed := Place(anchors, radii)
	for k := range placed {
		placed[k].Index = idx[placed[k].Index]
	}
	return placed
}

// rasterize draws the scene into a fresh overlay covering region.
func (r *Renderer) rasterize(sc *Scene, v View, region image.Rectangle, placed []Placed) *overlay {
	o := &overlay{region: region, placed: placed,
		img:   image.NewRGBA(image.Rect(0, 0, region.Dx(), region.Dy())),
		spans: make([]span, region.Dy())}
	c := newCanvas(o.img)
	off := [2]float64{float64(region.Min.X), float64(region.Min.Y)}
	local := func(p [2]float64) [2]float64 { return [2]float64{p[0] - off[0], p[1] - off[1]} }
	if sc.Layers.Halos {
		for _, p := range placed {
			if s := &sc.Sites[p.Index]; s.Approximate() {
				r.drawHalo(c, v, s, off)
			}
		}
	}
	if sc.Layers.Sites {
		for _, p := range placed {
			if p.Spread() {
				a, b := local(p.Anchor), local(p.Pos)
				c.strokeLine(color.RGBA{60, 60, 60, 200}, 1.2*v.sym(), [][2]float64{a, b})
				c.fillPolys(color.RGBA{60, 60, 60, 230}, shapePath(ShapeCircle, a[0], a[1], 2.5*v.sym()))
			}
		}
		for _, p := range placed {
			r.drawMarker(c, v, &sc.Sites[p.Index], local(p.Pos), p.Radius, sc.Sites[p.Index].ID == sc.Selected)
		}
	}
	for _, d := range c.dirty {
		o.mark(d)
	}
	if sc.Layers.Labels && sc.Layers.Sites && r.Fonts != nil && v.Zoom >= 12 {
		r.drawLabels(o, sc, v, placed, off)
	}
	return o
}

// drawLabels writes site names under their markers, the selected site
// first; a label that would overlap a marker or an earlier label is left
// out rather than drawn illegibly.
func (r *Renderer) drawLabels(o *overlay, sc *Scene, v View, placed []Placed, off [2]float64) {
	order := make([]Placed, 0, len(placed))
	for _, p := range placed {
		if sc.Sites[p.Index].ID == sc.Selected {
			order = append([]Placed{p}, order...)
		} else {
			order = append(order, p)
		}
	}
	var taken []image.Rectangle
	for _, p := range placed {
		q := image.Pt(int(p.Pos[0]-off[0]), int(p.Pos[1]-off[1]))
		rad := int(p.Radius)
		taken = append(taken, image.Rect(q.X-rad, q.Y-rad, q.X+rad, q.Y+rad))
	}
	size := 12 * v.sym()
	for _, p := range order {
		s := &sc.Sites[p.Index]
		w, h := r.Fonts.Measure(s.ShortName, size)
		x, y := int(p.Pos[0]-off[0])-w/2, int(p.Pos[1]-off[1]+p.Radius+2*v.sym())
		box := image.Rect(x, y, x+w, y+h)
		if overlapsAny(box, taken) && s.ID != sc.Selected {
			continue
		}
		taken = append(taken, box)
		o.mark(r.Fonts.Draw(o.img, s.ShortName, x, y, size, color.RGBA{30, 30, 30, 255}, color.RGBA{255, 255, 255, 255}))
	}
}

func overlapsAny(r image.Rectangle, rs []image.Rectangle) bool {
	for _, o := range rs {
		if r.Overlaps(o) {
			return true
		}
	}
	return false
}

func (r *Renderer) drawHalo(c *canvas, v View, s *data.Site, off [2]float64) {
	ring := geo.Circle(s.Location, s.PrecisionM, 64)
	pts := make([][2]float64, 0, len(ring))
	for _, q := range ring[:len(ring)-1] {
		x, y := v.World(q)
		pts = append(pts, [2]float64{x - off[0], y - off[1]})
	}
	st := StyleOf(s.Level)
	c.fillPolys(withAlpha(st.Fill, 34), pts)
	c.strokePoly(withAlpha(st.Fill, 110), math.Max(1, v.sym()), pts)
}

func (r *Renderer) drawMarker(c *canvas, v View, s *data.Site, at [2]float64, radius float64, selected bool) {
	st := StyleOf(s.Level)
	if selected {
		c.fillPolys(color.RGBA{20, 20, 20, 255}, shapePath(st.Shape, at[0], at[1], radius+4*v.sym()))
		c.fillPolys(color.RGBA{255, 235, 59, 255}, shapePath(st.Shape, at[0], at[1], radius+2.5*v.sym()))
	}
	c.fillPolys(color.RGBA{255, 255, 255, 255}, shapePath(st.Shape, at[0], at[1], radius+1.5*v.sym()))
	c.fillPolys(st.Fill, shapePath(st.Shape, at[0], at[1], radius))
}

// withAlpha returns c at opacity a, premultiplied as image.RGBA expects.
func withAlpha(c color.RGBA, a uint8) color.RGBA {
	f := func(v uint8) uint8 { return uint8(uint16(v) * uint16(a) / 255) }
	return color.RGBA{f(c.R), f(c.G), f(c.B), a}
}
