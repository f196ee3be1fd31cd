// Package app is the Fyne desktop UI: the window, the map widget, the site
// list and the details panel. It is the only package that imports Fyne.
//
// Floor: top (the only package importing Fyne).
package app

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/maptile"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/geo/coverage"
	"github.com/liwan-edu/schoolmap/geo/render"
	"github.com/liwan-edu/schoolmap/geo/tile"
)

// Title is the window title, Chinese first.
const Title = "荔湾区教育设施规划图 · Liwan School Plan Map"

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
}

// UI is the main window and its parts.
type UI struct {
	Window  fyne.Window
	Map     *MapView
	List    *SiteList
	Details *Details
	Status  *widget.Label
	Summary *widget.Label

	scene       *render.Scene
	store       *tile.Store
	source      tile.Source
	fonts       *render.Fonts
	fontTTF     []byte
	copyImage   func([]byte) error
	prefs       fyne.Preferences
	legend      *legendPanel
	years       *yearBar
	layerChecks map[render.Layer]*widget.Check

	editor       *data.Editor
	subdistricts []data.Subdistrict
	projectPath  string
	otherDirty   bool
	editMode     bool
	editCheck    *widget.Check
	placing      string
	autosave     *time.Timer
	recoveryPath string

	zones       *zonePanel
	coverage    coverage.Result
	analysisKey string
	layerBox    *fyne.Container
	zoneShown   string // name of the subdistrict whose details are shown
}

// liwanCentre is where the map opens before it is fitted to the sites.
var liwanCentre = orb.Point{113.225, 23.10}

// New builds the main window; call Window.ShowAndRun to start.
func New(a fyne.App, cfg Config) (*UI, error) {
	fonts, err := render.NewFonts(cfg.FontTTF)
	if err != nil {
		return nil, err
	}
	a.Settings().SetTheme(newCJKTheme(cfg.FontTTF))
	if len(cfg.Icon) > 0 {
		a.SetIcon(fyne.NewStaticResource("icon.png", cfg.Icon))
	}
	year := cfg.Year
	if year == 0 {
		year = time.Now().Year()
	}
	u := &UI{scene: render.NewScene(cfg.Sites, min(max(year, FirstYear), LastYear)), prefs: a.Preferences(),
		editor: data.NewEditor(cfg.Sites), subdistricts: data.LiwanSubdistricts(), recoveryPath: cfg.RecoveryPath}
	u.scene.Norms = loadNorms(u.prefs)
	u.source, u.fonts, u.fontTTF, u.copyImage = cfg.Source, fonts, cfg.FontTTF, cfg.CopyImage
	r := &render.Renderer{Fonts: fonts, Attribution: cfg.Source.Attribution}
	u.Map = NewMapView(r, u.scene, render.View{Center: liwanCentre, Zoom: 12, Width: 800, Height: 600}, max(cfg.Source.MinZoom, 3), cfg.Source.MaxZoom)
	u.Map.sync = cfg.SyncRender
	u.store = newStore(cfg, u.Map.Redraw)
	r.Tiles = u.store
	u.Map.offline = func() bool { off, _ := u.store.Offline(); return off }
	u.Map.want = func(v render.View) { u.store.Want(v.Tiles()) }
	u.Map.OnTap = u.onTap
	u.Map.OnHover = func(p orb.Point) {
		if z := u.zoneAt(p); z != nil {
			u.Status.SetText(u.zoneSummary(z))
		}
	}
	u.Map.OnMoveSite = func(id string, p orb.Point) { u.moveSite(id, p, "移动 move") }
	u.Map.OnViewChanged = u.showStatus

	u.Details = NewDetails()
	u.List = NewSiteList(func() []data.Site { return u.scene.Sites })
	u.List.OnSelect = func(id string) { u.Select(id); u.centreOn(id) }
	u.Status = widget.NewLabel("")
	u.Summary = widget.NewLabel("")
	u.Summary.Truncation = fyne.TextTruncateEllipsis
	u.legend = newLegendPanel()
	u.years = u.newYearBar()

	u.Window = a.NewWindow(Title)
	u.Window.SetContent(u.layout())
	u.Window.SetMainMenu(u.menu())
	u.Window.Resize(fyne.NewSize(1280, 800))
	u.bindKeys()
	u.Window.SetCloseIntercept(u.onCloseRequest)
	u.Window.SetOnClosed(u.store.Close)
	if u.recoveryPath != "" {
		go func() {
			for range time.Tick(AutosaveEvery) {
				fyne.Do(u.writeRecovery)
			}
		}()
	}
	u.refreshPanels()
	u.FitAll()
	return u, nil
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

func (u *UI) layout() fyne.CanvasObject {
	u.editCheck = widget.NewCheck("编辑模式 Edit", u.SetEditMode)
	bar := widget.NewToolbar(
		widget.NewToolbarAction(theme.FolderOpenIcon(), u.Open),
		widget.NewToolbarAction(theme.DocumentSaveIcon(), func() { u.Save(nil) }),
		widget.NewToolbarAction(theme.ContentUndoIcon(), u.Undo),
		widget.NewToolbarAction(theme.ContentRedoIcon(), u.Redo),
		toolbarWidget{u.editCheck},
		widget.NewToolbarSeparator(),
		widget.NewToolbarAction(theme.ZoomInIcon(), func() { u.Map.Zoom(1) }),
		widget.NewToolbarAction(theme.ZoomOutIcon(), func() { u.Map.Zoom(-1) }),
		widget.NewToolbarAction(theme.ZoomFitIcon(), u.FitAll),
		widget.NewToolbarSeparator(),
		widget.NewToolbarAction(theme.MailAttachmentIcon(), u.showExport),
		widget.NewToolbarAction(theme.SettingsIcon(), u.showSettings),
		widget.NewToolbarAction(theme.InfoIcon(), u.about),
	)
	tabs := container.NewAppTabs(
		container.NewTabItem("项目 Sites", u.List.Widget()),
		container.NewTabItem("图层 Layers", u.layerPanel()),
		container.NewTabItem("街道 Subdistricts", u.newZonePanel()),
	)
	left := container.NewVSplit(tabs, container.NewBorder(
		widget.NewLabelWithStyle("图例 Legend", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil,
		container.NewVScroll(u.legend.box)))
	left.Offset = 0.6
	centre := container.NewBorder(nil, container.NewVBox(u.years.widget(), u.Summary), nil, nil, u.Map)
	right := container.NewHSplit(centre, u.Details)
	right.Offset = 0.68
	main := container.NewHSplit(left, right)
	main.Offset = 0.24
	return container.NewBorder(bar, u.Status, nil, nil, main)
}

// refreshPanels makes the panels follow the scene: legend, summary and the
// selected site's details with its actions.
func (u *UI) refreshPanels() {
	sc := u.scene
	u.legend.show(sc)
	u.Summary.SetText(summaryText(data.Summarize(sc.Sites, sc.Norms, sc.Year)))
	if key := fmt.Sprintf("%p|%p|%p|%p|%v|%d|%p", sc.Sites, sc.Norms.RadiusM, sc.Norms.PerClass, sc.Norms.Per1000,
		sc.Norms.NineYearPrimaryShare, sc.Year, u.subdistricts); key != u.analysisKey {
		u.analysisKey = key // before: refreshZones may lead back here
		if !u.refreshZones() {
			u.analysisKey = ""
		}
	}
	s := u.site(sc.Selected)
	if s == nil && u.zoneShown != "" {
		return // a subdistrict's details are shown
	}
	u.Details.ShowSite(s, sc.Norms, sc.Year)
	if s == nil {
		u.Details.SetActions()
		return
	}
	id, site := s.ID, *s
	place := "在地图上放置 Place on map"
	if s.Located {
		place = "点击地图移动 Move by clicking the map"
	}
	u.Details.SetActions(
		widget.NewButtonWithIcon("编辑 Edit…", theme.DocumentCreateIcon(), func() { u.showSiteForm(site, false) }),
		widget.NewButtonWithIcon(place, theme.NavigateNextIcon(), func() { u.startPlacing(id) }),
		widget.NewButtonWithIcon("删除 Delete…", theme.DeleteIcon(), func() { u.deleteSite(id) }),
	)
}

// Run shows the window, offers to recover autosaved work, and runs the app.
func (u *UI) Run() {
	u.Window.Show()
	u.offerRecovery()
	fyne.CurrentApp().Run()
}

// update applies fn to a copy of the scene and shows the copy: the map's
// render goroutine may still be reading the old one. fn must replace, not
// modify, the maps and slices it changes.
func (u *UI) update(fn func(sc *render.Scene)) {
	next := *u.scene
	fn(&next)
	next.Version = u.scene.Version + 1
	u.scene = &next
	u.Map.SetScene(u.scene)
	u.refreshPanels()
}

// Select shows a site's details and highlights its marker; "" clears.
func (u *UI) Select(id string) {
	if id != "" {
		u.zoneShown = ""
	}
	if u.scene.Selected == id {
		return
	}
	u.update(func(sc *render.Scene) { sc.Selected = id })
}

func (u *UI) site(id string) *data.Site {
	for i := range u.scene.Sites {
		if u.scene.Sites[i].ID == id {
			return &u.scene.Sites[i]
		}
	}
	return nil
}

func (u *UI) centreOn(id string) {
	if s := u.site(id); s != nil && s.Located {
		u.Map.CenterOn(s.Location, 15)
	}
}

// FitAll shows every located site.
func (u *UI) FitAll() { u.Map.FitTo(u.sitesBound()) }

// sitesBound is the bound of the located sites (Liwan when there are none).
func (u *UI) sitesBound() orb.Bound {
	var b orb.Bound
	n := 0
	for _, s := range u.scene.Sites {
		if !s.Located {
			continue
		}
		if n == 0 {
			b = s.Location.Bound()
		}
		b = b.Extend(s.Location)
		n++
	}
	if n == 0 {
		return orb.Bound{Min: orb.Point{113.17, 23.04}, Max: orb.Point{113.27, 23.16}} // Liwan
	}
	return b
}

func (u *UI) showStatus(v render.View) {
	located := 0
	for _, s := range u.scene.Sites {
		if s.Located {
			located++
		}
	}
	net := ""
	if off, err := u.store.Offline(); off {
		net = " · 离线 offline: basemap unavailable"
		if err != nil {
			net += fmt.Sprintf(" (%v)", err)
		}
	}
	u.Status.SetText(fmt.Sprintf("缩放 z%d · 中心 %.4f, %.4f · %d/%d 已定位 located · 1 px ≈ %.1f m%s",
		v.Zoom, v.Center[0], v.Center[1], located, len(u.scene.Sites), v.MetersPerPixel(), net))
}

func (u *UI) menu() *fyne.MainMenu {
	return fyne.NewMainMenu(
		fyne.NewMenu("文件 File",
			fyne.NewMenuItem("打开项目 Open project…\tCtrl+O", u.Open),
			fyne.NewMenuItem("保存 Save\tCtrl+S", func() { u.Save(nil) }),
			fyne.NewMenuItem("另存为 Save as…\tCtrl+Shift+S", func() { u.SaveAs(nil) }),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem("导入现有学校 Import existing schools…", u.importSchools),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem("导出地图 Export map…\tCtrl+E", u.showExport),
			fyne.NewMenuItem("导出项目与服务范围 Export sites and catchments…", u.showDataExport),
			fyne.NewMenuItem("复制地图图像 Copy map image\tCtrl+Shift+C", u.copyMapImage),
		),
		fyne.NewMenu("编辑 Edit",
			fyne.NewMenuItem("撤销 Undo\tCtrl+Z", u.Undo),
			fyne.NewMenuItem("重做 Redo\tCtrl+Shift+Z", u.Redo),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem("编辑模式 Edit mode (drag markers)\tCtrl+M", func() { u.SetEditMode(!u.editMode) }),
			fyne.NewMenuItem("添加项目 Add site…", u.addSite),
		),
		fyne.NewMenu("视图 View",
			fyne.NewMenuItem("放大 Zoom in\t+", func() { u.Map.Zoom(1) }),
			fyne.NewMenuItem("缩小 Zoom out\t-", func() { u.Map.Zoom(-1) }),
			fyne.NewMenuItem("全部项目 Fit all\tCtrl+0", u.FitAll),
			fyne.NewMenuItem("搜索 Search\tCtrl+F", func() { u.Window.Canvas().Focus(u.List.Search) }),
		),
		fyne.NewMenu("设置 Settings", fyne.NewMenuItem("规划指标 Planning norms…\tCtrl+,", u.showSettings)),
		fyne.NewMenu("帮助 Help", fyne.NewMenuItem("关于数据 About the data", u.about)),
	)
}

func (u *UI) bindKeys() {
	c := u.Window.Canvas()
	short := func(k fyne.KeyName, f func()) {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { f() })
	}
	short(fyne.KeyF, func() { c.Focus(u.List.Search) })
	short(fyne.Key0, u.FitAll)
	short(fyne.KeyEqual, func() { u.Map.Zoom(1) })
	short(fyne.KeyMinus, func() { u.Map.Zoom(-1) })
	short(fyne.KeyComma, u.showSettings)
	short(fyne.KeyE, u.showExport)
	short(fyne.KeyZ, u.Undo)
	short(fyne.KeyY, u.Redo)
	short(fyne.KeyS, func() { u.Save(nil) })
	short(fyne.KeyO, u.Open)
	short(fyne.KeyM, func() { u.SetEditMode(!u.editMode) })
	shiftShort := func(k fyne.KeyName, f func()) {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift},
			func(fyne.Shortcut) { f() })
	}
	shiftShort(fyne.KeyZ, u.Redo)
	shiftShort(fyne.KeyS, func() { u.SaveAs(nil) })
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyC, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift},
		func(fyne.Shortcut) { u.copyMapImage() })
	short(fyne.KeyP, u.togglePlay)
	short(fyne.KeyPageUp, func() { u.years.slider.SetValue(float64(u.scene.Year + 1)) })
	short(fyne.KeyPageDown, func() { u.years.slider.SetValue(float64(u.scene.Year - 1)) })
	c.SetOnTypedKey(u.typedKey)
	c.SetOnTypedRune(func(r rune) {
		switch r {
		case '+', '=':
			u.Map.Zoom(1)
		case '-':
			u.Map.Zoom(-1)
		}
	})
}

// typedKey handles keys typed while no entry has the focus.
func (u *UI) typedKey(ev *fyne.KeyEvent) {
	const step = 120
	switch ev.Name {
	case fyne.KeyLeft:
		u.Map.Pan(step, 0)
	case fyne.KeyRight:
		u.Map.Pan(-step, 0)
	case fyne.KeyUp:
		u.Map.Pan(0, step)
	case fyne.KeyDown:
		u.Map.Pan(0, -step)
	case fyne.KeyHome:
		u.FitAll()
	case fyne.KeyEscape:
		u.placing = ""
		u.Select("")
	case fyne.KeyPageUp:
		u.years.slider.SetValue(float64(u.scene.Year + 1))
	case fyne.KeyPageDown:
		u.years.slider.SetValue(float64(u.scene.Year - 1))
	}
}

func (u *UI) about() {
	msg := "数据 Data: 荔湾区教育事业发展“十四五”规划 附件 (25 projects, verbatim).\n" +
		"Locations: public evidence only (school POIs, news); each site carries its confidence,\n" +
		"precision radius and basis. Halos show the precision; 2 projects are unlocated.\n" +
		"Norms: GB 50180-2018, GB 50099-2011, JGJ 39-2016.\n" +
		"Basemap: © OpenStreetMap contributors (tile.openstreetmap.org, cached ≥ 7 days)."
	dialog.ShowInformation("关于 About", msg, u.Window)
}

// toolbarWidget puts any widget in a toolbar.
type toolbarWidget struct{ obj fyne.CanvasObject }

func (t toolbarWidget) ToolbarObject() fyne.CanvasObject { return t.obj }
