package crs

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
	orbgeo "github.com/paulmach/orb/geo"
)

// meridianNumeric integrates the meridian radius of curvature: an
// independent check of the series.
func meridianNumeric(t tm, phi float64) float64 {
	e2 := t.e2()
	const n = 20000
	sum := 0.0
	for i := 0; i < n; i++ {
		p := (float64(i) + 0.5) / n * phi
		s := math.Sin(p)
		sum += t.a * (1 - e2) / math.Pow(1-e2*s*s, 1.5)
	}
	return sum * phi / n
}

func TestGKOnCentralMeridian(t *testing.T) {
	for _, lat := range []float64{0, 10, 23.1, 45} {
		p := gk114.forward(orb.Point{114, lat})
		want := meridianNumeric(gk114, lat*math.Pi/180)
		if math.Abs(p[0]-500000) > 1e-6 || math.Abs(p[1]-want) > 0.01 {
			t.Errorf("lat %g: %v, want (500000, %.3f)", lat, p, want)
		}
	}
}

func TestGKRoundTripAndScale(t *testing.T) {
	for _, q := range []orb.Point{{113.23, 23.1}, {112.6, 22.5}, {115.4, 24.0}, {114, 23}} {
		back := gk114.inverse(gk114.forward(q))
		if math.Abs(back[0]-q[0]) > 1e-9 || math.Abs(back[1]-q[1]) > 1e-9 {
			t.Errorf("round trip %v -> %v", q, back)
		}
		// Conformal with point scale k ≈ 1 + x²/(2R²): a short geodesic
		// distance and its projected length agree after dividing by k.
		a, b := q, orb.Point{q[0] + 0.01, q[1] + 0.01}
		pa, pb := gk114.forward(a), gk114.forward(b)
		x := (pa[0]+pb[0])/2 - 500000
		k := 1 + x*x/(2*6371000*6371000)
		grid := math.Hypot(pa[0]-pb[0], pa[1]-pb[1]) / k
		ground := orbgeo.DistanceHaversine(a, b)
		// The spherical haversine itself is off by up to ~0.3% on the
		// ellipsoid; a projection error would be far larger.
		if math.Abs(grid-ground)/ground > 0.004 {
			t.Errorf("%v: grid %.2f m vs ground %.2f m", q, grid, ground)
		}
	}
}

func TestConversions(t *testing.T) {
	liwan := orb.Point{113.22954, 23.11668}
	for _, c := range All() {
		p, err := c.FromWGS84(liwan)
		if err != nil {
			t.Fatal(err)
		}
		back, err := c.ToWGS84(p)
		if err != nil || math.Abs(back[0]-liwan[0]) > 1e-7 || math.Abs(back[1]-liwan[1]) > 1e-7 {
			t.Errorf("%s: %v -> %v -> %v (%v)", c, liwan, p, back, err)
		}
		if c.Projected() != (math.Abs(p[0]) > 1000) {
			t.Errorf("%s: projected=%v but coordinates %v", c, c.Projected(), p)
		}
	}
	// GCJ-02 evidence vector from the site table.
	if w, _ := GCJ02.ToWGS84(orb.Point{113.234873, 23.113999}); math.Abs(w[0]-113.22954) > 1e-5 || math.Abs(w[1]-23.11668) > 1e-5 {
		t.Errorf("GCJ-02 evidence point -> %v", w)
	}
	for _, s := range []string{"EPSG:4547", "4547", "epsg:4326", "gcj02", "GCJ-02", "EPSG:3857", "EPSG:4490"} {
		if _, err := Parse(s); err != nil {
			t.Errorf("Parse(%q): %v", s, err)
		}
	}
	if _, err := Parse("EPSG:2385"); err == nil {
		t.Error("unsupported EPSG accepted")
	}
}

func TestFromWKT(t *testing.T) {
	tests := map[string]CRS{
		`GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]`:                                                                                                                                                                                                                                    WGS84,
		`GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]`:                                                                                                                                                                                                               CGCS2000,
		`PROJCS["CGCS2000_3_Degree_GK_CM_114E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",114.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`: CGCS2000GK114,
		`PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]]],PROJECTION["Mercator_Auxiliary_Sphere"]]`:                                                                                                                                                                                                     WebMercator,
		`PROJCS["CGCS2000_3_Degree_GK_CM_117E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000"],PROJECTION["Gauss_Kruger"],PARAMETER["Central_Meridian",117.0]]`:                                                                                                                                                                                                                            Unknown,
		`LOCAL_CS["arbitrary"]`: Unknown,
	}
	for wkt, want := range tests {
		if got := FromWKT(wkt); got != want {
			t.Errorf("FromWKT(%.50s…) = %v, want %v", wkt, got, want)
		}
	}
}

func TestGeometryConvertsEachPointOnce(t *testing.T) {
	want := orb.Point{113.23, 23.1}
	gk, _ := CGCS2000GK114.FromWGS84(want)
	poly := orb.MultiPolygon{{{gk, gk, gk, gk}, {gk, gk, gk, gk}}}
	g, err := CGCS2000GK114.Geometry(poly)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range g.(orb.MultiPolygon)[0] {
		for _, p := range r {
			if math.Abs(p[0]-want[0]) > 1e-8 || math.Abs(p[1]-want[1]) > 1e-8 {
				t.Fatalf("point converted to %v, want %v", p, want)
			}
		}
	}
	single, _ := CGCS2000GK114.Geometry(orb.Polygon{{gk, gk, gk}})
	if p := single.(orb.Polygon)[0][0]; math.Abs(p[0]-want[0]) > 1e-8 {
		t.Errorf("polygon point %v", p)
	}
	if _, err := WGS84.Geometry(orb.Polygon{{{500000, 2500000}, {1, 1}, {0, 0}}}); err == nil {
		t.Error("metres read as degrees were accepted")
	}
}
