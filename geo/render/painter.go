package render

import (
	"image"
	"image/color"
	"image/draw"
	"math"
)

// Painter is what the overlays (subdistricts, halos, catchments, markers,
// leaders, labels) are drawn through, so that one drawing code serves the
// raster frame and vector output (the PDF export). Coordinates are the
// painter's pixels (world pixels minus an offset), widths and text sizes
// pixels; colours are premultiplied, as image.RGBA holds them.
type Painter interface {
	// Fill fills polygons as one shape (nonzero rule: holes wind the
	// other way).
	Fill(c color.RGBA, polys ...[][2]float64)
	// Stroke draws a line width wide along pts, closed back to the start
	// when closed is set.
	Stroke(c color.RGBA, width float64, closed bool, pts [][2]float64)
	// Hatch fills a polygon with diagonal stripes of fg on bg, period
	// pixels apart.
	Hatch(fg, bg color.RGBA, period float64, poly [][2]float64)
	// Circles fills the union of the circles once (overlaps never look
	// darker) and outlines the union's edge only; dash > 0 dashes the
	// outline, a transparent fill draws the outline alone.
	Circles(cs []Circle, fill, line color.RGBA, width, dash float64)
	// Text writes s with its box's top-left at (x, y), size in pixels,
	// ringed by halo unless it is transparent.
	Text(x, y, size float64, s string, ink, halo color.RGBA)
	// Capsules fills the union of the capsules once and outlines its edge
	// (vector output may fill only); a transparent fill outlines alone.
	Capsules(cs []PxCapsule, fill, line color.RGBA, width float64)
	// Pixels has paint draw an image of w×h painter pixels (a raster
	// layer such as the accessibility map) onto the painter's area, its
	// pixel (0, 0) at painter (0, 0).
	Pixels(w, h int, paint func(dst *image.RGBA))
}

// Circle is a circle in painter pixels.
type Circle struct{ X, Y, R float64 }

// rasterPainter paints into an overlay's image.
type rasterPainter struct {
	o *overlay
	c *canvas
	r *Renderer // label cache and fonts; nil draws no text
}

var _ Painter = (*rasterPainter)(nil)

func newRasterPainter(o *overlay, r *Renderer) *rasterPainter {
	return &rasterPainter{o: o, c: newCanvas(o.img, &o.ras), r: r}
}

func (p *rasterPainter) Fill(c color.RGBA, polys ...[][2]float64) { p.c.fillPolys(c, polys...) }

func (p *rasterPainter) Stroke(c color.RGBA, w float64, closed bool, pts [][2]float64) {
	if closed {
		p.c.strokePoly(c, w, pts)
		return
	}
	p.c.strokeLine(c, w, pts)
}

func (p *rasterPainter) Hatch(fg, bg color.RGBA, period float64, poly [][2]float64) {
	p.c.fillPattern(hatch{fg: fg, bg: bg, period: max(2, int(period))}, poly)
}

func (p *rasterPainter) Circles(cs []Circle, fill, line color.RGBA, w, dash float64) {
	px := make([]pxCircle, len(cs))
	for i, c := range cs {
		px[i] = pxCircle{c.X, c.Y, c.R}
	}
	p.o.paintCircles(px, circleStyle{fill: fill, line: line, width: max(1, int(math.Round(w))), dash: dash})
}

func (p *rasterPainter) Text(x, y, size float64, s string, ink, halo color.RGBA) {
	if p.r == nil || p.r.Fonts == nil {
		return
	}
	img := p.r.label(s, size, ink, halo)
	box := img.Bounds().Add(image.Pt(int(math.Round(x)), int(math.Round(y))))
	draw.Draw(p.o.img, box, img, image.Point{}, draw.Over)
	p.o.mark(box)
}

func (p *rasterPainter) Capsules(cs []PxCapsule, fill, line color.RGBA, w float64) {
	p.o.paintCapsules(cs, circleStyle{fill: fill, line: line, width: max(1, int(math.Round(w)))})
}

func (p *rasterPainter) Pixels(w, h int, paint func(dst *image.RGBA)) {
	paint(p.o.img)
	p.o.mark(p.o.img.Bounds())
}

// flush marks what the canvas painted, for compositing.
func (p *rasterPainter) flush() {
	for _, d := range p.c.dirty {
		p.o.mark(d)
	}
	p.c.dirty = p.c.dirty[:0]
}
