package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// walkOverlay calls fn for every object in the window's top overlay (a
// dialog); it reports false when there is none.
func walkOverlay(t *testing.T, w fyne.Window, fn func(o fyne.CanvasObject)) bool {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return false
	}
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		fn(o)
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.TempWidgetRenderer(t, x).Objects() {
				walk(c)
			}
		}
	}
	walk(top)
	return true
}

// dialogText joins the labels of the window's top overlay.
func dialogText(t *testing.T, w fyne.Window) string {
	var b strings.Builder
	walkOverlay(t, w, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			fmt.Fprintln(&b, l.Text)
		}
	})
	return b.String()
}

func tapDialogButton(t *testing.T, w fyne.Window, label string) {
	t.Helper()
	var b *widget.Button
	walkOverlay(t, w, func(o fyne.CanvasObject) {
		if x, ok := o.(*widget.Button); ok && x.Text == label {
			b = x
		}
	})
	if b == nil {
		t.Fatalf("no dialog button %q (dialog: %q)", label, dialogText(t, w))
	}
	test.Tap(b)
}

// dragMarker drags a site's marker by (dx, dy) pixels in two steps.
func dragMarker(u *UI, id string, dx, dy float32) {
	pos, _ := u.Map.ScreenPos(id)
	u.Map.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: pos.Add(fyne.NewPos(dx/2, dy/2))}, Dragged: fyne.NewDelta(dx/2, dy/2)})
	u.Map.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: pos.Add(fyne.NewPos(dx, dy))}, Dragged: fyne.NewDelta(dx/2, dy/2)})
	u.Map.DragEnd()
}

func TestDragEvidenceSiteAsksOnce(t *testing.T) {
	u := newTestUI(t)
	u.edit.SetEditMode(true)
	before := *u.sh.st.site("LW-04")
	dragMarker(u, "LW-04", 50, 0)
	text := dialogText(t, u.Window)
	if !strings.Contains(text, before.ShortName) || strings.Contains(text, "LW-04") {
		t.Errorf("prompt does not name the site by name: %q", text)
	}
	tapDialogButton(t, u.Window, i18n.T("behave.edit.keep"))
	if got := *u.sh.st.site("LW-04"); !got.Same(&before) {
		t.Fatal("keeping the evidence moved the site")
	}
	dragMarker(u, "LW-04", 50, 0)
	tapDialogButton(t, u.Window, i18n.T("behave.edit.replace"))
	moved := *u.sh.st.site("LW-04")
	old := fmt.Sprintf("%.6f, %.6f", before.Location[0], before.Location[1])
	if moved.Location == before.Location || !strings.Contains(moved.Basis, old) || !strings.Contains(moved.Basis, before.Basis) {
		t.Errorf("moved to %v, basis %q lacks the old point %s or its evidence", moved.Location, moved.Basis, old)
	}
	label, _ := u.sh.st.editor.Undo()
	u.sh.st.editor.Redo()
	if !strings.Contains(label, before.ShortName) || strings.Contains(label, "LW-04") {
		t.Errorf("undo label %q does not name the site", label)
	}
	u.Map.RenderNow()
	dragMarker(u, "LW-04", 30, 20) // now the planner's point: no question
	if u.Window.Canvas().Overlays().Top() != nil {
		t.Errorf("asked again for a site the planner placed: %q", dialogText(t, u.Window))
	}
	if u.sh.st.site("LW-04").Location == moved.Location {
		t.Error("second drag did not move the site")
	}
}

func TestShakyClickMovesNothing(t *testing.T) {
	u := newTestUI(t)
	u.edit.SetEditMode(true)
	before := *u.sh.st.site("LW-04")
	dragMarker(u, "LW-04", 3, 2)
	if u.Window.Canvas().Overlays().Top() != nil {
		t.Fatalf("a click asked: %q", dialogText(t, u.Window))
	}
	if got := *u.sh.st.site("LW-04"); !got.Same(&before) {
		t.Errorf("a 3-pixel drag moved the site to %v", got.Location)
	}
	if u.sh.st.editor.Dirty() {
		t.Error("a click added an undo step")
	}
	if u.sh.st.scene.Selected != "LW-04" {
		t.Errorf("a click on a marker selected %q", u.sh.st.scene.Selected)
	}
}
