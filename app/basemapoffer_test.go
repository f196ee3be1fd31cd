package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// TestMapOffersOfflineBasemap: offline with nothing cached, the map itself
// carries an "Open offline basemap…" button (inside the map's area, under
// the notice) that opens the file dialog; it goes once a file basemap
// shows and comes back when the planner chooses no basemap.
func TestMapOffersOfflineBasemap(t *testing.T) {
	i18n.SetLanguage("en")
	defer i18n.SetLanguage("zh")
	u := newTestUI(t)
	offer := u.layers.basemap.offer
	if !offer.Visible() || offer.Text != "Open offline basemap…" {
		t.Fatalf("offline with no tiles: offer shown %v, %q", offer.Visible(), offer.Text)
	}
	d := fyne.CurrentApp().Driver()
	mp, op := d.AbsolutePositionForObject(u.Map), d.AbsolutePositionForObject(offer)
	ms := u.Map.Size()
	// On the status line right under the map, never over it: a marker or
	// label may be anywhere on the map.
	if op.Y < mp.Y+ms.Height || op.Y > mp.Y+ms.Height+20 {
		t.Errorf("offer at %v (%v), map at %v (%v)", op, offer.Size(), mp, ms)
	}
	for _, s := range u.sh.st.scene.Sites {
		if at, ok := u.Map.ScreenPos(s.ID); ok {
			at = at.Add(mp)
			if at.X >= op.X-8 && at.X <= op.X+offer.Size().Width+8 && at.Y >= op.Y-8 && at.Y <= op.Y+offer.Size().Height+8 {
				t.Errorf("the offer at %v covers the marker of %s at %v", op, s.ID, at)
			}
		}
	}
	test.Tap(offer)
	if u.Window.Canvas().Overlays().Top() == nil {
		t.Error("tapping the offer opened no file dialog")
	}
	u.Window.Canvas().Overlays().Remove(u.Window.Canvas().Overlays().Top())
	if !u.layers.basemap.choose(redMBTiles(t), "") {
		t.Fatal(u.layers.basemap.note.Text)
	}
	if !eventually(func() bool { u.Map.RenderNow(); return !offer.Visible() }) {
		t.Error("the offer stays over an offline basemap that shows")
	}
	u.layers.basemap.choose("none", "")
	u.Map.RenderNow()
	if !offer.Visible() {
		t.Error("no offer with the basemap chosen off")
	}
}
