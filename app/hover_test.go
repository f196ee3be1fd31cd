package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// TestHoverNamesTheSite: the pointer over a marker puts the site's full
// name and status in the status line — the way to read a label that was
// dropped or abbreviated because it did not fit.
func TestHoverNamesTheSite(t *testing.T) {
	u := newTestUI(t)
	const id = "LW-13"
	pos, ok := u.Map.ScreenPos(id)
	if !ok {
		t.Fatalf("%s not on screen", id)
	}
	u.Map.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}})
	name := u.sh.st.editor.Sites()[u.sh.st.editor.Index(id)].DisplayName()
	if got := u.sh.status.Text; !strings.Contains(got, name) {
		t.Errorf("status %q after hovering %s, want its name %q", got, id, name)
	}
	u.Map.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(2, 2)}})
	if u.Map.Hovered() != "" {
		t.Error("a corner of the map still counts as over a marker")
	}
}
