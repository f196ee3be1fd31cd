package app

import (
	"runtime"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

func TestShortcutsListed(t *testing.T) {
	if runtime.GOOS == "darwin" {
		t.Skip("keys read Cmd on macOS")
	}
	got := map[string]Shortcut{}
	for _, s := range Shortcuts() {
		got[s.ID] = s
	}
	tests := []struct{ id, label, keys string }{
		{"file.open", "打开项目", "Ctrl+O"},
		{"file.saveas", "另存为", "Ctrl+Shift+S"},
		{"edit.redo.alt", "重做", "Ctrl+Y"},
		{"view.nextyear", "", "Ctrl+PageUp"},
		{"settings.norms", "规划指标", "Ctrl+,"},
	}
	for _, tt := range tests {
		s, ok := got[tt.id]
		if !ok || s.Keys != tt.keys || (tt.label != "" && s.Label != tt.label) || s.Label == "" {
			t.Errorf("%s: %+v, want %q %q", tt.id, s, tt.label, tt.keys)
		}
	}
	if _, ok := got["file.import"]; ok {
		t.Error("an action without a shortcut is listed")
	}
}

// TestMenusShowShortcuts: menu labels carry no typed key text; the keys
// come from the action table and work on the canvas.
func TestMenusShowShortcuts(t *testing.T) {
	u := newTestUI(t)
	withKeys := 0
	for _, m := range u.Window.MainMenu().Items {
		for _, it := range m.Items {
			if strings.Contains(it.Label, "\t") || strings.Contains(it.Label, "Ctrl") {
				t.Errorf("menu label %q has typed key text", it.Label)
			}
			if it.Shortcut != nil {
				withKeys++
			}
		}
	}
	if withKeys != 14 {
		t.Errorf("%d menu items show a shortcut, want 14", withKeys)
	}
	c, ok := u.Window.Canvas().(interface{ TypedShortcut(fyne.Shortcut) })
	if !ok {
		t.Fatal("the test canvas takes no shortcuts")
	}
	c.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyM, Modifier: fyne.KeyModifierShortcutDefault})
	if !u.sh.st.editing || !u.edit.check.Checked || !strings.Contains(u.Window.Title(), "编辑模式") {
		t.Error("Ctrl+M did not turn edit mode on")
	}
	year := u.sh.st.scene.Year
	c.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyPageUp, Modifier: fyne.KeyModifierShortcutDefault})
	if u.sh.st.scene.Year != year+1 {
		t.Errorf("Ctrl+PageUp: year %d, want %d", u.sh.st.scene.Year, year+1)
	}
}
