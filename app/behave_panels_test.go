package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/render"
)

// TestDetailsReadable: at 1024×640 every value in the details panel gets
// the panel's width (no column of one character per line), and a new
// selection starts at the top.
func TestDetailsReadable(t *testing.T) {
	u := newTestUI(t)
	u.Window.Resize(fyne.NewSize(1024, 640))
	d := u.details.view
	u.sh.st.selectSite("LW-04")
	d.scroll.Refresh()
	d.scroll.ScrollToBottom()
	if d.scroll.Offset.Y == 0 {
		t.Fatal("details of LW-04 do not scroll; the test needs a longer panel")
	}
	u.sh.st.selectSite("LW-07")
	if d.scroll.Offset.Y != 0 {
		t.Errorf("new selection shown at offset %v, want the top", d.scroll.Offset.Y)
	}
	for _, o := range d.form.Objects {
		if l, ok := o.(*widget.Label); ok && (l.Size().Width < 150 || l.Size().Width > d.scroll.Size().Width) {
			t.Errorf("value %q is %v px wide in a panel %v wide", l.Text, l.Size().Width, d.scroll.Size().Width)
		}
	}
}

// TestListFollowsMapSelection: a site selected on the map is highlighted
// in the list, without the list moving the map.
func TestListFollowsMapSelection(t *testing.T) {
	u := newTestUI(t)
	v := u.Map.View()
	u.onTap("LW-12", orb.Point{})
	if got := u.list.selected(); got != "LW-12" {
		t.Errorf("list highlights %q, want LW-12", got)
	}
	if u.Map.View() != v {
		t.Error("highlighting the list moved the map")
	}
	u.Map.Tapped(&fyne.PointEvent{Position: fyne.NewPos(2, 2)})
	if got := u.list.selected(); got != "" {
		t.Errorf("list still highlights %q after clearing the selection", got)
	}
}

// TestSummaryShowsFullText: the summary strip wraps its whole text.
func TestSummaryShowsFullText(t *testing.T) {
	u := newTestUI(t)
	u.Window.Resize(fyne.NewSize(1024, 640))
	s := u.years.summary
	if s.Truncation != fyne.TextTruncateOff || s.Wrapping == fyne.TextWrapOff {
		t.Errorf("summary truncation %v wrapping %v: text may be cut", s.Truncation, s.Wrapping)
	}
	if want := data.Summarize(u.sh.st.scene.Sites, u.sh.st.scene.Norms, u.sh.st.scene.Year).Text(); s.Text != want {
		t.Errorf("summary %q, want %q", s.Text, want)
	}
	if s.Size().Height < s.MinSize().Height {
		t.Errorf("summary given %v, needs %v", s.Size(), s.MinSize())
	}
}

// TestZoneDetailsFollowPopulation: the details panel showing a
// subdistrict's figures refreshes after a population import or edit.
func TestZoneDetailsFollowPopulation(t *testing.T) {
	u := newTestUI(t)
	st := u.sh.st
	subs := append([]data.Subdistrict(nil), st.subdistricts...)
	var hl *data.Subdistrict
	for i := range subs {
		if subs[i].Name == "海龙" {
			hl = &subs[i]
		}
	}
	st.showZone(hl.Code, hl.Name)
	before := u.details.view.Text()
	hl.Population, hl.PopKnown = 98765, true
	st.setSubdistricts(subs) // what the population import and the typed cell do
	after := u.details.view.Text()
	if after == before || !(strings.Contains(after, "98765") || strings.Contains(after, "98,765")) {
		t.Errorf("details still show the old figures:\n%s", after)
	}
}

// TestNearestLevelChooser: nearest-site mode shows one level at a time,
// chosen in the layers panel.
func TestNearestLevelChooser(t *testing.T) {
	u := newTestUI(t)
	p := u.layers
	if !p.nearest.Disabled() {
		t.Error("level chooser enabled in walking-radius mode")
	}
	p.mode.SetSelected(i18n.T("ui.layers.nearest_site"))
	if p.nearest.Disabled() || u.sh.st.scene.CatchMode != render.CatchNearest {
		t.Fatal("nearest-site mode did not enable the level chooser")
	}
	p.nearest.SetSelected(data.Primary.Text())
	if got := u.sh.st.scene.NearestLevel; got != data.Primary {
		t.Errorf("scene shows nearest-site areas of %v, want primary", got)
	}
}

// TestDetailsSayWhoseStatusAndKeep约: the details say whether a status is
// the plan's or recorded, and show annex figures as the annex gives them.
func TestDetailsSayWhoseStatusAndKeepAbout(t *testing.T) {
	u := newTestUI(t)
	u.sh.st.selectSite("LW-04")
	text := u.details.view.Text()
	for _, want := range []string{"规划状态：", "≈60,000 m²（约90亩，换算）"} {
		if !strings.Contains(text, want) {
			t.Errorf("LW-04 details lack %q:\n%s", want, text)
		}
	}
	u.sh.st.selectSite("LW-02") // recorded: opened for the 2022 autumn term
	text = u.details.view.Text()
	for _, want := range []string{"实际：", "约 17,184 m²"} {
		if !strings.Contains(text, want) {
			t.Errorf("LW-02 details lack %q:\n%s", want, text)
		}
	}
}
