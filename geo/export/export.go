package export

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"image"
	"io"
	"math"
	"time"

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
	// TileBudget is the longest the basemap stage waits for tiles; the
	// page is then drawn with the tiles that arrived, and its footnote
	// says how many are missing. 0 means DefaultTileBudget.
	TileBudget time.Duration
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
	tr, err := e.renderMap(ctx, mapImg, v, o, g.keep(v), progress)
	if err != nil {
		return err
	}
	f := e.furniture(p, o, v, g, notes, tr)
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

// DefaultTileBudget is how long an export waits for its basemap tiles
// when Exporter.TileBudget is 0: an A3 page at 300 dpi (about 650 tiles)
// loads in under a minute from a server that answers normally.
const DefaultTileBudget = 2 * time.Minute

// tileReport is what the basemap stage got: how many tiles of the view
// were missing, and whether the budget ran out (late).
type tileReport struct {
	missing int
	late    bool
	budget  time.Duration
}

// renderMap draws the map into dst (the view's size) and reports the
// tiles that were unavailable.
func (e *Exporter) renderMap(ctx context.Context, dst *image.RGBA, v render.View, o Options, keep [][2][2]float64, progress func(Progress)) (tileReport, error) {
	r := &render.Renderer{Fonts: e.Fonts, Direct: true, Keep: keep}
	sc := o.Scene
	if o.Format == PDF {
		sc = basemapOnly(sc) // the overlays are drawn as vectors
	}
	var tr tileReport
	if e.Tiles != nil && sc.On(render.Basemap) {
		set, err := e.loadTiles(ctx, v.Tiles(), &tr, progress)
		if err != nil {
			return tr, err
		}
		r.Tiles = set
	}
	if err := ctx.Err(); err != nil {
		return tr, err
	}
	progress(Progress{Stage: i18n.T("export.stage.rendering"), Done: 0, Total: 1})
	f := r.Render(dst, v, sc, false)
	tr.missing = max(tr.missing, f.Missing*boolInt(e.Tiles != nil))
	return tr, nil
}

// loadTiles waits for the view's tiles at most the tile budget; when it
// runs out, the tiles that arrived are drawn (tr.late). A cancel of ctx
// is an error.
func (e *Exporter) loadTiles(ctx context.Context, tiles []maptile.Tile, tr *tileReport, progress func(Progress)) (tile.Set, error) {
	tr.budget = cmp.Or(e.TileBudget, DefaultTileBudget)
	lctx, cancel := context.WithTimeout(ctx, tr.budget)
	defer cancel()
	stage := i18n.T("export.stage.tiles_budget", seconds(tr.budget))
	set, missing, err := e.Tiles.Load(lctx, tiles, func(d, t int) {
		progress(Progress{Stage: stage, Done: d, Total: t})
	})
	if err != nil && (ctx.Err() != nil || !errors.Is(err, context.DeadlineExceeded)) {
		return nil, err
	}
	tr.missing, tr.late = missing, err != nil
	return set, nil
}

// seconds is d in whole seconds for the page and the progress, rounded
// up (at least 1).
func seconds(d time.Duration) int { return max(1, int(math.Ceil(d.Seconds()))) }

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
// map frame, and the view that fits the extent into the frame. The sites
// whose labels do not fit are named in a last footer line; that line can
// shrink the frame and so drop more labels, so the layout is redone (a
// few times at most) until every unlabelled site is named.
func (e *Exporter) layout(p Page, o Options, wMM, hMM float64) (geometry, render.View, []string) {
	base := pageNotes(o, e.Tiles != nil)
	var named []int
	for try := 0; ; try++ {
		g, v, notes := e.place(p, o, wMM, hMM, append(base, unlabelledNote(o.Scene, named)...))
		missing := e.unlabelled(o, g, v)
		if containsAll(named, missing) || try == 3 {
			return g, v, notes
		}
		named = union(named, missing)
	}
}

// wrapNotes breaks the footer notes into lines width millimetres wide.
func wrapNotes(p Page, notes []string, k, width float64) []string {
	var out []string
	for _, n := range notes {
		out = append(out, wrap(p, n, 7*k, width)...)
	}
	return out
}

// place lays out frame, legend and notes (wrapped into the lines
// returned): notes under the map, or beside it with the legend when that
// gives the map a larger scale (see sideColumn).
func (e *Exporter) place(p Page, o Options, wMM, hMM float64, raw []string) (geometry, render.View, []string) {
	k := math.Min(wMM, hMM) / 210
	notes := wrapNotes(p, raw, k, wMM-16*k)
	g := pageGeometry(wMM, hMM, o.Subtitle != "", len(notes))
	items := render.Legend(o.Scene)
	lay := func(n int) *legendLayout { return layoutLegend(p, g.k, items, n) }
	g = g.withLegend(lay, o.Extent, o.Scene.On(render.Subdistricts) && len(o.Scene.Zones) > 0)
	if side, lines, ok := sideColumn(p, g, lay(1), raw, o.Extent); ok {
		g, notes = side, lines
	}
	v := e.fit(o, int(math.Round(o.px(g.mapBox.w))), int(math.Round(o.px(g.mapBox.h))))
	if !g.outside && len(items) > 0 {
		g = e.quietestCorner(o, v, g, lay)
	}
	return g, v, notes
}

func (e *Exporter) furniture(p Page, o Options, v render.View, g geometry, notes []string, tr tileReport) furniture {
	metersPerMM := v.MetersPerPixel() * o.px(1)
	sm, smm := chooseScale(metersPerMM, 35*g.k)
	f := furniture{title: o.Title, subtitle: o.Subtitle, date: o.date().Format("2006-01-02"),
		notes: notes, legend: render.Legend(o.Scene), scaleM: sm, scaleMM: smm}
	attributed := e.Tiles != nil && o.Attribution != "" && o.Scene.On(render.Basemap) && len(f.notes) > 0
	if !attributed {
		return f
	}
	laidOut := i18n.T("render.page.basemap", o.Attribution) // pageNotes' first note
	said := laidOut
	n := len(v.Tiles())
	switch {
	case tr.late && tr.missing >= n:
		said = i18n.T("export.tiles_late_none", seconds(tr.budget))
	case tr.late && tr.missing > 0:
		said += i18n.T("export.tiles_late", tr.missing, n, seconds(tr.budget))
	case tr.missing >= n:
		said = i18n.T("basemap.none") // nothing shown: say so rather than count tiles
	case tr.missing > 0:
		said += i18n.T("render.page.tiles_missing", tr.missing)
	}
	f.notes = rewrapFirst(p, notes, laidOut, said, 7*g.k, g.notesW)
	return f
}

// rewrapFirst replaces the wrapped lines of the first note, laid out as
// was, by those of now at the same width: the tile count is known only
// after the layout, and a longer note takes more lines rather than
// running past its column.
func rewrapFirst(p Page, lines []string, was, now string, pt, width float64) []string {
	if was == now {
		return lines
	}
	k := min(len(lines), len(wrap(p, was, pt, width)))
	return append(wrap(p, now, pt, width), lines[k:]...)
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
