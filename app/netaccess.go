package app

import (
	"fmt"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/network"
	"github.com/liwan-edu/schoolmap/geo/render"
)

// accessLevels are the levels an accessibility map can be drawn for.
var accessLevels = []data.Level{data.Kindergarten, data.Primary, data.Junior, data.Senior}

// accessLayer shows walking distance to the nearest school of a level in
// service in the map's year, recomputed off the UI goroutine when the
// level, the year, the sites or the network change.
type accessLayer struct {
	sh     *shell
	on     *widget.Check
	onRow  fyne.CanvasObject // the check with its wrapping text
	level  *widget.Select
	speed  *widget.Select // walking speed, km/h, for minutes
	cell   *widget.Select // accessibility map cell size, m
	info   *widget.Label
	export *widget.Button
	key    string // what the shown map was computed for
	busy   bool
	raster *network.Raster // the map shown, for export
}

func newAccessLayer(sh *shell) *accessLayer {
	a := &accessLayer{sh: sh, info: widget.NewLabel("")}
	sh.st.access = a
	a.info.Wrapping = fyne.TextWrapWord
	var names []string
	for _, l := range accessLevels {
		names = append(names, levelText(l))
	}
	a.level = widget.NewSelect(names, nil)
	a.level.SetSelectedIndex(0)
	a.on, a.onRow = wrapCheck(i18n.T("network.ui.access"), false, nil)
	a.on.Disable()
	a.speed = netChoice(sh, []float64{3, 3.5, 4, 4.5, 5}, "km/h", func(n data.NetworkSettings) float64 { return n.SpeedKmh },
		func(n *data.NetworkSettings, v float64) { n.SpeedKmh = v })
	a.cell = netChoice(sh, []float64{10, 25, 50, 100}, "m", func(n data.NetworkSettings) float64 { return n.CellM },
		func(n *data.NetworkSettings, v float64) { n.CellM = v })
	a.export = widget.NewButton(i18n.T("network.ui.accessexport"), a.exportRaster)
	a.export.Disable()
	a.level.OnChanged = func(string) { a.refresh() } // set last: building the panel changes nothing
	a.on.OnChanged = func(bool) { a.refresh() }
	sh.st.listen(sceneChanged, a.refresh)
	sh.st.listen(networkChanged, func() {
		if sh.st.net.graph == nil {
			a.on.SetChecked(false)
			a.on.Disable()
		} else {
			a.on.Enable()
		}
		a.key = ""
		a.refresh()
	})
	return a
}

func (a *accessLayer) widget() fyne.CanvasObject {
	// Each text above its chooser: side by side they overflow the column.
	return container.NewVBox(a.onRow, a.level,
		wrapLabel(i18n.T("network.ui.speed")), a.speed, a.export,
		wrapLabel(i18n.T("network.ui.cell")), a.cell, a.info)
}

// refresh recomputes the map when what it shows has changed.
func (a *accessLayer) refresh() {
	st := a.sh.st
	if !a.on.Checked || st.net.graph == nil {
		if st.scene.Access != nil {
			a.key, a.raster = "", nil
			a.export.Disable()
			st.update(func(sc *render.Scene) { sc.Access = nil })
		}
		return
	}
	level := accessLevels[max(0, a.level.SelectedIndex())]
	speed := a.walkSpeed()
	cell := st.net.cfg.CellM
	key := fmt.Sprintf("%v|%d|%p|%p|%v|%v", level, st.scene.Year, st.net.graph, st.net.set, speed, cell)
	if key == a.key || a.busy {
		return
	}
	a.key, a.busy = key, true
	g, sites, norms, year := st.net.graph, st.scene.Sites, st.scene.Norms, st.scene.Year
	ext, zones := accessExtent(st)
	a.sh.background(func() {
		dest := network.InService(sites, level, year, norms)
		var pts []orb.Point
		for _, s := range dest {
			pts = append(pts, s.Location)
		}
		r, _ := g.Access(pts, ext, network.AccessOptions{Cell: cell})
		_, pop := r.ClassShares(network.DefaultBreaks, zones)
		layer := &render.AccessRaster{Img: r.Image(network.DefaultBreaks), X0: r.X0, Y0: r.Y0, Cell: r.Cell,
			Title: i18n.T("network.ui.accesstitle", levelText(level), year), Classes: accessClasses(speed)}
		fyne.Do(func() {
			a.busy = false
			if a.key != key || !a.on.Checked {
				a.refresh()
				return
			}
			a.info.SetText(accessInfo(len(dest), pop, len(zones) > 0))
			a.raster = r
			a.export.Enable()
			st.update(func(sc *render.Scene) { sc.Access = layer })
		})
	})
}

// accessExtent is the subdistricts' extent (else the sites' plus 1 km)
// and the subdistricts with populations.
func accessExtent(st *state) (orb.Bound, []network.Zone) {
	var zones []network.Zone
	var b orb.Bound
	first := true
	for _, s := range st.subdistricts {
		if len(s.Boundary) == 0 {
			continue
		}
		if s.PopKnown {
			zones = append(zones, network.Zone{Boundary: s.Boundary, Population: float64(s.Population)})
		}
		if first {
			b, first = s.Boundary.Bound(), false
		} else {
			b = b.Union(s.Boundary.Bound())
		}
	}
	if first {
		b = network.PadMetres(st.sitesBound(), 1000)
	}
	return b, zones
}

// walkSpeed is the chosen walking speed, km/h.
func (a *accessLayer) walkSpeed() float64 { return a.sh.st.net.cfg.SpeedKmh }

// accessClasses are the legend entries of the distance classes, with
// minutes at speed km/h.
func accessClasses(speed float64) []render.ZoneClass {
	var out []render.ZoneClass
	lo := 0.0
	for i, c := range network.ClassColors {
		label := ""
		if i < len(network.DefaultBreaks) {
			hi := network.DefaultBreaks[i]
			label = i18n.T("network.ui.accessclass", lo, hi, math.Ceil(hi/(speed*1000/60)))
			lo = hi
		} else {
			label = fmt.Sprintf("> %.0f m", lo)
		}
		out = append(out, render.ZoneClass{Fill: color.RGBA{c.R, c.G, c.B, 255}, Label: label})
	}
	return out
}

// accessInfo says how many schools the map uses and, with populations,
// the share of residents per class.
func accessInfo(schools int, pop []float64, withPop bool) string {
	t := i18n.T("network.ui.accessn", schools)
	if !withPop {
		return t
	}
	lo := 0.0
	for i, p := range pop {
		if i < len(network.DefaultBreaks) {
			t += fmt.Sprintf("\n< %.0f m: %.1f%%", network.DefaultBreaks[i], 100*p)
			lo = network.DefaultBreaks[i]
		} else {
			t += fmt.Sprintf("\n≥ %.0f m: %.1f%%", lo, 100*p)
		}
	}
	return t
}
