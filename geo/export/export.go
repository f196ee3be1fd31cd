package export

import (
	"cmp"
	"context"
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
	MaxZoom int // of the tile source; 0 = 19
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
	if o.Scene == nil || o.Extent.IsEmpty() && o.Extent.Min == (orb.Point{}) {
		return fmt.Errorf("%w: nothing to show", ErrOption)
	}
	g := pageGeometry(wMM, hMM, o.Subtitle != "")
	fw, fh := int(math.Round(o.px(g.mapBox.w))), int(math.Round(o.px(g.mapBox.h)))
	v := e.fit(o, fw, fh)
	var page *rasterPage
	var mapImg *image.RGBA
	if o.Format == PDF {
		mapImg = image.NewRGBA(image.Rect(0, 0, fw, fh))
	} else {
		// The map is drawn straight into the page's pixels: an A3 at 300
		// dpi is 70 MB a copy.
		page = newRasterPage(int(math.Round(o.px(wMM))), int(math.Round(o.px(hMM))), o.DPI, e.Fonts)
		mapImg = page.frame(g.mapBox, fw, fh)
	}
	missing, err := e.renderMap(ctx, mapImg, v, o, progress)
	if err != nil {
		return err
	}
	f := e.furniture(o, v, g, missing)
	progress(Progress{Stage: i18n.T("export.stage.layout"), Done: 0, Total: 1})
	if o.Format == PDF {
		return e.writePDF(ctx, w, o, wMM, hMM, g, mapImg, f, progress)
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
		TileScale: math.Exp2(zf - float64(z)), SymbolScale: o.DPI / 96}
}

// renderMap draws the map into dst (the view's size) and returns how many
// tiles were unavailable.
func (e *Exporter) renderMap(ctx context.Context, dst *image.RGBA, v render.View, o Options, progress func(Progress)) (int, error) {
	r := &render.Renderer{Fonts: e.Fonts, Direct: true}
	missing := 0
	if e.Tiles != nil && o.Scene.On(render.Basemap) {
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
	f := r.Render(dst, v, o.Scene, false)
	return max(missing, f.Missing*boolInt(e.Tiles != nil)), nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (e *Exporter) furniture(o Options, v render.View, g geometry, missing int) furniture {
	metersPerMM := v.MetersPerPixel() * o.px(1)
	sm, smm := chooseScale(metersPerMM, 35*g.k)
	date := o.Date
	if date.IsZero() {
		date = time.Now()
	}
	f := furniture{title: o.Title, subtitle: o.Subtitle, date: date.Format("2006-01-02"),
		sources: o.Sources, legend: render.Legend(o.Scene), scaleM: sm, scaleMM: smm}
	if o.Attribution != "" && o.Scene.On(render.Basemap) && e.Tiles != nil {
		f.attribution = i18n.T("export.attribution", o.Attribution)
		if missing > 0 {
			f.attribution += i18n.T("export.tiles_missing", missing)
		}
	}
	if approximateShown(o.Scene, v) {
		f.footnote = i18n.T("export.footnote")
	}
	f.swatch = func(it render.LegendItem, mm float64) image.Image {
		return render.Swatch(it, int(math.Round(o.px(mm))), o.DPI/96)
	}
	return f
}

// approximateShown reports whether an approximate site is inside the view.
func approximateShown(sc *render.Scene, v render.View) bool {
	for i := range sc.Sites {
		s := &sc.Sites[i]
		if !s.Approximate() || !sc.On(render.Sites) {
			continue
		}
		x, y := v.ToScreen(s.Location)
		if x >= 0 && y >= 0 && x < float64(v.Width) && y < float64(v.Height) {
			return true
		}
	}
	return false
}

func (e *Exporter) writePDF(ctx context.Context, w io.Writer, o Options, wMM, hMM float64, g geometry, mapImg image.Image, f furniture, progress func(Progress)) error {
	date := o.Date
	if date.IsZero() {
		date = time.Now()
	}
	p, err := newPDF(wMM, hMM, e.FontTTF, o.Title, cmp.Or(o.Creator, "Liwan School Plan Map"), date)
	if err != nil {
		return err
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
