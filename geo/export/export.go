package export

import (
	"cmp"
	"context"
	"fmt"
	"image"
	"io"
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/maptile"

	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo"
	"github.com/liwan-edu/schoolmap/geo/render"
	"github.com/liwan-edu/schoolmap/geo/tile"
)

// TileLoader brings the tiles of an export in, waiting for them.
type TileLoader interface {
	Load(ctx context.Context, tiles []maptile.Tile, progress func(done, total int)) (tile.Set, int, error)
}

var _ TileLoader = (*tile.Store)(nil)

// Progress reports a stage of an export and how far it is.
type Progress struct {
	Stage       string
	Done, Total int
}

// Exporter writes snapshots. Tiles nil draws no basemap.
type Exporter struct {
	FontTTF []byte
	Fonts   *render.Fonts
	Tiles   TileLoader
	MaxZoom int  // of the tile source; 0 = 19
	GCJ02   bool // the basemap is in GCJ-02: data is drawn shifted onto it
}

// Write renders the page(s) described by o and writes them to w. progress
// may be nil; ctx cancels between stages and between tiles.
func (e *Exporter) Write(ctx context.Context, w io.Writer, o Options, progress func(Progress)) error {
	if progress == nil {
		progress = func(Progress) {}
	}
	wMM, hMM, err := o.pageMM()
	if err != nil {
		return err
	}
	if err := o.checkPixels(wMM, hMM); err != nil {
		return err
	}
	if o.Scene == nil || o.Extent.IsEmpty() && o.Extent.Min == (orb.Point{}) {
		return fmt.Errorf("%w: nothing to show", ErrOption)
	}
	page, doc, err := e.newPage(o, wMM, hMM)
	if err != nil {
		return err
	}
	var p Page = page
	if doc != nil {
		p = doc
	}
	g, v, notes := e.layout(p, o, wMM, hMM)
	fw, fh := v.Width, v.Height
	var mapImg *image.RGBA
	if o.Format == PDF {
		mapImg = image.NewRGBA(image.Rect(0, 0, fw, fh))
	} else {
		// The map is drawn straight into the page's pixels: an A3 at 300
		// dpi is 70 MB a copy.
		mapImg = page.frame(g.mapBox, fw, fh)
	}
	missing, err := e.renderMap(ctx, mapImg, v, o, g.keep(v), progress)
	if err != nil {
		return err
	}
	f := e.furniture(o, v, g, notes, missing)
	progress(Progress{Stage: i18n.T("export.stage.layout"), Done: 0, Total: 1})
	if o.Format == PDF {
		return e.writePDF(ctx, w, doc, o, g, v, mapImg, f, progress)
	}
	drawPage(page, g, nil, f)
	if err := ctx.Err(); err != nil {
		return err
	}
	progress(Progress{Stage: i18n.T("export.stage.writing"), Done: 0, Total: 1})
	return encodePNG(w, page.img, o.DPI)
}

// fit returns the view showing o.Extent in a frame of fw×fh pixels, at
// the tile zoom that keeps tiles sharp: tiles are drawn at most 1:1,
// never enlarged (unless the source's last zoom is not enough).
func (e *Exporter) fit(o Options, fw, fh int) render.View {
	maxZ := e.MaxZoom
	if maxZ == 0 {
		maxZ = 19
	}
	x0, y0 := geo.ToPixel(orb.Point{o.Extent.Min[0], o.Extent.Max[1]}, 0)
	x1, y1 := geo.ToPixel(orb.Point{o.Extent.Max[0], o.Extent.Min[1]}, 0)
	zf := math.Log2(math.Min(float64(fw)/math.Max(x1-x0, 1e-9), float64(fh)/math.Max(y1-y0, 1e-9)))
	z := int(math.Ceil(zf - 1e-6))
	z = max(0, min(z, maxZ))
	return render.View{Center: o.Extent.Center(), Zoom: z, Width: fw, Height: fh,
		TileScale: math.Exp2(zf - float64(z)), SymbolScale: o.DPI / 96, GCJ02: e.GCJ02}
}

// renderMap draws the map into dst (the view's size) and returns how many
// tiles were unavailable.
func (e *Exporter) renderMap(ctx context.Context, dst *image.RGBA, v render.View, o Options, keep [][2][2]float64, progress func(Progress)) (int, error) {
	r := &render.Renderer{Fonts: e.Fonts, Direct: true, Keep: keep}
	sc := o.Scene
	if o.Format == PDF {
		sc = basemapOnly(sc) // the overlays are drawn as vectors
	}
	missing := 0
	if e.Tiles != nil && sc.On(render.Basemap) {
		tiles := v.Tiles()
		set, miss, err := e.Tiles.Load(ctx, tiles, func(d, t int) {
			progress(Progress{Stage: i18n.T("export.stage.tiles"), Done: d, Total: t})
		})
		if err != nil {
			return 0, err
		}
		r.Tiles, missing = set, miss
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	progress(Progress{Stage: i18n.T("export.stage.rendering"), Done: 0, Total: 1})
	f := r.Render(dst, v, sc, false)
	return max(missing, f.Missing*boolInt(e.Tiles != nil)), nil
}

// basemapOnly is the scene with every layer but the basemap hidden.
func basemapOnly(sc *render.Scene) *render.Scene {
	c := *sc
	base := c.Layers[render.Basemap]
	c.Layers = render.Layers{}
	c.Layers[render.Basemap] = base
	return &c
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// newPage starts the output: a PDF document, or the raster page of a PNG.
func (e *Exporter) newPage(o Options, wMM, hMM float64) (*rasterPage, *pdfPage, error) {
	if o.Format == PDF {
		doc, err := newPDF(wMM, hMM, e.FontTTF, o.Title, cmp.Or(o.Creator, "Liwan School Plan Map"), o.date())
		return nil, doc, err
	}
	return newRasterPage(int(math.Round(o.px(wMM))), int(math.Round(o.px(hMM))), o.DPI, e.Fonts), nil, nil
}

// layout places the page's parts: footer notes, legend (see place.go),
// map frame, and the view that fits the extent into the frame.
func (e *Exporter) layout(p Page, o Options, wMM, hMM float64) (geometry, render.View, []string) {
	k := math.Min(wMM, hMM) / 210
	var notes []string
	for _, n := range pageNotes(o, e.Tiles != nil) {
		notes = append(notes, wrap(p, n, 7*k, wMM-16*k)...)
	}
	g := pageGeometry(wMM, hMM, o.Subtitle != "", len(notes))
	items := render.Legend(o.Scene)
	lay := func(n int) *legendLayout { return layoutLegend(p, g.k, items, n) }
	g = g.withLegend(lay, o.Extent)
	v := e.fit(o, int(math.Round(o.px(g.mapBox.w))), int(math.Round(o.px(g.mapBox.h))))
	if !g.outside && len(items) > 0 {
		g = e.quietestCorner(o, v, g, lay)
	}
	return g, v, notes
}

func (e *Exporter) furniture(o Options, v render.View, g geometry, notes []string, missing int) furniture {
	metersPerMM := v.MetersPerPixel() * o.px(1)
	sm, smm := chooseScale(metersPerMM, 35*g.k)
	f := furniture{title: o.Title, subtitle: o.Subtitle, date: o.date().Format("2006-01-02"),
		notes: notes, legend: render.Legend(o.Scene), scaleM: sm, scaleMM: smm}
	attributed := e.Tiles != nil && o.Attribution != "" && o.Scene.On(render.Basemap) && len(f.notes) > 0
	switch {
	case attributed && missing >= len(v.Tiles()):
		f.notes[0] = i18n.T("basemap.none") // nothing shown: say so rather than count tiles
	case attributed && missing > 0:
		f.notes[0] += i18n.T("render.page.tiles_missing", missing)
	}
	return f
}

func (e *Exporter) writePDF(ctx context.Context, w io.Writer, p *pdfPage, o Options, g geometry, v render.View, mapImg image.Image, f furniture, progress func(Progress)) error {
	f.paintMap = func() {
		mb := g.mapBox
		p.pdf.ClipRect(mb.x, mb.y, mb.w, mb.h, false)
		vp := &pdfPainter{pdf: p.pdf, x0: mb.x, y0: mb.y, k: mb.w / float64(v.Width), fonts: e.Fonts, page: p, w: v.Width, h: v.Height}
		(&render.Renderer{Fonts: e.Fonts, Keep: g.keep(v)}).Paint(vp, v, o.Scene)
		p.pdf.ClipEnd()
		p.pdf.SetAlpha(1, "Normal")
	}
	drawPage(p, g, mapImg, f)
	if o.Tables {
		p.AddPage()
		drawTables(p, g, o)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	progress(Progress{Stage: i18n.T("export.stage.writing"), Done: 0, Total: 1})
	return p.write(w)
}
