package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/gpkg"
	"github.com/liwan-edu/schoolmap/geo/render"
)

// AutosaveEvery is how often unsaved work is copied to the recovery file
// (besides shortly after each edit).
const AutosaveEvery = 3 * time.Minute

// Dirty reports unsaved changes: edits, norms or imported layers.
func (u *UI) Dirty() bool { return u.editor.Dirty() || u.otherDirty }

// markDirty records a change outside the site editor (norms, subdistricts).
func (u *UI) markDirty() {
	u.otherDirty = true
	u.refreshTitle()
	u.scheduleAutosave()
}

func (u *UI) refreshTitle() {
	t := Title
	if u.projectPath != "" {
		t = filepath.Base(u.projectPath) + " — " + t
	}
	if u.Dirty() {
		t = "● " + t + " (未保存 unsaved)"
	}
	if u.editMode {
		t += " [编辑 edit mode]"
	}
	u.Window.SetTitle(t)
}

// project snapshots the work as a data.Project.
func (u *UI) project() *data.Project {
	v := u.Map.View()
	return &data.Project{Sites: u.editor.Sites(), Subdistricts: u.subdistricts, Norms: u.scene.Norms.Clone(),
		View: data.View{Center: v.Center, Zoom: v.Zoom, Year: u.scene.Year}, Origin: u.projectPath}
}

// saveTo writes the project to path off the UI goroutine; done runs on
// the UI goroutine with the result.
func (u *UI) saveTo(path string, done func(error)) {
	p := u.project()
	version := u.saveVersion()
	go func() {
		err := data.SaveProject(path, p)
		fyne.Do(func() {
			if err == nil && version == u.saveVersion() {
				u.editor.MarkSaved()
				u.otherDirty = false
			}
			if err == nil {
				u.projectPath = path
				u.prefs.SetString("project.last", path)
				u.removeRecovery()
			}
			u.refreshTitle()
			done(err)
		})
	}()
}

// saveVersion identifies the state being saved, so edits made while a save
// runs keep the work dirty.
func (u *UI) saveVersion() string {
	return fmt.Sprintf("%p/%d", u.editor.Sites(), u.scene.Version)
}

// Save saves to the project file, asking for one the first time (Ctrl+S).
func (u *UI) Save(then func()) {
	if u.projectPath == "" {
		u.SaveAs(then)
		return
	}
	u.saveTo(u.projectPath, func(err error) {
		if err != nil {
			dialog.ShowError(fmt.Errorf("保存失败 Save failed: %v. Your work is still here and in the recovery copy; try another folder", err), u.Window)
			return
		}
		u.Status.SetText("已保存 Saved " + u.projectPath)
		if then != nil {
			then()
		}
	})
}

// SaveAs asks for a folder and a name, then saves (Ctrl+Shift+S). The
// file is written beside its final name and renamed, so an existing file
// is replaced only by a complete project.
func (u *UI) SaveAs(then func()) {
	target := u.newSaveTarget("project.folder", "荔湾学校规划.gpkg")
	if u.projectPath != "" {
		target.folder.SetText(filepath.Dir(u.projectPath))
		target.name.SetText(filepath.Base(u.projectPath))
	}
	u.confirmForm("另存为 Save project as (GeoPackage)", "保存 Save", widget.NewForm(target.items()...), func(ok bool) {
		if !ok {
			return
		}
		path, err := target.path(".gpkg")
		if err != nil {
			dialog.ShowError(err, u.Window)
			return
		}
		u.projectPath = path
		u.Save(then)
	})
}

// Open asks for a project file, after asking about unsaved work (Ctrl+O).
func (u *UI) Open() {
	u.confirmDiscard(func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			path := r.URI().Path()
			r.Close()
			u.openPath(path, false)
		}, u.Window)
		d.SetFilter(storage.NewExtensionFileFilter([]string{".gpkg"}))
		d.Show()
	})
}

// OpenProject opens a project file (as from the command line).
func (u *UI) OpenProject(path string) { u.openPath(path, false) }

// openPath loads a project off the UI goroutine; on failure the current
// work is left as it was.
func (u *UI) openPath(path string, recovered bool) {
	go func() {
		p, err := data.OpenProject(path)
		fyne.Do(func() {
			if err != nil {
				dialog.ShowError(openError(path, err), u.Window)
				return
			}
			u.loadProject(p, path, recovered)
		})
	}()
}

func openError(path string, err error) error {
	var fe *data.FeatureError
	switch {
	case errors.Is(err, data.ErrNotProject):
		return fmt.Errorf("%s 不是本程序的项目文件 is not a project of this app. To use its layers, import them (文件 → 导入). Your current work is unchanged", filepath.Base(path))
	case errors.Is(err, gpkg.ErrNotGeoPackage):
		return fmt.Errorf("%s 不是 GeoPackage 文件或已损坏 is not a GeoPackage or is damaged. Your current work is unchanged", filepath.Base(path))
	case errors.As(err, &fe):
		return fmt.Errorf("%s 中有无效记录 has an invalid record: %v. Your current work is unchanged; fix the file (e.g. in QGIS) and open it again", filepath.Base(path), err)
	}
	return fmt.Errorf("无法打开 Cannot open %s: %v. Your current work is unchanged", filepath.Base(path), err)
}

// loadProject replaces the work with p.
func (u *UI) loadProject(p *data.Project, path string, recovered bool) {
	u.editor = data.NewEditor(p.Sites)
	u.subdistricts = p.Subdistricts
	u.projectPath = path
	u.otherDirty = false
	if recovered {
		u.projectPath = p.Origin
		u.otherDirty = true
	}
	saveNorms(u.prefs, p.Norms)
	u.update(func(sc *render.Scene) {
		sc.Sites, sc.Norms, sc.Selected = p.Sites, p.Norms, ""
		if p.View.Year != 0 {
			sc.Year = p.View.Year
		}
	})
	u.years.slider.SetValue(float64(u.scene.Year))
	if p.View.Zoom > 0 {
		u.Map.SetView(render.View{Center: p.View.Center, Zoom: p.View.Zoom})
	}
	u.List.Refilter()
	u.refreshTitle()
	u.Status.SetText("已打开 Opened " + path)
}

// confirmDiscard runs next at once when nothing is unsaved; otherwise it
// asks: save, discard, or cancel.
func (u *UI) confirmDiscard(next func()) {
	if !u.Dirty() {
		next()
		return
	}
	var d dialog.Dialog
	save := widget.NewButton("保存 Save", func() { d.Hide(); u.Save(next) })
	save.Importance = widget.HighImportance
	discard := widget.NewButton("不保存 Discard changes", func() { d.Hide(); next() })
	cancel := widget.NewButton("取消 Cancel", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("有未保存的修改 Unsaved changes",
		container.NewVBox(widget.NewLabel("保存对项目的修改吗？ Save your changes first?"), container.NewHBox(save, discard, cancel)), u.Window)
	d.Show()
}

// onCloseRequest asks about unsaved work before the window closes.
func (u *UI) onCloseRequest() {
	u.confirmDiscard(func() {
		if !u.Dirty() {
			u.removeRecovery()
		}
		u.Window.Close()
	})
}

// scheduleAutosave copies the work to the recovery file a moment after an
// edit (edits in quick succession are one batch).
func (u *UI) scheduleAutosave() {
	if u.recoveryPath == "" {
		return
	}
	if u.autosave != nil {
		u.autosave.Stop()
	}
	u.autosave = time.AfterFunc(2*time.Second, func() { fyne.Do(u.writeRecovery) })
}

func (u *UI) writeRecovery() {
	if !u.Dirty() || u.recoveryPath == "" {
		return
	}
	p := u.project()
	path := u.recoveryPath
	go func() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err == nil {
			if err := data.SaveProject(path, p); err != nil {
				fyne.Do(func() { u.Status.SetText("自动保存失败 Autosave failed: " + err.Error()) })
			}
		}
	}()
}

func (u *UI) removeRecovery() {
	if u.recoveryPath != "" {
		os.Remove(u.recoveryPath)
	}
}

// offerRecovery asks, at start, whether to restore work left unsaved by a
// crash.
func (u *UI) offerRecovery() {
	st, err := os.Stat(u.recoveryPath)
	if u.recoveryPath == "" || err != nil {
		return
	}
	msg := fmt.Sprintf("发现上次未保存的工作（%s 自动保存）。恢复吗？\nUnsaved work from %s was kept. Recover it?",
		st.ModTime().Format("2006-01-02 15:04"), st.ModTime().Format("2006-01-02 15:04"))
	dialog.ShowConfirm("恢复 Recover work", msg, func(ok bool) {
		if ok {
			u.openPath(u.recoveryPath, true)
			return
		}
		u.removeRecovery()
	}, u.Window)
}

// DefaultRecoveryPath is where autosave copies unsaved work.
func DefaultRecoveryPath() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "liwan-schoolmap", "recovery.gpkg")
}
