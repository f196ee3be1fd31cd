package export

import (
	"image"
	"image/color"

	"github.com/liwan-edu/schoolmap/geo/render"
)

// Align is horizontal text alignment.
type Align int

// Alignments.
const (
	Left Align = iota
	Center
	Right
)

// left is the left edge of text w wide placed at x with this alignment.
func (a Align) left(x, w float64) float64 {
	switch a {
	case Center:
		return x - w/2
	case Right:
		return x - w
	}
	return x
}

// Page is what the layout draws on, in millimetres from the top-left
// corner; text sizes are in points. The raster and PDF backends implement
// it, so both formats share one layout.
type Page interface {
	Size() (w, h float64)
	// Text draws s with its top at y; x is its left, centre or right
	// edge by align. It returns the width used.
	Text(x, y, pt float64, s string, align Align, c color.RGBA) float64
	TextWidth(s string, pt float64) float64
	Rect(x, y, w, h float64, fill color.RGBA, stroke color.RGBA, lineMM float64)
	Polygon(pts [][2]float64, fill color.RGBA)
	// Image places img scaled into the box; photo marks a large raster
	// (the map) that may be stored lossy-compressed.
	Image(x, y, w, h float64, img image.Image, photo bool)
	// Symbol draws a legend item's symbol in the d×d square at (x, y),
	// in the map's style: pixels on a raster page, paths in a PDF.
	Symbol(x, y, d float64, it render.LegendItem)
}
