package vector

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geo"

	"github.com/liwan-edu/schoolmap/data/gpkg"
	"github.com/liwan-edu/schoolmap/geo/crs"
)

// Custom systems as a city survey grid or a shifted datum are written by
// GDAL and QGIS: no EPSG code, so the GeoPackage gets srs_id ≥ 100000 and
// organization NONE, and only the WKT definition says what the numbers mean.
const (
	localTMWKT    = `PROJCS["Guangzhou local TM",GEOGCS["Xian 1980 shifted",DATUM["Xian_1980_shifted",SPHEROID["Xian 1980",6378140,298.257],TOWGS84[24,-123,-94,0,0,0,0]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",113.25],PARAMETER["scale_factor",1],PARAMETER["false_easting",39500],PARAMETER["false_northing",-2500000],UNIT["metre",1]]`
	shiftedGeoWKT = `GEOGCS["Beijing 1954 with local shift",DATUM["Beijing_1954_local",SPHEROID["Krassowsky 1940",6378245,298.3],TOWGS84[15.8,-154.4,-82.3,0,0,0,0]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]`
)

// TestGeoPackageCustomCRSFromGDAL: a GeoPackage GDAL wrote in a system
// without an EPSG code is read from its WKT, and its points land where
// GDAL's own reprojection to EPSG:4326 puts them.
func TestGeoPackageCustomCRSFromGDAL(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src.geojson")
	os.WriteFile(src, []byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"站前"},"geometry":{"type":"Polygon","coordinates":[[[113.22,23.10],[113.25,23.10],[113.25,23.13],[113.22,23.13],[113.22,23.10]]]}}]}`), 0o644)
	for _, c := range []struct{ name, wkt string }{{"local TM 113.25E with TOWGS84", localTMWKT}, {"Beijing 1954 geographic with TOWGS84", shiftedGeoWKT}} {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "custom.gpkg")
			run(t, "ogr2ogr", "-f", "GPKG", p, src, "-t_srs", c.wkt, "-nln", "districts")
			checkCustomSRSID(t, p)
			back := filepath.Join(t.TempDir(), "wgs84.geojson")
			run(t, "ogr2ogr", "-f", "GeoJSON", back, p, "-t_srs", "EPSG:4326", "-lco", "COORDINATE_PRECISION=10")
			want := gdalRing(t, back)
			set, err := Open(p, "", "")
			if err != nil {
				t.Fatal(err)
			}
			if set.CRSError != nil || set.CRS == crs.Unknown {
				t.Fatalf("CRS %v, error %v", set.CRS, set.CRSError)
			}
			g, err := set.CRS.Geometry(set.Features[0].Geometry)
			if err != nil {
				t.Fatal(err)
			}
			got := firstRing(g)
			if len(got) != len(want) {
				t.Fatalf("%d points, GDAL %d", len(got), len(want))
			}
			var worst float64
			for i := range got {
				worst = math.Max(worst, geo.Distance(got[i], want[i]))
			}
			t.Logf("%s: largest difference from GDAL %.4f m", c.name, worst)
			if worst > 0.05 {
				t.Errorf("points differ from GDAL's reprojection by up to %.3f m", worst)
			}
		})
	}
}

// checkCustomSRSID makes sure GDAL wrote the system as a custom one, so
// the test proves what it claims.
func checkCustomSRSID(t *testing.T, path string) {
	t.Helper()
	f, err := gpkg.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	l, err := f.Layer("districts")
	if err != nil {
		t.Fatal(err)
	}
	s := f.SRS[l.SRSID]
	t.Logf("GDAL wrote srs_id %d, organization %s, organization_coordsys_id %d", s.ID, s.Organization, s.OrgID)
	if s.ID < 100000 || s.Organization == "EPSG" {
		t.Fatalf("GDAL wrote srs_id %d (%s): not a custom system", s.ID, s.Organization)
	}
}

func gdalRing(t *testing.T, path string) orb.Ring {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Features []struct {
			Geometry struct {
				Coordinates [][][2]float64 `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	if err := json.Unmarshal(b, &fc); err != nil || len(fc.Features) != 1 {
		t.Fatalf("GDAL's GeoJSON: %v", err)
	}
	var r orb.Ring
	for _, c := range fc.Features[0].Geometry.Coordinates[0] {
		r = append(r, orb.Point{c[0], c[1]})
	}
	return r
}

func firstRing(g orb.Geometry) orb.Ring {
	switch g := g.(type) {
	case orb.Polygon:
		return g[0]
	case orb.MultiPolygon:
		return g[0][0]
	}
	return nil
}
