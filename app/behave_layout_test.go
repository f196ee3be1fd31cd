package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/render"
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

// layersAt1280 is the UI at 1280×800 in lang, with the Layers tab shown.
func layersAt1280(t *testing.T, lang string) *UI {
	t.Helper()
	i18n.SetLanguage(lang)
	t.Cleanup(func() { i18n.SetLanguage("zh") })
	u := newTestUI(t)
	u.Window.Resize(fyne.NewSize(1280, 800))
	u.panels.tabs.SelectIndex(1)
	return u
}

// leaves calls fn for every widget inside o that shows text (buttons,
// checks, labels, selects, radio groups), through containers and scrolls.
func leaves(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if !o.Visible() {
		return
	}
	switch c := o.(type) {
	case *fyne.Container:
		for _, k := range c.Objects {
			leaves(k, fn)
		}
	case *container.Scroll:
		leaves(c.Content, fn)
	case *container.Split:
		leaves(c.Leading, fn)
		leaves(c.Trailing, fn)
	case *widget.Button, *widget.Check, *widget.Label, *widget.Select, *widget.RadioGroup:
		fn(o)
	case fyne.Widget:
		if inner, ok := o.(interface{ Unwrap() fyne.CanvasObject }); ok {
			leaves(inner.Unwrap(), fn)
		}
	}
}

// TestLayersTabFitsTheColumn: at 1280×800, in Chinese and English, every
// button, check, label and chooser of the Layers tab is at least its
// minimum size and lies within the column's visible width (nothing cut,
// nothing behind a sideways scroll), and the layer switches get more than
// a 130-px box.
// checkTabFits fails for every widget of the selected tab narrower than
// its minimum or outside the column's visible width, and when fewer than
// least widgets are found (the walk did not reach them).
func checkTabFits(t *testing.T, u *UI, least int) {
	t.Helper()
	tab := u.panels.tabs.Selected().Content
	d := fyne.CurrentApp().Driver()
	left := d.AbsolutePositionForObject(tab).X
	right := left + tab.Size().Width
	n := 0
	leaves(tab, func(o fyne.CanvasObject) {
		n++
		at, sz, min := d.AbsolutePositionForObject(o), o.Size(), o.MinSize()
		if sz.Width+0.5 < min.Width || at.X+sz.Width > right+0.5 || at.X < left-0.5 {
			t.Errorf("%T %q: %v wide at x=%.0f (needs %v); the column shows x=%.0f…%.0f", o, textOf(o), sz.Width, at.X, min.Width, left, right)
		}
	})
	if n < least {
		t.Fatalf("only %d widgets found in the tab", n)
	}
}

func TestLayersTabFitsTheColumn(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			u := layersAt1280(t, lang)
			checkTabFits(t, u, 10)
			if h := u.layers.scroll.Size().Height; h <= 130 {
				t.Errorf("the layer switches show in a box %.0f px high", h)
			}
		})
	}
}

func textOf(o fyne.CanvasObject) string {
	switch w := o.(type) {
	case *widget.Button:
		return w.Text
	case *widget.Check:
		return w.Text
	case *widget.Label:
		return w.Text
	case *widget.Select:
		return w.Selected
	}
	return ""
}

// TestSiteListNamesReadable: at 1280×800 every project's number and short
// name show whole in the list (the level and notes may go to a second
// line), in Chinese and English.
func TestSiteListNamesReadable(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			u := layersAt1280(t, lang)
			u.panels.tabs.SelectIndex(0)
			width := u.list.List.Size().Width - 2*theme.Padding() - theme.ScrollBarSize()
			for i, s := range u.sh.st.scene.Sites {
				row := u.list.List.CreateItem()
				u.list.List.UpdateItem(i, row)
				var name *widget.Label
				leaves(row, func(o fyne.CanvasObject) {
					if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, fmt.Sprintf("%d. ", s.No)) {
						name = l
					}
				})
				if name == nil {
					t.Fatalf("row %d has no label starting with its number", i)
				}
				w := fyne.MeasureText(name.Text, theme.TextSize(), name.TextStyle).Width + 2*theme.InnerPadding()
				if w > width {
					t.Errorf("row %q needs %.0f px, the list shows %.0f", name.Text, w, width)
				}
			}
		})
	}
}

// TestHaloSwitchWithSiteLayers: the location-precision switch follows the
// site switches, above the catchments and their options.
func TestHaloSwitchWithSiteLayers(t *testing.T) {
	u := newTestUI(t)
	p := u.layers
	row := func(l render.Layer) int {
		for i, o := range p.box.Objects {
			if c, ok := o.(*fyne.Container); ok {
				for _, k := range c.Objects {
					if tc, ok := k.(*tipCheck); ok && &tc.Check == p.checks[l] {
						return i
					}
				}
			}
		}
		t.Fatalf("no row for %v", l.Label())
		return -1
	}
	if s, h, c := row(render.Sites), row(render.Halos), row(render.Catchments); h > c || h < s || h > s+2 {
		t.Errorf("rows: sites %d, precision %d, catchments %d", s, h, c)
	}
}

// TestFitAllHoldsBoundaries: 全部项目 shows the imported subdistricts that
// show, also one far from every site.
func TestFitAllHoldsBoundaries(t *testing.T) {
	u := newTestUI(t)
	far := orb.Bound{Min: orb.Point{113.10, 23.00}, Max: orb.Point{113.13, 23.02}}
	u.sh.st.update(func(sc *render.Scene) {
		sc.Zones = []render.Zone{{Name: "远处", Boundary: orb.MultiPolygon{far.ToPolygon()}}}
	})
	u.FitAll()
	if vb := viewBound(u.Map.View()); !vb.Contains(far.Min) || !vb.Contains(far.Max) {
		t.Errorf("the view %v leaves out the boundary %v", vb, far)
	}
}

// TestLayerSwitchesFirstAndInView: at 1280×800, in Chinese and English,
// with subdistricts imported and the Layers tab shown, the tab begins with
// a layer switch (the basemap chooser comes after the layers, as in a GIS
// layers panel) and the check of every layer switch and every catchment
// level lies within the visible part of the tab, without scrolling;
// another tab gives the legend its room back.
func TestLayerSwitchesFirstAndInView(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			u := layersAt1280(t, lang)
			u.panels.tabs.SelectIndex(0)
			legendAt := u.panels.legend.Offset
			importJie(t, u)
			u.panels.tabs.SelectIndex(1)
			p := u.layers
			if p.checks[render.Subdistricts] == nil {
				t.Fatal("no subdistrict switch after the import")
			}
			tab := u.panels.tabs.Selected().Content
			d := fyne.CurrentApp().Driver()
			top := d.AbsolutePositionForObject(tab).Y
			// The desktop window's menu bar takes its height off the column.
			bottom := top + tab.Size().Height - menuBarHeight
			if first := firstControl(tab); !isLayerSwitch(p, first) {
				t.Errorf("the tab begins with %T %q, not a layer switch", first, controlText(first))
			}
			switches := layerSwitches(t, p)
			last := switches[len(switches)-1].check
			t.Logf("tab y=%.0f…%.0f, last switch ends at y=%.0f, legend below at %.2f", top, bottom, d.AbsolutePositionForObject(last).Y+last.Size().Height, u.panels.legend.Offset)
			for _, s := range switches {
				c := s.check
				at := d.AbsolutePositionForObject(c)
				if !c.Visible() || at.Y < top-0.5 || at.Y+c.Size().Height > bottom+0.5 {
					t.Errorf("switch %q at y=%.0f…%.0f; the tab shows y=%.0f…%.0f", s.text, at.Y, at.Y+c.Size().Height, top, bottom)
				}
			}
			u.panels.tabs.SelectIndex(2) // the Subdistricts tab, then back
			u.panels.tabs.SelectIndex(0)
			if got := u.panels.legend.Offset; got != legendAt {
				t.Errorf("back on the Sites tab the legend's divider is at %.2f, was %.2f", got, legendAt)
			}
		})
	}
}

// firstControl is the topmost (then leftmost) widget showing text or
// taking input inside o, through containers, scrolls and accordions.
func firstControl(o fyne.CanvasObject) fyne.CanvasObject {
	d := fyne.CurrentApp().Driver()
	var first fyne.CanvasObject
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		switch c := o.(type) {
		case *fyne.Container:
			for _, k := range c.Objects {
				walk(k)
			}
			return
		case *container.Scroll:
			walk(c.Content)
			return
		case *widget.Accordion, *widget.Button, *widget.Check, *tipCheck, *tapLabel, *widget.Label, *widget.Select, *widget.RadioGroup, *widget.Slider:
		default:
			return
		}
		if first == nil {
			first = o
			return
		}
		at, was := d.AbsolutePositionForObject(o), d.AbsolutePositionForObject(first)
		if at.Y < was.Y-0.5 || (at.Y < was.Y+0.5 && at.X < was.X) {
			first = o
		}
	}
	walk(o)
	return first
}

// layerSwitch is one check of the layer switches and the text beside it.
type layerSwitch struct {
	check fyne.CanvasObject
	text  string
}

// layerSwitches are the checks of the layer rows and of the catchment
// levels (a check beside a label naming a level), in the panel's order.
func layerSwitches(t *testing.T, p *layersPanel) []layerSwitch {
	t.Helper()
	levels := map[string]bool{}
	for _, l := range catchableLevels {
		levels[levelText(l)] = true
	}
	var out []layerSwitch
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if isLayerSwitch(p, o) {
			out = append(out, layerSwitch{o, o.(*tipCheck).Text})
		}
		c, ok := o.(*fyne.Container)
		if !ok {
			return
		}
		if len(c.Objects) == 2 {
			if l, ok := c.Objects[0].(*tapLabel); ok && levels[l.Text] {
				out = append(out, layerSwitch{l.check, l.Text})
			}
		}
		for _, k := range c.Objects {
			walk(k)
		}
	}
	walk(p.box)
	if want := len(p.checks) + len(catchableLevels); len(out) != want {
		t.Fatalf("%d layer switches found, want %d", len(out), want)
	}
	return out
}

func isLayerSwitch(p *layersPanel, o fyne.CanvasObject) bool {
	for _, c := range p.checks {
		if tc, ok := o.(*tipCheck); ok && &tc.Check == c {
			return true
		}
	}
	return false
}

func controlText(o fyne.CanvasObject) string {
	switch w := o.(type) {
	case *tipCheck:
		return w.Text
	case *tapLabel:
		return w.Text
	}
	return textOf(o)
}
