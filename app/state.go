package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/coverage"
	"github.com/liwan-edu/schoolmap/geo/render"
)

// event is a kind of change to the shared state.
type event int

const (
	sceneChanged  event = iota // the scene was replaced (sites, year, selection, norms, layers, zones)
	sitesEdited                // the editor's sites changed: an edit, undo, import or open
	workDirtied                // norms or subdistricts changed: the work is unsaved
	modeChanged                // edit mode turned on or off
	zonesChanged               // subdistricts (boundaries, populations) replaced
	savedOrOpened              // the work was saved or another project opened
)

// state is the one thing the panels share: the scene the map shows (sites,
// year, selection, norms, layers), the editor with the sites' history, the
// subdistricts and their analysis, and whether the work is unsaved. Panels
// change it through its methods and follow it through listeners; none
// reaches into another panel's widgets.
type state struct {
	scene        *render.Scene
	editor       *data.Editor
	subdistricts []data.Subdistrict
	coverage     coverage.Result // the analysis shown in the Subdistricts tab
	zoneShown    [2]string       // code and name of the subdistrict in the details panel
	editing      bool            // edit mode: markers can be dragged
	otherDirty   bool            // unsaved changes outside the editor
	net          netState        // the street network and catchments along it
	access       *accessLayer    // the accessibility map's controls
	listeners    map[event][]func()
}

func newState(sc *render.Scene, sites []data.Site) *state {
	return &state{scene: sc, editor: data.NewEditor(sites), subdistricts: data.LiwanSubdistricts(),
		listeners: map[event][]func(){}}
}

// listen calls fn after every change of kind e, in the order registered.
func (s *state) listen(e event, fn func()) { s.listeners[e] = append(s.listeners[e], fn) }

func (s *state) notify(e event) {
	for _, fn := range s.listeners[e] {
		fn()
	}
}

// update applies fn to a copy of the scene and shows the copy: the map's
// render goroutine may still be reading the old one. fn must replace, not
// modify, the maps and slices it changes.
func (s *state) update(fn func(sc *render.Scene)) {
	next := *s.scene
	fn(&next)
	next.Version = s.scene.Version + 1
	s.scene = &next
	s.notify(sceneChanged)
}

// selectSite selects a site ("" clears) and shows its details.
func (s *state) selectSite(id string) {
	if id != "" {
		s.zoneShown = [2]string{}
	}
	if s.scene.Selected == id {
		return
	}
	s.update(func(sc *render.Scene) { sc.Selected = id })
}

// showZone shows a subdistrict, not a site, in the details panel.
func (s *state) showZone(code, name string) {
	s.selectSite("")
	s.zoneShown = [2]string{code, name}
	s.notify(sceneChanged)
}

func (s *state) site(id string) *data.Site {
	for i := range s.scene.Sites {
		if s.scene.Sites[i].ID == id {
			return &s.scene.Sites[i]
		}
	}
	return nil
}

// sitesChanged shows the editor's sites everywhere.
func (s *state) sitesChanged() {
	s.update(func(sc *render.Scene) { sc.Sites = s.editor.Sites() })
	s.notify(sitesEdited)
}

// Dirty reports unsaved changes: edits, norms or imported layers.
func (s *state) Dirty() bool { return s.editor.Dirty() || s.otherDirty }

// markDirty records a change outside the site editor (norms, subdistricts).
func (s *state) markDirty() {
	s.otherDirty = true
	s.notify(workDirtied)
}

// setSubdistricts replaces the subdistricts (an import or typed population).
func (s *state) setSubdistricts(subs []data.Subdistrict) {
	s.subdistricts = subs
	s.markDirty()
	s.notify(zonesChanged)
}

// setEditing turns edit mode on or off.
func (s *state) setEditing(on bool) {
	s.editing = on
	s.notify(modeChanged)
}

// sitesBound is the bound of the located sites (Liwan when there are none).
func (s *state) sitesBound() orb.Bound {
	var b orb.Bound
	n := 0
	for _, site := range s.scene.Sites {
		if !site.Located {
			continue
		}
		if n == 0 {
			b = site.Location.Bound()
		}
		b = b.Extend(site.Location)
		n++
	}
	if n == 0 {
		return orb.Bound{Min: orb.Point{113.17, 23.04}, Max: orb.Point{113.27, 23.16}} // Liwan
	}
	return b
}

// shell is what every panel is handed besides its own widgets: the shared
// state, the map, the window for dialogs, the preferences and the status
// line.
type shell struct {
	st     *state
	m      *MapView
	win    fyne.Window
	prefs  fyne.Preferences
	status *widget.Label
	// useBasemap shows a project's saved basemap (set by the basemap panel).
	useBasemap func(data.BasemapChoice)
	tips       *tipLayer
}

func (sh *shell) showError(err error) { showErrorDialog(err, sh.win) }

// background runs work off the UI goroutine, or on the caller's goroutine
// when the map draws synchronously (tests: Fyne's test driver runs
// fyne.Do inline, so a second goroutine would touch widgets concurrently).
func (sh *shell) background(work func()) {
	if sh.m != nil && sh.m.draw.sync {
		work()
		return
	}
	go work()
}

// edit applies an editor operation's result: a refused edit is reported
// in words, an accepted one shown everywhere.
func (sh *shell) edit(err error) bool {
	if err != nil {
		sh.showError(editError(err))
		return false
	}
	sh.st.sitesChanged()
	return true
}

// confirmForm shows a form in a confirm dialog wide enough for a folder
// path.
func (sh *shell) confirmForm(title, confirm string, form fyne.CanvasObject, cb func(bool)) {
	d := dialog.NewCustomConfirm(title, confirm, i18n.T("ui.edit.cancel"), form, cb, sh.win)
	d.Resize(fyne.NewSize(680, form.MinSize().Height+140))
	showDialog(sh.win, d)
}
