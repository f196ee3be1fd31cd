package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/liwan-edu/schoolmap/data"
	"github.com/liwan-edu/schoolmap/data/i18n"
)

// liwanSquaresGeoJSON writes the district's 22 subdistricts as squares of
// a 6 × 4 grid over Liwan, with their 12-digit codes as text ("code") and
// names ("name").
func liwanSquaresGeoJSON(t *testing.T, path string) {
	t.Helper()
	var fs []string
	for k, s := range data.LiwanSubdistricts() {
		x, y := 113.20+0.012*float64(k%6), 23.05+0.025*float64(k/6)
		fs = append(fs, fmt.Sprintf(`{"type":"Feature","properties":{"code":%q,"name":%q},"geometry":{"type":"Polygon","coordinates":[[[%g,%g],[%g,%g],[%g,%g],[%g,%g],[%g,%g]]]}}`,
			s.Code, s.Name, x, y, x+0.012, y, x+0.012, y+0.025, x, y+0.025, x, y))
	}
	if err := os.WriteFile(path, []byte(`{"type":"FeatureCollection","features":[`+strings.Join(fs, ",\n")+"]}"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// ogr runs a GDAL tool and returns its output; a missing tool skips outside
// CI and fails in CI.
func ogr(t *testing.T, name string, args ...string) string {
	t.Helper()
	gdal(t, name, "--version")
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// joinCounts is the number of rows of the CSV with a code in column col
// and how many of them find their boundary by code, as GDAL's SQLite
// dialect joins them.
func joinCounts(t *testing.T, csvPath, col, boundaries string) (rows, joined int) {
	t.Helper()
	layer := strings.TrimSuffix(filepath.Base(csvPath), ".csv")
	sql := fmt.Sprintf(`SELECT COUNT(*) AS n_rows, COUNT(b.code) AS n_joined FROM "%s" c LEFT JOIN "%s"."boundaries" b ON c."%s" = b.code WHERE c."%s" IS NOT NULL AND c."%s" <> ''`,
		layer, boundaries, col, col, col)
	out := ogr(t, "ogrinfo", "-ro", "-q", "-dialect", "sqlite", "-sql", sql, csvPath)
	m := regexp.MustCompile(`n_rows \(Integer\) = (\d+)\s+n_joined \(Integer\) = (\d+)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("ogrinfo join:\n%s", out)
	}
	fmt.Sscan(m[1], &rows)
	fmt.Sscan(m[2], &joined)
	return rows, joined
}

// fieldType is GDAL's type of the CSV's column col (ogrinfo -so).
func fieldType(t *testing.T, csvPath, col string) string {
	t.Helper()
	out := ogr(t, "ogrinfo", "-ro", "-so", "-al", csvPath)
	m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(col) + `: (\w+)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no field %q:\n%s", col, out)
	}
	return m[1]
}

// TestCSVCodesJoinInGDAL: the coverage table and the sites export, written
// as CSV, join to a boundary layer by code in GDAL (as QGIS joins them):
// every row with a code finds its polygon, and GDAL reads the codes as
// text.
func TestCSVCodesJoinInGDAL(t *testing.T) {
	dir := t.TempDir()
	gj := filepath.Join(dir, "liwan.geojson")
	liwanSquaresGeoJSON(t, gj)
	gpkg := filepath.Join(dir, "liwan.gpkg")
	ogr(t, "ogr2ogr", "-f", "GPKG", gpkg, gj, "-nln", "boundaries")
	if out := ogr(t, "ogrinfo", "-ro", "-so", gpkg, "boundaries"); !strings.Contains(out, "code: String") {
		t.Fatalf("boundary codes not text:\n%s", out)
	}
	cov := filepath.Join(dir, "coverage.csv")
	if code, _, stderr := runCmd(t, "coverage", "--boundaries", gpkg, "--out", cov); code != 0 {
		t.Fatalf("coverage: exit %d: %s", code, stderr)
	}
	sites := filepath.Join(dir, "sites.csv")
	if code, _, stderr := runCmd(t, "export", "--format", "csv", "--out", sites); code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	for _, c := range []struct{ name, path, col, num, numType string }{
		{"coverage table", cov, i18n.T("table.col.subdistrict_code"), i18n.T("table.col.seats_in_service"), "Integer"},
		{"sites", sites, i18n.T("export.col.subdistrict_code"), i18n.T("export.col.lon"), "Real"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if typ := fieldType(t, c.path, c.col); typ != "String" {
				t.Errorf("GDAL reads %s as %s, want String", c.col, typ)
			}
			if typ := fieldType(t, c.path, c.num); typ != c.numType { // the .csvt is read
				t.Errorf("GDAL reads %s as %s, want %s", c.num, typ, c.numType)
			}
			rows, joined := joinCounts(t, c.path, c.col, gpkg)
			t.Logf("%s: %d of %d rows with a code join the boundaries", filepath.Base(c.path), joined, rows)
			if rows == 0 || joined != rows {
				t.Errorf("%d of %d rows join by code", joined, rows)
			}
		})
	}
}
