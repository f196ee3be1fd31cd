package app

import "testing"

// TestHitTestBeforeNextFrame: a scene with fewer sites handed over before
// the render goroutine draws it (a hover right after a delete) must not
// break hit testing, which answers for the frame on screen.
func TestHitTestBeforeNextFrame(t *testing.T) {
	u := newTestUI(t)
	sc := u.Map.scene
	last := -1
	for i, s := range sc.Sites {
		if s.Located {
			last = i
		}
	}
	id := sc.Sites[last].ID
	pos, ok := u.Map.ScreenPos(id)
	if !ok || u.Map.SiteAt(pos) != id {
		t.Fatalf("%s not hit at its own marker %v", id, pos)
	}
	u.Map.draw.sync = false
	u.Map.draw.once.Do(func() {}) // the render goroutine never wakes: no frame comes
	smaller := *sc
	smaller.Sites = sc.Sites[:1]
	smaller.Version++
	u.Map.SetScene(&smaller)
	if got := u.Map.SiteAt(pos); got != id {
		t.Errorf("before the next frame SiteAt = %q, want %s (still on screen)", got, id)
	}
	if p, ok := u.Map.ScreenPos(id); !ok || p != pos {
		t.Errorf("before the next frame ScreenPos = %v %v, want %v", p, ok, pos)
	}
	u.Map.RenderNow()
	if got := u.Map.SiteAt(pos); got == id {
		t.Errorf("after the next frame SiteAt still finds the removed %s", id)
	}
	if _, ok := u.Map.ScreenPos(id); ok {
		t.Errorf("after the next frame the removed %s still has a marker", id)
	}
}
