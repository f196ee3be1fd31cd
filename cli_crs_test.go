package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// localTMWKT is a city grid as a planner's .prj gives it: Transverse
// Mercator on 113.25°E with a false easting, Xian 1980 with TOWGS84.
const localTMWKT = `PROJCS["Guangzhou local TM",GEOGCS["Xian 1980 shifted",DATUM["Xian_1980_shifted",SPHEROID["Xian 1980",6378140,298.257],TOWGS84[24,-123,-94,0,0,0,0]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",113.25],PARAMETER["scale_factor",1],PARAMETER["false_easting",39500],PARAMETER["false_northing",-2500000],UNIT["metre",1]]`

// TestCLICustomSystems: boundaries in a city grid give the table the
// WGS-84 file gives, whether the grid is declared in a GeoPackage as a
// custom system (srs_id ≥ 100000), or given with --crs as a .prj path or
// as WKT for a shapefile without .prj; and a UTF-8 shapefile whose .cpg
// was lost, its Chinese field names cut by GDAL, reads as UTF-8.
func TestCLICustomSystems(t *testing.T) {
	dir := t.TempDir()
	src, _ := os.ReadFile(filepath.Join("testdata", "boundaries", "synthetic-wgs84.geojson"))
	base := filepath.Join(dir, "base.geojson")
	os.WriteFile(base, []byte(strings.Replace(strings.ReplaceAll(string(src), `"name"`, `"街道名称"`), "测试甲", "站前", 1)), 0o644)
	grid := filepath.Join(dir, "grid.gpkg")
	gdal(t, "ogr2ogr", "-f", "GPKG", grid, base, "-t_srs", localTMWKT, "-nln", "boundaries")
	noPRJ := filepath.Join(dir, "grid.shp")
	gdal(t, "ogr2ogr", "-f", "ESRI Shapefile", noPRJ, base, "-t_srs", localTMWKT, "-lco", "ENCODING=UTF-8")
	// GDAL's .prj is ESRI WKT, which drops TOWGS84: the planner's .prj
	// is the survey office's full definition.
	os.Remove(filepath.Join(dir, "grid.prj"))
	prj := filepath.Join(dir, "city-grid.prj")
	os.WriteFile(prj, []byte(localTMWKT), 0o644)
	noCPG := filepath.Join(dir, "nocpg.shp")
	gdal(t, "ogr2ogr", "-f", "ESRI Shapefile", noCPG, base, "-lco", "ENCODING=UTF-8")
	os.Remove(filepath.Join(dir, "nocpg.cpg"))
	table := func(t *testing.T, boundaries string, extra ...string) string {
		return coverageTable(t, dir, boundaries, extra...)
	}
	want := table(t, base)
	for _, c := range []struct {
		name, path string
		extra      []string
	}{
		{"GeoPackage with a custom system", grid, nil},
		{"--crs a .prj path", noPRJ, []string{"--crs", prj}},
		{"--crs WKT", noPRJ, []string{"--crs", localTMWKT}},
		{"UTF-8 shapefile without .cpg", noCPG, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			if d := tableDiff(want, table(t, c.path, c.extra...)); d != "" {
				t.Error(d)
			}
		})
	}
}
