package app

import (
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
	"github.com/liwan-edu/schoolmap/geo/render"
)

const plotFile = `{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"地块编码":"AF040422","用地":"中小学用地"},"geometry":{"type":"Polygon","coordinates":[[[113.2300,23.0640],[113.2340,23.0640],[113.2340,23.0670],[113.2300,23.0670],[113.2300,23.0640]]]}}]}`

func addPlots(t *testing.T, u *UI) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "控规.geojson")
	os.WriteFile(path, []byte(plotFile), 0o644)
	if err := u.layers.refs.add(path, ""); err != nil {
		t.Fatal(err)
	}
}

// TestPlaceOnPlot: in edit mode with "place on plot" on, tapping a plot
// puts the selected site inside it with the plot's code in its basis;
// undo restores it.
func TestPlaceOnPlot(t *testing.T) {
	u := newTestUI(t)
	addPlots(t, u)
	if len(u.sh.st.scene.References) != 1 || len(u.layers.refs.rows.Objects) != 1 {
		t.Fatalf("%d layers, %d rows", len(u.sh.st.scene.References), len(u.layers.refs.rows.Objects))
	}
	before := *u.sh.st.site("LW-06")
	u.sh.st.selectSite("LW-06")
	u.edit.SetEditMode(true)
	u.layers.refs.onPlot.SetChecked(true)
	u.Map.CenterOn(orb.Point{113.232, 23.0655}, 16)
	u.onTap("", orb.Point{113.2335, 23.0665})
	s := u.sh.st.site("LW-06")
	plot := orb.Polygon{{{113.2300, 23.0640}, {113.2340, 23.0640}, {113.2340, 23.0670}, {113.2300, 23.0670}, {113.2300, 23.0640}}}
	if !planar.PolygonContains(plot, s.Location) || !strings.Contains(s.Basis, "AF040422") {
		t.Errorf("site after place on plot: %v, %q", s.Location, s.Basis)
	}
	if !orb.Equal(s.Plot, orb.MultiPolygon{plot}) {
		t.Errorf("the site does not keep the plot outline: %v", s.Plot)
	}
	u.edit.Undo()
	if got := u.sh.st.site("LW-06"); got.Location != before.Location || len(got.Plot) != 0 {
		t.Errorf("undo left the site at %v, outline %v", got.Location, got.Plot)
	}
}

// TestReferenceLayerPanel: hide, reorder, remove; a file without geometry
// is refused naming it; the layers go into the saved project.
func TestReferenceLayerPanel(t *testing.T) {
	i18n.SetLanguage("en")
	defer i18n.SetLanguage("zh")
	u := newTestUI(t)
	addPlots(t, u)
	addPlots(t, u)
	u.sh.st.scene.References[1].Layer.Name = "second"
	u.layers.refs.move(1, 0)
	if u.sh.st.scene.References[0].Layer.Name != "second" {
		t.Error("move did not reorder")
	}
	first := u.sh.st.scene.References[0]
	u.layers.refs.change(func(refs []*render.Reference) []*render.Reference { return refs })
	if u.sh.st.scene.References[0] != first {
		t.Error("an unchanged list was rebuilt")
	}
	p := u.file.project()
	if len(p.References) != 2 || !u.sh.st.Dirty() {
		t.Errorf("project carries %d reference layers, dirty %v", len(p.References), u.sh.st.Dirty())
	}
	empty := filepath.Join(t.TempDir(), "empty.geojson")
	os.WriteFile(empty, []byte(`{"type":"FeatureCollection","features":[]}`), 0o644)
	if err := u.layers.refs.add(empty, ""); err == nil || !strings.Contains(err.Error(), empty) {
		t.Errorf("empty file: %v", err)
	}
	u.layers.refs.change(func(refs []*render.Reference) []*render.Reference { return refs[:1] })
	if len(u.layers.refs.rows.Objects) != 1 {
		t.Errorf("%d rows after removing", len(u.layers.refs.rows.Objects))
	}
	_ = data.DefaultRefStyle
}

// TestReferenceAttributes: a tap on a plot (no marker there) shows its
// attributes.
func TestReferenceAttributes(t *testing.T) {
	u := newTestUI(t)
	addPlots(t, u)
	u.Map.CenterOn(orb.Point{113.232, 23.0655}, 16)
	if u.Window.Canvas().Overlays().Top() != nil {
		t.Fatal("fixture: a dialog is open")
	}
	u.onTap("", orb.Point{113.2335, 23.0665})
	top := u.Window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no attributes shown")
	}
	if !strings.Contains(fmtTree(top), "AF040422") {
		t.Error("the attributes dialog does not show the plot code")
	}
}

// fmtTree collects the texts of the labels under o.
func fmtTree(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case fyne.Widget:
			r := test.WidgetRenderer(w)
			for _, c := range r.Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}

func TestReferenceStyle(t *testing.T) {
	u := newTestUI(t)
	addPlots(t, u)
	if err := u.layers.refs.setStyle(0, "stroke=#112233,fill=none,width=2,opacity=0.5,label=地块编码"); err != nil {
		t.Fatal(err)
	}
	st := u.sh.st.scene.References[0].Layer.Style
	if st.Stroke != "#112233" || st.Fill != "" || st.Width != 2 || st.LabelField != "地块编码" {
		t.Errorf("style %+v", st)
	}
	if err := u.layers.refs.setStyle(0, "stroke=blue"); err == nil {
		t.Error("a bad colour was taken")
	}
}

// TestReferenceGeoPackageAsksLayer: a GeoPackage with several layers asks
// which one to add.
func TestReferenceGeoPackageAsksLayer(t *testing.T) {
	u := newTestUI(t)
	path := filepath.Join(t.TempDir(), "several.gpkg")
	p := &data.Project{Norms: data.DefaultNorms()}
	if err := data.SaveProject(path, p); err != nil {
		t.Fatal(err)
	}
	u.layers.refs.addPath(path)
	if u.Window.Canvas().Overlays().Top() == nil {
		t.Error("no layer choice offered for a GeoPackage with several layers")
	}
}
