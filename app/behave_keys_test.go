package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/liwan-edu/schoolmap/data"
)

// TestUndoRedoKeysReachTheApp sends Ctrl+Z / Ctrl+Y the way Fyne's desktop
// driver does when no text field has the focus (as its Undo and Redo
// shortcuts, not as Ctrl+Z): the app's edit is undone and redone.
func TestUndoRedoKeysReachTheApp(t *testing.T) {
	u := newTestUI(t)
	u.sh.edit(u.sh.st.editor.Update("LW-03", "edit", func(s *data.Site) { s.Classes = 33 }))
	c := u.Window.Canvas().(fyne.Shortcutable)
	c.TypedShortcut(&fyne.ShortcutUndo{})
	if got := u.sh.st.site("LW-03").Classes; got == 33 {
		t.Fatal("Ctrl+Z (fyne.ShortcutUndo) did not undo the app's edit")
	}
	c.TypedShortcut(&fyne.ShortcutRedo{})
	if got := u.sh.st.site("LW-03").Classes; got != 33 {
		t.Fatal("Ctrl+Y (fyne.ShortcutRedo) did not redo the app's edit")
	}
}

// TestUndoKeysLeaveTextFieldsAlone: the desktop driver gives main-menu
// shortcuts first pick, before a focused text field; no menu item may
// carry Fyne's Undo/Redo, or typing Ctrl+Z in the search box would undo a
// site edit instead of the typing. With the focus in a field, the field
// takes the shortcut and the sites stay.
func TestUndoKeysLeaveTextFieldsAlone(t *testing.T) {
	u := newTestUI(t)
	for _, m := range u.menu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil && (it.Shortcut.ShortcutName() == "Undo" || it.Shortcut.ShortcutName() == "Redo") {
				t.Errorf("menu item %q carries %s", it.Label, it.Shortcut.ShortcutName())
			}
		}
	}
	u.sh.edit(u.sh.st.editor.Update("LW-03", "edit", func(s *data.Site) { s.Classes = 33 }))
	test.Type(u.list.Search, "abc")
	u.Window.Canvas().Focus(u.list.Search)
	u.list.Search.TypedShortcut(&fyne.ShortcutUndo{}) // where the driver sends it
	if got := u.sh.st.site("LW-03").Classes; got != 33 {
		t.Error("Ctrl+Z in the search field undid a site edit")
	}
}
