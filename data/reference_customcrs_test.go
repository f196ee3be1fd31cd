package data

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geo"
	orbjson "github.com/paulmach/orb/geojson"
)

// cityGridWKT is a city grid without an EPSG code: Transverse Mercator on
// 113.25°E with a false easting, Xian 1980 with TOWGS84.
const cityGridWKT = `PROJCS["Guangzhou local TM",GEOGCS["Xian 1980 shifted",DATUM["Xian_1980_shifted",SPHEROID["Xian 1980",6378140,298.257],TOWGS84[24,-123,-94,0,0,0,0]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",113.25],PARAMETER["scale_factor",1],PARAMETER["false_easting",39500],PARAMETER["false_northing",-2500000],UNIT["metre",1]]`

// TestLoadReferenceCityGridGeoPackage: a reference layer GDAL wrote in a
// custom system (srs_id ≥ 100000) lands where GDAL's reprojection puts it.
func TestLoadReferenceCityGridGeoPackage(t *testing.T) {
	ogr := needOGR2OGR(t)
	dir := t.TempDir()
	gj := writeFixture(t, dir, 3)
	grid, back := filepath.Join(dir, "grid.gpkg"), filepath.Join(dir, "back.geojson")
	for _, args := range [][]string{{"-f", "GPKG", "-t_srs", cityGridWKT, "-nln", "roads", grid, gj},
		{"-f", "GeoJSON", "-t_srs", "EPSG:4326", "-lco", "COORDINATE_PRECISION=10", back, grid}} {
		if out, err := exec.Command(ogr, args...).CombinedOutput(); err != nil {
			t.Fatalf("ogr2ogr %v: %v %s", args, err, out)
		}
	}
	l, err := LoadReference(grid, "roads")
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(back)
	fc, err := orbjson.UnmarshalFeatureCollection(raw)
	if err != nil || len(fc.Features) != len(l.Features) {
		t.Fatalf("GDAL's GeoJSON: %v, %d features for %d", err, len(fc.Features), len(l.Features))
	}
	var worst float64
	for i, f := range fc.Features {
		want, got := allPoints(f.Geometry), allPoints(l.Features[i].Geometry)
		if len(want) != len(got) || len(want) == 0 {
			t.Fatalf("feature %d: %d points, GDAL %d", i+1, len(got), len(want))
		}
		for k := range want {
			worst = max(worst, geo.Distance(want[k], got[k]))
		}
	}
	t.Logf("largest difference from GDAL: %.4f m", worst)
	if worst > 0.05 {
		t.Errorf("reference layer differs from GDAL's reprojection by up to %.3f m", worst)
	}
}

func allPoints(g orb.Geometry) []orb.Point {
	switch g := g.(type) {
	case orb.LineString:
		return g
	case orb.Polygon:
		var out []orb.Point
		for _, r := range g {
			out = append(out, r...)
		}
		return out
	case orb.MultiPolygon:
		var out []orb.Point
		for _, p := range g {
			out = append(out, allPoints(p)...)
		}
		return out
	}
	return nil
}
