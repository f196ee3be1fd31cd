package export

import (
	"image"
	"math"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/geo"
	"github.com/liwan-edu/schoolmap/geo/render"
)

// The legend never covers the map when the page has room for it. Rule:
//
//  1. Beside the map frame (right, one column) or below it (two or three
//     columns), when giving it that room costs the map at most
//     outsideLoss of its scale: the extent's shape leaves that strip of
//     the frame nearly empty anyway (landscape pages with a tall
//     district, typically). The layout losing least scale wins.
//     With subdistricts drawn (the choropleth) every part of the frame
//     is a subdistrict, so the legend goes beside or below whatever it
//     costs: the layout losing least scale wins, portrait pages too.
//  2. Otherwise over the map, in the corner whose area shows the least
//     map content, in one column or two: the overlays (sites, labels,
//     halos, catchments, subdistricts) are rendered at up to 1000 px
//     wide and the opacity under each candidate box summed; the north
//     arrow and scale bar count as fully covered. Ties go one column
//     first, then bottom-left, top-left, bottom-right, top-right.
const outsideLoss = 0.10

// extentSize is the width and height of the extent in Web Mercator.
func extentSize(ext orb.Bound) (w, h float64) {
	x0, y0 := geo.ToPixel(orb.Point{ext.Min[0], ext.Max[1]}, 0)
	x1, y1 := geo.ToPixel(orb.Point{ext.Max[0], ext.Min[1]}, 0)
	return math.Max(x1-x0, 1e-9), math.Max(y1-y0, 1e-9)
}

// withLegend sets the legend beside the map frame (one column) or below
// it (two or three columns) when rule 1 allows (always, when off is set),
// narrowing the frame; else it leaves the legend for quietestCorner.
func (g geometry) withLegend(lay func(cols int) *legendLayout, ext orb.Bound, off bool) geometry {
	one := lay(1)
	if one == nil {
		return g
	}
	ew, eh := extentSize(ext)
	scale := func(b box) float64 { return math.Min(b.w/ew, b.h/eh) }
	mb, gap := g.mapBox, 3*g.k
	full, best := scale(mb), 0.0
	loss := outsideLoss
	if off {
		loss = 1
	}
	try := func(frame, leg box, l *legendLayout) {
		if frame.w > 0 && frame.h > 0 && scale(frame) > best && scale(frame) >= (1-loss)*full {
			best, g.mapBox, g.legend, g.legendLayout, g.outside = scale(frame), frame, leg, l, true
		}
	}
	if one.h <= mb.h {
		try(box{mb.x, mb.y, mb.w - one.w - gap, mb.h}, box{mb.x + mb.w - one.w, mb.y + mb.h - one.h, one.w, one.h}, one)
	}
	for n := 2; n <= 3; n++ {
		if l := lay(n); l.w <= mb.w {
			try(box{mb.x, mb.y, mb.w, mb.h - l.h - gap}, box{mb.x, mb.y + mb.h - l.h, l.w, l.h}, l)
		}
	}
	if !g.outside {
		g.legend, g.legendLayout = g.corners(one.w, one.h)[0], one
	}
	return g
}

// sideColumn is the layout for an extent narrower than its page (a tall
// district on a landscape sheet): the map the page's full height on the
// left, and a column on the right with the legend on top and the notes
// under it, wrapped to the column. ok when the notes fit and the map's
// scale grows by more than 2% over g, the notes-under-the-map layout.
func sideColumn(p Page, g geometry, leg *legendLayout, raw []string, ext orb.Bound) (geometry, []string, bool) {
	k, m, gap := g.k, g.margin, 3*g.k
	w := g.page.w
	col := 75 * k
	if leg != nil {
		col = math.Max(col, leg.w)
	}
	top, bottom := g.mapBox.y, g.page.h-m
	frame := box{m, top, w - 2*m - col - gap, bottom - top}
	lines := wrapNotes(p, raw, k, col)
	y := top
	s := geometry{k: k, margin: m, page: g.page, mapBox: frame, outside: true, notesX: w - m - col, notesW: col}
	if leg != nil {
		s.legend, s.legendLayout = box{w - m - col, top, leg.w, leg.h}, leg
		y += leg.h + gap
	}
	s.footerY = y + 1.5*k
	ew, eh := extentSize(ext)
	scale := func(b box) float64 { return math.Min(b.w/ew, b.h/eh) }
	if frame.w <= 0 || y+float64(len(lines))*footLine*k > bottom || scale(frame) <= 1.02*scale(g.mapBox) {
		return g, nil, false
	}
	return s, lines, true
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

// quietestCorner measures the map content under each corner (rule 2),
// for the legend in one column and in two, and keeps the least covered.
func (e *Exporter) quietestCorner(o Options, v render.View, g geometry, lay func(cols int) *legendLayout) geometry {
	q := math.Min(1, 1000/float64(v.Width))
	vq := v
	vq.Width, vq.Height = max(1, int(float64(v.Width)*q)), max(1, int(float64(v.Height)*q))
	vq.TileScale, vq.SymbolScale = v.TileScale*q, v.SymbolScale*q
	img := (&render.Renderer{Fonts: e.Fonts}).Overlay(vq, o.Scene)
	bestCost := math.Inf(1)
	for n := 1; n <= 2; n++ {
		l := lay(n)
		for _, c := range g.corners(l.w, l.h) {
			if cost := cornerCost(img, g, c); cost < bestCost {
				g.legend, g.legendLayout, bestCost = c, l, cost
			}
		}
	}
	return g
}

// cornerCost sums the overlay opacity (img spans the map frame) under a
// legend box c and counts the north arrow and scale bar as fully covered.
func cornerCost(img *image.RGBA, g geometry, c box) float64 {
	mb, w, h := g.mapBox, img.Bounds().Dx(), img.Bounds().Dy()
	sx, sy := float64(w)/mb.w, float64(h)/mb.h
	cost := 0.0
	for y := max(0, int((c.y-mb.y)*sy)); y < min(h, int(math.Ceil((c.y+c.h-mb.y)*sy))); y++ {
		for x := max(0, int((c.x-mb.x)*sx)); x < min(w, int(math.Ceil((c.x+c.w-mb.x)*sx))); x++ {
			cost += float64(img.Pix[img.PixOffset(x, y)+3])
		}
	}
	for _, f := range g.furnitureBoxes() {
		cost += overlapArea(c, f) * 255 * sx * sy
	}
	return cost
}

func overlapArea(a, b box) float64 {
	w := math.Min(a.x+a.w, b.x+b.w) - math.Max(a.x, b.x)
	h := math.Min(a.y+a.h, b.y+b.h) - math.Max(a.y, b.y)
	return math.Max(0, w) * math.Max(0, h)
}

// keep is the legend's box in the view's pixels when the legend lies over
// the map, for the labels to keep clear of (none when it is outside).
func (g geometry) keep(v render.View) [][2][2]float64 {
	if g.outside || g.legend.w <= 0 {
		return nil
	}
	mb := g.mapBox
	sx, sy := float64(v.Width)/mb.w, float64(v.Height)/mb.h
	return [][2][2]float64{{{(g.legend.x - mb.x) * sx, (g.legend.y - mb.y) * sy},
		{(g.legend.x + g.legend.w - mb.x) * sx, (g.legend.y + g.legend.h - mb.y) * sy}}}
}
