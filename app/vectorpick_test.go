package app

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/gpkg"
	"github.com/liwan-edu/schoolmap/data/vector"
	"github.com/liwan-edu/schoolmap/geo/crs"
)

// TestLayerChooser: a GeoPackage with two point layers asks which one,
// listing feature counts; the choice is read.
func TestLayerChooser(t *testing.T) {
	u := newTestUI(t)
	p := filepath.Join(t.TempDir(), "two.gpkg")
	pt := gpkg.Feature{Geometry: orb.Point{113.24, 23.12}, Values: []any{"甲"}}
	f := []gpkg.Field{{Name: "name", Type: gpkg.Text}}
	if err := gpkg.Write(p, []*gpkg.Layer{{Name: "a", GeomType: "POINT", Fields: f, Features: []gpkg.Feature{pt, pt}},
		{Name: "b", GeomType: "POINT", Fields: f, Features: []gpkg.Feature{pt}}}); err != nil {
		t.Fatal(err)
	}
	_, err := vector.OpenWith(p, vector.Options{Want: vector.WantPoint})
	var lc *vector.LayerChoiceError
	if !errors.As(err, &lc) {
		t.Fatalf("%v", err)
	}
	if got := strings.Join(layerChoices(lc), ","); got != "a,b" {
		t.Errorf("choices %s", got)
	}
	d := u.dlg.imports
	d.chooseLayer(lc, vector.Options{Want: vector.WantPoint}, func(*vector.Set) {})
	top := u.Window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no chooser shown")
	}
	var radio *widget.RadioGroup
	for _, o := range test.LaidOutObjects(top) {
		if r, ok := o.(*widget.RadioGroup); ok {
			radio = r
		}
	}
	if radio == nil || len(radio.Options) != 2 || radio.Options[0] != "a (POINT, 2 features)" || radio.Options[1] != "b (POINT, 1 features)" {
		t.Errorf("chooser %+v", radio)
	}
}

func TestCRSChoicesAndEncodingRow(t *testing.T) {
	gk117, _ := crs.FromEPSG(4548)
	got := crsChoices(gk117)
	if got[len(got)-1] != gk117 || len(got) != len(crs.All())+1 {
		t.Errorf("a file in EPSG:4548 offers %v", got)
	}
	if len(crsChoices(crs.WGS84)) != len(crs.All()) {
		t.Error("WGS-84 listed twice")
	}
	test.NewTempApp(t)
	var reread string
	row := encodingRow(&vector.Set{Encoding: "GBK", EncodingBasis: "the .cpg file says 936"}, func(e string) { reread = e })
	var sel *widget.Select
	var why string
	for _, o := range test.LaidOutObjects(row) {
		switch w := o.(type) {
		case *widget.Select:
			sel = w
		case *widget.Label:
			why += w.Text
		}
	}
	if sel == nil || sel.Selected != "GBK" || !strings.Contains(why, ".cpg") {
		t.Fatalf("row shows %v, %q", sel, why)
	}
	sel.SetSelected("UTF-8")
	if reread != "UTF-8" {
		t.Errorf("choosing UTF-8 re-read as %q", reread)
	}
}

// TestOpenNotesShown: a project opened with changes (a feature added in
// QGIS got an id) says so and counts as changed.
func TestOpenNotesShown(t *testing.T) {
	u := newTestUI(t)
	p := &data.Project{Sites: u.sh.st.editor.Sites(), Norms: data.DefaultNorms(), Notes: []string{"layer plan_sites, feature 26: no id; given id QG-0001"}}
	u.file.load(p, filepath.Join(t.TempDir(), "p.gpkg"), false)
	top := u.Window.Canvas().Overlays().Top()
	found := false
	if top != nil {
		for _, o := range test.LaidOutObjects(top) {
			if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "QG-0001") {
				found = true
			}
		}
	}
	if !found || !u.sh.st.Dirty() {
		t.Errorf("notes shown %v, dirty %v", found, u.sh.st.Dirty())
	}
}

// TestReadVectorShowsAndHidesReading: reading shows a dialog with a
// cancel button and hands the set on when done.
func TestReadVectorShowsAndHidesReading(t *testing.T) {
	u := newTestUI(t)
	p := filepath.Join(t.TempDir(), "one.gpkg")
	f := []gpkg.Field{{Name: "name", Type: gpkg.Text}}
	gpkg.Write(p, []*gpkg.Layer{{Name: "b", GeomType: "MULTIPOLYGON", Fields: f,
		Features: []gpkg.Feature{{Geometry: orb.MultiPolygon{{{{113.2, 23.1}, {113.21, 23.1}, {113.21, 23.11}, {113.2, 23.1}}}}, Values: []any{"站前"}}}}})
	got := make(chan *vector.Set, 1)
	u.dlg.imports.readVector(p, vector.Options{Want: vector.WantPolygon}, func(s *vector.Set) { got <- s })
	select {
	case s := <-got:
		if len(s.Features) != 1 || s.Layer != "b" {
			t.Errorf("%+v", s)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("read never finished")
	}
	for _, o := range u.Window.Canvas().Overlays().List() {
		if o.Visible() {
			t.Errorf("a dialog is still shown: %T", o)
		}
	}
}
