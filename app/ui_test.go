package app

import (
	"fmt"
	"image"
	"math"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/liwan-edu/schoolmap/assets"
	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/geo/render"
	"github.com/liwan-edu/schoolmap/geo/tile"
)

func newTestUI(t *testing.T) *UI { t.Helper(); return newTestUIWith(t, func(*Config) {}) }

// newTestUIWith is newTestUI with a changed configuration.
func newTestUIWith(t *testing.T, change func(*Config)) *UI {
	t.Helper()
	a := test.NewTempApp(t)
	sites, err := data.ParseSites(assets.SitesGeoJSON)
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{Sites: sites, FontTTF: assets.FontTTF, Source: tile.OSM(), Offline: true, SyncRender: true, Year: 2023}
	change(&cfg)
	u, err := New(a, cfg)
	if err != nil {
		t.Fatal(err)
	}
	u.Window.Resize(fyne.NewSize(1400, 900))
	u.FitAll()
	// A fresh scene version: the renderer reuses a marker placement made
	// for the 1280×800 start-up view when the zoom is the same, and tests
	// compare frames against this first one (see the behave12 note).
	u.sh.st.update(func(*render.Scene) {})
	u.Map.RenderNow()
	t.Cleanup(u.layers.basemap.live.Close)
	return u
}

// listed returns the rows the site list shows, as drawn.
func listed(u *UI) []string {
	var out []string
	for i := 0; i < u.list.List.Length(); i++ {
		row := u.list.List.CreateItem()
		u.list.List.UpdateItem(i, row)
		labs := row.(*fyne.Container).Objects
		out = append(out, labs[0].(*widget.Label).Text+" · "+labs[1].(*widget.Label).Text)
	}
	return out
}

// rowOf is the list row of a site.
func rowOf(u *UI, id string) string {
	for i, s := range u.sh.st.scene.Sites {
		if s.ID == id {
			return u.list.rowText(i)
		}
	}
	return ""
}

func TestTapMarkerShowsThatSite(t *testing.T) {
	u := newTestUI(t)
	located := 0
	for _, s := range u.sh.st.scene.Sites {
		pos, ok := u.Map.ScreenPos(s.ID)
		if !ok {
			if s.Located {
				t.Errorf("%s is located but has no marker", s.ID)
			}
			continue
		}
		located++
		test.TapAt(u.Map, pos)
		if u.sh.st.scene.Selected != s.ID {
			t.Errorf("tap on %s selected %q", s.ID, u.sh.st.scene.Selected)
			continue
		}
		text := u.details.view.Text()
		for _, want := range []string{s.Name, s.Content, fmt.Sprintf("± %.0f m", s.PrecisionM), s.Basis, s.SubdistrictText()} {
			if want != "" && !strings.Contains(text, want) {
				t.Errorf("%s: details lack %q", s.ID, want)
			}
		}
		if s.Approximate() != strings.Contains(text, "位置待核实") {
			t.Errorf("%s: approximate=%v but details say otherwise", s.ID, s.Approximate())
		}
	}
	if located != 23 {
		t.Errorf("%d markers on the map, want 23", located)
	}
	// Tapping empty map clears the selection.
	test.TapAt(u.Map, fyne.NewPos(3, 3))
	if u.sh.st.scene.Selected != "" {
		t.Errorf("tap on empty map kept %q selected", u.sh.st.scene.Selected)
	}
}

func TestFrameShowsMarkers(t *testing.T) {
	u := newTestUI(t)
	u.years.slider.SetValue(2026) // all in service: solid markers
	img := u.Map.Image().(*image.RGBA)
	for _, id := range []string{"LW-04", "LW-13", "LW-01"} {
		pos, _ := u.Map.ScreenPos(id)
		c := img.RGBAAt(int(pos.X), int(pos.Y))
		want := render.StyleOf(u.sh.st.site(id).Level).Fill
		if c != want {
			t.Errorf("%s: frame pixel at its marker is %v, want level colour %v", id, c, want)
		}
	}
}

func TestSearchFilters(t *testing.T) {
	u := newTestUI(t)
	tests := []struct {
		query string
		want  []string
	}{
		{"AF0401", []string{"LW-07", "LW-11", "LW-15"}},
		{"桥中", []string{"LW-08", "LW-12", "LW-19"}},
		{"幼儿园 东漖", []string{"LW-21", "LW-22"}}, // LW-24: its evidence names no 街道 (待核实)
		{"af040338", []string{"LW-16"}},
		{"no such school", nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			u.list.Search.SetText(tt.query)
			var want []string
			for _, id := range tt.want {
				want = append(want, rowOf(u, id))
			}
			if got := listed(u); !slices.Equal(got, want) {
				t.Errorf("search %q lists %q, want %q", tt.query, got, want)
			}
		})
	}
	u.list.Search.SetText("")
	if n := len(listed(u)); n != 25 || !strings.Contains(u.list.Count.Text, "25 / 25") {
		t.Errorf("empty search lists %d (%q), want 25", n, u.list.Count.Text)
	}
}

func TestUnlocatedListedAsSuch(t *testing.T) {
	u := newTestUI(t)
	for i, s := range u.sh.st.scene.Sites {
		row := u.list.rowText(i)
		if !s.Located != strings.Contains(row, "未定位") {
			t.Errorf("%s row %q", s.ID, row)
		}
	}
}

func TestListSelectCentresMap(t *testing.T) {
	u := newTestUI(t)
	u.list.Search.SetText("LW-13")
	u.list.List.Select(0)
	v := u.Map.View()
	s := u.sh.st.site("LW-13")
	if u.sh.st.scene.Selected != "LW-13" || math.Abs(v.Center[0]-s.Location[0]) > 1e-9 || v.Zoom < 15 {
		t.Errorf("selected %q, view %+v", u.sh.st.scene.Selected, v)
	}
	// The unlocated one is selected but the map stays.
	u.list.Search.SetText("LW-25")
	u.list.List.Select(0)
	if u.sh.st.scene.Selected != "LW-25" || u.Map.View().Center != v.Center {
		t.Error("unlocated site moved the map")
	}
	if !strings.Contains(u.details.view.Text(), "未定位") {
		t.Error("details of an unlocated site do not say so")
	}
}

func TestDragAndScroll(t *testing.T) {
	u := newTestUI(t)
	before := u.Map.View()
	u.Map.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: 200, DY: -100}})
	after := u.Map.View()
	if !(after.Center[0] < before.Center[0]) || !(after.Center[1] < before.Center[1]) {
		t.Errorf("drag right/up moved centre %v -> %v", before.Center, after.Center)
	}
	at := fyne.NewPos(150, 120)
	under := after.FromScreen(150, 120)
	u.Map.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: at}, Scrolled: fyne.Delta{DY: 1}})
	z := u.Map.View()
	if z.Zoom != after.Zoom+1 {
		t.Fatalf("wheel up: zoom %d -> %d", after.Zoom, z.Zoom)
	}
	still := z.FromScreen(150, 120)
	if math.Abs(still[0]-under[0]) > 1e-4 || math.Abs(still[1]-under[1]) > 1e-4 {
		t.Errorf("point under cursor moved %v -> %v", under, still)
	}
	for i := 0; i < 30; i++ {
		u.Map.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: at}, Scrolled: fyne.Delta{DY: 1}})
	}
	if z := u.Map.View().Zoom; z != tile.OSM().MaxZoom {
		t.Errorf("zoom went to %d, beyond the source's %d", z, tile.OSM().MaxZoom)
	}
}

func TestKeys(t *testing.T) {
	u := newTestUI(t)
	u.sh.st.selectSite("LW-01")
	z := u.Map.View().Zoom
	test.TypeOnCanvas(u.Window.Canvas(), "+")
	if u.Map.View().Zoom != z+1 {
		t.Errorf("+ did not zoom in")
	}
	u.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.sh.st.scene.Selected != "" {
		t.Error("Esc did not clear the selection")
	}
	c := u.Map.View().Center
	u.typedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	if u.Map.View().Center[0] >= c[0] {
		t.Error("left arrow did not pan west")
	}
}

func TestSeatsText(t *testing.T) {
	n := data.DefaultNorms()
	tests := []struct {
		site data.Site
		want string
	}{
		{data.Site{Level: data.Kindergarten, Classes: 12}, "360 = 12 班 × 30"},
		{data.Site{Level: data.Junior, Classes: 36}, "1800 = 36 班 × 50"},
		{data.Site{Level: data.NineYear, Classes: 54}, "2520 = 小学 1620 + 初中 900"},
		{data.Site{Level: data.Senior}, "附件未注明班数"},
		{data.Site{Level: data.International, Enrolment: 2680}, "2680（附件写明"},
		{data.Site{Level: data.YouthPalace, Classes: 5}, "不是学校"},
	}
	for _, tt := range tests {
		if got := seatsText(&tt.site, n); !strings.Contains(got, tt.want) {
			t.Errorf("%v: %q lacks %q", tt.site.Level, got, tt.want)
		}
	}
}
