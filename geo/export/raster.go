package export

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/vector"

	"github.com/liwan-edu/schoolmap/geo/render"
)

// rasterPage draws a page into an RGBA image at a dpi.
type rasterPage struct {
	img   *image.RGBA
	dpi   float64
	fonts *render.Fonts
	ras   vector.Rasterizer
}

var _ Page = (*rasterPage)(nil)

func newRasterPage(wPx, hPx int, dpi float64, fonts *render.Fonts) *rasterPage {
	img := image.NewRGBA(image.Rect(0, 0, wPx, hPx))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	return &rasterPage{img: img, dpi: dpi, fonts: fonts}
}

func (p *rasterPage) px(mm float64) float64   { return mm / 25.4 * p.dpi }
func (p *rasterPage) ptPx(pt float64) float64 { return pt / 72 * p.dpi }

func (p *rasterPage) Size() (float64, float64) {
	b := p.img.Bounds()
	return float64(b.Dx()) / p.dpi * 25.4, float64(b.Dy()) / p.dpi * 25.4
}

func (p *rasterPage) TextWidth(s string, pt float64) float64 {
	w, _ := p.fonts.Measure(s, p.ptPx(pt))
	return float64(w) / p.dpi * 25.4
}

func (p *rasterPage) Text(x, y, pt float64, s string, a Align, c color.RGBA) float64 {
	w := p.TextWidth(s, pt)
	x = a.left(x, w)
	p.fonts.Draw(p.img, s, int(math.Round(p.px(x))), int(math.Round(p.px(y))), p.ptPx(pt), c, color.RGBA{})
	return w
}

func (p *rasterPage) rect(x, y, w, h float64) image.Rectangle {
	return image.Rect(int(math.Round(p.px(x))), int(math.Round(p.px(y))), int(math.Round(p.px(x+w))), int(math.Round(p.px(y+h))))
}

func (p *rasterPage) Rect(x, y, w, h float64, fill, stroke color.RGBA, lineMM float64) {
	r := p.rect(x, y, w, h)
	if fill.A > 0 {
		draw.Draw(p.img, r, image.NewUniform(fill), image.Point{}, draw.Over)
	}
	if stroke.A > 0 && lineMM > 0 {
		t := max(1, int(math.Round(p.px(lineMM))))
		u := image.NewUniform(stroke)
		for _, e := range []image.Rectangle{
			{r.Min, image.Pt(r.Max.X, r.Min.Y+t)}, {image.Pt(r.Min.X, r.Max.Y-t), r.Max},
			{r.Min, image.Pt(r.Min.X+t, r.Max.Y)}, {image.Pt(r.Max.X-t, r.Min.Y), r.Max},
		} {
			draw.Draw(p.img, e, u, image.Point{}, draw.Over)
		}
	}
}

// Polygon rasterizes only the polygon's bounding box: a rasterizer the
// size of a 300-dpi A3 page costs more than the whole page's encoding.
func (p *rasterPage) Polygon(pts [][2]float64, fill color.RGBA) {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, q := range pts {
		minX, minY = math.Min(minX, p.px(q[0])), math.Min(minY, p.px(q[1]))
		maxX, maxY = math.Max(maxX, p.px(q[0])), math.Max(maxY, p.px(q[1]))
	}
	b := image.Rect(int(minX), int(minY), int(math.Ceil(maxX))+1, int(math.Ceil(maxY))+1).Intersect(p.img.Bounds())
	if b.Empty() {
		return
	}
	p.ras.Reset(b.Dx(), b.Dy())
	for i, q := range pts {
		x, y := float32(p.px(q[0])-float64(b.Min.X)), float32(p.px(q[1])-float64(b.Min.Y))
		if i == 0 {
			p.ras.MoveTo(x, y)
		} else {
			p.ras.LineTo(x, y)
		}
	}
	p.ras.ClosePath()
	p.ras.DrawOp = draw.Over
	p.ras.Draw(p.img, b, image.NewUniform(fill), b.Min)
}

func (p *rasterPage) Image(x, y, w, h float64, img image.Image, _ bool) {
	r := p.rect(x, y, w, h)
	if r.Size() == img.Bounds().Size() {
		draw.Draw(p.img, r, img, img.Bounds().Min, draw.Over)
		return
	}
	xdraw.CatmullRom.Scale(p.img, r, img, img.Bounds(), draw.Over, nil)
}

func (p *rasterPage) Symbol(x, y, d float64, it render.LegendItem) {
	p.Image(x, y, d, d, render.Swatch(it, int(math.Round(p.px(d))), p.dpi/96), false)
}

// frame returns an fw×fh image whose pixels are the page's inside b (its
// bounds start at 0,0, as the renderer wants), so the map is drawn in place.
func (p *rasterPage) frame(b box, fw, fh int) *image.RGBA {
	r := p.rect(b.x, b.y, b.w, b.h)
	fw, fh = min(fw, p.img.Bounds().Dx()-r.Min.X), min(fh, p.img.Bounds().Dy()-r.Min.Y)
	return &image.RGBA{Pix: p.img.Pix[p.img.PixOffset(r.Min.X, r.Min.Y):], Stride: p.img.Stride, Rect: image.Rect(0, 0, fw, fh)}
}
