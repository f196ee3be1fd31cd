package app

import (
	"testing"

	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
)

// TestPlotOutlineFollowsMoves: a site placed on a plot keeps the outline
// when dragged within the plot, loses it when typed coordinates put it
// off the plot; undo brings it back.
func TestPlotOutlineFollowsMoves(t *testing.T) {
	u := newTestUI(t)
	plot := orb.Polygon{{{113.2300, 23.0640}, {113.2340, 23.0640}, {113.2340, 23.0670}, {113.2300, 23.0670}, {113.2300, 23.0640}}}
	err := u.sh.st.editor.Update("LW-06", "place", func(s *data.Site) {
		data.PlaceOnPlot(s, data.RefFeature{Geometry: plot, Props: map[string]string{"code": "AF040422"}}, "code")
	})
	if err != nil {
		t.Fatal(err)
	}
	u.edit.moveSite("LW-06", orb.Point{113.2310, 23.0650}, true)
	if len(u.sh.st.site("LW-06").Plot) == 0 {
		t.Fatal("a drag within the plot dropped its outline")
	}
	s := *u.sh.st.site("LW-06")
	f := newSiteForm(&s)
	f.loc.lon.SetText("113.250000")
	if !u.edit.applyForm(f, s, false) {
		t.Fatal("apply refused")
	}
	if got := u.sh.st.site("LW-06"); got.Location[0] != 113.25 || len(got.Plot) != 0 {
		t.Errorf("typed off the plot: at %v, outline %v", got.Location, got.Plot)
	}
	u.edit.Undo()
	if len(u.sh.st.site("LW-06").Plot) == 0 {
		t.Error("undo did not bring the outline back")
	}
}
