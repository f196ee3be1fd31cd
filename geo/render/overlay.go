package render

import (
	"fmt"
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
	// labels are the site labels drawn and dropped the sites whose label
	// did not fit.
	labels  []LabelBox
	dropped []int
	// deferLabels leaves the site labels out of the overlay: a screen
	// overlay outlives pans and resizes, so its labels are placed on each
	// frame, inside it (see frameLabels); avoid are the subdistrict names
	// and kept boxes those labels must keep clear of.
	deferLabels bool
	avoid       [][2][2]float64
	ras         vector.Rasterizer // reused by every fill
}

type overlayKey struct {
	zoom    int
	ts, sym float64
	version uint64
	scene   *Scene
	gcj02   bool
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
	o.labels, o.dropped, o.avoid = nil, nil, nil
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
	r.draw(o, sc, v, placed, nil)
}

// draw paints the scene's layers over what o holds, bottom layer first.
// Labels stay inside the given area (device world pixels) when it is set.
func (r *Renderer) draw(o *overlay, sc *Scene, v View, placed []Placed, inside *[2][2]float64) {
	o.placed = placed
	p := newRasterPainter(o, r)
	off := [2]float64{float64(o.region.Min.X), float64(o.region.Min.Y)}
	size := [2]float64{float64(o.img.Bounds().Dx()), float64(o.img.Bounds().Dy())}
	o.labels, o.dropped = r.paint(p, sc, v, placed, off, size, inside, o)
	p.flush()
}

// Paint draws the scene's overlays (not the basemap) through p in frame
// pixels, the view's top-left being (0, 0): the vector counterpart of
// Render, for output that keeps shapes and text as such. Labels stay
// inside the frame.
func (r *Renderer) Paint(p Painter, v View, sc *Scene) Frame {
	r.mu.Lock()
	defer r.mu.Unlock()
	ox, oy := v.Origin()
	f := Frame{Origin: [2]float64{ox, oy}, Placed: place(sc, v)}
	in := [2][2]float64{{ox, oy}, {ox + float64(v.Width), oy + float64(v.Height)}}
	f.Labels, f.Dropped = r.paint(p, sc, v, f.Placed, f.Origin, [2]float64{float64(v.Width), float64(v.Height)}, &in, nil)
	return f
}

// paint draws the layers through p, bottom first, at painter pixels =
// world pixels - off over an area of size; it returns the labels placed
// and the sites whose labels were dropped. An overlay o that defers its
// labels gets, instead, the boxes they must avoid.
func (r *Renderer) paint(p Painter, sc *Scene, v View, placed []Placed, off, size [2]float64, inside *[2][2]float64, o *overlay) ([]LabelBox, []int) {
	var zoneBoxes [][2][2]float64
	keep := r.keepBoxes(v)
	r.drawReferences(p, sc, v, off, size)
	if sc.On(Subdistricts) && len(sc.Zones) > 0 {
		zoneBoxes = r.drawZones(p, sc, v, off, placed, keep)
	}
	drawAccess(p, sc.Access, v, off, size)
	// Halos go under the catchments: a halo is often larger than a
	// kindergarten's 300 m catchment and must never veil it.
	if sc.On(Halos) {
		drawHalos(p, sc, v, placed, off)
	}
	if sc.On(Catchments) {
		drawCatchments(p, sc, v, off, size)
	}
	if sc.On(Sites) {
		drawSitePlots(p, sc, v, off)
		drawSites(p, sc, v, placed, off)
	}
	if !labelled(sc, v) || r.Fonts == nil {
		return nil, nil
	}
	if o != nil && o.deferLabels {
		o.avoid = append(zoneBoxes, keep...)
		return nil, nil
	}
	return r.drawLabels(p, sc, v, placed, off, inside, append(zoneBoxes, keep...))
}

// labelled reports whether site labels show: on, with the sites, from
// zoom 12 (the district's scale) in.
func labelled(sc *Scene, v View) bool { return sc.On(Labels) && sc.On(Sites) && v.Zoom >= 12 }

// frameLabels places and draws the labels of a screen frame over dst (the
// view's pixels) from the overlay's markers, each wholly inside the frame
// and clear of the badges (frame pixels) drawn over it. The placement is
// kept for the next frame of the same view (a redraw for arriving tiles).
func (r *Renderer) frameLabels(dst *image.RGBA, sc *Scene, v View, o *overlay, badges [][2][2]float64) ([]LabelBox, []int) {
	if !labelled(sc, v) || r.Fonts == nil {
		return nil, nil
	}
	ox, oy := v.Origin()
	key := frameLabelKey{o: o, key: o.key, region: o.region, origin: [2]float64{ox, oy}, w: v.Width, h: v.Height, badges: fmt.Sprint(badges)}
	if r.lastLabels.key != key {
		avoid := append([][2][2]float64(nil), o.avoid...)
		for _, b := range badges {
			avoid = append(avoid, [2][2]float64{{b[0][0] + ox, b[0][1] + oy}, {b[1][0] + ox, b[1][1] + oy}})
		}
		in := [2][2]float64{{ox, oy}, {ox + float64(v.Width), oy + float64(v.Height)}}
		r.lastLabels.labels, r.lastLabels.dropped = r.placeLabels(sc, v, o.placed, &in, avoid)
		r.lastLabels.key = key
	}
	fo := &overlay{img: dst, region: image.Rect(int(ox), int(oy), int(ox)+v.Width, int(oy)+v.Height), spans: make([]span, v.Height)}
	p := newRasterPainter(fo, r)
	r.paintLabels(p, sc, v, r.lastLabels.labels, [2]float64{ox, oy})
	p.flush()
	return r.lastLabels.labels, r.lastLabels.dropped
}

// frameLabelKey is what a screen frame's label placement depends on.
type frameLabelKey struct {
	o      *overlay
	key    overlayKey
	region image.Rectangle // the overlay's rasterisation
	origin [2]float64
	w, h   int
	badges string
}

// frameLabelCache is the last screen frame's label placement.
type frameLabelCache struct {
	key     frameLabelKey
	labels  []LabelBox
	dropped []int
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

// Overlay draws the scene's overlays alone on a transparent image of the
// view's size: a map of what the frame shows where, for placing page
// furniture where it hides least.
func (r *Renderer) Overlay(v View, sc *Scene) *image.RGBA {
	r.mu.Lock()
	defer r.mu.Unlock()
	ox, oy := v.Origin()
	o := &overlay{img: image.NewRGBA(image.Rect(0, 0, v.Width, v.Height)),
		region: image.Rect(int(ox), int(oy), int(ox)+v.Width, int(oy)+v.Height), spans: make([]span, v.Height)}
	in := [2][2]float64{{ox, oy}, {ox + float64(v.Width), oy + float64(v.Height)}}
	r.draw(o, sc, v, place(sc, v), &in)
	return o.img
}

// keepBoxes are the Keep boxes in device world pixels.
func (r *Renderer) keepBoxes(v View) [][2][2]float64 {
	ox, oy := v.Origin()
	out := make([][2][2]float64, len(r.Keep))
	for i, b := range r.Keep {
		out[i] = [2][2]float64{{b[0][0] + ox, b[0][1] + oy}, {b[1][0] + ox, b[1][1] + oy}}
	}
	return out
}
