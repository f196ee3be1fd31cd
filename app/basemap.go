package app

import (
	"context"
	"errors"
	"image"
	"path/filepath"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb/maptile"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/tile"
)

// Preference keys of the basemap. The 天地图 key is kept in preferences
// only: never in a project, an export, a log or a message.
const (
	prefBasemap      = "basemap"
	prefBasemapDatum = "basemap_datum"
	prefTiandituKey  = "tianditu_key"
)

// liveBasemap is the basemap the map and the exports draw, switchable at
// run time: the renderer holds this one object while the basemap behind
// it is swapped atomically (the renderer runs on another goroutine).
type liveBasemap struct {
	cur  atomic.Pointer[tile.Basemap]
	none atomic.Bool // the planner chose no basemap
}

func (l *liveBasemap) Get(t maptile.Tile) (*image.RGBA, bool) {
	if b := l.cur.Load(); b != nil {
		return b.Get(t)
	}
	return nil, false
}

// Load serves exports; with no basemap every tile is missing.
func (l *liveBasemap) Load(ctx context.Context, ts []maptile.Tile, progress func(int, int)) (tile.Set, int, error) {
	if b := l.cur.Load(); b != nil {
		return b.Load(ctx, ts, progress)
	}
	return tile.Set{}, len(ts), nil
}

func (l *liveBasemap) Want(ts []maptile.Tile) {
	if b := l.cur.Load(); b != nil {
		b.Want(ts)
	}
}

// Offline reports a basemap that cannot be shown (not one chosen off).
func (l *liveBasemap) Offline() (bool, error) {
	if b := l.cur.Load(); b != nil {
		return b.Offline()
	}
	return !l.none.Load(), nil
}

// Attribution is the current basemap's credit (the renderer draws it).
func (l *liveBasemap) Attribution() string {
	if b := l.cur.Load(); b != nil {
		return b.Label
	}
	return ""
}

// gcj02 reports whether the data must be drawn shifted into GCJ-02.
func (l *liveBasemap) gcj02() bool { return l.cur.Load().GCJ02() }

// SetGCJ02 draws the data shifted into GCJ-02 (a GCJ-02 basemap) or not;
// clicks and drags read back in WGS-84 either way.
func (m *MapView) SetGCJ02(on bool) {
	m.mu.Lock()
	m.view.GCJ02 = on
	m.mu.Unlock()
	m.Redraw()
}

// basemapChoices are the chooser's named entries, in order.
var basemapChoices = []struct{ value, key string }{
	{"osm", "basemap.choice_osm"}, {"tianditu-vec", "basemap.choice_tdt_vec"}, {"tianditu-img", "basemap.choice_tdt_img"},
	{"amap", "basemap.choice_amap"}, {"none", "basemap.choice_none"},
}

// basemapPanel chooses the basemap (Layers tab and the Settings menu),
// remembers the choice in preferences and reports problems once.
type basemapPanel struct {
	sh       *shell
	live     *liveBasemap
	opts     func() tile.BasemapOptions
	choice   *widget.Select
	note     *widget.Label
	box      *fyne.Container
	reported error
	current  tile.Spec
	offer    *widget.Button // on the status line, see basemapoffer.go
	xyz      *xyzForm       // the custom XYZ dialog last opened (tests)
}

func newBasemapPanel(sh *shell, live *liveBasemap, opts func() tile.BasemapOptions) *basemapPanel {
	p := &basemapPanel{sh: sh, live: live, opts: opts, note: widget.NewLabel("")}
	p.note.Wrapping = fyne.TextWrapWord
	var labels []string
	for _, c := range basemapChoices {
		labels = append(labels, i18n.T(c.key))
	}
	p.choice = widget.NewSelect(labels, func(s string) {
		for _, c := range basemapChoices {
			if i18n.T(c.key) == s && c.value != p.current.Value {
				p.choose(c.value, "")
			}
		}
	})
	open := widget.NewButton(i18n.T("basemap.open_offline"), p.openFile)
	folder := widget.NewButton(i18n.T("basemap.open_folder"), p.openFolder)
	custom := widget.NewButton(i18n.T("basemap.custom"), p.askTemplate)
	key := widget.NewButton(i18n.T("basemap.key_button"), p.askKey)
	p.box = container.NewVBox(widget.NewLabel(i18n.T("basemap.heading")), p.choice,
		open, folder, custom, key, p.note) // one a row: two abreast are cut in the column
	sh.useBasemap = func(c data.BasemapChoice) { p.choose(c.Value, c.Datum) }
	p.newMapOffer()
	return p
}

// start shows the remembered basemap, or fallback when none is
// remembered or it cannot be opened.
func (p *basemapPanel) start(fallback *tile.Basemap) {
	if v := p.sh.prefs.String(prefBasemap); v != "" && p.choose(v, p.sh.prefs.String(prefBasemapDatum)) {
		fallback.Close()
		return
	}
	p.current = tile.Spec{Kind: tile.KindOSM, Value: "osm"}
	p.show(fallback)
	p.choice.SetSelectedIndex(0)
}

// choose opens and shows a basemap; false (with the reason shown) when it
// cannot be opened, leaving the map as it was.
func (p *basemapPanel) choose(value, datum string) bool {
	sp, err := tile.ParseSpec(value, datum)
	var b *tile.Basemap
	if err == nil {
		applyXYZ(&sp, p.sh.prefs)
		o := p.opts()
		o.Key = p.sh.prefs.String(prefTiandituKey)
		b, err = tile.Open(sp, o)
	}
	if err != nil {
		p.say(value, err)
		return false
	}
	p.current = sp
	p.sh.prefs.SetString(prefBasemap, sp.Value)
	p.sh.prefs.SetString(prefBasemapDatum, sp.Datum.String())
	p.live.none.Store(sp.Kind == tile.KindNone)
	p.show(b)
	p.note.SetText(p.describe(sp))
	for _, w := range b.Warnings() { // shown anyway; the planner should know why zooms differ
		p.note.SetText(tile.Message(w))
		p.sh.status.SetText(tile.Message(w))
	}
	return true
}

func (p *basemapPanel) show(b *tile.Basemap) {
	if old := p.live.cur.Swap(b); old != nil && old != b {
		old.Close()
	}
	p.reported = nil
	p.sh.m.SetGCJ02(b.GCJ02())
}

func (p *basemapPanel) describe(sp tile.Spec) string {
	switch sp.Kind {
	case tile.KindMBTiles, tile.KindPMTiles, tile.KindFolder:
		return i18n.T("basemap.offline_file", filepath.Base(sp.Value))
	}
	return ""
}

// say shows a problem in words, in the panel and the status line.
func (p *basemapPanel) say(value string, err error) {
	msg := tile.Message(err)
	switch {
	case errors.Is(err, tile.ErrTemplate):
		msg = i18n.T("basemap.bad_template", value)
	case msg == "":
		msg = i18n.T("basemap.open_failed", value, err)
	}
	p.note.SetText(msg)
	p.sh.status.SetText(msg)
}

// checkProblem reports a refused key once per basemap, and offers an
// offline basemap when the current one cannot be shown (UI goroutine).
func (p *basemapPanel) checkProblem() {
	b := p.live.cur.Load()
	if b == nil {
		return
	}
	if err := b.Problem(); err != nil && p.reported == nil {
		p.reported = err
		p.say(p.current.Value, err)
		return
	}
	if off, _ := b.Offline(); off && p.reported == nil && p.note.Text == "" {
		p.note.SetText(i18n.T("basemap.unavailable"))
	}
}

// openFile offers an MBTiles or PMTiles file as the basemap.
func (p *basemapPanel) openFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		r.Close()
		if p.choose(r.URI().Path(), "") {
			p.choice.ClearSelected()
		}
	}, p.sh.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".mbtiles", ".pmtiles"}))
	showFileDialog(p.sh.win, d)
}

// askKey edits the 天地图 key (kept in preferences only) and reopens a
// 天地图 basemap with it.
func (p *basemapPanel) askKey() {
	e := widget.NewPasswordEntry()
	e.SetText(p.sh.prefs.String(prefTiandituKey))
	showForm(i18n.T("basemap.key_title"), i18n.T("basemap.ok"), i18n.T("basemap.cancel"),
		[]*widget.FormItem{widget.NewFormItem("tk", e)}, func(ok bool) {
			if !ok {
				return
			}
			p.sh.prefs.SetString(prefTiandituKey, e.Text)
			if p.current.NeedsKey() {
				p.choose(p.current.Value, "")
			}
		}, p.sh.win)
}

// Close stops the current basemap's workers and closes its files.
func (l *liveBasemap) Close() {
	if b := l.cur.Swap(nil); b != nil {
		b.Close()
	}
}

// openFolder offers a {z}/{x}/{y} tile folder as the basemap.
func (p *basemapPanel) openFolder() {
	dialog.ShowFolderOpen(func(u fyne.ListableURI, err error) {
		if err == nil && u != nil && p.choose(u.Path(), "") {
			p.choice.ClearSelected()
		}
	}, p.sh.win)
}
