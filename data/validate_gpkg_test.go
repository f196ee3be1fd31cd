package data

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/paulmach/orb"
)

// validateGPKG is GDAL's GeoPackage validator (python3-gdal's
// osgeo_utils/samples/validate_gpkg.py), the reference check of the format.
func validateGPKG(t *testing.T, path string) {
	t.Helper()
	script := ""
	for _, p := range []string{"/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py",
		"/usr/share/doc/python3-gdal/examples/validate_gpkg.py"} {
		if _, err := os.Stat(p); err == nil {
			script = p
			break
		}
	}
	if script == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("validate_gpkg.py (python3-gdal) is required in CI")
		}
		t.Skip("validate_gpkg.py (python3-gdal) not installed")
	}
	py := "/usr/bin/python3" // Debian's, which has python3-gdal
	if _, err := os.Stat(py); err != nil {
		py = "python3"
	}
	if out, err := exec.Command(py, script, path).CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("validate_gpkg.py %s: %v\n%s", filepath.Base(path), err, out)
	}
}

// TestProjectPassesGDALValidator: a project with every kind of layer
// (sites, existing schools, subdistricts, settings, a reference layer, a
// street network) and the sites data export pass GDAL's validator.
func TestProjectPassesGDALValidator(t *testing.T) {
	dir := t.TempDir()
	p := editedProject(t)
	p.Streets = []orb.LineString{{{113.22, 23.10}, {113.23, 23.11}}}
	p.StreetsSource = "streets.geojson"
	p.References = []*ReferenceLayer{{Name: "地块", Visible: true, Fields: []string{"code"},
		Features: []RefFeature{{Geometry: orb.Polygon{{{113.2, 23.1}, {113.21, 23.1}, {113.21, 23.11}, {113.2, 23.1}}}, Props: map[string]string{"code": "AF040422"}}}}}
	path := filepath.Join(dir, "project.gpkg")
	if err := SaveProject(path, p); err != nil {
		t.Fatal(err)
	}
	validateGPKG(t, path)
	export := filepath.Join(dir, "sites.gpkg")
	if _, err := ExportSites(export, "gpkg", p.Sites, p.Norms, 2025); err != nil {
		t.Fatal(err)
	}
	validateGPKG(t, export)
}
