package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/gpkg"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/render"
)

// projectFile is the work's file: open, save, the window title, and the
// autosaved recovery copy.
type projectFile struct {
	sh           *shell
	path         string      // the project file; "" until saved or opened
	recoveryPath string      // where unsaved work is autosaved; "" = never
	autosave     *time.Timer // the save shortly after an edit
	stop         chan struct{}
}

func newProjectFile(sh *shell, recoveryPath string) *projectFile {
	return &projectFile{sh: sh, recoveryPath: recoveryPath}
}

// follow keeps the title current and the work autosaved.
func (f *projectFile) follow() {
	st := f.sh.st
	for _, e := range []event{sitesEdited, workDirtied} {
		st.listen(e, func() { f.refreshTitle(); f.scheduleAutosave() })
	}
	st.listen(modeChanged, f.refreshTitle)
}

func (f *projectFile) refreshTitle() {
	t := i18n.T(Title)
	if f.path != "" {
		t = filepath.Base(f.path) + " — " + t
	}
	if f.sh.st.Dirty() {
		t = "● " + t + i18n.T("ui.project.unsaved")
	}
	if f.sh.st.editing {
		t += i18n.T("ui.project.edit_mode")
	}
	f.sh.win.SetTitle(t)
}

// project snapshots the work as a data.Project.
func (f *projectFile) project() *data.Project {
	st, v := f.sh.st, f.sh.m.View()
	return &data.Project{Sites: st.editor.Sites(), Subdistricts: st.subdistricts, Norms: st.scene.Norms.Clone(),
		View: data.View{Center: v.Center, Zoom: v.Zoom, Year: st.scene.Year}, Origin: f.path, References: refsOf(st.scene),
		Basemap: data.BasemapChoice{Value: f.sh.prefs.String(prefBasemap), Datum: f.sh.prefs.String(prefBasemapDatum)},
		Streets: st.net.lines, StreetsSource: st.net.source, Network: st.net.cfg}
}

// saveTo writes the project to path off the UI goroutine; done runs on
// the UI goroutine with the result.
func (f *projectFile) saveTo(path string, done func(error)) {
	p := f.project()
	version := f.saveVersion()
	go func() {
		err := data.SaveProject(path, p)
		fyne.Do(func() { f.saved(path, version, err); done(err) })
	}()
}

// saved records a finished save: the work is clean unless edited since.
func (f *projectFile) saved(path, version string, err error) {
	if err == nil && version == f.saveVersion() {
		f.sh.st.editor.MarkSaved()
		f.sh.st.otherDirty = false
	}
	if err == nil {
		f.path = path
		f.sh.prefs.SetString("project.last", path)
		f.removeRecovery()
	}
	f.refreshTitle()
}

// saveVersion identifies the state being saved, so edits made while a save
// runs keep the work dirty.
func (f *projectFile) saveVersion() string {
	return fmt.Sprintf("%p/%d", f.sh.st.editor.Sites(), f.sh.st.scene.Version)
}

// Save saves to the project file, asking for one the first time.
func (f *projectFile) Save(then func()) {
	if f.path == "" {
		f.SaveAs(then)
		return
	}
	f.saveTo(f.path, func(err error) {
		if err != nil {
			f.sh.showError(fmt.Errorf(i18n.T("ui.project.save_failed_your_work_is"), data.ExplainWriteError(f.path, err)))
			return
		}
		f.sh.status.SetText(i18n.T("ui.project.saved") + f.path)
		if then != nil {
			then()
		}
	})
}

// SaveAs asks for a folder and a name, then saves. The file is written
// beside its final name and renamed, so an existing file is replaced only
// by a complete project.
func (f *projectFile) SaveAs(then func()) {
	target := newSaveTarget(f.sh, "project.folder", i18n.T("ui.project.liwan_school_plan_gpkg"))
	if f.path != "" {
		target.folder.SetText(filepath.Dir(f.path))
		target.name.SetText(filepath.Base(f.path))
	}
	f.sh.confirmForm(i18n.T("ui.project.save_project_as_geopackage"), i18n.T("ui.project.save"), widget.NewForm(target.items()...), func(ok bool) {
		if !ok {
			return
		}
		path, err := target.path(".gpkg")
		if err != nil {
			f.sh.showError(err)
			return
		}
		f.path = path
		f.Save(then)
	})
}

// Open asks for a project file, after asking about unsaved work.
func (f *projectFile) Open() {
	f.confirmDiscard(func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			path := r.URI().Path()
			r.Close()
			f.openPath(path, false)
		}, f.sh.win)
		d.SetFilter(storage.NewExtensionFileFilter([]string{".gpkg"}))
		showFileDialog(f.sh.win, d)
	})
}

// openPath loads a project off the UI goroutine; on failure the current
// work is left as it was.
func (f *projectFile) openPath(path string, recovered bool) {
	f.sh.background(func() {
		p, err := data.OpenProject(path)
		fyne.Do(func() {
			if err != nil {
				f.sh.showError(openError(path, err))
				return
			}
			f.load(p, path, recovered)
		})
	})
}

func openError(path string, err error) error {
	var fe *data.FeatureError
	switch {
	case errors.Is(err, data.ErrNotProject):
		return fmt.Errorf(i18n.T("ui.project.is_not_a_project_of"), filepath.Base(path))
	case errors.Is(err, gpkg.ErrNotGeoPackage):
		return fmt.Errorf(i18n.T("ui.project.is_not_a_geopackage_or"), filepath.Base(path))
	case errors.As(err, &fe):
		return fmt.Errorf(i18n.T("ui.project.has_an_invalid_record_your"), filepath.Base(path), err)
	}
	return fmt.Errorf(i18n.T("ui.project.cannot_open_your_current_work"), filepath.Base(path), err)
}

// load replaces the work with p; recovered work stays unsaved and belongs
// to the project it was autosaved from.
func (f *projectFile) load(p *data.Project, path string, recovered bool) {
	st := f.sh.st
	st.editor = data.NewEditor(p.Sites)
	st.subdistricts = p.Subdistricts
	f.path, st.otherDirty = path, false
	if recovered {
		f.path, st.otherDirty = p.Origin, true
	}
	saveNorms(f.sh.prefs, p.Norms)
	st.update(func(sc *render.Scene) {
		sc.Sites, sc.Norms, sc.Selected = p.Sites, p.Norms, ""
		sc.References = refsFrom(p.References)
		if p.View.Year != 0 {
			sc.Year = p.View.Year
		}
	})
	if p.View.Zoom > 0 {
		f.sh.m.SetView(render.View{Center: p.View.Center, Zoom: p.View.Zoom})
	}
	saveNetPrefs(f.sh.prefs, p.Network.Clean())
	st.loadNetwork(p.Streets, p.StreetsSource, p.Network)
	st.notify(sitesEdited)
	f.sh.status.SetText(i18n.T("ui.project.opened") + path)
	if f.sh.useBasemap != nil && p.Basemap.Value != "" {
		f.sh.useBasemap(p.Basemap)
	}
	f.showOpenNotes(p)
}

// showOpenNotes lists what opening changed in a file edited elsewhere
// (ids given, edited seats kept); the work then counts as changed, so the
// planner saves it.
func (f *projectFile) showOpenNotes(p *data.Project) {
	if len(p.Notes) == 0 {
		return
	}
	f.sh.st.otherDirty = true
	showInformation(i18n.T("files.app.open_notes_title"), i18n.T("files.app.open_notes", strings.Join(p.Notes, "\n")), f.sh.win)
}

// confirmDiscard runs next at once when nothing is unsaved; otherwise it
// asks: save, discard, or cancel.
func (f *projectFile) confirmDiscard(next func()) {
	if !f.sh.st.Dirty() {
		next()
		return
	}
	var d dialog.Dialog
	save := widget.NewButton(i18n.T("ui.project.save"), func() { d.Hide(); f.Save(next) })
	save.Importance = widget.HighImportance
	discard := widget.NewButton(i18n.T("ui.project.discard_changes"), func() { d.Hide(); next() })
	cancel := widget.NewButton(i18n.T("ui.edit.cancel"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(i18n.T("ui.project.unsaved_changes"),
		container.NewVBox(widget.NewLabel(i18n.T("ui.project.save_your_changes_first")), container.NewHBox(save, discard, cancel)), f.sh.win)
	showDialog(f.sh.win, d)
}

// onCloseRequest asks about unsaved work before the window closes.
func (f *projectFile) onCloseRequest() {
	f.confirmDiscard(func() {
		if !f.sh.st.Dirty() {
			f.removeRecovery()
		}
		f.sh.win.Close()
	})
}
