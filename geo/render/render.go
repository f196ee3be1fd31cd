package render

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/paulmach/orb/maptile"
	xdraw "golang.org/x/image/draw"

	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo"
)

// TileGetter answers with a tile at once or not at all; a missing tile may
// be fetched in the background and the frame drawn again.
type TileGetter interface {
	Get(t maptile.Tile) (*image.RGBA, bool)
}

// Renderer composes frames. It keeps the last rasterised overlay so that a
// pan at the same zoom only re-composites it. Safe for concurrent use; the
// overlay cache is shared, so a caller rendering two different scenes
// alternately (map and export) pays a rasterisation each time.
type Renderer struct {
	Tiles       TileGetter // nil draws no basemap
	Fonts       *Fonts     // nil draws no text
	Attribution string     // drawn bottom-right whenever tiles are drawn
	Margin      int        // overlay pixels kept beyond the view on each side
	// Direct draws overlays straight onto the frame with no cached layer:
	// for one-off frames (exports), where a second full-size image would
	// double the memory and a cache is never reused.
	Direct bool
	// Keep are boxes in frame pixels (the view's top-left is 0, 0) that
	// labels keep clear of: a legend drawn over the map on a page.
	Keep [][2][2]float64

	mu sync.Mutex
	ov *overlay
	// lastLabels is the last screen frame's label placement.
	lastLabels frameLabelCache
	// Rasterizations counts overlay rasterisations (tests, diagnostics).
	Rasterizations int
	furniture      map[string]*image.RGBA
	labels         map[labelKey]*image.RGBA
}

// Frame reports what a render drew.
type Frame struct {
	Origin  [2]float64 // device world pixel of the frame's top-left
	Placed  []Placed   // markers, in device world pixels
	Missing int        // tiles not available yet
	// Labels are the site labels drawn; Dropped the sites (indices into
	// Scene.Sites) whose label did not fit, for the app to show on hover.
	Labels  []LabelBox
	Dropped []int
}

// Background is drawn where no tile is available.
var Background = color.RGBA{238, 238, 234, 255}

var graticuleColor = color.RGBA{205, 208, 204, 255}

// Render draws the view of the scene into dst (whose bounds must start at
// 0,0 and be the view's size). Offline adds a notice when tiles are missing.
func (r *Renderer) Render(dst *image.RGBA, v View, sc *Scene, offline bool) Frame {
	ox, oy := v.Origin()
	f := Frame{Origin: [2]float64{ox, oy}}
	f.Missing = r.drawBase(dst, v, sc)
	r.mu.Lock()
	defer r.mu.Unlock()
	switch {
	case sc != nil && r.Direct:
		o := &overlay{img: dst, region: image.Rect(int(ox), int(oy), int(ox)+v.Width, int(oy)+v.Height),
			spans: make([]span, v.Height)}
		in := [2][2]float64{{ox, oy}, {ox + float64(v.Width), oy + float64(v.Height)}}
		r.draw(o, sc, v, place(sc, v), &in)
		f.Placed, f.Labels, f.Dropped = o.placed, o.labels, o.dropped
	case sc != nil:
		o := r.overlayFor(sc, v)
		o.composite(dst, image.Pt(int(ox)-o.region.Min.X, int(oy)-o.region.Min.Y))
		f.Placed = o.placed
		f.Labels, f.Dropped = r.frameLabels(dst, sc, v, o, r.badgeBoxes(v, sc, f.Missing, offline))
	}
	if attr := r.attribution(); r.Tiles != nil && attr != "" && (sc == nil || sc.On(Basemap)) {
		r.drawBadge(dst, attr, v, false)
	}
	if offline && f.Missing > 0 {
		r.drawBadge(dst, i18n.T("export.offline"), v, true)
	}
	return f
}

func (r *Renderer) overlayFor(sc *Scene, v View) *overlay {
	key := overlayKey{zoom: v.Zoom, ts: v.ts(), sym: v.sym(), version: sc.Version, scene: sc, gcj02: v.GCJ02}
	ox, oy := v.Origin()
	view := image.Rect(int(ox), int(oy), int(ox)+v.Width, int(oy)+v.Height)
	if r.ov != nil && r.ov.key == key && view.In(r.ov.region) {
		return r.ov
	}
	var placed []Placed
	if r.ov != nil && r.ov.key == key {
		placed = r.ov.placed
	} else {
		placed = place(sc, v)
	}
	m := r.Margin
	if m <= 0 {
		m = 384
	}
	if r.ov == nil {
		r.ov = &overlay{deferLabels: true}
	}
	r.rasterize(r.ov, sc, v, view.Inset(-m), placed)
	r.ov.key = key
	r.Rasterizations++
	return r.ov
}

// drawBase draws tiles, or background and graticule where a tile is
// missing, and returns the number missing.
func (r *Renderer) drawBase(dst *image.RGBA, v View, sc *Scene) int {
	tiles, hidden := r.Tiles, sc != nil && !sc.On(Basemap)
	if hidden {
		tiles = nil
	}
	var missing atomic.Int32
	one := func(t maptile.Tile) {
		if !drawTile(dst, v, tiles, t) {
			missing.Add(1)
		}
	}
	if r.Direct {
		// One-off frames (exports) are large: tiles are drawn on every
		// core (their rectangles are disjoint; a tile.Set is read-only).
		parallel(v.Tiles(), one)
	} else {
		for _, t := range v.Tiles() {
			one(t)
		}
	}
	// Beyond the poles there are no tiles.
	if v.Tiles() == nil {
		draw.Draw(dst, dst.Bounds(), image.NewUniform(Background), image.Point{}, draw.Src)
	}
	// A faded basemap is the basemap under a veil of the background.
	if sc != nil && tiles != nil && sc.Layers[Basemap].Opacity < 1 {
		veil := fade(Background, 1-sc.Layers[Basemap].Opacity)
		draw.Draw(dst, dst.Bounds(), image.NewUniform(veil), image.Point{}, draw.Over)
	}
	if hidden {
		return 0
	}
	return int(missing.Load())
}

// drawTile draws one tile where the view shows it, or the background and
// graticule when it is not available (then it returns false).
func drawTile(dst *image.RGBA, v View, tiles TileGetter, t maptile.Tile) bool {
	ox, oy := v.Origin()
	size := geo.TileSize * v.ts()
	// Tiles() wraps x; recover the unwrapped column nearest the view.
	n := float64(uint32(1) << t.Z)
	tx := float64(t.X) + n*math.Round((ox/size-float64(t.X))/n)
	x0, y0 := int(math.Round(tx*size-ox)), int(math.Round(float64(t.Y)*size-oy))
	x1, y1 := int(math.Round((tx+1)*size-ox)), int(math.Round(float64(t.Y+1)*size-oy))
	rect := image.Rect(x0, y0, x1, y1)
	var img *image.RGBA
	ok := false
	if tiles != nil {
		img, ok = tiles.Get(t)
	}
	switch {
	case ok && rect.Dx() == img.Bounds().Dx() && rect.Dy() == img.Bounds().Dy():
		draw.Draw(dst, rect, img, img.Bounds().Min, draw.Src)
	case ok:
		xdraw.ApproxBiLinear.Scale(dst, rect, img, img.Bounds(), draw.Src, nil)
	default:
		draw.Draw(dst, rect, image.NewUniform(Background), image.Point{}, draw.Src)
		drawGraticule(dst, v, rect.Intersect(dst.Bounds()))
	}
	return ok
}

// parallel calls f on every tile, on as many goroutines as there are CPUs.
func parallel(ts []maptile.Tile, f func(maptile.Tile)) {
	var wg sync.WaitGroup
	next := atomic.Int32{}
	for range min(len(ts), runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < len(ts); i = int(next.Add(1)) - 1 {
				f(ts[i])
			}
		}()
	}
	wg.Wait()
}

// drawGraticule draws meridians and parallels inside clip, spaced so lines
// are at least ~120 pixels apart.
func drawGraticule(dst *image.RGBA, v View, clip image.Rectangle) {
	if clip.Empty() {
		return
	}
	step := 10.0
	for _, s := range []float64{0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10} {
		if s/360*geo.WorldSize(float64(v.Zoom))*v.ts() >= 120*v.sym() {
			step = s
			break
		}
	}
	w := max(1, int(v.sym()))
	tl := v.FromScreen(float64(clip.Min.X), float64(clip.Min.Y))
	br := v.FromScreen(float64(clip.Max.X), float64(clip.Max.Y))
	u := image.NewUniform(graticuleColor)
	for lon := math.Ceil(tl[0]/step) * step; lon <= br[0]; lon += step {
		x, _ := v.ToScreen([2]float64{lon, tl[1]})
		draw.Draw(dst, image.Rect(int(x), clip.Min.Y, int(x)+w, clip.Max.Y).Intersect(clip), u, image.Point{}, draw.Src)
	}
	for lat := math.Ceil(br[1]/step) * step; lat <= tl[1]; lat += step {
		_, y := v.ToScreen([2]float64{tl[0], lat})
		draw.Draw(dst, image.Rect(clip.Min.X, int(y), clip.Max.X, int(y)+w).Intersect(clip), u, image.Point{}, draw.Src)
	}
}

// composite blends the overlay over dst; overlay pixel (x+at.X, y+at.Y)
// lands on dst pixel (x, y). Only painted spans are visited.
func (o *overlay) composite(dst *image.RGBA, at image.Point) {
	b := dst.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		sy := y + at.Y
		if sy < 0 || sy >= len(o.spans) {
			continue
		}
		s := o.spans[sy]
		x0, x1 := max(s.x0-at.X, b.Min.X), min(s.x1-at.X, b.Max.X)
		if x1 <= x0 {
			continue
		}
		src := o.img.Pix[o.img.PixOffset(x0+at.X, sy):o.img.PixOffset(x1+at.X, sy)]
		dp := dst.Pix[dst.PixOffset(x0, y):dst.PixOffset(x1, y)]
		overRow(dp, src)
	}
}

// overRow is Porter-Duff "over" for premultiplied RGBA rows.
func overRow(dst, src []uint8) {
	for i := 0; i+3 < len(src); i += 4 {
		over(dst[i:i+4:i+4], src[i], src[i+1], src[i+2], src[i+3])
	}
}

// over is Porter-Duff "over" of one premultiplied colour onto one
// premultiplied pixel: the one blend every overlay pixel goes through.
func over(d []uint8, r, g, b, a uint8) {
	switch a {
	case 0:
	case 255:
		d[0], d[1], d[2], d[3] = r, g, b, 255
	default:
		k := 255 - uint32(a)
		d[0] = uint8(uint32(r) + (uint32(d[0])*k+127)/255)
		d[1] = uint8(uint32(g) + (uint32(d[1])*k+127)/255)
		d[2] = uint8(uint32(b) + (uint32(d[2])*k+127)/255)
		d[3] = uint8(uint32(a) + (uint32(d[3])*k+127)/255)
	}
}

// drawBadge draws a text box: the attribution bottom-right, or a notice
// top-centre. Boxes are rendered once per text and scale and then copied.
func (r *Renderer) drawBadge(dst *image.RGBA, text string, v View, notice bool) {
	if r.Fonts == nil {
		return
	}
	img := r.badge(text, v, notice)
	at := badgeAt(img.Bounds().Size(), dst.Bounds().Size(), v, notice)
	draw.Draw(dst, img.Bounds().Add(at), img, image.Point{}, draw.Over)
}

// badge is the badge's image, from a cache.
func (r *Renderer) badge(text string, v View, notice bool) *image.RGBA {
	size := 11 * v.sym()
	if notice {
		size = 13 * v.sym()
	}
	key := text + "\x00" + strconv.FormatFloat(size, 'f', 2, 64)
	if r.furniture == nil {
		r.furniture = map[string]*image.RGBA{}
	}
	img, ok := r.furniture[key]
	if !ok {
		w, h := r.Fonts.Measure(text, size)
		pad := int(4 * v.sym())
		img = image.NewRGBA(image.Rect(0, 0, w+2*pad, h+2*pad))
		bg := withAlpha(color.RGBA{255, 255, 255, 255}, 217)
		if notice {
			bg = withAlpha(color.RGBA{255, 243, 205, 255}, 240)
		}
		draw.Draw(img, img.Bounds(), image.NewUniform(bg), image.Point{}, draw.Src)
		r.Fonts.Draw(img, text, pad, pad, size, color.RGBA{40, 40, 40, 255}, color.RGBA{})
		r.furniture[key] = img
	}
	return img
}

// badgeAt is where a badge of size goes in a frame of size frame: the
// notice at the top centre, the attribution in the bottom-right corner.
func badgeAt(size, frame image.Point, v View, notice bool) image.Point {
	if notice {
		return image.Pt((frame.X-size.X)/2, int(8*v.sym()))
	}
	return image.Pt(frame.X-size.X, frame.Y-size.Y)
}

// badgeBoxes are the boxes (frame pixels) of the badges Render draws over
// a frame of the view with missing tiles, for labels to keep clear of.
func (r *Renderer) badgeBoxes(v View, sc *Scene, missing int, offline bool) [][2][2]float64 {
	if r.Fonts == nil {
		return nil
	}
	var out [][2][2]float64
	add := func(text string, notice bool) {
		sz := r.badge(text, v, notice).Bounds().Size()
		at := badgeAt(sz, image.Pt(v.Width, v.Height), v, notice)
		out = append(out, [2][2]float64{{float64(at.X), float64(at.Y)}, {float64(at.X + sz.X), float64(at.Y + sz.Y)}})
	}
	if attr := r.attribution(); r.Tiles != nil && attr != "" && (sc == nil || sc.On(Basemap)) {
		add(attr, false)
	}
	if offline && missing > 0 {
		add(i18n.T("export.offline"), true)
	}
	return out
}
