package export

import (
	"math"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/geo"
	"github.com/liwan-edu/schoolmap/geo/render"
)

// The legend never covers the map when the page has room for it. Rule:
//
//  1. Beside the map frame (right) or below it, when giving it that room
//     costs the map at most outsideLoss of its scale: the extent's shape
//     leaves that strip of the frame nearly empty anyway (landscape pages
//     with a tall district, typically).
//  2. Otherwise over the map, in the corner whose area shows the least
//     map content: the overlays (sites, labels, halos, catchments,
//     subdistricts) are rendered at low resolution and the opacity under
//     each candidate box summed; the north arrow and scale bar count as
//     fully covered. Ties go bottom-left, top-left, bottom-right,
//     top-right.
const outsideLoss = 0.10

// extentAspect is the width and height of the extent in Web Mercator.
func extentSize(ext orb.Bound) (w, h float64) {
	x0, y0 := geo.ToPixel(orb.Point{ext.Min[0], ext.Max[1]}, 0)
	x1, y1 := geo.ToPixel(orb.Point{ext.Max[0], ext.Min[1]}, 0)
	return math.Max(x1-x0, 1e-9), math.Max(y1-y0, 1e-9)
}

// withLegend sets the legend (lw×lh mm) beside or below the map frame
// when rule 1 allows, narrowing the frame; else it leaves the legend for
// quietestCorner.
func (g geometry) withLegend(lw, lh float64, ext orb.Bound) geometry {
	if lw == 0 {
		return g
	}
	ew, eh := extentSize(ext)
	scale := func(b box) float64 { return math.Min(b.w/ew, b.h/eh) }
	mb, gap := g.mapBox, 3*g.k
	full, best := scale(mb), 0.0
	try := func(frame, leg box) {
		if frame.w > 0 && frame.h > 0 && scale(frame) > best && scale(frame) >= (1-outsideLoss)*full {
			best, g.mapBox, g.legend, g.outside = scale(frame), frame, leg, true
		}
	}
	if lh <= mb.h {
		try(box{mb.x, mb.y, mb.w - lw - gap, mb.h}, box{mb.x + mb.w - lw, mb.y + mb.h - lh, lw, lh})
	}
	if lw <= mb.w {
		try(box{mb.x, mb.y, mb.w, mb.h - lh - gap}, box{mb.x, mb.y + mb.h - lh, lw, lh})
	}
	if !g.outside {
		g.legend = box{mb.x + 3*g.k, mb.y + mb.h - 3*g.k - lh, lw, lh}
	}
	return g
}

// corners are the legend's candidate boxes over the map, in tie order.
func (g geometry) corners(lw, lh float64) []box {
	mb, in := g.mapBox, 3*g.k
	l, r := mb.x+in, mb.x+mb.w-in-lw
	t, b := mb.y+in, mb.y+mb.h-in-lh
	return []box{{l, b, lw, lh}, {l, t, lw, lh}, {r, b, lw, lh}, {r, t, lw, lh}}
}

// furnitureBoxes are the north arrow's and the scale bar's areas.
func (g geometry) furnitureBoxes() []box {
	mb, k := g.mapBox, g.k
	return []box{{mb.x + mb.w - 15*k, mb.y, 15 * k, 18 * k}, {mb.x + mb.w - 48*k, mb.y + mb.h - 14*k, 48 * k, 14 * k}}
}

// quietestCorner measures the map content under each corner (rule 2).
func (e *Exporter) quietestCorner(o Options, v render.View, g geometry) box {
	lw, lh := g.legend.w, g.legend.h
	q := math.Min(1, 480/float64(v.Width))
	vq := v
	vq.Width, vq.Height = max(1, int(float64(v.Width)*q)), max(1, int(float64(v.Height)*q))
	vq.TileScale, vq.SymbolScale = v.TileScale*q, v.SymbolScale*q
	img := (&render.Renderer{Fonts: e.Fonts}).Overlay(vq, o.Scene)
	mb := g.mapBox
	toPx := func(b box) (x0, y0, x1, y1 int) {
		sx, sy := float64(vq.Width)/mb.w, float64(vq.Height)/mb.h
		return int((b.x - mb.x) * sx), int((b.y - mb.y) * sy), int(math.Ceil((b.x + b.w - mb.x) * sx)), int(math.Ceil((b.y + b.h - mb.y) * sy))
	}
	best, bestCost := g.legend, math.Inf(1)
	for _, c := range g.corners(lw, lh) {
		cost := 0.0
		x0, y0, x1, y1 := toPx(c)
		for y := max(0, y0); y < min(y1, vq.Height); y++ {
			for x := max(0, x0); x < min(x1, vq.Width); x++ {
				cost += float64(img.Pix[img.PixOffset(x, y)+3])
			}
		}
		for _, f := range g.furnitureBoxes() {
			cost += overlapArea(c, f) * 255 * float64(vq.Width) / mb.w * float64(vq.Height) / mb.h
		}
		if cost < bestCost {
			best, bestCost = c, cost
		}
	}
	return best
}

func overlapArea(a, b box) float64 {
	w := math.Min(a.x+a.w, b.x+b.w) - math.Max(a.x, b.x)
	h := math.Min(a.y+a.h, b.y+b.h) - math.Max(a.y, b.y)
	return math.Max(0, w) * math.Max(0, h)
}
