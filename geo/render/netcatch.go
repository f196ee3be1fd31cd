package render

import (
	"image"
	"image/color"
	"math"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo"
)

// Capsule is a piece of a walking catchment: every point within R metres
// of the segment A–B (WGS-84). A circle is a capsule with A = B.
type Capsule struct {
	A, B orb.Point
	R    float64
}

// CatchShapeFunc gives a site's catchment for a served level as capsules
// (a network catchment: reachable streets buffered); ok false draws the
// circle instead.
type CatchShapeFunc func(siteID string, served data.Level) (caps []Capsule, ok bool)

// PxCapsule is a capsule in painter pixels: every point within R of the
// segment A–B.
type PxCapsule struct {
	A, B [2]float64
	R    float64
}

// shapeCapsules lists the pixel capsules of level l's catchments, of
// schools in service (open) and of those still to come: the shapes the
// scene gives, circles for the sites it has none for.
func shapeCapsules(sc *Scene, l data.Level, v View, off [2]float64) (open, coming []PxCapsule) {
	px := func(p orb.Point) [2]float64 { x, y := v.World(p); return [2]float64{x - off[0], y - off[1]} }
	for i := range sc.Sites {
		s := &sc.Sites[i]
		r, serves := sc.Norms.CatchmentRadii(s.Level)[l]
		if !s.Located || !serves {
			continue
		}
		st, _ := sc.status(s)
		if sc.CatchInServiceOnly && st != data.InService {
			continue
		}
		scale := geo.MetersPerPixel(s.Location[1], float64(v.Zoom)) / v.ts()
		out := &coming
		if st == data.InService {
			out = &open
		}
		caps, ok := sc.CatchShapes(s.ID, l)
		if !ok {
			c := px(s.Location)
			*out = append(*out, PxCapsule{c, c, r / scale})
			continue
		}
		for _, c := range caps {
			*out = append(*out, PxCapsule{px(c.A), px(c.B), c.R / scale})
		}
	}
	return open, coming
}

// drawShapes paints level l's catchments from the scene's shapes like the
// circles: those of schools in service filled, the others outlined.
func drawShapes(p Painter, sc *Scene, v View, off [2]float64, l data.Level, w float64) {
	if !sc.catchLevelOn(l) {
		return
	}
	open, coming := shapeCapsules(sc, l, v, off)
	col := StyleOf(l).Fill
	op := sc.Layers[Catchments].Opacity
	if len(open) > 0 {
		p.Capsules(open, fade(withAlpha(col, 56), op), fade(withAlpha(col, 220), op), w)
	}
	if len(coming) > 0 {
		p.Capsules(coming, color.RGBA{}, fade(withAlpha(col, 220), op), w)
	}
}

// paintCapsules fills the union of the capsules and outlines its edge,
// row by row with exact chords.
func (o *overlay) paintCapsules(caps []PxCapsule, st circleStyle) {
	b := o.img.Bounds()
	w := max(1, st.width)
	y0, y1 := b.Min.Y-w, b.Max.Y+w
	buckets := make([][]int32, y1-y0)
	for i, c := range caps {
		lo := max(y0, int(math.Floor(math.Min(c.A[1], c.B[1])-c.R)))
		hi := min(y1-1, int(math.Ceil(math.Max(c.A[1], c.B[1])+c.R)))
		for y := lo; y <= hi; y++ {
			buckets[y-y0] = append(buckets[y-y0], int32(i))
		}
	}
	rows := make([]geo.Intervals, y1-y0)
	var ivs [][2]float64
	for k := range rows {
		ivs = ivs[:0]
		yc := float64(y0+k) + 0.5
		for _, i := range buckets[k] {
			c := caps[i]
			if lo, hi, ok := geo.CapsuleChord(orb.Point(c.A), orb.Point(c.B), c.R, yc); ok {
				ivs = append(ivs, [2]float64{lo, hi})
			}
		}
		rows[k] = append(geo.Intervals(nil), geo.Union(ivs)...)
	}
	o.paintRows(rows, y0, w, st, nil)
}

// paintRows paints rows of a union (row k is line y0+k; the first and
// last w rows only serve as neighbours): fill inside, outline where a
// neighbour w pixels away is outside — or fill where gap says the dash
// pattern has a gap —, partial end pixels faded by coverage.
func (o *overlay) paintRows(rows []geo.Intervals, y0, w int, st circleStyle, gap func(x, y float64) bool) {
	b := o.img.Bounds()
	row := func(y int) geo.Intervals { return rows[y-y0] }
	for y := max(b.Min.Y, y0+w); y < min(b.Max.Y, y0+len(rows)-w); y++ {
		for _, iv := range row(y) {
			xa, xb := max(b.Min.X, int(math.Floor(iv[0]))), min(b.Max.X, int(math.Ceil(iv[1])))
			if xb <= xa {
				continue
			}
			inner := geo.Intervals{{iv[0] + float64(w), iv[1] - float64(w)}}.Intersect(row(y - w)).Intersect(row(y + w))
			k := 0
			for x := xa; x < xb; x++ {
				xc := float64(x) + 0.5
				for k < len(inner) && inner[k][1] < xc {
					k++
				}
				c := st.line
				switch {
				case k < len(inner) && xc >= inner[k][0]:
					c = st.fill
				case xc < iv[0] || xc > iv[1]: // partly covered end pixel
					c = fade(st.line, math.Max(0, math.Min(math.Min(float64(x+1), iv[1])-math.Max(float64(x), iv[0]), 1)))
				case gap != nil && gap(xc, float64(y)+0.5):
					c = st.fill
				}
				i := o.img.PixOffset(x, y)
				over(o.img.Pix[i:i+4:i+4], c.R, c.G, c.B, c.A)
			}
			o.mark(image.Rect(xa, y, xb, y+1))
		}
	}
}

// shapeLegend is the legend label of a network catchment level.
func shapeLegend(l data.Level, radius float64) string {
	return i18n.T("table.level."+l.String()) + " " + i18n.T("network.legend", radius)
}

// RasterCapsules paints the union of the capsules into dst as the raster
// painter does (fill once, outline on the union's edge): for output that
// cannot draw a union's edge as paths.
func RasterCapsules(dst *image.RGBA, caps []PxCapsule, fill, line color.RGBA, width float64) {
	o := &overlay{img: dst, spans: make([]span, dst.Bounds().Dy())}
	o.paintCapsules(caps, circleStyle{fill: fill, line: line, width: max(1, int(math.Round(width)))})
}
