package app

import (
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// Shortcut is one keyboard shortcut of the main window, for a help dialog:
// what it does and the keys, e.g. "Ctrl+Shift+S".
type Shortcut struct {
	ID    string
	Label string
	Keys  string
}

// action is one command of the main window: its menu label, its shortcut
// (nil for none) and what it does. The table of actions binds every
// shortcut and builds the menus, so the two cannot disagree.
type action struct {
	id    string
	label string
	key   *desktop.CustomShortcut
	run   func()
}

const (
	ctrl      = fyne.KeyModifierShortcutDefault
	ctrlShift = fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift
)

func keys(mod fyne.KeyModifier, k fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: mod}
}

// actions is the table of the window's commands. It only reads u's
// fields inside the handlers, so a zero UI lists the labels and keys.
func (u *UI) actions() []action {
	zoomIn, zoomOut := func() { u.Map.Zoom(1) }, func() { u.Map.Zoom(-1) }
	return []action{
		{"file.open", i18n.T("ui.shortcuts.open_project"), keys(ctrl, fyne.KeyO), u.file.Open},
		{"file.save", i18n.T("ui.project.save"), keys(ctrl, fyne.KeyS), func() { u.file.Save(nil) }},
		{"file.saveas", i18n.T("ui.shortcuts.save_as"), keys(ctrlShift, fyne.KeyS), func() { u.file.SaveAs(nil) }},
		{"file.import", i18n.T("ui.shortcuts.import_existing_schools"), nil, u.dlg.imports.schools},
		{"file.importnet", i18n.T("network.ui.import") + "…", nil, func() { u.dlg.network.importNetwork() }},
		{"file.export", i18n.T("ui.shortcuts.export_map"), keys(ctrl, fyne.KeyE), u.dlg.export.show},
		{"file.exportdata", i18n.T("ui.shortcuts.export_sites_and_catchments"), nil, u.dlg.export.data},
		{"file.copy", i18n.T("ui.exportforms.copy_map_image"), keys(ctrlShift, fyne.KeyC), u.dlg.export.copyMapImage},
		{"edit.undo", i18n.T("ui.shortcuts.undo"), keys(ctrl, fyne.KeyZ), u.edit.Undo},
		{"edit.redo", i18n.T("ui.shortcuts.redo"), keys(ctrlShift, fyne.KeyZ), u.edit.Redo},
		{"edit.redo.alt", i18n.T("ui.shortcuts.redo"), keys(ctrl, fyne.KeyY), u.edit.Redo},
		{"edit.mode", i18n.T("ui.shortcuts.edit_mode_drag_markers"), keys(ctrl, fyne.KeyM), u.edit.toggle},
		{"edit.add", i18n.T("ui.shortcuts.add_site"), nil, u.edit.addSite},
		{"view.zoomin", i18n.T("ui.shortcuts.zoom_in"), keys(ctrl, fyne.KeyEqual), zoomIn},
		{"view.zoomout", i18n.T("ui.shortcuts.zoom_out"), keys(ctrl, fyne.KeyMinus), zoomOut},
		{"view.fit", i18n.T("ui.shortcuts.fit_all"), keys(ctrl, fyne.Key0), u.FitAll},
		{"view.search", i18n.T("ui.shortcuts.search"), keys(ctrl, fyne.KeyF), func() { u.Window.Canvas().Focus(u.list.Search) }},
		{"view.play", i18n.T("ui9.action.play"), keys(ctrl, fyne.KeyP), u.years.togglePlay},
		{"view.nextyear", i18n.T("ui9.action.nextyear"), keys(ctrl, fyne.KeyPageUp), func() { u.years.stepChosen(1) }},
		{"view.prevyear", i18n.T("ui9.action.prevyear"), keys(ctrl, fyne.KeyPageDown), func() { u.years.stepChosen(-1) }},
		{"settings.norms", i18n.T("ui.shortcuts.planning_norms"), keys(ctrl, fyne.KeyComma), u.dlg.settings.show},
		{"settings.tiandituKey", i18n.T("basemap.key_button"), nil, func() { u.layers.basemap.askKey() }},
		{"settings.offlineBasemap", i18n.T("basemap.open_offline"), nil, func() { u.layers.basemap.openFile() }},
		{"help.shortcuts", i18n.T("ui.help.shortcuts"), nil, u.showShortcuts},
		{"help.guide", i18n.T("ui.help.guide"), keys(0, fyne.KeyF1), u.showGuide},
		{"help.about", i18n.T("ui.help.about"), nil, u.about},
	}
}

// menus lists the menus and the actions in each ("" = separator).
var menus = []struct {
	title string
	ids   []string
}{
	{"ui.shortcuts.file", []string{"file.open", "file.save", "file.saveas", "", "file.import", "file.importnet", "", "file.export", "file.exportdata", "file.copy"}},
	{"ui.shortcuts.edit", []string{"edit.undo", "edit.redo", "", "edit.mode", "edit.add"}},
	{"ui.shortcuts.view", []string{"view.zoomin", "view.zoomout", "view.fit", "view.search"}},
	{"ui.shortcuts.settings", []string{"settings.norms", "settings.tiandituKey", "settings.offlineBasemap"}},
	{"ui.menu.help", []string{"help.shortcuts", "help.guide", "", "help.about"}},
}

func (u *UI) menu() *fyne.MainMenu {
	byID := map[string]action{}
	for _, a := range u.actions() {
		byID[a.id] = a
	}
	var ms []*fyne.Menu
	for _, m := range menus {
		var items []*fyne.MenuItem
		for _, id := range m.ids {
			if id == "" {
				items = append(items, fyne.NewMenuItemSeparator())
				continue
			}
			a := byID[id]
			it := fyne.NewMenuItem(a.label, a.run)
			if a.key != nil {
				it.Shortcut = a.key
			}
			items = append(items, it)
		}
		ms = append(ms, fyne.NewMenu(i18n.T(m.title), items...))
	}
	return fyne.NewMainMenu(ms...)
}

// bindKeys binds every action's shortcut, the typed keys and + / −.
func (u *UI) bindKeys() {
	c := u.Window.Canvas()
	for _, a := range u.actions() {
		if a.key != nil {
			run := a.run
			c.AddShortcut(a.key, func(fyne.Shortcut) { run() })
		}
	}
	// Fyne's desktop driver turns Ctrl+Z / Ctrl+Y (Cmd on macOS) into its
	// own Undo and Redo shortcuts before looking up Ctrl+Z: a focused text
	// field takes them (its text undo), otherwise the canvas does, so the
	// app's undo is bound to those too, and only to the canvas: a menu
	// item with them would fire before a focused text field saw them.
	c.AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) { u.edit.Undo() })
	c.AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { u.edit.Redo() })
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

// Shortcuts lists the main window's keyboard shortcuts in the order of
// the action table, for a help dialog.
func Shortcuts() []Shortcut {
	var out []Shortcut
	for _, a := range (&UI{}).actions() { // only the labels and keys are read
		if a.key != nil {
			out = append(out, Shortcut{ID: a.id, Label: a.label, Keys: keyText(a.key)})
		}
	}
	return out
}

// keyText writes a shortcut for people: "Ctrl+Shift+S" ("Cmd" on macOS).
func keyText(s *desktop.CustomShortcut) string {
	var parts []string
	for _, m := range []struct {
		mod  fyne.KeyModifier
		name string
	}{{fyne.KeyModifierControl, "Ctrl"}, {fyne.KeyModifierSuper, superName()}, {fyne.KeyModifierAlt, "Alt"}, {fyne.KeyModifierShift, "Shift"}} {
		if s.Modifier&m.mod != 0 {
			parts = append(parts, m.name)
		}
	}
	name := string(s.KeyName)
	switch s.KeyName {
	case fyne.KeyPageUp:
		name = "PageUp"
	case fyne.KeyPageDown:
		name = "PageDown"
	}
	return strings.Join(append(parts, name), "+")
}

func superName() string {
	if runtime.GOOS == "darwin" {
		return "Cmd"
	}
	return "Super"
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
		u.edit.placing = ""
		u.sh.st.selectSite("")
	case fyne.KeyPageUp:
		u.years.stepChosen(1)
	case fyne.KeyPageDown:
		u.years.stepChosen(-1)
	case fyne.KeyF1: // Fyne may not pass unmodified keys as shortcuts
		u.showGuide()
	}
}
