package render

import (
	"image"
	"image/color"

	"golang.org/x/image/vector"
)

// overlay is a rasterised scene for one zoom over a region larger than the
// view, so that panning only re-composites it.
type overlay struct {
	key    overlayKey
	region image.Rectangle // device world pixels
	img    *image.RGBA
	spans  []span // painted x-range of each row, to composite only those
	placed []Placed
	ras    vector.Rasterizer // reused by every fill
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

// reset makes o an empty overlay of region, reusing its buffer when the
// size allows: only the spans painted last time are cleared.
func (o *overlay) reset(region image.Rectangle) {
	o.region = region
	w, h := region.Dx(), region.Dy()
	if o.img == nil || o.img.Bounds().Dx() != w || o.img.Bounds().Dy() != h {
		o.img = image.NewRGBA(image.Rect(0, 0, w, h))
		o.spans = make([]span, h)
		return
	}
	for y, s := range o.spans {
		if s.x1 > s.x0 {
			clear(o.img.Pix[o.img.PixOffset(s.x0, y):o.img.PixOffset(s.x1, y)])
		}
		o.spans[y] = span{}
	}
}

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
		radii = append(radii, markerRadius(sc, s, v))
		idx = append(idx, i)
	}
	placed := Place(anchors, radii)
	for k := range placed {
		placed[k].Index = idx[placed[k].Index]
	}
	return placed
}

// rasterize draws the scene into a cleared o over region.
func (r *Renderer) rasterize(o *overlay, sc *Scene, v View, region image.Rectangle, placed []Placed) {
	o.reset(region)
	r.draw(o, sc, v, placed)
}

// draw paints the scene's layers over what o holds, bottom layer first.
func (r *Renderer) draw(o *overlay, sc *Scene, v View, placed []Placed) {
	region := o.region
	o.placed = placed
	c := newCanvas(o.img, &o.ras)
	off := [2]float64{float64(region.Min.X), float64(region.Min.Y)}
	if sc.On(Subdistricts) && len(sc.Zones) > 0 {
		r.drawZones(o, sc, v, off)
	}
	drawAccess(o, sc.Access, v, off)
	if sc.On(Catchments) {
		r.drawCatchments(o, sc, v, off)
	}
	if sc.On(Halos) {
		op := sc.Layers[Halos].Opacity
		for _, p := range placed {
			if s := &sc.Sites[p.Index]; s.Approximate() {
				o.drawHalo(v, s, off, op)
			}
		}
	}
	if sc.On(Sites) {
		drawSites(c, sc, v, placed, off)
	}
	for _, d := range c.dirty {
		o.mark(d)
	}
	if sc.On(Labels) && sc.On(Sites) && r.Fonts != nil && v.Zoom >= 12 {
		r.drawLabels(o, sc, v, placed, off)
	}
}

// fade scales a colour's opacity by op (0..1), premultiplied.
func fade(c color.RGBA, op float64) color.RGBA {
	if op >= 1 {
		return c
	}
	f := func(v uint8) uint8 { return uint8(float64(v)*op + 0.5) }
	return color.RGBA{f(c.R), f(c.G), f(c.B), f(c.A)}
}

// withAlpha returns opaque c at opacity a, premultiplied as image.RGBA
// expects.
func withAlpha(c color.RGBA, a uint8) color.RGBA { return fade(c, float64(a)/255) }
