package crs

import (
	"fmt"
	"math"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

// needTool returns the path of a GDAL tool; outside CI a missing tool
// skips the test, in CI it fails it.
func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s (GDAL) is needed in CI", name)
		}
		t.Skipf("%s (GDAL) not installed", name)
	}
	return p
}

// gdalTransform runs gdaltransform over pts and returns its results.
func gdalTransform(t *testing.T, src, dst string, pts []orb.Point) []orb.Point {
	t.Helper()
	var in strings.Builder
	for _, p := range pts {
		fmt.Fprintf(&in, "%.10f %.10f\n", p[0], p[1])
	}
	cmd := exec.Command(needTool(t, "gdaltransform"), "-s_srs", src, "-t_srs", dst, "-output_xy")
	cmd.Stdin = strings.NewReader(in.String())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("gdaltransform: %v\n%s", err, out)
	}
	var res []orb.Point
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			t.Fatalf("gdaltransform output %q", line)
		}
		x, _ := strconv.ParseFloat(f[0], 64)
		y, _ := strconv.ParseFloat(f[1], 64)
		res = append(res, orb.Point{x, y})
	}
	if len(res) != len(pts) {
		t.Fatalf("gdaltransform gave %d points for %d", len(res), len(pts))
	}
	return res
}

func sampleGrid(lon0 float64) []orb.Point {
	var pts []orb.Point
	for _, dl := range []float64{-2.9, -1.5, -0.3, 0, 0.7, 1.4, 2.9} {
		for _, lat := range []float64{18.2, 21.5, 23.1, 26, 35.5, 45} {
			pts = append(pts, orb.Point{lon0 + dl, lat})
		}
	}
	return pts
}

// TestTMAgainstPROJ compares the projection (same datum on both sides, so
// only the projection is compared) with PROJ, to 0.01 m, over 3° and 6°
// zones of the four ellipsoids, with and without zone prefix.
func TestTMAgainstPROJ(t *testing.T) {
	worst := 0.0
	defer func() { t.Logf("largest difference from PROJ: %.2g m", worst) }()
	for _, code := range []int{4547, 4526, 4499, 4507, 4549, 2383, 2362, 2333, 2426, 2408, 21419, 21458} {
		c, err := FromEPSG(code)
		if err != nil {
			t.Fatal(err)
		}
		geog := fmt.Sprintf("+proj=longlat +a=%v +rf=%.9f +no_defs", c.datum.a, 1/c.datum.f)
		pts := sampleGrid(c.tm.lon0)
		want := gdalTransform(t, geog, fmt.Sprintf("EPSG:%d", code), pts)
		for i, p := range pts {
			got := c.tm.forward(p)
			d := math.Hypot(got[0]-want[i][0], got[1]-want[i][1])
			worst = math.Max(worst, d)
			if d > 0.01 {
				t.Errorf("EPSG:%d %v: %v, PROJ %v (%.4f m)", code, p, got, want[i], d)
			}
			back := c.tm.inverse(want[i])
			if d := math.Hypot((back[0]-p[0])*1e5, (back[1]-p[1])*1.1e5); d > 0.01 {
				t.Errorf("EPSG:%d inverse of %v: %v (%.4f m)", code, want[i], back, d)
			}
		}
	}
}

// TestEPSGFamiliesMatchGDAL checks the code tables against GDAL's own
// definitions: central meridian and false easting of the first and last
// code of each family, read through FromWKT from GDAL's WKT 1, WKT 2 and
// ESRI outputs.
func TestEPSGFamiliesMatchGDAL(t *testing.T) {
	tool := needTool(t, "gdalsrsinfo")
	for _, f := range gkFamilies {
		for _, code := range []int{f.first, f.last} {
			want, _ := FromEPSG(code)
			forms := []string{"wkt1", "wkt2", "wkt_esri"}
			if code == f.last {
				forms = forms[:1]
			}
			for _, form := range forms {
				out, err := exec.Command(tool, "-o", form, fmt.Sprintf("EPSG:%d", code)).Output()
				if err != nil {
					t.Fatalf("gdalsrsinfo %d: %v", code, err)
				}
				got, err := FromWKT(string(out))
				if err != nil || got.tm != want.tm || got.datum.a != want.datum.a {
					t.Errorf("EPSG:%d %s: %+v, %v; want %+v", code, form, got.tm, err, want.tm)
				}
			}
		}
	}
}

// TestTOWGS84AgainstPROJ checks the datum shift of a Beijing 1954
// definition with seven parameters against PROJ.
func TestTOWGS84AgainstPROJ(t *testing.T) {
	const tw = "15.8,-154.4,-82.3,0.5,-1.2,0.8,2.1"
	wkt := `PROJCS["BJ54 GK CM 114E",GEOGCS["Beijing 1954",DATUM["Beijing_1954",SPHEROID["Krassowsky 1940",6378245,298.3],TOWGS84[` + tw + `]]],PROJECTION["Transverse_Mercator"],PARAMETER["central_meridian",114],PARAMETER["false_easting",500000],UNIT["metre",1]]`
	c, err := FromWKT(wkt)
	if err != nil {
		t.Fatal(err)
	}
	pts := []orb.Point{{113.2, 23.1}, {114.5, 22.6}, {112.7, 24.2}}
	var xy []orb.Point
	for _, p := range pts {
		q, _ := c.FromWGS84(p)
		xy = append(xy, q)
	}
	want := gdalTransform(t, "+proj=tmerc +lon_0=114 +x_0=500000 +ellps=krass +towgs84="+tw+" +units=m +no_defs", "EPSG:4326", xy)
	for i, q := range xy {
		got, _ := c.ToWGS84(q)
		if d := math.Hypot((got[0]-want[i][0])*1.02e5, (got[1]-want[i][1])*1.1e5); d > 0.01 {
			t.Errorf("%v: %v, PROJ %v (%.4f m)", q, got, want[i], d)
		}
	}
}
