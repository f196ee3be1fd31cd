package render

import (
	"image"
	"image/color"
	"math"
	"sort"
)

// refSimplify is the simplification tolerance in pixels: vertices closer
// than this to the last kept one are dropped at the frame's zoom.
const refSimplify = 0.75

// drawReferences paints the visible reference layers of the scene, bottom
// first, through p (painter pixels = world pixels - off, over size): under
// everything else.
func (r *Renderer) drawReferences(p Painter, sc *Scene, v View, off, size [2]float64) {
	for _, ref := range sc.References {
		if ref == nil || ref.Layer == nil || !ref.Layer.Visible {
			continue
		}
		ref.mu.Lock()
		ref.prepare(v.GCJ02)
		r.drawReference(p, ref, v, off, size)
		ref.mu.Unlock()
	}
}

// refBand is the height in pixels of the bands of rows whose features
// are rasterised together: one rasterizer pass for many small plots
// instead of two per plot.
const refBand = 256

// refBatch gathers the shapes of one band: fills, and strokes as
// polygons (segment quads, dots), each drawn in one pass (nonzero rule:
// overlapping shapes of a batch are painted once).
type refBatch struct{ fills, strokes [][][2]float64 }

func (r *Renderer) drawReference(p Painter, ref *Reference, v View, off, size [2]float64) {
	k := math.Exp2(float64(v.Zoom)) * v.ts()
	lo := [2]float64{off[0] / k, off[1] / k}
	hi := [2]float64{(off[0] + size[0]) / k, (off[1] + size[1]) / k}
	stroke, fill, hasFill := refColours(ref.Layer.Style)
	w := math.Max(0.5, ref.Layer.Style.Width) * v.sym()
	var labels []int
	batches := map[int]*refBatch{}
	ref.visible(lo, hi, func(i int) {
		f := &ref.feats[i]
		band := int(math.Floor((f.min[1]*k - off[1]) / refBand))
		b := batches[band]
		if b == nil {
			b = &refBatch{}
			batches[band] = b
		}
		if b.add(f, k, off, w, hasFill) {
			labels = append(labels, i)
		}
	})
	bands := make([]int, 0, len(batches))
	for band := range batches {
		bands = append(bands, band)
	}
	sort.Ints(bands)
	for _, band := range bands {
		if b := batches[band]; len(b.fills) > 0 {
			p.Fill(fill, b.fills...)
		}
		if b := batches[band]; len(b.strokes) > 0 {
			p.Fill(stroke, b.strokes...)
		}
	}
	if ref.Layer.Style.LabelField != "" && r.Fonts != nil {
		r.drawRefLabels(p, ref, labels, k, off, v)
	}
}

// add puts one feature, scaled by k, into the batch; it reports whether
// the feature is large enough to carry a label.
func (b *refBatch) add(f *refFeat, k float64, off [2]float64, w float64, hasFill bool) bool {
	if (f.max[0]-f.min[0])*k < 1.5 && (f.max[1]-f.min[1])*k < 1.5 {
		// Smaller than a pixel or two at this zoom: one dot.
		x, y := f.min[0]*k-off[0], f.min[1]*k-off[1]
		b.strokes = append(b.strokes, [][2]float64{{x, y}, {x + 1, y}, {x + 1, y + 1}, {x, y + 1}})
		return false
	}
	parts := make([][][2]float64, 0, len(f.parts))
	for _, p := range f.parts {
		parts = append(parts, simplify(p, k, off))
	}
	switch f.kind {
	case 'P':
		if hasFill {
			b.fills = append(b.fills, parts...)
		}
		for _, p := range parts {
			b.segments(p, w, true)
		}
		return (f.max[0]-f.min[0])*k > 48
	case 'L':
		b.segments(parts[0], w, false)
	default:
		x, y := parts[0][0][0], parts[0][0][1]
		b.strokes = append(b.strokes, shapePath(ShapeCircle, x, y, 2.5*w))
		return true
	}
	return false
}

// segments adds the quads of a path w wide (closed: back to the start).
func (b *refBatch) segments(p [][2]float64, w float64, closed bool) {
	n := len(p) - 1
	if closed {
		n = len(p)
	}
	for i := 0; i < n; i++ {
		if q := segment(p[i], p[(i+1)%len(p)], w); q != nil {
			b.strokes = append(b.strokes, q)
		}
	}
}

// simplify scales a path to frame pixels and drops vertices within
// refSimplify of the last kept one (the last vertex is always kept).
func simplify(p [][2]float64, k float64, off [2]float64) [][2]float64 {
	out := make([][2]float64, 0, len(p))
	for i, q := range p {
		x, y := q[0]*k-off[0], q[1]*k-off[1]
		if n := len(out); n > 0 && i < len(p)-1 {
			if math.Abs(x-out[n-1][0]) < refSimplify && math.Abs(y-out[n-1][1]) < refSimplify {
				continue
			}
		}
		out = append(out, [2]float64{x, y})
	}
	return out
}

// drawRefLabels writes the label field at the centre of labelled features
// (zoom 15 and closer, at most 300 a frame, none overlapping).
func (r *Renderer) drawRefLabels(p Painter, ref *Reference, idx []int, k float64, off [2]float64, v View) {
	if v.Zoom < 15 {
		return
	}
	var taken []image.Rectangle
	size := 10 * v.sym()
	for _, i := range idx {
		if len(taken) >= 300 {
			return
		}
		text := ref.Layer.Features[ref.featOf(i)].Props[ref.Layer.Style.LabelField]
		if text == "" {
			continue
		}
		f := &ref.feats[i]
		tw, th := r.Fonts.Measure(text, size)
		cx, cy := (f.min[0]+f.max[0])/2*k-off[0], (f.min[1]+f.max[1])/2*k-off[1]
		box := image.Rect(int(cx)-tw/2, int(cy)-th/2, int(cx)+tw/2+1, int(cy)+th/2+1)
		if overlapsAny(box, taken) {
			continue
		}
		taken = append(taken, box)
		p.Text(float64(box.Min.X), float64(box.Min.Y), size, text, color.RGBA{50, 50, 60, 255}, color.RGBA{255, 255, 255, 255})
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
