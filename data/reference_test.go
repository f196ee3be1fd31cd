package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/planar"
)

func TestProjectKeepsBasemap(t *testing.T) {
	p := &Project{Norms: DefaultNorms(), Basemap: BasemapChoice{Value: "amap", Datum: "gcj02"}}
	path := filepath.Join(t.TempDir(), "p.gpkg")
	if err := SaveProject(path, p); err != nil {
		t.Fatal(err)
	}
	q, err := OpenProject(path)
	if err != nil {
		t.Fatal(err)
	}
	if q.Basemap != p.Basemap {
		t.Errorf("basemap %+v after reopening", q.Basemap)
	}
}

// writeFixture writes a road, a river and plots as GeoJSON (WGS-84).
func writeFixture(t testing.TB, dir string, plots int) string {
	fc := geojson.NewFeatureCollection()
	road := geojson.NewFeature(orb.LineString{{113.225, 23.066}, {113.236, 23.070}, {113.252, 23.071}})
	road.Properties["name"] = "鹤洞路"
	fc.Append(road)
	river := geojson.NewFeature(orb.Polygon{{{113.226, 23.078}, {113.252, 23.080}, {113.252, 23.0815}, {113.226, 23.0795}, {113.226, 23.078}}})
	river.Properties["name"] = "花地河"
	fc.Append(river)
	for i := 0; i < plots; i++ {
		x, y := 113.17+float64(i%300)*0.0003, 23.04+float64(i/300)*0.0003
		f := geojson.NewFeature(orb.Polygon{{{x, y}, {x + 0.00025, y}, {x + 0.00025, y + 0.00025}, {x, y + 0.00025}, {x, y}}})
		f.Properties["name"] = fmt.Sprintf("AF%06d", i)
		fc.Append(f)
	}
	b, err := json.Marshal(fc)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "liwan-ref.geojson")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadReference(t *testing.T) {
	dir := t.TempDir()
	gj := writeFixture(t, dir, 3)
	csv := filepath.Join(dir, "poi.csv")
	os.WriteFile(csv, []byte("名称,lon,lat\n公园,113.24,23.07\n车站,113.23,23.08\n"), 0o644)
	noGeom := filepath.Join(dir, "empty.geojson")
	os.WriteFile(noGeom, []byte(`{"type":"FeatureCollection","features":[]}`), 0o644)
	projected := filepath.Join(dir, "gk.geojson")
	os.WriteFile(projected, []byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[38420000,2553000]}}]}`), 0o644)
	tests := []struct {
		name  string
		path  string
		n     int
		kind  string
		error error
	}{
		{"geojson", gj, 5, "LineString", nil},
		{"csv points", csv, 2, "Point", nil},
		{"no geometry", noGeom, 0, "", ErrNoGeometry},
		{"projected without crs", projected, 0, "", ErrRefCRS},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l, err := LoadReference(tc.path, "")
			if !errors.Is(err, tc.error) || tc.error != nil && !strings.Contains(err.Error(), tc.path) {
				t.Fatalf("err %v, want %v naming the file", err, tc.error)
			}
			if err != nil {
				return
			}
			if len(l.Features) != tc.n || l.Features[0].Geometry.GeoJSONType() != tc.kind || !l.Visible {
				t.Errorf("%d features, first %s", len(l.Features), l.Features[0].Geometry.GeoJSONType())
			}
		})
	}
}

// needOGR2OGR is the path of GDAL's ogr2ogr: a missing one fails the
// test in CI and skips it elsewhere.
func needOGR2OGR(t *testing.T) string {
	t.Helper()
	ogr, err := exec.LookPath("ogr2ogr")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("ogr2ogr (gdal-bin) not installed")
		}
		t.Skip("ogr2ogr not installed")
	}
	return ogr
}

// TestLoadReferenceProjectedGeoPackage converts the fixture with ogr2ogr
// to CGCS2000 / 3-degree Gauss-Kruger CM 114E (EPSG:4547) and reads it
// back in WGS-84.
func TestLoadReferenceProjectedGeoPackage(t *testing.T) {
	ogr := needOGR2OGR(t)
	dir := t.TempDir()
	gj := writeFixture(t, dir, 3)
	gpkg := filepath.Join(dir, "gk.gpkg")
	if out, err := exec.Command(ogr, "-f", "GPKG", "-t_srs", "EPSG:4547", "-nln", "控规地块", gpkg, gj).CombinedOutput(); err != nil {
		t.Fatalf("ogr2ogr: %v %s", err, out)
	}
	l, err := LoadReference(gpkg, "控规地块")
	if err != nil {
		t.Fatal(err)
	}
	p := l.Features[0].Geometry.(orb.LineString)[0]
	if l.Name != "控规地块" || abs(p[0]-113.225) > 1e-6 || abs(p[1]-23.066) > 1e-6 {
		t.Errorf("name %q, first point %v", l.Name, p)
	}
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

func TestProjectKeepsReferenceLayers(t *testing.T) {
	dir := t.TempDir()
	l, err := LoadReference(writeFixture(t, dir, 4), "")
	if err != nil {
		t.Fatal(err)
	}
	l.Style, _ = ParseRefStyle("stroke=#aa3300,fill=#ffcc88,width=2,opacity=0.7,label=name")
	hidden := &ReferenceLayer{Name: "界线 boundary", Visible: false, Style: DefaultRefStyle(),
		Features: []RefFeature{{Geometry: orb.LineString{{113.2, 23.1}, {113.3, 23.1}}, Props: map[string]string{}}}}
	p := &Project{Norms: DefaultNorms(), References: []*ReferenceLayer{l, hidden}}
	path := filepath.Join(dir, "p.gpkg")
	if err := SaveProject(path, p); err != nil {
		t.Fatal(err)
	}
	q, err := OpenProject(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(q.References, p.References) {
		t.Errorf("reference layers changed on reopening:\n got %+v\nwant %+v", q.References[0], p.References[0])
	}
	if out, err := exec.Command("ogrinfo", "-ro", "-so", path).CombinedOutput(); err == nil && !strings.Contains(string(out), "ref_01_liwan_ref") {
		t.Errorf("ogrinfo does not list the reference table:\n%s", out)
	}
}

func TestParseRefStyle(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{"stroke=#112233,width=2", true},
		{"fill=none,opacity=0.5,label=NAME", true},
		{"stroke=red", false},
		{"width=abc", false},
		{"opacity=2", false},
		{"colour=#112233", false},
	}
	for _, tc := range tests {
		if _, err := ParseRefStyle(tc.in); (err == nil) != tc.ok {
			t.Errorf("ParseRefStyle(%q): %v", tc.in, err)
		}
	}
}

// BenchmarkLoadReference100k loads a GeoJSON of 100,000 plots and reports
// the heap it holds.
func BenchmarkLoadReference100k(b *testing.B) {
	path := writeFixture(b, b.TempDir(), 100000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		l, err := LoadReference(path, "")
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(time.Since(start).Seconds(), "s/load")
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/(1<<20), "MB-alloc")
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc)/(1<<20), "MB-held")
		runtime.KeepAlive(l)
	}
}

func TestPlaceOnPlot(t *testing.T) {
	// An L-shaped plot whose centroid lies outside it, about 100 m across.
	l := orb.Polygon{{{113.2300, 23.0700}, {113.2310, 23.0700}, {113.2310, 23.0703}, {113.2303, 23.0703},
		{113.2303, 23.0710}, {113.2300, 23.0710}, {113.2300, 23.0700}}}
	s := &Site{ID: "LW-06"}
	if err := PlaceOnPlot(s, RefFeature{Geometry: l, Props: map[string]string{"code": "AF040422"}}, "code"); err != nil {
		t.Fatal(err)
	}
	c, _ := planar.CentroidArea(l)
	if planar.PolygonContains(l, c) {
		t.Fatal("fixture: centroid should be outside the L")
	}
	if !planar.PolygonContains(l, s.Location) || !s.Located || s.PlotCode != "AF040422" || s.Confidence != ConfidenceHigh {
		t.Errorf("placed %+v", s)
	}
	if !strings.Contains(s.Basis, "AF040422") || s.PrecisionM < 20 || s.PrecisionM > 60 {
		t.Errorf("basis %q, precision %.0f", s.Basis, s.PrecisionM)
	}
	if err := PlaceOnPlot(s, RefFeature{Geometry: orb.LineString{{1, 2}, {3, 4}}}, "code"); !errors.Is(err, ErrNotPlot) {
		t.Errorf("line: %v", err)
	}
}

func TestGeoPackageLayers(t *testing.T) {
	p := &Project{Norms: DefaultNorms(), References: []*ReferenceLayer{{Name: "roads", Visible: true,
		Features: []RefFeature{{Geometry: orb.LineString{{113.2, 23.1}, {113.3, 23.1}}, Props: map[string]string{}}}}}}
	path := filepath.Join(t.TempDir(), "p.gpkg")
	if err := SaveProject(path, p); err != nil {
		t.Fatal(err)
	}
	names, err := GeoPackageLayers(path)
	if err != nil || len(names) != 5 || names[4] != "subdistricts" || names[3] != "ref_01_roads" || names[1] != "plan_site_plots" {
		t.Errorf("layers %v, %v", names, err)
	}
	if _, err := GeoPackageLayers(filepath.Join(t.TempDir(), "none.gpkg")); err == nil {
		t.Error("a missing file listed layers")
	}
}
