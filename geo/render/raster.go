package render

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/vector"
)

// canvas rasterizes anti-aliased paths into an RGBA image offset by org
// (the world pixel of the image's top-left corner).
type canvas struct {
	img   *image.RGBA
	ras   *vector.Rasterizer
	dirty []image.Rectangle // areas painted, for compositing only those
}

// newCanvas paints into img with ras, whose buffers are reused from call
// to call (a rasterizer sized to the whole image would cost megabytes per
// frame).
func newCanvas(img *image.RGBA, ras *vector.Rasterizer) *canvas {
	return &canvas{img: img, ras: ras}
}

// fillPolys fills one or more closed polygons (nonzero rule: holes must
// wind the other way) with colour c, blending over what is there.
func (c *canvas) fillPolys(col color.RGBA, polys ...[][2]float64) {
	c.fillPattern(image.NewUniform(col), polys...)
}

// fillPattern fills polygons with the pixels of src (same coordinates as
// the canvas).
func (c *canvas) fillPattern(src image.Image, polys ...[][2]float64) {
	b := c.img.Bounds()
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range polys {
		for _, q := range p {
			minX, minY = math.Min(minX, q[0]), math.Min(minY, q[1])
			maxX, maxY = math.Max(maxX, q[0]), math.Max(maxY, q[1])
		}
	}
	r := image.Rect(int(math.Floor(minX))-1, int(math.Floor(minY))-1, int(math.Ceil(maxX))+1, int(math.Ceil(maxY))+1).Intersect(b)
	if r.Empty() {
		return
	}
	// Rasterize only the bounding box: the cost follows the shape's size,
	// not the canvas's.
	c.ras.Reset(r.Dx(), r.Dy())
	ox, oy := float32(r.Min.X), float32(r.Min.Y)
	for _, p := range polys {
		if len(p) < 3 {
			continue
		}
		c.ras.MoveTo(float32(p[0][0])-ox, float32(p[0][1])-oy)
		for _, q := range p[1:] {
			c.ras.LineTo(float32(q[0])-ox, float32(q[1])-oy)
		}
		c.ras.ClosePath()
	}
	c.ras.DrawOp = draw.Over
	c.ras.Draw(c.img, r, src, r.Min)
	c.dirty = append(c.dirty, r)
}

// strokePoly draws the outline of a closed polygon w pixels wide, as the
// ring between the polygon offset outwards and inwards.
func (c *canvas) strokePoly(col color.RGBA, w float64, p [][2]float64) {
	n := len(p)
	if n < 2 {
		return
	}
	var segs [][][2]float64
	for i := 0; i < n; i++ {
		a, b := p[i], p[(i+1)%n]
		segs = append(segs, segment(a, b, w))
	}
	c.fillPolys(col, segs...)
}

// strokeLine draws an open polyline w pixels wide.
func (c *canvas) strokeLine(col color.RGBA, w float64, p [][2]float64) {
	var segs [][][2]float64
	for i := 0; i+1 < len(p); i++ {
		segs = append(segs, segment(p[i], p[i+1], w))
	}
	c.fillPolys(col, segs...)
}

// segment is a rectangle around a-b, w wide, extended by w/2 at both ends so
// joints of consecutive segments close.
func segment(a, b [2]float64, w float64) [][2]float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	l := math.Hypot(dx, dy)
	if l == 0 {
		return nil
	}
	ux, uy := dx/l*w/2, dy/l*w/2
	return [][2]float64{
		{a[0] - ux - uy, a[1] - uy + ux}, {b[0] + ux - uy, b[1] + uy + ux},
		{b[0] + ux + uy, b[1] + uy - ux}, {a[0] - ux + uy, a[1] - uy - ux},
	}
}
