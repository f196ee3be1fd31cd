package data

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"github.com/liwan-edu/schoolmap/data/gpkg"
)

var testPlot = orb.Polygon{{{113.2300, 23.0700}, {113.2310, 23.0700}, {113.2310, 23.0710}, {113.2300, 23.0710}, {113.2300, 23.0700}}}

func placedSite(t *testing.T) Site {
	t.Helper()
	s := Site{ID: "LW-06", Name: "plot school", Level: Primary}
	if err := PlaceOnPlot(&s, RefFeature{Geometry: testPlot, Props: map[string]string{"code": "AF040422"}}, "code"); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestPlaceOnPlotKeepsOutline(t *testing.T) {
	s := placedSite(t)
	if !orb.Equal(s.Plot, orb.MultiPolygon{testPlot}) {
		t.Fatalf("outline %v", s.Plot)
	}
	s.Relocate(orb.Point{113.2302, 23.0702}, 10, "dragged", time.Now())
	if len(s.Plot) == 0 {
		t.Error("a move within the plot dropped its outline")
	}
	s.Relocate(orb.Point{113.2400, 23.0702}, 10, "dragged", time.Now())
	if len(s.Plot) != 0 {
		t.Error("a move off the plot kept its outline")
	}
}

func TestPlaceOnPlotUndo(t *testing.T) {
	other := orb.Polygon{{{113.24, 23.08}, {113.241, 23.08}, {113.241, 23.081}, {113.24, 23.081}, {113.24, 23.08}}}
	e := NewEditor([]Site{placedSite(t)})
	err := e.Update("LW-06", "place", func(s *Site) {
		if err := PlaceOnPlot(s, RefFeature{Geometry: other, Props: map[string]string{}}, "code"); err != nil {
			t.Fatal(err)
		}
	})
	if err != nil || !orb.Equal(e.Sites()[0].Plot, orb.MultiPolygon{other}) {
		t.Fatalf("placed: %v %v", err, e.Sites()[0].Plot)
	}
	if _, ok := e.Undo(); !ok || !orb.Equal(e.Sites()[0].Plot, orb.MultiPolygon{testPlot}) {
		t.Errorf("undo gave outline %v", e.Sites()[0].Plot)
	}
}

func TestSitePlotProjectRoundTrip(t *testing.T) {
	p := editedProject(t)
	p.Sites[0].Plot = placedSite(t).Plot
	p.Sites[0].Location = orb.Point{113.2305, 23.0705}
	path := filepath.Join(t.TempDir(), "p.gpkg")
	if err := SaveProject(path, p); err != nil {
		t.Fatal(err)
	}
	q, err := OpenProject(path)
	if err != nil {
		t.Fatal(err)
	}
	if !q.Sites[0].Same(&p.Sites[0]) || len(q.Sites[1].Plot) != 0 {
		t.Errorf("reopened outline %v, want %v", q.Sites[0].Plot, p.Sites[0].Plot)
	}
	ogr := ogrinfoOrSkip(t)
	out, err := exec.Command(ogr, "-ro", "-al", path, "plan_site_plots").CombinedOutput()
	if err != nil {
		t.Fatalf("ogrinfo: %v\n%s", err, out)
	}
	for _, want := range []string{"Geometry: Multi Polygon", "Feature Count: 1", "site_id (String) = " + p.Sites[0].ID, "MULTIPOLYGON (((113.23 23.07"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("ogrinfo lacks %q:\n%s", want, out)
		}
	}
}

func ogrinfoOrSkip(t *testing.T) string {
	t.Helper()
	ogr, err := exec.LookPath("ogrinfo")
	if err != nil && os.Getenv("CI") != "" {
		t.Fatal("ogrinfo (gdal-bin) is required in CI")
	} else if err != nil {
		t.Skip("ogrinfo (GDAL) not installed")
	}
	return ogr
}

func TestSitePlotExports(t *testing.T) {
	sites := []Site{placedSite(t), {ID: "LW-07", Name: "no plot"}}
	var s, c bytes.Buffer
	if err := WriteSitesCSV(&s, &c, sites, DefaultNorms(), 2025); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(s.String()), "\n")
	if !strings.Contains(lines[1], `"MULTIPOLYGON(((113.23 23.07,113.231 23.07,`) || strings.Contains(lines[2], "POLYGON") {
		t.Errorf("csv:\n%s", s.String())
	}
	s.Reset()
	if err := WriteSitesGeoJSON(&s, sites, DefaultNorms(), 2025); err != nil || !strings.Contains(s.String(), `"plot_wkt":"MULTIPOLYGON(((113.23 23.07`) {
		t.Errorf("geojson %v:\n%s", err, s.String())
	}
	path := filepath.Join(t.TempDir(), "x.gpkg")
	if err := WriteSitesGPKG(path, sites, DefaultNorms(), 2025); err != nil {
		t.Fatal(err)
	}
	f, err := gpkg.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	l, err := f.Layer("site_plots")
	if err != nil || len(l.Features) != 1 || !planar.MultiPolygonContains(l.Features[0].Geometry.(orb.MultiPolygon), sites[0].Location) {
		t.Errorf("site_plots layer %v %+v", err, l)
	}
}
