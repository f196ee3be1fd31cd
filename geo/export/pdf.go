package export

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"time"

	"github.com/go-pdf/fpdf"

	"github.com/liwan-edu/schoolmap/geo/render"
)

// pdfPage draws pages into a PDF whose text is real text in the embedded
// CJK font (searchable, sharp at any zoom).
type pdfPage struct {
	pdf    *fpdf.Fpdf
	w, h   float64
	images int
}

var _ Page = (*pdfPage)(nil)

const pdfFont = "wqy"

// creator names the app and its version ("Liwan School Plan Map 0.1.0").
func newPDF(wMM, hMM float64, ttf []byte, title, creator string, created time.Time) (*pdfPage, error) {
	orient := "P"
	if wMM > hMM {
		orient = "L"
	}
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: orient, UnitStr: "mm",
		Size: fpdf.SizeType{Wd: min(wMM, hMM), Ht: max(wMM, hMM)}})
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.AddUTF8FontFromBytes(pdfFont, "", ttf)
	pdf.SetTitle(title, true)
	pdf.SetCreator(creator, true)
	pdf.SetProducer(creator+" (go-pdf/fpdf)", true)
	pdf.SetCreationDate(created)
	pdf.SetModificationDate(created)
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("export: pdf font: %w", err)
	}
	p := &pdfPage{pdf: pdf, w: wMM, h: hMM}
	p.AddPage()
	return p, nil
}

// AddPage starts a new page of the same size.
func (p *pdfPage) AddPage() { p.pdf.AddPage() }

func (p *pdfPage) Size() (float64, float64) { return p.w, p.h }

func (p *pdfPage) TextWidth(s string, pt float64) float64 {
	p.pdf.SetFont(pdfFont, "", pt)
	return p.pdf.GetStringWidth(s)
}

func (p *pdfPage) Text(x, y, pt float64, s string, a Align, c color.RGBA) float64 {
	w := p.TextWidth(s, pt)
	x = a.left(x, w)
	p.pdf.SetTextColor(int(c.R), int(c.G), int(c.B))
	// The raster backend puts the top of the line at y; the font's ascent
	// is about 0.86 of its size.
	p.pdf.Text(x, y+pt*25.4/72*0.86, s)
	return w
}

func (p *pdfPage) setAlpha(c color.RGBA) {
	p.pdf.SetAlpha(float64(c.A)/255, "Normal")
}

// unpremultiply turns image.RGBA's premultiplied colour into PDF's.
func unpremultiply(c color.RGBA) (r, g, b int) {
	if c.A == 0 {
		return 0, 0, 0
	}
	return int(c.R) * 255 / int(c.A), int(c.G) * 255 / int(c.A), int(c.B) * 255 / int(c.A)
}

func (p *pdfPage) Rect(x, y, w, h float64, fill, stroke color.RGBA, lineMM float64) {
	if fill.A > 0 {
		p.setAlpha(fill)
		p.pdf.SetFillColor(unpremultiply(fill))
		p.pdf.Rect(x, y, w, h, "F")
	}
	if stroke.A > 0 && lineMM > 0 {
		p.setAlpha(stroke)
		p.pdf.SetDrawColor(unpremultiply(stroke))
		p.pdf.SetLineWidth(lineMM)
		p.pdf.Rect(x+lineMM/2, y+lineMM/2, w-lineMM, h-lineMM, "D")
	}
	p.pdf.SetAlpha(1, "Normal")
}

func (p *pdfPage) Polygon(pts [][2]float64, fill color.RGBA) {
	ps := make([]fpdf.PointType, len(pts))
	for i, q := range pts {
		ps[i] = fpdf.PointType{X: q[0], Y: q[1]}
	}
	p.setAlpha(fill)
	p.pdf.SetFillColor(unpremultiply(fill))
	p.pdf.Polygon(ps, "F")
	p.pdf.SetAlpha(1, "Normal")
}

func (p *pdfPage) Image(x, y, w, h float64, img image.Image, photo bool) {
	var buf bytes.Buffer
	opt := fpdf.ImageOptions{ImageType: "PNG"}
	// Lossless: the basemap keeps its crisp street lines and lettering.
	// An opaque image is stored as RGB, whose Flate stream fpdf embeds as
	// is; photo is ignored.
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	enc.Encode(&buf, img)
	p.images++
	name := fmt.Sprintf("img%d", p.images)
	p.pdf.RegisterImageOptionsReader(name, opt, &buf)
	p.pdf.ImageOptions(name, x, y, w, h, false, opt, 0, "")
}

// Symbol paints the legend symbol as paths, at the map's 96-dpi scale.
func (p *pdfPage) Symbol(x, y, d float64, it render.LegendItem) {
	vp := &pdfPainter{pdf: p.pdf, x0: x, y0: y, k: 25.4 / 96}
	render.PaintSwatch(vp, it, d/vp.k, 1)
	p.pdf.SetAlpha(1, "Normal")
}

// write finishes the document.
func (p *pdfPage) write(w io.Writer) error {
	if err := p.pdf.Output(w); err != nil {
		return fmt.Errorf("export: pdf: %w", err)
	}
	return nil
}
