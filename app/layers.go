package app

import (
	"fmt"
	"maps"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/render"
)

// catchableLevels are the served levels a catchment can be drawn for.
var catchableLevels = []data.Level{data.Kindergarten, data.Primary, data.Junior, data.Senior, data.International}

// layersPanel is the Layers tab: a check and an opacity slider per layer,
// with each layer's own options beneath it, and the legend. Every change
// goes through the shared state, so map, legend and summary follow at once.
type layersPanel struct {
	sh      *shell
	box     *fyne.Container
	checks  map[render.Layer]*widget.Check
	legend  *legendPanel
	mode    *widget.RadioGroup // walking radius or nearest site
	nearest *widget.Select     // the level of the nearest-site areas
	// basemap and refs are the basemap chooser and the reference layers,
	// shown above and below the layer switches.
	basemap *basemapPanel
	refs    *refPanel
	scroll  *container.Scroll // the layer switches' scroll
	// basemapRow is the basemap's switch, the last layer row: the
	// subdistricts' switch goes before it.
	basemapRow fyne.CanvasObject
}

func newLayersPanel(sh *shell) *layersPanel {
	p := &layersPanel{sh: sh, box: container.NewVBox(), checks: map[render.Layer]*widget.Check{}, legend: newLegendPanel()}
	for _, l := range panelLayers() {
		row := p.layerRow(l)
		p.box.Add(row)
		switch l {
		case render.Catchments:
			p.box.Add(p.catchmentLevels())
		case render.Basemap:
			p.basemapRow = row
		}
	}
	p.box.Add(p.layerOptions())
	return p
}

// panelLayers are the layers in the panel's order: the site layers
// together (labels, sites, their location precision), then catchments
// (with a switch per level) and the basemap; subdistricts join before the
// basemap once boundaries are imported. The layers' options follow all
// the switches, so the switches show together without scrolling. The drawing order
// (render.AllLayers) is not changed by it.
func panelLayers() []render.Layer {
	return []render.Layer{render.Labels, render.Sites, render.Halos, render.Catchments, render.Basemap}
}

func (p *layersPanel) update(fn func(sc *render.Scene)) { p.sh.st.update(fn) }

// follow keeps the legend current and adds the subdistrict layer's switch
// once boundaries exist.
func (p *layersPanel) follow() {
	p.sh.st.listen(sceneChanged, func() {
		sc := p.sh.st.scene
		p.legend.show(sc)
		if len(sc.Zones) > 0 && p.checks[render.Subdistricts] == nil {
			p.addBeforeBasemap(p.layerRow(render.Subdistricts))
		}
	})
}

// addBeforeBasemap puts row among the layer switches, above the basemap's.
func (p *layersPanel) addBeforeBasemap(row fyne.CanvasObject) {
	i := slices.Index(p.box.Objects, p.basemapRow)
	if i < 0 {
		i = len(p.box.Objects)
	}
	p.box.Objects = slices.Insert(p.box.Objects, i, row)
	p.box.Refresh()
}

// widget is the Layers tab, ordered like a GIS layers panel: the layer
// switches first, then the catchment options, the reference layers and
// the basemap chooser, in one vertical scroll as wide as the column, so
// no part is squeezed into a small box or cut at the column's edge.
func (p *layersPanel) widget() fyne.CanvasObject {
	p.scroll = container.NewVScroll(container.New(narrow{leftMinWidth}, container.NewVBox(p.box, p.refs.box, p.basemap.box)))
	return p.scroll
}

func (p *layersPanel) layerRow(l render.Layer) fyne.CanvasObject {
	// Initial states are set before the handlers, so building the panel
	// changes nothing.
	sc := p.sh.st.scene
	tc := newTipCheck(p.sh.tips, l.Label(), i18n.T("ui.tip.layer", l.Label()), nil)
	check := &tc.Check
	check.Checked = sc.Layers[l].On
	check.OnChanged = func(on bool) {
		p.update(func(sc *render.Scene) { sc.Layers[l].On = on })
	}
	p.checks[l] = check
	opacity := widget.NewSlider(0, 100)
	opacity.Step = 5
	opacity.Value = sc.Layers[l].Opacity * 100
	pct := widget.NewLabel(fmt.Sprintf("%3.0f%%", opacity.Value))
	opacity.OnChanged = func(v float64) {
		pct.SetText(fmt.Sprintf("%3.0f%%", v))
		p.update(func(sc *render.Scene) { sc.Layers[l].Opacity = v / 100 })
	}
	return container.NewBorder(nil, nil, tc, pct, opacity)
}

// catchmentLevels are the switches of the levels whose catchments show,
// beneath the catchments' own switch.
func (p *layersPanel) catchmentLevels() fyne.CanvasObject {
	levels := container.NewVBox()
	for _, l := range catchableLevels {
		_, c := wrapCheck(levelText(l), true, func(on bool) {
			p.update(func(sc *render.Scene) { sc.CatchLevels = withLevel(sc.CatchLevels, l, on) })
		})
		levels.Add(c)
	}
	return container.NewPadded(levels)
}

// layerOptions are the options of the site layers (size by seats,
// capacity labels) and how catchments are drawn (walking radius or
// nearest site, the nearest-site level, in-service sites only, circle or
// street network), under their own heading after the layer switches.
func (p *layersPanel) layerOptions() fyne.CanvasObject {
	sc := p.sh.st.scene
	_, bySeats := wrapCheck(i18n.T("ui.layers.size_by_seats"), sc.SizeBySeats, func(on bool) {
		p.update(func(sc *render.Scene) { sc.SizeBySeats = on })
	})
	_, capacity := wrapCheck(i18n.T("ui.layers.capacity_labels_36_classes_1800"), sc.CapacityLabels, func(on bool) {
		p.update(func(sc *render.Scene) { sc.CapacityLabels = on })
	})
	nearest := p.nearestLevel()
	mode := widget.NewRadioGroup([]string{i18n.T("ui.layers.walking_radius"), i18n.T("ui.layers.nearest_site")}, nil)
	mode.SetSelected(i18n.T("ui.layers.walking_radius"))
	p.mode = mode
	mode.OnChanged = func(s string) {
		m := render.CatchCircles
		if s == i18n.T("ui.layers.nearest_site") {
			m = render.CatchNearest
			nearest.Enable()
		} else {
			nearest.Disable()
		}
		p.update(func(sc *render.Scene) { sc.CatchMode = m })
	}
	_, inService := wrapCheck(i18n.T("ui.layers.only_sites_in_service_in"), false, func(on bool) {
		p.update(func(sc *render.Scene) { sc.CatchInServiceOnly = on })
	})
	head := wrapLabel(i18n.T("ui.layers.options"))
	head.TextStyle.Bold = true
	return container.NewVBox(head, container.NewPadded(container.NewVBox(bySeats, capacity, mode,
		wrapLabel(i18n.T("behave.layers.nearest_level")), nearest, inService, networkToggle(p.sh))))
}

// nearestLevel chooses the one level whose nearest-site areas show (the
// areas of several levels would overlap); enabled in nearest-site mode.
func (p *layersPanel) nearestLevel() *widget.Select {
	names := make([]string, len(catchableLevels))
	for i, l := range catchableLevels {
		names[i] = l.Text()
	}
	sel := widget.NewSelect(names, nil)
	sel.SetSelectedIndex(0)
	sel.OnChanged = func(string) {
		l := catchableLevels[max(0, sel.SelectedIndex())]
		p.update(func(sc *render.Scene) { sc.NearestLevel = l })
	}
	sel.Disable()
	p.nearest = sel
	return sel
}

// withLevel is a copy of the catchment levels shown (nil = all) with l
// turned on or off.
func withLevel(cur map[data.Level]bool, l data.Level, on bool) map[data.Level]bool {
	next := map[data.Level]bool{}
	if cur == nil {
		for _, c := range catchableLevels {
			next[c] = true
		}
	} else {
		next = maps.Clone(cur)
	}
	next[l] = on
	return next
}
