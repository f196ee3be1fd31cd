package gpkg

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"
)

func sampleLayers() []*Layer {
	poly := orb.MultiPolygon{{{{113.2, 23.1}, {113.25, 23.1}, {113.25, 23.14}, {113.2, 23.1}},
		{{113.22, 23.11}, {113.23, 23.115}, {113.24, 23.11}, {113.22, 23.11}}}}
	return []*Layer{
		{Name: "sites", GeomType: "POINT", Description: "学校", Fields: []Field{{"name", Text}, {"classes", Integer}, {"precision_m", Real}},
			Features: []Feature{
				{Geometry: orb.Point{113.22954, 23.11668}, Values: []any{"一中初中部", int64(36), 100.0}},
				{Geometry: nil, Values: []any{"广摩地块幼儿园 (未定位)", nil, nil}},
			}},
		{Name: "subdistricts", GeomType: "MULTIPOLYGON", Fields: []Field{{"name", Text}, {"population", Integer}},
			Features: []Feature{{Geometry: poly, Values: []any{"桥中", int64(61000)}}}},
		{Name: "liwan_settings", Fields: []Field{{"key", Text}, {"value", Text}},
			Features: []Feature{{Values: []any{"norms", `{"radius":300}`}}}},
	}
}

func TestRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "project.gpkg")
	in := sampleLayers()
	if err := Write(path, in); err != nil {
		t.Fatal(err)
	}
	f, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range in {
		got, err := f.Layer(want.Name)
		if err != nil {
			t.Fatal(err)
		}
		if got.GeomType != want.GeomType || !reflect.DeepEqual(got.Fields, want.Fields) {
			t.Errorf("%s: type %q fields %v", want.Name, got.GeomType, got.Fields)
		}
		if !reflect.DeepEqual(got.Features, want.Features) {
			t.Errorf("%s: features\n got %#v\nwant %#v", want.Name, got.Features, want.Features)
		}
	}
	if f.SRS[4326].OrgID != 4326 {
		t.Error("WGS 84 missing from gpkg_spatial_ref_sys")
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("%d files in the folder after Write: temporary files left", len(entries))
	}
}

func TestReadRejectsForeignFiles(t *testing.T) {
	dir := t.TempDir()
	cases := map[string][]byte{
		"text.gpkg":      []byte("this is not a database"),
		"truncated.gpkg": nil,
	}
	good := filepath.Join(dir, "good.gpkg")
	if err := Write(good, sampleLayers()); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(good)
	cases["truncated.gpkg"] = b[:len(b)/3]
	for name, content := range cases {
		p := filepath.Join(dir, name)
		os.WriteFile(p, content, 0o644)
		if _, err := Read(p); err == nil {
			t.Errorf("%s: read without error", name)
		}
	}
	if _, err := Read(filepath.Join(dir, "text.gpkg")); !errors.Is(err, ErrNotGeoPackage) {
		t.Errorf("text file: %v, want ErrNotGeoPackage", err)
	}
	if _, err := Read(filepath.Join(dir, "missing.gpkg")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

func TestGeometryBlob(t *testing.T) {
	for _, g := range []orb.Geometry{orb.Point{1, 2}, orb.Polygon{{{0, 0}, {1, 0}, {1, 1}, {0, 0}}}, orb.LineString{{0, 0}, {3, 4}}} {
		b, err := encodeGeometry(g, 4326)
		if err != nil {
			t.Fatal(err)
		}
		back, srs, err := decodeGeometry(b)
		if err != nil || srs != 4326 || !reflect.DeepEqual(back, g) {
			t.Errorf("%v -> %v (srs %d, %v)", g, back, srs, err)
		}
	}
	for _, bad := range [][]byte{nil, []byte("GP"), []byte("XX\x00\x01\x00\x00\x00\x00"), []byte("GP\x00\x0f\xe6\x10\x00\x00")} {
		if _, _, err := decodeGeometry(bad); !errors.Is(err, ErrGeometry) {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

// TestOGRInfo checks the file with GDAL, the reference reader, when it is
// installed.
func TestOGRInfo(t *testing.T) {
	if _, err := exec.LookPath("ogrinfo"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("ogrinfo (gdal-bin) is required in CI")
		}
		t.Skip("ogrinfo (GDAL) not installed")
	}
	path := filepath.Join(t.TempDir(), "project.gpkg")
	if err := Write(path, sampleLayers()); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("ogrinfo", "-ro", "-al", "-so", path).CombinedOutput()
	if err != nil {
		t.Fatalf("ogrinfo: %v\n%s", err, out)
	}
	s := string(out)
	for _, want := range []string{"Layer name: sites", "Geometry: Point", "Feature Count: 2", "Layer name: subdistricts",
		"Geometry: Multi Polygon", "EPSG\",4326", "name: String", "classes: Integer", "precision_m: Real", "Layer name: liwan_settings"} {
		if !strings.Contains(s, want) {
			t.Errorf("ogrinfo lacks %q:\n%s", want, s)
		}
	}
	vals, err := exec.Command("ogrinfo", "-ro", "-al", "-q", path, "sites").CombinedOutput()
	if err != nil || !strings.Contains(string(vals), "一中初中部") || !strings.Contains(string(vals), "POINT (113.22954 23.11668)") {
		t.Errorf("ogrinfo values:\n%s", vals)
	}
	if strings.Contains(s, "ERROR") || strings.Contains(s, "Warning") {
		t.Errorf("GDAL complained:\n%s", s)
	}
}

// fuzzLimits keeps each fuzz input cheap: a short read budget and few
// features, so the target runs thousands of inputs, not dozens.
func fuzzLimits(f *testing.F) {
	d, n, b := ReadTimeout, MaxFeatures, MaxFileBytes
	ReadTimeout, MaxFeatures, MaxFileBytes = 500*time.Millisecond, 100, 1<<20
	f.Cleanup(func() { ReadTimeout, MaxFeatures, MaxFileBytes = d, n, b })
}

// smallSeed is a one-layer, one-feature GeoPackage: a few pages.
func smallSeed(f *testing.F) []byte {
	p := filepath.Join(f.TempDir(), "seed.gpkg")
	l := sampleLayers()[0]
	l.Features = l.Features[:1]
	if err := Write(p, []*Layer{l}); err != nil {
		f.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	return b
}

func FuzzRead(f *testing.F) {
	fuzzLimits(f)
	f.Add(smallSeed(f))
	f.Add([]byte("SQLite format 3\x00"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, "f.gpkg")
		os.WriteFile(p, data, 0o644)
		Read(p) // must not panic or hang
	})
}

// FuzzList fuzzes the layer listing (gpkg_contents joined with
// gpkg_geometry_columns, counts).
func FuzzList(f *testing.F) {
	fuzzLimits(f)
	f.Add(smallSeed(f))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, "f.gpkg")
		os.WriteFile(p, data, 0o644)
		if ls, err := List(p); err == nil {
			for _, l := range ls {
				if l.Count < -1 {
					t.Fatalf("layer %q count %d", l.Name, l.Count)
				}
			}
		}
	})
}

func FuzzGeometryBlob(f *testing.F) {
	b, _ := encodeGeometry(orb.Polygon{{{0, 0}, {1, 0}, {1, 1}, {0, 0}}}, 4326)
	f.Add(b)
	f.Fuzz(func(t *testing.T, data []byte) {
		decodeGeometry(data) // must not panic
	})
}
