package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liwan-edu/schoolmap/data/i18n"
)

// gridGeoJSON writes a street grid over Liwan (spacing deg degrees) as
// GeoJSON lines: a stand-in network for the CLI tests.
func gridGeoJSON(t *testing.T, dir string, deg float64) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(`{"type":"FeatureCollection","features":[`)
	first := true
	add := func(a, c [2]float64) {
		if !first {
			b.WriteString(",")
		}
		first = false
		fmt.Fprintf(&b, `{"type":"Feature","properties":{"highway":"residential"},"geometry":{"type":"LineString","coordinates":[[%.6f,%.6f],[%.6f,%.6f]]}}`, a[0], a[1], c[0], c[1])
	}
	// one feature per block side, so crossings are shared vertices
	nx, ny := int(0.15/deg), int(0.16/deg)
	pt := func(i, j int) [2]float64 { return [2]float64{113.15 + float64(i)*deg, 23.02 + float64(j)*deg} }
	for i := 0; i <= nx; i++ {
		for j := 0; j <= ny; j++ {
			if j < ny {
				add(pt(i, j), pt(i, j+1))
			}
			if i < nx {
				add(pt(i, j), pt(i+1, j))
			}
		}
	}
	b.WriteString("]}")
	p := filepath.Join(dir, "streets.geojson")
	os.WriteFile(p, []byte(b.String()), 0o644)
	return p
}

func needCLITool(t *testing.T, name string) {
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is required in CI", name)
		}
		t.Skipf("%s not installed", name)
	}
}

func TestCLIAccess(t *testing.T) {
	needCLITool(t, "gdalinfo")
	dir := t.TempDir()
	net := gridGeoJSON(t, dir, 0.005)
	tif := filepath.Join(dir, "access.tif")
	code, stdout, stderr := runCmd(t, "access", "--network", net, "--level", "kindergarten", "--year", "2025", "--out", tif, "--cell", "50")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "%") || !strings.Contains(stdout, tif) {
		t.Errorf("stdout: %s", stdout)
	}
	info, err := exec.Command("gdalinfo", "-stats", tif).Output()
	if err != nil || !strings.Contains(string(info), `ID["EPSG",3857]`) || !strings.Contains(string(info), "Type=Float32") {
		t.Fatalf("gdalinfo: %v %s", err, info)
	}
	png := filepath.Join(dir, "access.png")
	if code, _, stderr := runCmd(t, "access", "--network", net, "--level", "primary", "--year", "2021", "--out", png, "--cell", "50"); code != 0 {
		t.Fatalf("png exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(strings.TrimSuffix(png, ".png") + ".pgw"); err != nil {
		t.Error("no world file")
	}
}

func TestCLIAccessBadNetwork(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "guangdong.osm.pbf")
	os.WriteFile(bad, []byte("this is not a pbf file at all"), 0o644)
	out := filepath.Join(dir, "a.tif")
	code, _, stderr := runCmd(t, "access", "--network", bad, "--level", "kindergarten", "--year", "2021", "--out", out)
	if code != exitError || !strings.Contains(stderr, "guangdong.osm.pbf") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("an output was written")
	}
	if code, _, _ := runCmd(t, "access", "--level", "kindergarten", "--out", out); code != exitUsage {
		t.Errorf("no --network: exit %d", code)
	}
}

func TestCLIExportNetworkCatchments(t *testing.T) {
	needCLITool(t, "ogrinfo")
	dir := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", dir)
	net := gridGeoJSON(t, dir, 0.002)
	gpkg := filepath.Join(dir, "sites.gpkg")
	code, _, stderr := runCmd(t, "export", "--format", "gpkg", "--year", "2025", "--out", gpkg, "--network", net)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	out, err := exec.Command("ogrinfo", "-ro", "-al", "-so", gpkg, "catchments").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Multi Polygon") || !strings.Contains(string(out), "share_of_circle") || !strings.Contains(string(out), "snap_m") {
		t.Fatalf("ogrinfo: %v\n%s", err, out)
	}
	csvPath := filepath.Join(dir, "sites.csv")
	if code, _, stderr := runCmd(t, "export", "--year", "2025", "--out", csvPath, "--network", net, "--catchments", "network"); code != 0 {
		t.Fatalf("csv exit %d: %s", code, stderr)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "sites_catchments.csv"))
	if !strings.Contains(string(b), ",network,") || !strings.Contains(string(b), "MULTIPOLYGON") {
		t.Errorf("catchments csv: %.300s", b)
	}
	png := filepath.Join(dir, "map.png")
	if code, _, stderr := runCmd(t, "export", "--out", png, "--width", "600", "--height", "400", "--year", "2025",
		"--layers", "catchments,sites", "--offline", "--network", net); code != 0 {
		t.Fatalf("png exit %d: %s", code, stderr)
	}
	if code, _, _ := runCmd(t, "export", "--out", png, "--catchments", "network"); code != exitUsage {
		t.Errorf("network catchments without --network: exit %d", code)
	}
}

func TestCLICoverageNetwork(t *testing.T) {
	dir := t.TempDir()
	net := gridGeoJSON(t, dir, 0.002)
	out := filepath.Join(dir, "table.csv")
	bounds := filepath.Join("testdata", "boundaries", "synthetic-cgcs2000-gk114.shp")
	code, _, stderr := runCmd(t, "coverage", "--boundaries", bounds, "--year", "2025", "--out", out, "--network", net, "--catchments", "network")
	if code != 0 || !strings.Contains(stderr, i18n.T("cli.method.network")) {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	circle := filepath.Join(dir, "circle.csv")
	if code, _, stderr := runCmd(t, "coverage", "--boundaries", bounds, "--year", "2025", "--out", circle); code != 0 {
		t.Fatalf("circle exit %d: %s", code, stderr)
	}
	a, _ := os.ReadFile(out)
	b, _ := os.ReadFile(circle)
	if string(a) == string(b) {
		t.Error("network and circle tables are identical")
	}
}
