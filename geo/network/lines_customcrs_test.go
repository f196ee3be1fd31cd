package network

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geo"
	orbjson "github.com/paulmach/orb/geojson"
)

// TestReadLinesCityGridGeoPackage: roads GDAL wrote in a city grid without
// an EPSG code (srs_id ≥ 100000, only the WKT says what the numbers mean)
// land where GDAL's reprojection to EPSG:4326 puts them.
func TestReadLinesCityGridGeoPackage(t *testing.T) {
	needTool(t, "ogr2ogr")
	const grid = `PROJCS["Guangzhou local TM",GEOGCS["Xian 1980 shifted",DATUM["Xian_1980_shifted",SPHEROID["Xian 1980",6378140,298.257],TOWGS84[24,-123,-94,0,0,0,0]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",113.25],PARAMETER["scale_factor",1],PARAMETER["false_easting",39500],PARAMETER["false_northing",-2500000],UNIT["metre",1]]`
	dir := t.TempDir()
	src, roads, back := filepath.Join(dir, "roads.geojson"), filepath.Join(dir, "roads.gpkg"), filepath.Join(dir, "back.geojson")
	os.WriteFile(src, []byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"鹤洞路"},"geometry":{"type":"LineString","coordinates":[[113.225,23.066],[113.236,23.07],[113.252,23.071]]}}]}`), 0o644)
	for _, args := range [][]string{{"-f", "GPKG", "-t_srs", grid, "-nln", "roads", roads, src},
		{"-f", "GeoJSON", "-t_srs", "EPSG:4326", "-lco", "COORDINATE_PRECISION=10", back, roads}} {
		if out, err := exec.Command("ogr2ogr", args...).CombinedOutput(); err != nil {
			t.Fatalf("ogr2ogr %v: %v\n%s", args, err, out)
		}
	}
	lines, _, err := ReadLines(roads, LineOptions{})
	if err != nil || len(lines) != 1 {
		t.Fatalf("%v, %d lines", err, len(lines))
	}
	raw, _ := os.ReadFile(back)
	fc, err := orbjson.UnmarshalFeatureCollection(raw)
	if err != nil || len(fc.Features) != 1 {
		t.Fatalf("GDAL's GeoJSON: %v", err)
	}
	want := fc.Features[0].Geometry.(orb.LineString)
	for k := range want {
		if d := geo.Distance(want[k], lines[0][k]); d > 0.05 {
			t.Errorf("point %d: %v, GDAL %v (%.3f m apart)", k, lines[0][k], want[k], d)
		}
	}
}
