// Package app is the Fyne desktop UI: the window and its panels. Each
// panel is its own type with its own widgets and methods (site list,
// details, layers and legend, year bar, subdistricts, edit mode, project
// file, export, imports, settings); the panels share one small state
// (state.go) and follow its changes through listeners.
//
// Floor: top (the only package importing Fyne).
package app

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/maptile"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/render"
	"github.com/liwan-edu/schoolmap/geo/tile"
)

// Title is the key of the window title.
const Title = "ui.title"

// Config is what the UI is started with.
type Config struct {
	Sites    []data.Site
	FontTTF  []byte
	Icon     []byte
	Source   tile.Source
	Offline  bool   // no network: cached tiles only
	CacheDir string // tile cache; "" = memory only
	// SyncRender draws frames on the goroutine that asks for them instead
	// of a background one. Fyne's test driver runs fyne.Do inline, so UI
	// tests need this to stay on one goroutine.
	SyncRender bool
	// Year is the status year shown first; 0 = the year the planner last
	// chose, else the plan's last year (2025), within 2021–2030.
	Year int
	// CopyImage puts PNG bytes on the system clipboard; nil when the
	// platform cannot.
	CopyImage func(png []byte) error
	// RecoveryPath is where unsaved work is autosaved ("" = no autosave).
	RecoveryPath string
	// Version and BuildDate are shown in About (BuildDate may be "").
	Version, BuildDate string
}

// UI is the main window: the map and the panels around it.
type UI struct {
	Window fyne.Window
	Map    *MapView

	sh      *shell
	list    *SiteList
	details *detailsPanel
	layers  *layersPanel
	years   *yearBar
	zones   *zonePanel
	edit    *editPanel
	file    *projectFile
	dlg     dialogs
	panels  sidePanels
}

// sidePanels are the collapsible columns beside the map.
type sidePanels struct {
	left, right *fyne.Container
	tabs        *container.AppTabs // sites, layers, subdistricts
	outer       *container.Split   // left | rest
	inner       *container.Split   // map | right
	legend      *container.Split   // tabs above the legend
	narrow      float64            // the left column's share before the Subdistricts tab widened it; 0 when not widened
	legendAt    float64            // the legend's divider before the Layers or Subdistricts tab lowered it; 0 when not lowered
}

// dialogs are the panels that live in dialogs.
type dialogs struct {
	export   *exportDialog
	imports  *importDialogs
	settings *settingsDialog
	network  *networkPanel
	version  string // shown in About, with the build date
	built    string
}

// liwanCentre is where the map opens before it is fitted to the sites.
var liwanCentre = orb.Point{113.225, 23.10}

// New builds the main window; call Run to start.
func New(a fyne.App, cfg Config) (*UI, error) {
	fonts, err := render.NewFonts(cfg.FontTTF)
	if err != nil {
		return nil, err
	}
	a.Settings().SetTheme(newCJKTheme(cfg.FontTTF))
	if len(cfg.Icon) > 0 {
		a.SetIcon(fyne.NewStaticResource("icon.png", cfg.Icon))
	}
	u := &UI{Window: a.NewWindow(i18n.T(Title)), dlg: dialogs{version: cfg.Version, built: cfg.BuildDate}}
	sc := render.NewScene(cfg.Sites, startYear(cfg.Year, a.Preferences()))
	sc.Norms = loadNorms(a.Preferences())
	r := &render.Renderer{Fonts: fonts}
	u.Map = NewMapView(r, sc, render.View{Center: liwanCentre, Zoom: 12, Width: 800, Height: 600}, max(cfg.Source.MinZoom, 3), cfg.Source.MaxZoom)
	u.Map.draw.sync = cfg.SyncRender
	live := &liveBasemap{}
	r.Tiles = live
	u.Map.draw.offline = func() bool { off, _ := live.Offline(); return off }
	u.Map.draw.want = func(v render.View) { live.Want(v.Tiles()) }
	u.sh = &shell{st: newState(sc, cfg.Sites), m: u.Map, win: u.Window, prefs: a.Preferences(), status: widget.NewLabel(""), tips: newTipLayer()}
	u.sh.st.net.cfg = loadNetPrefs(a.Preferences())
	u.buildPanels(cfg, fonts, live)
	u.wire()
	u.Window.SetContent(container.NewStack(u.layout(), u.sh.tips.layer))
	u.Window.SetMainMenu(u.menu())
	u.Window.Resize(fyne.NewSize(1280, 800))
	u.bindKeys()
	u.Window.SetCloseIntercept(u.file.onCloseRequest)
	u.Window.SetOnClosed(func() { u.file.stopAutosave(); live.Close() })
	u.file.startAutosave(AutosaveEvery)
	u.sh.st.notify(sceneChanged)
	u.FitAll()
	return u, nil
}

// startYear is the year shown first: the configured one, else the one the
// planner last chose, else the plan's last year (2025), not today's date.
func startYear(y int, p fyne.Preferences) int {
	if y == 0 {
		y = p.IntWithFallback(prefYear, PlanLastYear)
	}
	return min(max(y, FirstYear), LastYear)
}

// basemapOptions open basemaps as the app was started: online unless
// offline; cfg.Source caches in cfg.CacheDir, other sources in their own
// folders of the user cache (none when cfg.CacheDir is empty: tests).
func basemapOptions(cfg Config, ready func()) tile.BasemapOptions {
	return tile.BasemapOptions{Online: !cfg.Offline, OnReady: func(maptile.Tile) { ready() },
		CacheFor: func(s tile.Source) string {
			switch {
			case cfg.CacheDir == "":
				return ""
			case s.Name == cfg.Source.Name:
				return cfg.CacheDir
			}
			return tile.DefaultCacheDir(s)
		}}
}

func (u *UI) buildPanels(cfg Config, fonts *render.Fonts, live *liveBasemap) {
	sh := u.sh
	u.list = NewSiteList(func() []data.Site { return sh.st.scene.Sites })
	u.edit = newEditPanel(sh)
	u.details = newDetailsPanel(sh, u.edit.siteActions)
	u.layers = newLayersPanel(sh)
	u.layers.refs = newRefPanel(sh)
	redraw := u.Map.Redraw
	if cfg.SyncRender {
		// A synchronous redraw would render on the tile worker's goroutine
		// while the test renders on its own: tests redraw themselves.
		redraw = func() {}
	}
	opts := basemapOptions(cfg, redraw)
	u.layers.basemap = newBasemapPanel(sh, live, func() tile.BasemapOptions { return opts })
	u.layers.basemap.start(tile.NewBasemap([]tile.Source{cfg.Source}, opts))
	u.years = newYearBar(sh)
	u.zones = newZonePanel(sh)
	u.file = newProjectFile(sh, cfg.RecoveryPath)
	u.dlg.export = &exportDialog{sh: sh, live: live, fonts: fonts, fontTTF: cfg.FontTTF, copyImage: cfg.CopyImage,
		creator: strings.TrimSpace("Liwan School Plan Map " + cfg.Version)}
	u.dlg.imports = &importDialogs{sh: sh}
	u.dlg.network = newNetworkPanel(sh, u.dlg.imports)
	u.dlg.settings = &settingsDialog{sh: sh}
	u.zones.on = zoneActions{u.dlg.imports.boundaries, u.dlg.imports.population, u.dlg.export.table}
}

// wire connects the map and the list to the state, in the order panels
// follow a scene change: map, legend, summary, analysis, details.
func (u *UI) wire() {
	st := u.sh.st
	st.listen(sceneChanged, func() { u.Map.SetScene(st.scene) })
	u.layers.follow()
	u.layers.refs.follow()
	u.years.follow()
	u.zones.follow()
	u.details.follow()
	st.listen(sitesEdited, u.list.Refilter)
	st.listen(sceneChanged, func() {
		if u.list.highlighted != st.scene.Selected {
			u.list.Highlight(st.scene.Selected)
		}
	})
	u.file.follow()
	u.edit.follow()
	u.dlg.network.follow()
	u.list.OnSelect = func(id string) { st.selectSite(id); u.centreOn(id) }
	u.Map.OnTap = u.onTap
	u.Map.OnHover = func(p orb.Point) {
		if text := u.hoverSite(); text != "" {
			u.sh.status.SetText(text) // the full name, also of a site whose label did not fit
			return
		}
		if z := zoneAt(st.subdistricts, p); z != nil {
			u.sh.status.SetText(zoneSummary(st.coverage, z))
		}
	}
	u.Map.OnMoveSite = u.edit.dragSite
	u.Map.OnViewChanged = u.showStatus
}

func (u *UI) layout() fyne.CanvasObject {
	bar := widget.NewToolbar(
		u.tool(theme.FolderOpenIcon(), "file.open"),
		u.tool(theme.DocumentSaveIcon(), "file.save"),
		u.tool(theme.ContentUndoIcon(), "edit.undo"),
		u.tool(theme.ContentRedoIcon(), "edit.redo"),
		toolbarWidget{u.edit.check},
		widget.NewToolbarSeparator(),
		u.tool(theme.ZoomInIcon(), "view.zoomin"),
		u.tool(theme.ZoomOutIcon(), "view.zoomout"),
		u.tool(theme.ZoomFitIcon(), "view.fit"),
		widget.NewToolbarSeparator(),
		u.tool(theme.MailAttachmentIcon(), "file.export"),
		u.tool(theme.SettingsIcon(), "settings.norms"),
		u.tool(theme.InfoIcon(), "help.about"),
	)
	bar.Append(widget.NewToolbarSeparator())
	bar.Append(toolbarWidget{newTipButton(u.sh.tips, theme.ListIcon(), i18n.T("ui.ui.toggle_left"), u.toggleLeft)})
	bar.Append(toolbarWidget{newTipButton(u.sh.tips, theme.DocumentIcon(), i18n.T("ui.ui.toggle_right"), u.toggleRight)})
	// The year bar shares the toolbar's row, so the map keeps its height.
	top := container.NewBorder(nil, nil, bar, nil, u.years.widget())
	return container.NewBorder(top, u.layers.basemap.statusLine(u.sh.status), nil, nil, u.sides())
}

// Default shares of the window's width: the site list column and the
// details column; the map keeps the rest (65%), so at 1280×800 and at
// 1024×640 it has more than half the window. Both columns collapse.
const (
	leftShare  = 0.18
	rightShare = 0.17
)

// leftMinWidth is the narrowest the left column is dragged to.
const leftMinWidth = 150

// sides is the map between the two collapsible columns: the tabs with the
// legend on the left, the summary and the details on the right.
func (u *UI) sides() fyne.CanvasObject {
	// Wide contents scroll sideways, so the column can be narrow; the
	// Subdistricts tab widens it to show its table's columns whole.
	tabs := container.NewAppTabs(
		container.NewTabItem(i18n.T("ui.ui.sites"), u.list.Widget()),
		container.NewTabItem(i18n.T("ui.ui.layers"), u.layers.widget()),
		container.NewTabItem(i18n.T("ui.ui.subdistricts"), container.NewHScroll(u.zones.widget())),
	)
	u.panels.tabs = tabs
	tabs.OnSelected = func(*container.TabItem) { u.fitLeftToTab() }
	u.zones.resized = u.fitLeftToTab
	legend := container.NewVSplit(tabs, container.NewBorder(
		widget.NewLabelWithStyle(i18n.T("ui.ui.legend"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil,
		container.NewScroll(u.layers.legend.box)))
	legend.Offset = 0.6
	p := &u.panels
	p.legend = legend
	p.left = container.NewStack(minWidth(leftMinWidth), legend)
	// The summary wraps in its own scroll above the details: its whole
	// text, however narrow the column.
	right := container.NewVSplit(container.NewVScroll(u.years.summaryWidget()), u.details.view)
	right.Offset = 0.3
	p.right = container.NewStack(minWidth(170), right)
	p.inner = container.NewHSplit(u.Map, p.right)
	p.inner.Offset = 1 - rightShare/(1-leftShare)
	p.outer = container.NewHSplit(p.left, p.inner)
	p.outer.Offset = leftShare
	return p.outer
}

// toggleLeft collapses or restores the site list column.
func (u *UI) toggleLeft() { toggle(u.panels.left, u.panels.outer) }

// toggleRight collapses or restores the summary and details column.
func (u *UI) toggleRight() { toggle(u.panels.right, u.panels.inner) }

// minWidth is an empty object w pixels wide: stacked under a column, it
// keeps a dragged divider from squeezing the text to a character a line.
func minWidth(w float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(w, 0))
	return r
}

func toggle(panel *fyne.Container, split *container.Split) {
	if panel.Visible() {
		panel.Hide()
	} else {
		panel.Show()
	}
	split.Refresh()
}

// Run shows the window, offers to recover autosaved work, and runs the app.
func (u *UI) Run() {
	u.Window.Show()
	u.file.offerRecovery()
	fyne.CurrentApp().Run()
}

// OpenProject opens a project file (as from the command line).
func (u *UI) OpenProject(path string) { u.file.openPath(path, false) }

// onTap places the site waiting to be placed, or selects the marker or
// subdistrict tapped.
func (u *UI) onTap(id string, at orb.Point) {
	st := u.sh.st
	if u.edit.placeAt(at) {
		return
	}
	st.zoneShown = [2]string{}
	if id == "" && u.layers.refs.tap(at, st.editing) {
		return
	}
	if id == "" {
		if z := zoneAt(st.subdistricts, at); z != nil {
			st.showZone(z.Code, z.Name)
			return
		}
	}
	st.selectSite(id)
}

func (u *UI) centreOn(id string) {
	if s := u.sh.st.site(id); s != nil && s.Located {
		u.Map.CenterOn(s.Location, 15)
	}
}

// FitAll shows every located site and the imported subdistricts that
// show.
func (u *UI) FitAll() {
	b := u.sh.st.sitesBound()
	if sc := u.sh.st.scene; sc.On(render.Subdistricts) {
		for _, z := range sc.Zones {
			if zb := z.Boundary.Bound(); len(z.Boundary) > 0 {
				b = b.Union(zb)
			}
		}
	}
	u.Map.FitTo(b)
}

func (u *UI) showStatus(v render.View) {
	sites := u.sh.st.scene.Sites
	off, err := u.layers.basemap.live.Offline()
	u.sh.status.SetText(statusText(v, sites, off, err))
	u.layers.basemap.checkProblem()
	u.layers.basemap.updateOffer(off, u.Map.Missing())
}

// toolbarWidget puts any widget in a toolbar.
type toolbarWidget struct{ obj fyne.CanvasObject }

func (t toolbarWidget) ToolbarObject() fyne.CanvasObject { return t.obj }

// statusText is the status line for a view: zoom, centre, located sites,
// scale and whether the basemap is offline.
func statusText(v render.View, sites []data.Site, offline bool, err error) string {
	located := 0
	for _, s := range sites {
		if s.Located {
			located++
		}
	}
	net := ""
	if offline {
		net = i18n.T("ui.ui.offline_basemap_unavailable")
		if err != nil {
			net += fmt.Sprintf(" (%v)", err)
		}
	}
	return fmt.Sprintf(i18n.T("ui.ui.zoom_centre_located_1_px"),
		v.Zoom, v.Center[0], v.Center[1], located, len(sites), v.MetersPerPixel(), net)
}

// hoverSite is the status line for the marker under the pointer: its full
// name and status in the year ("" when no marker is there).
func (u *UI) hoverSite() string {
	id := u.Map.Hovered()
	sites := u.sh.st.editor.Sites()
	i := u.sh.st.editor.Index(id)
	if id == "" || i < 0 {
		return ""
	}
	return sites[i].DisplayName() + " · " + data.StatusText(&sites[i], u.sh.st.scene.Year)
}
