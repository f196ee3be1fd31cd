package export

import (
	"image"
	"image/color"
	"math"

	"github.com/go-pdf/fpdf"

	"github.com/liwan-edu/schoolmap/geo/render"
)

// pdfPainter draws the map's overlays into a PDF as paths and real text:
// painter pixel (x, y) lands at (x0 + x·k, y0 + y·k) millimetres.
type pdfPainter struct {
	pdf    *fpdf.Fpdf
	x0, y0 float64
	k      float64 // millimetres per painter pixel
	fonts  *render.Fonts
	// page and w×h (painter pixels) let raster layers be embedded as
	// images; without a page they are left out (legend swatches).
	page *pdfPage
	w, h int
}

var _ render.Painter = (*pdfPainter)(nil)

func (p *pdfPainter) at(q [2]float64) (float64, float64) { return p.x0 + q[0]*p.k, p.y0 + q[1]*p.k }

// paint sets colour and opacity for fills (fill) or strokes.
func (p *pdfPainter) colour(c color.RGBA, fill bool) {
	r, g, b := unpremultiply(c)
	if fill {
		p.pdf.SetFillColor(r, g, b)
	} else {
		p.pdf.SetDrawColor(r, g, b)
	}
	p.pdf.SetAlpha(float64(c.A)/255, "Normal")
}

func (p *pdfPainter) path(pts [][2]float64, closed bool) {
	for i, q := range pts {
		x, y := p.at(q)
		if i == 0 {
			p.pdf.MoveTo(x, y)
		} else {
			p.pdf.LineTo(x, y)
		}
	}
	if closed {
		p.pdf.ClosePath()
	}
}

func (p *pdfPainter) Fill(c color.RGBA, polys ...[][2]float64) {
	if c.A == 0 {
		return
	}
	p.colour(c, true)
	for _, poly := range polys {
		if len(poly) >= 3 {
			p.path(poly, true)
		}
	}
	p.pdf.DrawPath("f")
}

func (p *pdfPainter) stroke(c color.RGBA, w float64) {
	p.colour(c, false)
	p.pdf.SetLineWidth(w * p.k)
	p.pdf.SetLineJoinStyle("round")
	p.pdf.SetLineCapStyle("round")
}

func (p *pdfPainter) Stroke(c color.RGBA, w float64, closed bool, pts [][2]float64) {
	if c.A == 0 || len(pts) < 2 {
		return
	}
	p.stroke(c, w)
	p.path(pts, closed)
	p.pdf.DrawPath("S")
}

func (p *pdfPainter) Hatch(fg, bg color.RGBA, period float64, poly [][2]float64) {
	p.Fill(bg, poly)
	pts := make([]fpdf.PointType, len(poly))
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for i, q := range poly {
		x, y := p.at(q)
		pts[i] = fpdf.PointType{X: x, Y: y}
		minX, minY, maxX, maxY = math.Min(minX, q[0]), math.Min(minY, q[1]), math.Max(maxX, q[0]), math.Max(maxY, q[1])
	}
	p.pdf.ClipPolygon(pts, false)
	p.stroke(fg, period/2)
	// Stripes run at 45° like the raster pattern's x+y = const lines.
	for s := math.Floor((minX+minY)/period) * period; s <= maxX+maxY; s += period {
		p.path([][2]float64{{s - minY + period, minY - period}, {s - maxY - period, maxY + period}}, false)
	}
	p.pdf.DrawPath("S")
	p.pdf.ClipEnd()
}

// Circles fills the union as one nonzero path of all circles (so overlaps
// are painted once) and strokes only the arcs on the union's edge.
func (p *pdfPainter) Circles(cs []render.Circle, fill, line color.RGBA, w, dash float64) {
	if fill.A > 0 {
		p.colour(fill, true)
		for _, c := range cs {
			p.arc(c, 0, 2*math.Pi, true)
		}
		p.pdf.DrawPath("f")
	}
	if line.A == 0 {
		return
	}
	p.stroke(line, w)
	if dash > 0 {
		p.pdf.SetDashPattern([]float64{dash * p.k, dash * p.k}, 0)
	}
	for i, c := range cs {
		for _, a := range visibleArcs(cs, i) {
			p.arc(c, a[0], a[1], false)
		}
	}
	p.pdf.DrawPath("S")
	p.pdf.SetDashPattern(nil, 0)
}

// arc adds the arc of c from angle a0 to a1 (radians, painter pixels,
// y down) as cubic Béziers of at most a quarter turn each.
func (p *pdfPainter) arc(c render.Circle, a0, a1 float64, closed bool) {
	n := int(math.Ceil((a1 - a0) / (math.Pi / 2)))
	step := (a1 - a0) / float64(n)
	k := 4.0 / 3 * math.Tan(step/4) * c.R
	pt := func(a float64) (float64, float64) { return c.X + c.R*math.Cos(a), c.Y + c.R*math.Sin(a) }
	x, y := pt(a0)
	p.pdf.MoveTo(p.at([2]float64{x, y}))
	for i := 0; i < n; i++ {
		a, b := a0+float64(i)*step, a0+float64(i+1)*step
		ax, ay := pt(a)
		bx, by := pt(b)
		c1x, c1y := p.at([2]float64{ax - k*math.Sin(a), ay + k*math.Cos(a)})
		c2x, c2y := p.at([2]float64{bx + k*math.Sin(b), by - k*math.Cos(b)})
		ex, ey := p.at([2]float64{bx, by})
		p.pdf.CurveBezierCubicTo(c1x, c1y, c2x, c2y, ex, ey)
	}
	if closed {
		p.pdf.ClosePath()
	}
}

// visibleArcs are the angle ranges of circle i not inside another circle.
func visibleArcs(cs []render.Circle, i int) [][2]float64 {
	c := cs[i]
	var covered [][2]float64
	for j, o := range cs {
		d := math.Hypot(o.X-c.X, o.Y-c.Y)
		switch {
		case j == i || d >= c.R+o.R || d+o.R <= c.R:
			continue
		case d+c.R <= o.R && (d > 0 || j < i || c.R < o.R):
			return nil // wholly inside another (equal twins: the first draws)
		case d == 0:
			continue
		}
		th := math.Atan2(o.Y-c.Y, o.X-c.X)
		al := math.Acos(math.Max(-1, math.Min(1, (c.R*c.R+d*d-o.R*o.R)/(2*c.R*d))))
		covered = append(covered, [2]float64{th - al, th + al})
	}
	return complementArcs(covered)
}

// complementArcs returns the parts of [0, 2π) outside the given ranges.
func complementArcs(covered [][2]float64) [][2]float64 {
	var ivs [][2]float64
	for _, c := range covered {
		a := math.Mod(c[0], 2*math.Pi)
		if a < 0 {
			a += 2 * math.Pi
		}
		b := a + (c[1] - c[0])
		ivs = append(ivs, [2]float64{a, math.Min(b, 2*math.Pi)})
		if b > 2*math.Pi {
			ivs = append(ivs, [2]float64{0, b - 2*math.Pi})
		}
	}
	merged := mergeRanges(ivs)
	var out [][2]float64
	at := 0.0
	for _, m := range merged {
		if m[0] > at+1e-9 {
			out = append(out, [2]float64{at, m[0]})
		}
		at = math.Max(at, m[1])
	}
	if at < 2*math.Pi-1e-9 {
		out = append(out, [2]float64{at, 2 * math.Pi})
	}
	return out
}

func mergeRanges(ivs [][2]float64) [][2]float64 {
	for i := 1; i < len(ivs); i++ {
		for j := i; j > 0 && ivs[j][0] < ivs[j-1][0]; j-- {
			ivs[j], ivs[j-1] = ivs[j-1], ivs[j]
		}
	}
	var out [][2]float64
	for _, iv := range ivs {
		if n := len(out); n > 0 && iv[0] <= out[n-1][1] {
			out[n-1][1] = math.Max(out[n-1][1], iv[1])
			continue
		}
		out = append(out, iv)
	}
	return out
}

// Text writes real text in the embedded font: a white outline stroked
// first (the halo), then the glyphs, so labels stay searchable and sharp.
func (p *pdfPainter) Text(x, y, size float64, s string, ink, halo color.RGBA) {
	pt := size * p.k / 25.4 * 72
	p.pdf.SetFont(pdfFont, "", pt)
	bx, by := p.at([2]float64{x + 1, y + 1 + p.fonts.Ascent(size)})
	if halo.A > 0 {
		r, g, b := unpremultiply(halo)
		p.pdf.SetDrawColor(r, g, b)
		p.pdf.SetAlpha(float64(halo.A)/255, "Normal")
		p.pdf.SetLineWidth(2 * p.k)
		p.pdf.SetLineJoinStyle("round")
		p.pdf.SetTextRenderingMode(1)
		p.pdf.Text(bx, by, s)
		p.pdf.SetTextRenderingMode(0)
	}
	r, g, b := unpremultiply(ink)
	p.pdf.SetTextColor(r, g, b)
	p.pdf.SetAlpha(float64(ink.A)/255, "Normal")
	p.pdf.Text(bx, by, s)
	p.pdf.SetAlpha(1, "Normal")
}

// Capsules embeds the union of the capsules as a lossless image over the
// frame: a union's edge (the outline of a walking catchment) cannot be
// stroked as paths without stroking the inner edges too.
func (p *pdfPainter) Capsules(cs []render.PxCapsule, fill, line color.RGBA, w float64) {
	p.Pixels(p.w, p.h, func(dst *image.RGBA) { render.RasterCapsules(dst, cs, fill, line, w) })
}

// Pixels embeds what paint draws as a lossless image over the frame.
func (p *pdfPainter) Pixels(w, h int, paint func(dst *image.RGBA)) {
	if p.page == nil || w <= 0 || h <= 0 {
		return
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	paint(img)
	p.page.Image(p.x0, p.y0, float64(w)*p.k, float64(h)*p.k, img, false)
}
