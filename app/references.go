package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/render"
)

// refPanel lists the planner's reference layers (Layers tab): add from a
// file, show or hide, move up or down, remove; and "place on plot" for
// edit mode. Layers are part of the project.
type refPanel struct {
	sh     *shell
	box    *fyne.Container
	rows   *fyne.Container
	onPlot *widget.Check
	shown  []*render.Reference // what the rows show
}

func newRefPanel(sh *shell) *refPanel {
	p := &refPanel{sh: sh, rows: container.NewVBox()}
	add := widget.NewButton(i18n.T("basemap.ref_add"), p.openFile)
	var onPlot fyne.CanvasObject
	p.onPlot, onPlot = wrapCheck(i18n.T("basemap.place_on_plot"), false, nil)
	p.box = container.NewVBox(wrapLabel(i18n.T("basemap.ref_heading")), p.rows, add, onPlot)
	return p
}

// follow rebuilds the rows when the scene's reference layers change.
func (p *refPanel) follow() {
	p.sh.st.listen(sceneChanged, func() {
		refs := p.sh.st.scene.References
		if !sameRefs(refs, p.shown) {
			p.shown = refs
			p.rebuild()
		}
	})
}

func sameRefs(a, b []*render.Reference) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// rebuild lists the layers top first, as the legend does.
func (p *refPanel) rebuild() {
	p.rows.RemoveAll()
	for i := len(p.shown) - 1; i >= 0; i-- {
		p.rows.Add(p.row(i, p.shown[i].Layer))
	}
}

func (p *refPanel) row(i int, l *data.ReferenceLayer) fyne.CanvasObject {
	_, check := wrapCheck(l.Name, l.Visible, func(on bool) {
		p.change(func(refs []*render.Reference) []*render.Reference {
			c := *refs[i].Layer
			c.Visible = on
			refs[i] = render.NewReference(&c)
			return refs
		})
	})
	up := widget.NewButton("↑", func() { p.move(i, i+1) })
	down := widget.NewButton("↓", func() { p.move(i, i-1) })
	remove := widget.NewButton("✕", func() {
		p.change(func(refs []*render.Reference) []*render.Reference { return append(refs[:i], refs[i+1:]...) })
	})
	style := widget.NewButton("🎨", func() { p.editStyle(i, l) })
	return container.NewBorder(nil, nil, nil, container.NewHBox(style, up, down, remove), check)
}

// editStyle asks for a layer's stroke and fill colours, width, opacity
// and label field.
func (p *refPanel) editStyle(i int, l *data.ReferenceLayer) {
	st := l.Style
	stroke, fill := widget.NewEntry(), widget.NewEntry()
	stroke.SetText(st.Stroke)
	fill.SetText(st.Fill)
	width, opacity := widget.NewEntry(), widget.NewEntry()
	width.SetText(fmt.Sprint(st.Width))
	opacity.SetText(fmt.Sprint(st.Opacity))
	label := widget.NewSelect(append([]string{""}, l.Fields...), nil)
	label.SetSelected(st.LabelField)
	items := []*widget.FormItem{widget.NewFormItem(i18n.T("basemap.style_stroke"), stroke), widget.NewFormItem(i18n.T("basemap.style_fill"), fill),
		widget.NewFormItem(i18n.T("basemap.style_width"), width), widget.NewFormItem(i18n.T("basemap.style_opacity"), opacity),
		widget.NewFormItem(i18n.T("basemap.style_label"), label)}
	showForm(l.Name, i18n.T("basemap.ok"), i18n.T("basemap.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		f := fill.Text
		if f == "" {
			f = "none"
		}
		spec := fmt.Sprintf("stroke=%s,fill=%s,width=%s,opacity=%s,label=%s", stroke.Text, f, width.Text, opacity.Text, label.Selected)
		if err := p.setStyle(i, spec); err != nil {
			showErrorDialog(err, p.sh.win)
		}
	}, p.sh.win)
}

// setStyle gives layer i the style spec (as the CLI writes it).
func (p *refPanel) setStyle(i int, spec string) error {
	st, err := data.ParseRefStyle(spec)
	if err != nil {
		return err
	}
	p.change(func(refs []*render.Reference) []*render.Reference {
		c := *refs[i].Layer
		c.Style = st
		refs[i] = render.NewReference(&c)
		return refs
	})
	return nil
}

// move swaps layers i and j (j out of range: nothing).
func (p *refPanel) move(i, j int) {
	p.change(func(refs []*render.Reference) []*render.Reference {
		if j >= 0 && j < len(refs) {
			refs[i], refs[j] = refs[j], refs[i]
		}
		return refs
	})
}

// change applies fn to a copy of the layer list (the renderer may be
// drawing the current one) and marks the work unsaved.
func (p *refPanel) change(fn func([]*render.Reference) []*render.Reference) {
	p.sh.st.update(func(sc *render.Scene) {
		sc.References = fn(append([]*render.Reference(nil), sc.References...))
	})
	p.sh.st.markDirty()
}

// add appends a layer read from path (the first layer of a GeoPackage
// when layer is ""); problems are shown in words naming the file.
func (p *refPanel) add(path, layer string) error {
	l, err := data.LoadReference(path, layer)
	if err != nil {
		return fmt.Errorf("%s", refMessage(path, err))
	}
	p.change(func(refs []*render.Reference) []*render.Reference { return append(refs, render.NewReference(l)) })
	return nil
}

func (p *refPanel) openFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		r.Close()
		p.addPath(r.URI().Path())
	}, p.sh.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".geojson", ".json", ".shp", ".gpkg", ".csv"}))
	showFileDialog(p.sh.win, d)
}

// addPath adds a file's layer, asking which one when a GeoPackage has
// several.
func (p *refPanel) addPath(path string) {
	names, _ := data.GeoPackageLayers(path)
	if strings.EqualFold(filepath.Ext(path), ".gpkg") && len(names) > 1 {
		pick := widget.NewSelect(names, nil)
		pick.SetSelectedIndex(0)
		showForm(filepath.Base(path), i18n.T("basemap.ok"), i18n.T("basemap.cancel"),
			[]*widget.FormItem{widget.NewFormItem(i18n.T("basemap.ref_layer"), pick)}, func(ok bool) {
				if ok {
					p.report(p.add(path, pick.Selected))
				}
			}, p.sh.win)
		return
	}
	p.report(p.add(path, ""))
}

func (p *refPanel) report(err error) {
	if err != nil {
		showErrorDialog(err, p.sh.win)
	}
}

// featureAt is the top visible reference feature at a map point.
func (p *refPanel) featureAt(at orb.Point) (*data.ReferenceLayer, data.RefFeature, bool) {
	v := p.sh.m.View()
	x, y := v.ToScreen(at)
	refs := p.sh.st.scene.References
	for i := len(refs) - 1; i >= 0; i-- {
		if k, ok := refs[i].At(v, x, y); ok {
			return refs[i].Layer, refs[i].Layer.Features[k], true
		}
	}
	return nil, data.RefFeature{}, false
}

// tap handles a map tap on no marker: in edit mode with "place on plot"
// on, the selected site goes onto the plot tapped; otherwise a reference
// feature's attributes are shown. False when no feature is there.
func (p *refPanel) tap(at orb.Point, editing bool) bool {
	l, f, ok := p.featureAt(at)
	if !ok {
		return false
	}
	if sel := p.sh.st.scene.Selected; editing && p.onPlot.Checked && sel != "" {
		p.sh.edit(p.sh.st.editor.Update(sel, i18n.T("basemap.place_on_plot")+" "+sel, func(s *data.Site) {
			data.PlaceOnPlot(s, f, plotIDField(l))
		}))
		return true
	}
	p.showAttributes(l, f)
	return true
}

// plotIDField is the field naming plots: the label field, else the first
// field whose name says code or id.
func plotIDField(l *data.ReferenceLayer) string {
	if l.Style.LabelField != "" {
		return l.Style.LabelField
	}
	for _, f := range l.Fields {
		n := strings.ToLower(f)
		if strings.Contains(n, "code") || strings.Contains(n, "id") || strings.Contains(f, "编码") || strings.Contains(f, "编号") {
			return f
		}
	}
	if len(l.Fields) > 0 {
		return l.Fields[0]
	}
	return ""
}

func (p *refPanel) showAttributes(l *data.ReferenceLayer, f data.RefFeature) {
	keys := make([]string, 0, len(f.Props))
	for k := range f.Props {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s: %s\n", k, f.Props[k])
	}
	showInformation(l.Name, strings.TrimSpace(b.String()), p.sh.win)
}

// refMessage words a reference file problem, naming the file.
func refMessage(path string, err error) string {
	switch {
	case errors.Is(err, data.ErrNoGeometry):
		return i18n.T("basemap.ref_no_geometry", path)
	case errors.Is(err, data.ErrRefCRS):
		return i18n.T("basemap.ref_crs", path)
	}
	return i18n.T("basemap.ref_bad", path, err)
}

// refsOf and refsFrom move reference layers between the scene and a
// project.
func refsOf(sc *render.Scene) []*data.ReferenceLayer {
	var out []*data.ReferenceLayer
	for _, r := range sc.References {
		out = append(out, r.Layer)
	}
	return out
}

func refsFrom(ls []*data.ReferenceLayer) []*render.Reference {
	var out []*render.Reference
	for _, l := range ls {
		out = append(out, render.NewReference(l))
	}
	return out
}
