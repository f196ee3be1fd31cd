package app

import (
	"testing"

	"fyne.io/fyne/v2"
)

// menuBarHeight is what the desktop window's main menu takes above the
// content; the test canvas does not draw it, so it is taken off here.
const menuBarHeight = 30

// TestMapKeepsHalfTheWindow: at 1280×800 and 1024×640 the map is at least
// half the window's width and half its area, with both side panels open;
// collapsing them gives the map their room.
func TestMapKeepsHalfTheWindow(t *testing.T) {
	u := newTestUI(t)
	u.sh.st.selectSite("LW-04") // details with their buttons and timeline
	for _, size := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 1024, Height: 640}} {
		u.Window.Resize(size)
		c := u.Window.Canvas().Size()
		m := u.Map.Size()
		m.Height -= menuBarHeight
		t.Logf("%v: map %v (%.0f%% of the width, %.0f%% of the area)", size, m, 100*m.Width/c.Width, 100*m.Width*m.Height/(c.Width*c.Height))
		if m.Width < c.Width/2 || m.Width*m.Height < c.Width*c.Height/2 {
			t.Errorf("%v: map %v is less than half of the window", size, m)
		}
		u.toggleLeft()
		u.toggleRight()
		if w := u.Map.Size().Width; w < c.Width-20 {
			t.Errorf("%v: with both panels collapsed the map is %v wide", size, w)
		}
		u.toggleLeft()
		u.toggleRight()
		if w := u.Map.Size().Width; w != m.Width {
			t.Errorf("%v: panels restored, map %v wide, want %v", size, w, m.Width)
		}
	}
}
