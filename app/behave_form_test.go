package app

import (
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

// TestApplyWithoutChange: opening Edit… and pressing Apply with nothing
// changed leaves every site as it was and adds no undo step (it once
// recorded "coordinates typed by the planner" and shifted the longitude).
func TestApplyWithoutChange(t *testing.T) {
	u := newTestUI(t)
	for _, s := range u.sh.st.scene.Sites {
		t.Run(s.ID, func(t *testing.T) {
			before := s
			f := newSiteForm(&before)
			if !u.edit.applyForm(f, before, false) {
				t.Fatal("apply refused")
			}
			if got := *u.sh.st.site(s.ID); !got.Same(&s) {
				t.Errorf("site changed:\n got %+v\nwant %+v", got, s)
			}
			if !strings.Contains(u.sh.status.Text, s.ShortName) {
				t.Errorf("status %q does not say nothing changed for %s", u.sh.status.Text, s.ShortName)
			}
			if u.sh.st.editor.Dirty() {
				label, _ := u.sh.st.editor.Undo()
				t.Errorf("undo step %q recorded", label)
			}
		})
	}
}

// TestApplyWithoutChangeKeepsDraggedPoint: a point with more decimals than
// the form shows (a dragged marker) is not rounded by Apply.
func TestApplyWithoutChangeKeepsDraggedPoint(t *testing.T) {
	u := newTestUI(t)
	u.edit.moveSite("LW-13", orb.Point{113.234771234567, 23.153974876543}, true)
	moved := *u.sh.st.site("LW-13")
	f := newSiteForm(&moved)
	if !u.edit.applyForm(f, moved, false) {
		t.Fatal("apply refused")
	}
	if got := *u.sh.st.site("LW-13"); !got.Same(&moved) {
		t.Errorf("apply without change altered the site:\n got %v %q\nwant %v %q", got.Location, got.Basis, moved.Location, moved.Basis)
	}
	if l, _ := u.sh.st.editor.Undo(); !strings.HasPrefix(l, "移动") {
		t.Errorf("undo step %q recorded after the move", l)
	}
	if _, more := u.sh.st.editor.Undo(); more {
		t.Error("more than the move to undo")
	}
}
