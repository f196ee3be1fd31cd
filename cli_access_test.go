package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
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
