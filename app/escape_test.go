package app

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
)

// pressEsc types Esc as the desktop driver does: to the focused widget if
// there is one, else to the canvas's key handler.
func pressEsc(c fyne.Canvas) {
	ev := &fyne.KeyEvent{Name: fyne.KeyEscape}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

// Esc closes every dialog a menu command opens, and the window's own keys
// work again afterwards.
func TestEscClosesEveryDialog(t *testing.T) {
	u := newTestUI(t)
	byID := map[string]func(){}
	for _, a := range u.actions() {
		byID[a.id] = a.run
	}
	c := u.Window.Canvas()
	for _, id := range []string{"help.shortcuts", "help.guide", "help.about", "file.export", "file.exportdata",
		"settings.norms", "settings.tiandituKey", "settings.offlineBasemap", "file.open", "file.import",
		"file.importnet", "edit.add"} {
		t.Run(id, func(t *testing.T) {
			byID[id]()
			if c.Overlays().Top() == nil {
				t.Fatal("no dialog opened")
			}
			pressEsc(c)
			if top := c.Overlays().Top(); top != nil {
				t.Errorf("the dialog is still shown after Esc: %q", dialogText(t, u.Window))
				c.Overlays().Remove(top)
			}
		})
	}
	t.Run("recovery", func(t *testing.T) {
		u.file.recoveryPath = filepath.Join(t.TempDir(), "recovery.gpkg")
		os.WriteFile(u.file.recoveryPath, []byte("kept"), 0o644)
		u.file.offerRecovery()
		pressEsc(c)
		if c.Overlays().Top() != nil {
			t.Error("the recovery question is still shown after Esc")
		}
		if _, err := os.Stat(u.file.recoveryPath); err != nil {
			t.Errorf("Esc removed the unsaved work: %v", err)
		}
	})
	u.sh.st.selectSite("LW-01")
	pressEsc(c)
	if u.sh.st.scene.Selected != "" {
		t.Error("with the dialogs closed, Esc no longer clears the selection")
	}
}
