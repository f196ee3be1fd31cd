package render

import (
	"image"
	"image/color"
	"math"
)

// AccessRaster is a classed accessibility map (walking distance to the
// nearest school) on Web Mercator, EPSG:3857: cell (i, j) has its top-left
// corner at (X0 + i·Cell, Y0 − j·Cell) metres; Img holds one colour per
// cell (transparent where there is no value). Classes are its legend.
type AccessRaster struct {
	Img     *image.NRGBA
	X0, Y0  float64
	Cell    float64
	Title   string
	Classes []ZoneClass
	Opacity float64 // 0 means 0.6
}

const mercHalf = math.Pi * 6378137 // half the Web Mercator world, metres

// drawAccess paints the raster under the catchments through p: each
// pixel of an area of size takes the cell under its centre (nearest
// neighbour).
func drawAccess(p Painter, a *AccessRaster, v View, off, size [2]float64) {
	if a == nil || a.Img == nil || a.Cell <= 0 {
		return
	}
	p.Pixels(int(math.Ceil(size[0])), int(math.Ceil(size[1])), func(dst *image.RGBA) { paintAccess(dst, a, v, off) })
}

// paintAccess samples the raster into dst, whose pixel (x, y) is world
// pixel (x, y) + off.
func paintAccess(dst *image.RGBA, a *AccessRaster, v View, off [2]float64) {
	if a == nil || a.Img == nil || a.Cell <= 0 {
		return
	}
	op := a.Opacity
	if op <= 0 {
		op = 0.6
	}
	world := 256 * math.Exp2(float64(v.Zoom)) * v.ts() // world size, device pixels
	perPx := 2 * mercHalf / world                      // Mercator metres per pixel
	b := dst.Bounds()
	w, h := a.Img.Bounds().Dx(), a.Img.Bounds().Dy()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		my := mercHalf - (float64(y)+0.5+off[1])*perPx
		j := int(math.Floor((a.Y0 - my) / a.Cell))
		if j < 0 || j >= h {
			continue
		}
		for x := b.Min.X; x < b.Max.X; x++ {
			mx := (float64(x)+0.5+off[0])*perPx - mercHalf
			i := int(math.Floor((mx - a.X0) / a.Cell))
			if i < 0 || i >= w {
				continue
			}
			c := a.Img.NRGBAAt(i, j)
			if c.A == 0 {
				continue
			}
			k := dst.PixOffset(x, y)
			f := fade(color.RGBA{c.R, c.G, c.B, 255}, op)
			over(dst.Pix[k:k+4:k+4], f.R, f.G, f.B, f.A)
		}
	}
}

// accessLegend lists the raster's classes under its title.
func accessLegend(sc *Scene) []LegendItem {
	a := sc.Access
	if a == nil || a.Img == nil {
		return nil
	}
	out := []LegendItem{{Kind: LegendHeading, Label: a.Title}}
	for _, c := range a.Classes {
		out = append(out, LegendItem{Kind: LegendZone, Fill: c.Fill, Label: c.Label})
	}
	return out
}
