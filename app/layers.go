package app

import (
	"fmt"
	"maps"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/geo/render"
)

// catchableLevels are the served levels a catchment can be drawn for.
var catchableLevels = []data.Level{data.Kindergarten, data.Primary, data.Junior, data.Senior, data.International}

// layerPanel builds the layer switches: a check and an opacity slider per
// layer, with each layer's own options beneath it. Every change goes
// through u.update, so map, legend and summary follow at once.
func (u *UI) layerPanel() fyne.CanvasObject {
	box := container.NewVBox()
	u.layerBox = box
	u.layerChecks = map[render.Layer]*widget.Check{}
	for _, l := range render.AllLayers() {
		if l == render.Subdistricts {
			continue // appears once boundaries are imported
		}
		box.Add(u.layerRow(l))
		switch l {
		case render.Catchments:
			box.Add(u.catchmentOptions())
		case render.Sites:
			box.Add(indent(widget.NewCheck("按学位缩放 size by seats", func(on bool) {
				u.update(func(sc *render.Scene) { sc.SizeBySeats = on })
			}), u.scene.SizeBySeats))
		case render.Labels:
			box.Add(indent(widget.NewCheck("显示班数·学位 capacity labels (36班 · 1800位)", func(on bool) {
				u.update(func(sc *render.Scene) { sc.CapacityLabels = on })
			}), u.scene.CapacityLabels))
		}
	}
	return container.NewVScroll(box)
}

func (u *UI) layerRow(l render.Layer) fyne.CanvasObject {
	// Initial states are set before the handlers, so building the panel
	// changes nothing.
	check := widget.NewCheck(l.Label(), nil)
	check.Checked = u.scene.Layers[l].On
	check.OnChanged = func(on bool) {
		u.update(func(sc *render.Scene) { sc.Layers[l].On = on })
	}
	u.layerChecks[l] = check
	opacity := widget.NewSlider(0, 100)
	opacity.Step = 5
	opacity.Value = u.scene.Layers[l].Opacity * 100
	pct := widget.NewLabel(fmt.Sprintf("%3.0f%%", opacity.Value))
	opacity.OnChanged = func(v float64) {
		pct.SetText(fmt.Sprintf("%3.0f%%", v))
		u.update(func(sc *render.Scene) { sc.Layers[l].Opacity = v / 100 })
	}
	return container.NewBorder(nil, nil, check, pct, opacity)
}

func (u *UI) catchmentOptions() fyne.CanvasObject {
	levels := container.NewGridWithColumns(3)
	for _, l := range catchableLevels {
		check := widget.NewCheck(l.Label(), nil)
		levels.Add(check)
		check.Checked = true
		check.OnChanged = func(on bool) {
			u.update(func(sc *render.Scene) {
				next := map[data.Level]bool{}
				if sc.CatchLevels == nil {
					for _, c := range catchableLevels {
						next[c] = true
					}
				} else {
					next = maps.Clone(sc.CatchLevels)
				}
				next[l] = on
				sc.CatchLevels = next
			})
		}
	}
	mode := widget.NewRadioGroup([]string{"步行半径 walking radius", "最近学校 nearest site"}, nil)
	mode.Horizontal = true
	mode.SetSelected("步行半径 walking radius")
	mode.OnChanged = func(s string) {
		m := render.CatchCircles
		if s == "最近学校 nearest site" {
			m = render.CatchNearest
		}
		u.update(func(sc *render.Scene) { sc.CatchMode = m })
	}
	inService := widget.NewCheck("仅已建成 only sites in service in the year", func(on bool) {
		u.update(func(sc *render.Scene) { sc.CatchInServiceOnly = on })
	})
	return container.NewPadded(container.NewVBox(levels, mode, inService))
}

func indent(c *widget.Check, checked bool) fyne.CanvasObject {
	c.Checked = checked
	return container.NewPadded(c)
}

// legendPanel lists what the map shows, from render.Legend, with the same
// symbols as the map.
type legendPanel struct {
	box   *fyne.Container
	items []render.LegendItem // what box shows; rebuilt only when it changes
}

func newLegendPanel() *legendPanel { return &legendPanel{box: container.NewVBox()} }

func (p *legendPanel) show(sc *render.Scene) {
	items := render.Legend(sc)
	if p.box.Objects != nil && slices.Equal(items, p.items) {
		return // a selection or a year step usually leaves the legend as it is
	}
	p.items = items
	p.box.RemoveAll()
	for _, it := range items {
		if it.Kind == render.LegendHeading {
			p.box.Add(widget.NewLabelWithStyle(it.Label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
			continue
		}
		// Drawn at twice the size for sharpness; seat circles at their true
		// size on the map, so their areas compare with the markers'.
		px := 48
		if it.Kind == render.LegendSize {
			px = int(math.Ceil(4*render.SeatRadius(it.Seats))) + 2
		}
		img := canvas.NewImageFromImage(render.Swatch(it, px, 2))
		img.SetMinSize(fyne.NewSize(float32(px)/2, float32(px)/2))
		img.FillMode = canvas.ImageFillContain
		p.box.Add(container.NewBorder(nil, nil, img, nil, widget.NewLabel(it.Label)))
	}
	p.box.Refresh()
}

// labels returns the legend's text lines (tests).
func (p *legendPanel) labels() []string {
	var out []string
	for _, o := range p.box.Objects {
		switch o := o.(type) {
		case *widget.Label:
			out = append(out, o.Text)
		case *fyne.Container:
			out = append(out, o.Objects[0].(*widget.Label).Text)
		}
	}
	return out
}
