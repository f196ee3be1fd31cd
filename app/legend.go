package app

import (
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/liwan-edu/schoolmap/geo/render"
)

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
