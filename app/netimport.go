package app

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/gpkg"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/data/vector"
	"github.com/liwan-edu/schoolmap/geo/crs"
	"github.com/liwan-edu/schoolmap/geo/network"
)

// networkPanel imports a street network (an OSM extract or a line layer)
// and keeps the catchments along it current.
type networkPanel struct {
	sh      *shell
	imports *importDialogs
}

func newNetworkPanel(sh *shell, imports *importDialogs) *networkPanel {
	return &networkPanel{sh: sh, imports: imports}
}

// follow recomputes the catchments when sites or norms change.
func (p *networkPanel) follow() {
	st := p.sh.st
	recompute := func() {
		if st.net.graph != nil {
			st.recomputeNetwork()
		}
	}
	st.listen(sitesEdited, recompute)
	st.listen(workDirtied, recompute)
}

// importNetwork asks for a street file: a .osm.pbf is read at once, a
// line layer first asks which layer (GeoPackages with several) and which
// field marks roads pedestrians cannot use.
func (p *networkPanel) importNetwork() {
	p.imports.openFile([]string{".pbf", ".shp", ".gpkg", ".geojson", ".json"}, func(path string) {
		if strings.HasSuffix(strings.ToLower(path), ".pbf") {
			p.run(path, nil)
			return
		}
		go func() {
			names := lineLayers(path)
			fyne.Do(func() {
				if len(names) < 2 {
					p.readLayer(path, "")
					return
				}
				pick := widget.NewSelect(names, nil)
				pick.SetSelectedIndex(0)
				p.sh.confirmForm(i18n.T("network.ui.import"), "OK", widget.NewForm(widget.NewFormItem(i18n.T("network.ui.layer"), pick)),
					func(ok bool) {
						if ok {
							p.readLayer(path, pick.Selected)
						}
					})
			})
		}()
	})
}

// lineLayers lists a GeoPackage's line layers (none for other files).
func lineLayers(path string) []string {
	if !strings.HasSuffix(strings.ToLower(path), ".gpkg") {
		return nil
	}
	f, err := gpkg.Read(path)
	if err != nil {
		return nil
	}
	var out []string
	for _, l := range f.Layers {
		if strings.Contains(strings.ToUpper(l.GeomType), "LINE") {
			out = append(out, l.Name)
		}
	}
	return out
}

// readLayer reads a line layer off the UI goroutine, then asks for its
// options.
func (p *networkPanel) readLayer(path, layer string) {
	go func() {
		set, err := vector.Open(path, layer, "auto")
		fyne.Do(func() {
			if err != nil {
				p.sh.showError(network.Explain(path, fmt.Errorf("%w: %w", network.ErrFormat, err)))
				return
			}
			p.askLayerOptions(set)
		})
	}()
}

// askLayerOptions lets the planner pick the no-walk field and, when the
// file does not say, its coordinate system.
func (p *networkPanel) askLayerOptions(set *vector.Set) {
	field := columnPicker(set.Fields, "")
	sys := widget.NewSelect(crsLabels(), nil)
	sys.SetSelected(crsText(crs.WGS84))
	if set.CRS != crs.Unknown {
		sys.SetSelected(crsText(set.CRS))
	}
	form := widget.NewForm(widget.NewFormItem(i18n.T("network.ui.nowalk"), field), widget.NewFormItem(i18n.T("network.ui.crs"), sys))
	p.sh.confirmForm(i18n.T("network.ui.import"), i18n.T("network.ui.importbtn"), form, func(ok bool) {
		if ok {
			opt := network.LineOptions{NoWalkField: pickedColumn(field), CRS: crs.All()[max(0, sys.SelectedIndex())]}
			p.run(set.Path, func() ([]orb.LineString, error) { lines, _, err := network.LinesFromSet(set, opt); return lines, err })
		}
	})
}

// run reads (PBF when layer is nil) and builds the network off the UI
// goroutine with progress and cancel; the current work is untouched
// unless it succeeds.
func (p *networkPanel) run(path string, layer func() ([]orb.LineString, error)) {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	prog := dialog.NewCustomWithoutButtons(i18n.T("network.ui.reading", filepath.Base(path)),
		container.NewVBox(bar, widget.NewButton(i18n.T("network.ui.cancel"), cancel)), p.sh.win)
	prog.Resize(fyne.NewSize(460, 140))
	onEsc(p.sh.win.Canvas(), prog, cancel)
	prog.Show()
	ext := network.PadMetres(p.sh.st.sitesBound(), 3000)
	go func() {
		var lines []orb.LineString
		var err error
		if layer == nil {
			lines, _, err = network.ReadPBF(ctx, path, ext, func(done, total int64) {
				fyne.Do(func() { bar.SetValue(float64(done) / float64(max(total, 1))) })
			})
		} else {
			lines, err = layer()
		}
		var g *network.Graph
		if err == nil {
			g, err = network.Build(lines, network.Options{})
		}
		cancel()
		fyne.Do(func() {
			prog.Hide()
			p.done(path, lines, g, err)
		})
	}()
}

func (p *networkPanel) done(path string, lines []orb.LineString, g *network.Graph, err error) {
	if errors.Is(err, network.ErrCanceled) {
		return
	}
	if err != nil {
		p.sh.showError(network.Explain(path, err))
		return
	}
	st := p.sh.st
	st.setNetwork(lines, filepath.Base(path), g)
	st.markDirty()
	p.sh.status.SetText(i18n.T("network.cli.built", g.NumEdges(), len(g.Nodes)))
	var pts []orb.Point
	for _, s := range st.scene.Sites {
		if s.Located {
			pts = append(pts, s.Location)
		}
	}
	if median, f := g.OffsetCheck(pts); f != network.OffsetOK {
		key := map[network.Offset]string{network.OffsetFar: "network.cli.far", network.OffsetGCJ02: "network.cli.asgcj", network.OffsetWGS84: "network.cli.aswgs"}[f]
		showInformation(i18n.T("network.ui.import"), i18n.T(key, filepath.Base(path), median), p.sh.win)
	}
}

// networkToggle is the layers panel's choice between circles and the
// network, enabled once a network is loaded.
func networkToggle(sh *shell) fyne.CanvasObject {
	circle, net := i18n.T("network.ui.circle"), i18n.T("network.ui.network")
	mode := widget.NewRadioGroup([]string{circle, net}, nil)
	mode.SetSelected(circle)
	mode.Disable()
	mode.OnChanged = func(s string) {
		if (s == net) != sh.st.net.on {
			sh.changeNetSettings(func(n *data.NetworkSettings) {
				n.Catchments = map[bool]string{true: "network", false: "circle"}[s == net]
			})
		}
	}
	info := wrapLabel(i18n.T("network.ui.none"))
	sh.st.listen(networkChanged, func() {
		n := sh.st.net
		if n.graph == nil {
			mode.Disable()
			info.SetText(i18n.T("network.ui.none"))
		} else {
			mode.Enable()
			info.SetText(i18n.T("network.ui.loaded", n.source, n.graph.NumEdges()))
		}
		if want := map[bool]string{true: net, false: circle}[n.on]; mode.Selected != want {
			mode.SetSelected(want)
		}
	})
	lateral := netChoice(sh, []float64{25, 50, 75, 100}, "m", func(n data.NetworkSettings) float64 { return n.LateralM },
		func(n *data.NetworkSettings, v float64) { n.LateralM = v })
	return container.NewVBox(mode, wrapLabel(i18n.T("network.ui.lateral")), lateral, info, newAccessLayer(sh).widget())
}
