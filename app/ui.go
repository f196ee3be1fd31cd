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
	"strings"
	"time"

	"fyne.io/fyne/v2"
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
	// Year is the status year shown first; 0 = this year, within the
	// control's 2021–2030.
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
	store   *tile.Store
	list    *SiteList
	details *detailsPanel
	layers  *layersPanel
	years   *yearBar
	zones   *zonePanel
	edit    *editPanel
	file    *projectFile
	dlg     dialogs
}

// dialogs are the panels that live in dialogs.
type dialogs struct {
	export   *exportDialog
	imports  *importDialogs
	settings *settingsDialog
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
	sc := render.NewScene(cfg.Sites, startYear(cfg.Year))
	sc.Norms = loadNorms(a.Preferences())
	r := &render.Renderer{Fonts: fonts, Attribution: cfg.Source.Attribution}
	u.Map = NewMapView(r, sc, render.View{Center: liwanCentre, Zoom: 12, Width: 800, Height: 600}, max(cfg.Source.MinZoom, 3), cfg.Source.MaxZoom)
	u.Map.draw.sync = cfg.SyncRender
	u.store = newStore(cfg, u.Map.Redraw)
	r.Tiles = u.store
	u.Map.draw.offline = func() bool { off, _ := u.store.Offline(); return off }
	u.Map.draw.want = func(v render.View) { u.store.Want(v.Tiles()) }
	u.sh = &shell{st: newState(sc, cfg.Sites), m: u.Map, win: u.Window, prefs: a.Preferences(), status: widget.NewLabel(""), tips: newTipLayer()}
	u.buildPanels(cfg, fonts)
	u.wire()
	u.Window.SetContent(container.NewStack(u.layout(), u.sh.tips.layer))
	u.Window.SetMainMenu(u.menu())
	u.Window.Resize(fyne.NewSize(1280, 800))
	u.bindKeys()
	u.Window.SetCloseIntercept(u.file.onCloseRequest)
	u.Window.SetOnClosed(func() { u.file.stopAutosave(); u.store.Close() })
	u.file.startAutosave(AutosaveEvery)
	u.sh.st.notify(sceneChanged)
	u.FitAll()
	return u, nil
}

func startYear(y int) int {
	if y == 0 {
		y = time.Now().Year()
	}
	return min(max(y, FirstYear), LastYear)
}

func newStore(cfg Config, ready func()) *tile.Store {
	o := tile.StoreOptions{OnReady: func(maptile.Tile) { ready() }}
	if !cfg.Offline {
		o.Fetcher = tile.NewFetcher(cfg.Source, tile.UserAgent)
	}
	if cfg.CacheDir != "" {
		o.Disk = &tile.DiskCache{Dir: cfg.CacheDir}
	}
	return tile.NewStore(cfg.Source, o)
}

func (u *UI) buildPanels(cfg Config, fonts *render.Fonts) {
	sh := u.sh
	u.list = NewSiteList(func() []data.Site { return sh.st.scene.Sites })
	u.edit = newEditPanel(sh)
	u.details = newDetailsPanel(sh, u.edit.siteActions)
	u.layers = newLayersPanel(sh)
	u.years = newYearBar(sh)
	u.zones = newZonePanel(sh)
	u.file = newProjectFile(sh, cfg.RecoveryPath)
	u.dlg.export = &exportDialog{sh: sh, store: u.store, src: cfg.Source, fonts: fonts, fontTTF: cfg.FontTTF, copyImage: cfg.CopyImage,
		creator: strings.TrimSpace("Liwan School Plan Map " + cfg.Version)}
	u.dlg.imports = &importDialogs{sh: sh}
	u.dlg.settings = &settingsDialog{sh: sh}
	u.zones.on = zoneActions{u.dlg.imports.boundaries, u.dlg.imports.population, u.dlg.export.table}
}

// wire connects the map and the list to the state, in the order panels
// follow a scene change: map, legend, summary, analysis, details.
func (u *UI) wire() {
	st := u.sh.st
	st.listen(sceneChanged, func() { u.Map.SetScene(st.scene) })
	u.layers.follow()
	u.years.follow()
	u.zones.follow()
	u.details.follow()
	st.listen(sitesEdited, u.list.Refilter)
	u.file.follow()
	u.edit.follow()
	u.list.OnSelect = func(id string) { st.selectSite(id); u.centreOn(id) }
	u.Map.OnTap = u.onTap
	u.Map.OnHover = func(p orb.Point) {
		if z := zoneAt(st.subdistricts, p); z != nil {
			u.sh.status.SetText(zoneSummary(st.coverage, z))
		}
	}
	u.Map.OnMoveSite = func(id string, p orb.Point) { u.edit.moveSite(id, p, i18n.T("ui.ui.move")) }
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
	tabs := container.NewAppTabs(
		container.NewTabItem(i18n.T("ui.ui.sites"), u.list.Widget()),
		container.NewTabItem(i18n.T("ui.ui.layers"), u.layers.widget()),
		container.NewTabItem(i18n.T("ui.ui.subdistricts"), u.zones.widget()),
	)
	left := container.NewVSplit(tabs, container.NewBorder(
		widget.NewLabelWithStyle(i18n.T("ui.ui.legend"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil,
		container.NewVScroll(u.layers.legend.box)))
	left.Offset = 0.6
	centre := container.NewBorder(nil, u.years.widget(), nil, nil, u.Map)
	right := container.NewHSplit(centre, u.details.view)
	right.Offset = 0.68
	main := container.NewHSplit(left, right)
	main.Offset = 0.24
	return container.NewBorder(bar, u.sh.status, nil, nil, main)
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

// FitAll shows every located site.
func (u *UI) FitAll() { u.Map.FitTo(u.sh.st.sitesBound()) }

func (u *UI) showStatus(v render.View) {
	sites := u.sh.st.scene.Sites
	off, err := u.store.Offline()
	u.sh.status.SetText(statusText(v, sites, off, err))
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
