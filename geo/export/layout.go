package export

import (
	"image"
	"image/color"
	"math"
	"strconv"

	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/render"
)

var (
	ink      = color.RGBA{25, 25, 25, 255}
	grey     = color.RGBA{90, 90, 90, 255}
	white    = color.RGBA{255, 255, 255, 255}
	panel    = color.RGBA{235, 235, 235, 235} // white at 92%, premultiplied as image.RGBA wants
	frameCol = color.RGBA{120, 120, 120, 255}
)

// box is a rectangle on the page in millimetres.
type box struct{ x, y, w, h float64 }

// geometry is where the parts of a page go. k scales type and furniture
// with the paper (1 on A4, 1.41 on A3), so an A3 is an enlarged A4.
type geometry struct {
	k, margin float64
	page      box // the sheet: its width and height
	mapBox    box
	// footerY and notesX are where the first note line starts; notesW is
	// how wide the note lines are wrapped.
	footerY, notesX, notesW float64
	// legend is where the legend panel goes; outside says it is beside
	// or below the map frame rather than over the map.
	legend       box
	legendLayout *legendLayout
	outside      bool
}

// footLine is the height of one footer line.
const footLine = 3.4

// pageGeometry lays out a page with footer lines of notes under the map
// (at least 3 lines are kept, so pages of one paper match).
func pageGeometry(w, h float64, subtitle bool, lines int) geometry {
	k := math.Min(w, h) / 210
	m := 8 * k
	top := m + 9*k
	if subtitle {
		top += 5 * k
	}
	footer := float64(max(3, lines)) * footLine * k
	return geometry{k: k, margin: m, page: box{0, 0, w, h}, mapBox: box{m, top, w - 2*m, h - top - m - footer}, footerY: h - m - footer + 1.5*k, notesX: m, notesW: w - 2*m}
}

// furniture is what the layout draws around and over the map.
type furniture struct {
	title, subtitle, date string
	notes                 []string // footer lines, in order
	legend                []render.LegendItem
	// paintMap, when set, draws the map's overlays over its image (the
	// PDF's vectors).
	paintMap        func()
	scaleM, scaleMM float64 // scale bar: ground length and page length
}

// drawPage lays out one map page.
func drawPage(p Page, g geometry, mapImg image.Image, f furniture) {
	w, _ := p.Size()
	k, m := g.k, g.margin
	p.Text(m, m, 16*k, f.title, Left, ink)
	if f.subtitle != "" {
		p.Text(m, m+8*k, 10*k, f.subtitle, Left, grey)
	}
	p.Text(w-m, m+1.5*k, 9*k, f.date, Right, grey)

	mb := g.mapBox
	if mapImg != nil { // nil: already drawn in place
		p.Image(mb.x, mb.y, mb.w, mb.h, mapImg, true)
	}
	if f.paintMap != nil {
		f.paintMap()
	}
	p.Rect(mb.x, mb.y, mb.w, mb.h, color.RGBA{}, frameCol, 0.3*k)
	northArrow(p, mb.x+mb.w-10*k, mb.y+4*k, k)
	scaleBar(p, mb.x+mb.w-4*k, mb.y+mb.h-4*k, f.scaleM, f.scaleMM, k)
	if g.legendLayout != nil {
		g.legendLayout.draw(p, g.legend, k)
	}
	y := g.footerY
	for _, line := range f.notes {
		p.Text(g.notesX, y, 7*k, line, Left, grey)
		y += footLine * k
	}
}

// northArrow: Web Mercator keeps north up everywhere on the map.
func northArrow(p Page, x, y, k float64) {
	p.Rect(x-4*k, y-1*k, 8*k, 13*k, panel, color.RGBA{}, 0)
	p.Polygon([][2]float64{{x, y}, {x + 3*k, y + 8*k}, {x, y + 6.5*k}, {x - 3*k, y + 8*k}}, ink)
	p.Text(x, y+8*k, 7*k, i18n.T("render.page.north"), Center, ink)
}

// scaleBar draws a bar of lengthMM ending at (right, bottom) for meters of
// ground, in four alternating segments.
func scaleBar(p Page, right, bottom, meters, lengthMM, k float64) {
	if meters <= 0 {
		return
	}
	h := 1.6 * k
	x0, y := right-lengthMM, bottom-h
	p.Rect(x0-3*k, y-6.5*k, lengthMM+6*k, h+8*k, panel, color.RGBA{}, 0)
	seg := lengthMM / 4
	for i := 0; i < 4; i++ {
		fill := ink
		if i%2 == 1 {
			fill = white
		}
		p.Rect(x0+float64(i)*seg, y, seg, h, fill, ink, 0.2*k)
	}
	p.Text(x0, y-4*k, 6.5*k, "0", Center, ink)
	p.Text(x0+lengthMM/2, y-4*k, 6.5*k, distance(meters/2), Center, ink)
	p.Text(right, y-4*k, 6.5*k, distance(meters), Center, ink)
}

func distance(m float64) string {
	if m >= 1000 {
		return strconv.FormatFloat(m/1000, 'f', -1, 64) + " km" // never "1e+04 km"
	}
	return strconv.FormatFloat(m, 'f', -1, 64) + " m"
}

// chooseScale picks a round ground length (1, 2 or 5 × 10ⁿ metres) whose
// bar is as long as possible but at most maxMM on the page.
func chooseScale(metersPerMM, maxMM float64) (meters, lengthMM float64) {
	best := 0.0
	for e := 0.0; e <= 6; e++ {
		for _, d := range []float64{1, 2, 5} {
			if l := d * math.Pow(10, e); l/metersPerMM <= maxMM {
				best = l
			}
		}
	}
	return best, best / metersPerMM
}

// colorRGBA is the colour type of page drawing.
type colorRGBA = color.RGBA

// rule is the hairline between table rows.
var rule = color.RGBA{200, 200, 200, 255}
