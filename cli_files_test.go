package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gdal runs a GDAL tool for a test; a missing tool skips outside CI and
// fails in CI.
func gdal(t *testing.T, name string, args ...string) {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s (GDAL) is needed in CI", name)
		}
		t.Skipf("%s (GDAL) not installed", name)
	}
	if out, err := exec.Command(p, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
}

// TestCLICoverageFileVariants: the same boundaries as a multi-layer
// GeoPackage (as QGIS leaves it), a GBK shapefile without .cpg holding
// 站前, a UTF-8 shapefile with Chinese field names cut by GDAL, and a 3-D
// GeoPackage all give the table the plain GeoJSON gives.
func TestCLICoverageFileVariants(t *testing.T) {
	dir := t.TempDir()
	src, _ := os.ReadFile(filepath.Join("testdata", "boundaries", "synthetic-wgs84.geojson"))
	base := filepath.Join(dir, "base.geojson")
	os.WriteFile(base, []byte(strings.Replace(strings.ReplaceAll(string(src), `"name"`, `"街道名称"`), "测试甲", "站前", 1)), 0o644)
	points := filepath.Join(dir, "schools.geojson")
	os.WriteFile(points, []byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"名称":"示例幼儿园","类型":"幼儿园"},"geometry":{"type":"Point","coordinates":[113.2361,23.0732]}}]}`), 0o644)
	multi := filepath.Join(dir, "multi.gpkg")
	gdal(t, "ogr2ogr", "-f", "GPKG", multi, base, "-nln", "boundaries")
	gdal(t, "ogr2ogr", "-update", "-append", multi, points, "-nln", "schools")
	gbkShp := filepath.Join(dir, "gbk.shp")
	gdal(t, "ogr2ogr", "-f", "ESRI Shapefile", gbkShp, base, "-lco", "ENCODING=CP936")
	os.Remove(filepath.Join(dir, "gbk.cpg"))
	clearLDID(t, filepath.Join(dir, "gbk.dbf"))
	utf8Shp := filepath.Join(dir, "utf8.shp")
	gdal(t, "ogr2ogr", "-f", "ESRI Shapefile", utf8Shp, base, "-lco", "ENCODING=UTF-8")
	z := filepath.Join(dir, "z.gpkg")
	gdal(t, "ogr2ogr", "-f", "GPKG", "-dim", "XYZ", z, base)
	table := func(t *testing.T, boundaries string, extra ...string) string {
		return coverageTable(t, dir, boundaries, append([]string{"--existing", multi, "--existing-layer", "schools"}, extra...)...)
	}
	want := table(t, base)
	for _, c := range []struct {
		name, path string
		extra      []string
	}{
		{"multi-layer GeoPackage", multi, nil},
		{"GBK shapefile without .cpg", gbkShp, nil},
		{"UTF-8 shapefile, cut field names", utf8Shp, nil},
		{"3-D GeoPackage", z, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			if d := tableDiff(want, table(t, c.path, c.extra...)); d != "" {
				t.Error(d)
			}
		})
	}
}

func clearLDID(t *testing.T, path string) {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b[29] = 0
	os.WriteFile(path, b, 0o644)
}

// TestCLINothingImported: a command that imports nothing exits non-zero
// with the reason.
func TestCLINothingImported(t *testing.T) {
	dir := t.TempDir()
	fx := filepath.Join("testdata", "boundaries")
	multi := filepath.Join(dir, "two-point-layers.gpkg")
	pts := filepath.Join(dir, "p.geojson")
	os.WriteFile(pts, []byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"名称":"甲"},"geometry":{"type":"Point","coordinates":[113.2361,23.0732]}}]}`), 0o644)
	gdal(t, "ogr2ogr", "-f", "GPKG", multi, pts, "-nln", "a")
	gdal(t, "ogr2ogr", "-update", "-append", multi, pts, "-nln", "b")
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("名称,类型,经度,纬度\n坏行,幼儿园,x,y\n"), 0o644)
	prj := filepath.Join(dir, "albers.shp")
	gdal(t, "ogr2ogr", "-f", "ESRI Shapefile", "-t_srs", "ESRI:102025", prj, filepath.Join(fx, "synthetic-wgs84.geojson"))
	for _, c := range []struct {
		name string
		args []string
		msg  string
	}{
		{"two point layers", []string{"--existing", multi}, "--existing-layer"},
		{"no usable school", []string{"--existing", bad}, "bad.csv"},
		{"declared unsupported system", []string{"--boundaries", prj}, "Asia_North_Albers_Equal_Area_Conic is not supported"},
	} {
		t.Run(c.name, func(t *testing.T) {
			args := append([]string{"coverage", "--boundaries", filepath.Join(fx, "synthetic-wgs84.geojson"), "--out", filepath.Join(dir, "x.csv")}, c.args...)
			code, _, stderr := runCmd(t, args...)
			if code == 0 || !strings.Contains(stderr, c.msg) {
				t.Errorf("exit %d: %s; want non-zero and %q", code, stderr, c.msg)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "x.csv")); err == nil {
		t.Error("a table was written although nothing was imported")
	}
}

// coverageTable runs `coverage` for 2025 on boundaries (and the extra
// flags) into dir and returns the CSV, which must name 站前.
func coverageTable(t *testing.T, dir, boundaries string, extra ...string) string {
	t.Helper()
	out := filepath.Join(dir, filepath.Base(boundaries)+".csv")
	args := append([]string{"coverage", "--year", "2025", "--out", out, "--boundaries", boundaries}, extra...)
	code, _, stderr := runCmd(t, args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, _ := os.ReadFile(out)
	if !strings.Contains(string(b), "站前") {
		t.Errorf("站前 missing:\n%.400s", b)
	}
	return string(b)
}
